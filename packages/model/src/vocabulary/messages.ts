// The model's sentences as data: a message is a code and its parameters (amounts as decimal strings,
// names, counts), rendered in the caller's language by `renderMessage`, like Zod's error map. The
// Dutch and English template of every code stand side by side in one table; amounts go through the
// nl-NL/en number formatting, the names of components, methods, key types and forms through the
// vocabulary, plurals through Intl.PluralRules.
import type { Component, RowForm } from '../domain/result.ts';
import { formatEuro, formatExact, type Locale } from './format.ts';
import { COMPONENT_NAMES, FORM_NAMES, componentName, formName, keyTypeName, methodName, PHASE_NAMES } from './names.ts';

import type { Message, MessageParam } from '../domain/message.ts';

export type { Message, MessageParam };

type P = Readonly<Record<string, MessageParam>>;

/** What a template gets besides its parameters: formatting in the template's language. */
export interface Say {
	readonly locale: Locale;
	/** An amount in euros, with cents unless `decimals` says otherwise ("€ 1.234,56" / "€1,234.56"). */
	euro(value: MessageParam | undefined, decimals?: number): string;
	/** A decimal string grouped in the language, with exactly the fraction digits it has. */
	num(value: MessageParam | undefined): string;
	/** A text parameter as it is (names, ids, dates, formulas). */
	text(value: MessageParam | undefined): string;
	/** "a, b and c" / "a, b en c". */
	list(items: readonly string[]): string;
	/** The form of `forms` that `count` takes (Intl.PluralRules). */
	plural(count: MessageParam | undefined, forms: { one: string; other: string }): string;
	/** A nested message, or a list of them joined by `separator`. */
	msg(value: MessageParam | undefined, separator?: string): string;
	method(id: MessageParam | undefined): string;
	keyType(id: MessageParam | undefined): string;
	component(id: MessageParam | undefined): string;
	form(id: MessageParam | undefined, withArticle?: boolean): string;
	phase(id: MessageParam | undefined): string;
}

type Template = (p: P, s: Say) => string;

/** Every message of the model, its Dutch and English template side by side. */
const MESSAGES = {
	// A name the scenario gives in both languages (a driver's label).
	name: { nl: (p, s) => s.text(p.nl), en: (p, s) => s.text(p.en) },
	// The overview's "changes nothing" reasons.
	'noOp.sameScenario': {
		nl: () => 'basis en variant zijn hetzelfde scenario; er verschilt dus niets',
		en: () => 'base and variant are the same scenario, so nothing differs'
	},
	'noOp.noChanges': { nl: () => 'de variant bevat geen wijzigingen', en: () => 'the variant has no changes' },
	'noOp.noEffect': {
		nl: (p, s) =>
			`geen van de ${s.num(p.changes)} ${s.plural(p.changes, { one: 'wijziging', other: 'wijzigingen' })} verandert een bedrag in ${s.text(p.span)}: ze herhalen waarden die al golden, gaan buiten de horizon in, of raken invoer die de geldende rechtsvorm niet gebruikt`,
		en: (p, s) =>
			`none of the ${s.num(p.changes)} ${s.plural(p.changes, { one: 'change', other: 'changes' })} alters a cost in ${s.text(p.span)}: they repeat values already in force, or take effect outside the horizon, or touch inputs the legal form in force does not use`
	},
	// Amounts in force and indexed.
	'rule.valueInForce': {
		nl: (p, s) => `waarde die geldt op ${s.text(p.date)}`,
		en: (p, s) => `value in force on ${s.text(p.date)}`
	},
	'rule.indexed': {
		nl: (p, s) =>
			`${s.euro(p.previous)} (${s.text(p.year)}) × (1 + ${s.num(p.wageShare)} × loonindex + ${s.num(p.priceShare)} × prijsindex) = ${s.euro(p.previous)} × ${s.num(p.factor)}, geïndexeerd na de laatste gedateerde waarde (${s.text(p.last)})`,
		en: (p, s) =>
			`${s.euro(p.previous)} (${s.text(p.year)}) × (1 + ${s.num(p.wageShare)} × wage index + ${s.num(p.priceShare)} × price index) = ${s.euro(p.previous)} × ${s.num(p.factor)}, indexed after the last dated value (${s.text(p.last)})`
	},
	'rule.indexYear': {
		nl: (p, s) => `${s.text(p.year)}: ${s.num(p.factor)}`,
		en: (p, s) => `${s.text(p.year)}: ${s.num(p.factor)}`
	},
	'rule.costIndex': {
		nl: (p, s) => `(${s.msg(p.years, ', ')}; loonaandeel gewogen naar de kosten van de pools)`,
		en: (p, s) => `(${s.msg(p.years, ', ')}; wage share weighted by pool cost)`
	},
	// Pools.
	'rule.noKey': { nl: () => 'geen verdeelsleutel van kracht', en: () => 'no key in force' },
	'rule.revenue': {
		nl: (p, s) => `baten van ${s.text(p.pool)} (derden), afgetrokken vóór de verdeling`,
		en: (p, s) => `revenue of ${s.text(p.pool)} (third parties), deducted before allocation`
	},
	'rule.taxableShare': {
		nl: (p, s) => `deel van de doorbelasting van ${s.text(p.pool)} buiten de koepelvrijstelling`,
		en: (p, s) => `share of ${s.text(p.pool)} charges outside the koepelvrijstelling`
	},
	'rule.net': {
		nl: () => 'lasten − baten',
		en: () => 'cost − revenue'
	},
	'rule.netEfficiency': {
		nl: (p, s) => `(lasten − baten) × (1 − efficiency ${s.num(p.efficiency)})`,
		en: (p, s) => `cost − revenue × (1 − efficiency ${s.num(p.efficiency)})`
	},
	'rule.keyShare': {
		nl: (p, s) =>
			`${s.msg(p.key)}; gewicht van ${s.text(p.participant)} ${s.num(p.weight)} van ${s.num(p.total)} in totaal (gewichten naar andere pools inbegrepen)`,
		en: (p, s) =>
			`${s.msg(p.key)}; ${s.text(p.participant)}'s weight ${s.num(p.weight)} of ${s.num(p.total)} in total (weights to other pools included)`
	},
	'rule.allocationStep': {
		nl: (p, s) =>
			`pooltotaal ${s.euro(p.poolTotal)} × gewicht ${s.num(p.weight)} ÷ ${s.num(p.weightSum)} = ${s.euro(p.exact, decimalsOf(p.exact))}, zo afgerond dat de delen van de pool optellen tot haar totaal`,
		en: (p, s) =>
			`pool total ${s.euro(p.poolTotal)} × weight ${s.num(p.weight)} ÷ ${s.num(p.weightSum)} = ${s.euro(p.exact, decimalsOf(p.exact))}, rounded so that the pool's parts add up to its total`
	},
	'rule.received': {
		nl: (p, s) => `${s.euro(p.amount)} van ${s.text(p.from)}`,
		en: (p, s) => `${s.euro(p.amount)} from ${s.text(p.from)}`
	},
	'rule.poolTotal': {
		nl: (p, s) => `eigen ${s.euro(p.own)} + ontvangen ${s.msg(p.received, ' + ')}`,
		en: (p, s) => `own ${s.euro(p.own)} + received ${s.msg(p.received, ' + ')}`
	},
	'rule.poolShare': {
		nl: (p, s) => `aandeel van ${s.text(p.participant)} in ${s.text(p.pool)}`,
		en: (p, s) => `${s.text(p.participant)}'s share of ${s.text(p.pool)}`
	},
	// Keys.
	'key.fixedShare': {
		nl: (p, s) => `${s.text(p.name)} ${s.num(p.share)}`,
		en: (p, s) => `${s.text(p.name)} ${s.num(p.share)}`
	},
	'key.fixed': {
		nl: (p, s) => `vaste aandelen: ${s.msg(p.shares, ', ')}`,
		en: (p, s) => `fixed shares: ${s.msg(p.shares, ', ')}`
	},
	'key.even': {
		nl: (p, s) =>
			`gelijke delen over ${s.num(p.count)} ${s.plural(p.count, { one: 'deelnemer', other: 'deelnemers' })}`,
		en: (p, s) =>
			`even split over ${s.num(p.count)} ${s.plural(p.count, { one: 'participant', other: 'participants' })}`
	},
	'key.driver': {
		nl: (p, s) => `naar rato van de verdeelgrootheid ${s.text(p.driver)}`,
		en: (p, s) => `in proportion to driver ${s.text(p.driver)}`
	},
	'key.basePlusUsage': {
		nl: (p, s) =>
			`${s.num(p.percent)} % met de sleutel ${s.keyType(p.base)} (vaste voet), de rest met de sleutel ${s.keyType(p.usage)} (afname)`,
		en: (p, s) =>
			`${s.num(p.percent)} % by the ${s.keyType(p.base)} key (vaste voet), the rest by the ${s.keyType(p.usage)} key (afname)`
	},
	'key.priceQuantity': {
		nl: (p, s) =>
			`prijs × hoeveelheid tegen kostprijs: lasten ÷ totaal ${s.text(p.driver)} × ${s.text(p.driver)} van elke ontvanger`,
		en: (p, s) =>
			`price × quantity at cost price: cost ÷ total ${s.text(p.driver)} × each recipient's ${s.text(p.driver)}`
	},
	'key.tariff': {
		nl: (p, s) =>
			`tarief ${s.euro(p.price, decimalsOf(p.price))} × ${s.text(p.driver)}; het ${p.surplus ? 'overschot' : 'tekort'} van ${s.euro(p.difference)} verrekend met ${p.settlement ? `de sleutel ${s.keyType(p.settlement)}` : s.text(p.driver)}`,
		en: (p, s) =>
			`tariff ${s.euro(p.price, decimalsOf(p.price))} × ${s.text(p.driver)}; the ${p.surplus ? 'surplus' : 'deficit'} of ${s.euro(p.difference)} settled by ${p.settlement ? `the ${s.keyType(p.settlement)} key` : s.text(p.driver)}`
	},
	'key.formulaInvalid': { nl: (p, s) => s.text(p.expression), en: (p, s) => s.text(p.expression) },
	'key.formula': {
		nl: (p, s) => `formule ${s.text(p.expression)}, per ontvanger uitgerekend`,
		en: (p, s) => `formula ${s.text(p.expression)}, evaluated per recipient`
	},
	'key.none': { nl: () => 'geen sleutel', en: () => 'no key' },
	// Other inputs of a year.
	'rule.vatRate': { nl: () => 'btw-tarief', en: () => 'VAT rate' },
	'rule.inhabitants': {
		nl: (p, s) => `inwoners van ${s.text(p.participant)} op ${s.text(p.date)}`,
		en: (p, s) => `inhabitants of ${s.text(p.participant)} on ${s.text(p.date)}`
	},
	'rule.transitionBudget': {
		nl: (p, s) => `frictiekosten begroot voor ${s.text(p.year)}`,
		en: (p, s) => `frictiekosten budgeted for ${s.text(p.year)}`
	},
	'rule.transitionShare': {
		nl: (p, s) =>
			`aandeel in ${s.euro(p.amount)} frictiekosten volgens de verdeelsleutel frictiekosten (${s.msg(p.key)})`,
		en: (p, s) => `share of ${s.euro(p.amount)} frictiekosten by the transition key (${s.msg(p.key)})`
	},
	// The GR.
	'rule.grService': {
		nl: (p, s) => `de pools van de GR verdeeld over de deelnemers met hun sleutels, methode ${s.method(p.method)}`,
		en: (p, s) => `the GR's pools allocated to the participants by their keys, ${s.method(p.method)} method`
	},
	'rule.grGovernanceShare': {
		nl: (p, s) =>
			`aandeel in de bestuurskosten van de GR (${s.euro(p.total)} volgens de verdeelsleutel bestuurskosten) ${s.euro(p.share)} + eigen kosten eigenaarsrol ${s.euro(p.owner)}`,
		en: (p, s) =>
			`share of GR governance (${s.euro(p.total)} by the governance key) ${s.euro(p.share)} + own owner costs ${s.euro(p.owner)}`
	},
	'rule.grVat': {
		nl: (p, s) =>
			`${s.num(p.rate)} × belastbare grondslag ${s.euro(p.base)} (Σ doorbelasting per pool × belast aandeel) × (1 − door het BCF gecompenseerd aandeel)`,
		en: (p, s) =>
			`${s.num(p.rate)} × taxable base ${s.euro(p.base)} (Σ pool charge × taxable share) × (1 − BCF-compensable share)`
	},
	'rule.governanceKey': {
		nl: (p, s) =>
			`verdeeld met de verdeelsleutel bestuurskosten: ${s.msg(p.key)}; aandeel van ${s.text(p.participant)} ${s.num(p.share)} %`,
		en: (p, s) => `divided by the governance key: ${s.msg(p.key)}; ${s.text(p.participant)}'s share ${s.num(p.share)} %`
	},
	// The centrumgemeente.
	'rule.transitionYears': {
		nl: () => 'duur van de transitiefase van de DVO in jaren',
		en: () => 'length of the DVO transition phase in years'
	},
	'rule.markupTerm': {
		nl: () => 'opslag op de kostprijs na de transitiefase',
		en: () => 'opslag on the cost price after the transition phase'
	},
	'rule.dvoTransition': {
		nl: (p, s) =>
			`transitiefase van de DVO (${s.text(p.from)}–${s.text(p.to)}): laatste GR-bijdrage van ${s.text(p.prior)} (dienstverlening ${s.euro(p.service)} + bestuur GR ${s.euro(p.governance)} = ${s.euro(p.contribution)}) × kostenindex ${s.msg(p.index)} = ${s.euro(p.fee)}`,
		en: (p, s) =>
			`DVO transition phase (${s.text(p.from)}–${s.text(p.to)}): last GR contribution of ${s.text(p.prior)} (service ${s.euro(p.service)} + GR governance ${s.euro(p.governance)} = ${s.euro(p.contribution)}) × cost index ${s.msg(p.index)} = ${s.euro(p.fee)}`
	},
	'rule.dvoPriceQuantity': {
		nl: (p, s) =>
			`DVO prijs × hoeveelheid: kostprijsaandeel ${s.euro(p.share)} (pools met hun sleutels, methode ${s.method(p.method)}) + opslag ${s.num(p.markup)} × ${s.euro(p.share)} = ${s.euro(p.fee)}`,
		en: (p, s) =>
			`DVO price × quantity: cost price share ${s.euro(p.share)} (pools by their keys, ${s.method(p.method)} method) + mark-up ${s.num(p.markup)} × ${s.euro(p.share)} = ${s.euro(p.fee)}`
	},
	'rule.markup': {
		nl: (p, s) => `opslag ${s.num(p.markup)} op het kostprijsaandeel ${s.euro(p.share)}`,
		en: (p, s) => `opslag ${s.num(p.markup)} on the cost price share ${s.euro(p.share)}`
	},
	'rule.partnerVat': {
		nl: (p, s) =>
			`${s.num(p.rate)} × belast deel van de DVO-vergoeding ${s.euro(p.base)} × (1 − door het BCF gecompenseerd aandeel); het eigen gebruik van ${s.text(p.host)} is intern, zonder btw`,
		en: (p, s) =>
			`${s.num(p.rate)} × taxable part of the DVO fee ${s.euro(p.base)} × (1 − BCF-compensable share); ${s.text(p.host)}'s own use is in-house, without VAT`
	},
	'rule.hostResidual': {
		nl: (p, s) =>
			`${s.text(p.host)} draagt het restant: totale kosten van de dienstverlening ${s.euro(p.total)} − DVO-vergoedingen van de partners ${s.euro(p.fees)} = ${s.euro(p.residual)} (dienstverlening ${s.euro(p.service)}, ontvangen opslag ${s.euro(p.markup)})`,
		en: (p, s) =>
			`${s.text(p.host)} bears the residual: total service cost ${s.euro(p.total)} − partners' DVO fees ${s.euro(p.fees)} = ${s.euro(p.residual)} (service ${s.euro(p.service)}, mark-up received ${s.euro(p.markup)})`
	},
	'rule.hostVat': {
		nl: (p, s) =>
			`het eigen gebruik van de diensten door ${s.text(p.host)} is intern: de centrumgemeente rekent zichzelf geen btw`,
		en: (p, s) => `${s.text(p.host)}'s own use of the services is in-house: no VAT is charged to the host`
	},
	'rule.markupReceived': {
		nl: (p, s) => `opslag ontvangen van de partners: ${s.euro(p.amount)}`,
		en: (p, s) => `mark-up received from the partners: ${s.euro(p.amount)}`
	},
	// The computation log: where an input sits and from when it holds.
	'log.inputAt': {
		nl: (p, s) => `${s.text(p.path)}, vanaf ${s.text(p.from)}`,
		en: (p, s) => `${s.text(p.path)}, from ${s.text(p.from)}`
	},
	// Explanation nodes.
	'rule.components': {
		nl: (p, s) => s.msg(p.parts, ' + '),
		en: (p, s) => s.msg(p.parts, ' + ')
	},
	'rule.component': {
		nl: (p, s) => `${s.component(p.component)} ${s.euro(p.amount)}`,
		en: (p, s) => `${s.component(p.component)} ${s.euro(p.amount)}`
	},
	'rule.noneUnder': {
		nl: (p, s) => `geen onder ${s.form(p.form, true)} in ${s.text(p.year)}`,
		en: (p, s) => `none under ${s.form(p.form, true)} in ${s.text(p.year)}`
	},
	'rule.totalServiceCost': { nl: () => 'som van de nettokosten van de pools', en: () => 'sum of the pools’ net costs' },
	'rule.partnerFees': {
		nl: () => 'dienstverlening + opslag van elke partner',
		en: () => 'service + mark-up of each partner'
	},
	'rule.lastContribution': {
		nl: () =>
			'doorbelasting van de GR + aandeel in de bestuurskosten van de GR (eigen kosten eigenaarsrol, btw en frictiekosten horen niet bij de bijdrage)',
		en: () =>
			"GR service charges + share of the GR's governance costs (owners' own costs, VAT and transition costs are not part of the contribution)"
	},
	// In-house (eigen organisatie).
	'rule.inHouseService': {
		nl: (p, s) =>
			`${s.euro(p.unit)} per fte × ${s.num(p.size)} fte × (${s.num(p.size)} / ${s.num(p.reference)})^(${s.num(p.exponent)} − 1) × kostenindex ${s.num(p.index)}`,
		en: (p, s) =>
			`${s.euro(p.unit)} per FTE × ${s.num(p.size)} FTE × (${s.num(p.size)} / ${s.num(p.reference)})^(${s.num(p.exponent)} − 1) × cost index ${s.num(p.index)}`
	},
	'rule.inHouseTotal': {
		nl: (p, s) =>
			`Σ over de diensten van kosten per fte × F × (F / F_ref)^(b − 1) × index, met F = ${s.num(p.size)} (${s.text(p.driver)}), F_ref = ${s.num(p.reference)}, b = ${s.num(p.exponent)}; de index loopt van ${s.text(p.from)} tot ${s.text(p.year)}`,
		en: (p, s) =>
			`Σ over the services of cost per FTE × F × (F / F_ref)^(b − 1) × index, with F = ${s.num(p.size)} (${s.text(p.driver)}), F_ref = ${s.num(p.reference)}, b = ${s.num(p.exponent)}; the index runs from ${s.text(p.from)} to ${s.text(p.year)}`
	},
	'label.inHouse': {
		nl: (p, s) => `Eigen bedrijfsvoering van ${s.list(names(p.members))} in ${s.text(p.year)}`,
		en: (p, s) => `In-house bedrijfsvoering of ${s.list(names(p.members))} in ${s.text(p.year)}`
	},
	'rule.inHouseYear': {
		nl: (p, s) => `eigen organisatie: diensten ${s.euro(p.services)} + uittredingskosten ${s.euro(p.exit)}`,
		en: (p, s) => `in-house (eigen organisatie): services ${s.euro(p.services)} + exit costs ${s.euro(p.exit)}`
	},
	'label.exitCosts': {
		nl: () => 'Uittredingskosten: uittredingsvergoeding, frictiekosten, ontvlechting ICT',
		en: () => 'Exit costs: uittredingsvergoeding, frictiekosten, disentangling ICT'
	},
	'rule.staying': {
		nl: (p, s) =>
			`de kleinere gedeelde bedrijfsvoering van wie blijft (zonder ${s.list(names(p.away))}), min de ontvangen uittredingsvergoeding`,
		en: (p, s) =>
			`the smaller shared back office of those who stay (without ${s.list(names(p.away))}), less the uittredingsvergoeding received`
	},
	'label.exitReceived': { nl: () => 'Ontvangen uittredingsvergoeding', en: () => 'Uittredingsvergoeding received' }
} satisfies Record<string, Record<Locale, Template>>;

/** The code of every message the model renders. */
export type MessageCode = keyof typeof MESSAGES;

/** Every message code (for tests and for renderers that check a code before use). */
export const MESSAGE_CODES = Object.keys(MESSAGES) as MessageCode[];

/** A message from its code and parameters. */
export function message(code: MessageCode, params?: Readonly<Record<string, MessageParam>>): Message {
	// The code is typed here, so a message built in the model always has a template.
	return params ? { code, params } : { code };
}

/** A name given in both languages, as a message parameter. */
export function named(name: Readonly<Record<Locale, string>>): Message {
	return { code: 'name', params: { nl: name.nl, en: name.en } };
}

function names(value: MessageParam | undefined): string[] {
	return Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
}

/** The fraction digits a decimal string carries ("2328942.031752" → 6), at least 2 for amounts. */
function decimalsOf(value: MessageParam | undefined): number {
	const text = String(value ?? '');
	const dot = text.indexOf('.');
	return Math.max(2, dot < 0 ? 0 : text.length - dot - 1);
}

const plurals = new Map<Locale, Intl.PluralRules>();
const lists = new Map<Locale, Intl.ListFormat>();
const INTL: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

function sayIn(locale: Locale): Say {
	const rules = plurals.get(locale) ?? new Intl.PluralRules(INTL[locale]);
	plurals.set(locale, rules);
	const listFormat = lists.get(locale) ?? new Intl.ListFormat(INTL[locale], { type: 'conjunction' });
	lists.set(locale, listFormat);
	const say: Say = {
		locale,
		euro: (value, decimals = 2) => formatEuro(String(value ?? '0'), locale, { decimals: Math.min(decimals, 20) }),
		num: (value) => formatExact(String(value ?? ''), locale),
		text: (value) => (value === undefined ? '' : typeof value === 'object' ? say.msg(value) : String(value)),
		list: (items) => listFormat.format(items),
		plural: (count, forms) => (rules.select(Number(count)) === 'one' ? forms.one : forms.other),
		msg: (value, separator = ', ') => {
			if (value === undefined) return '';
			if (Array.isArray(value))
				return (value as readonly (Message | string)[])
					.map((m) => (typeof m === 'string' ? m : renderMessage(m, locale)))
					.join(separator);
			return typeof value === 'object' ? renderMessage(value as Message, locale) : String(value);
		},
		method: (id) => methodName(String(id), locale),
		keyType: (id) => keyTypeName(String(id), locale),
		component: (id) =>
			String(id) in COMPONENT_NAMES ? componentName(String(id) as Component, locale) : String(id ?? ''),
		form: (id, withArticle) =>
			String(id) in FORM_NAMES ? formName(String(id) as RowForm, locale, withArticle) : String(id ?? ''),
		phase: (id) => (PHASE_NAMES as Record<string, Record<Locale, string>>)[String(id)]?.[locale] ?? String(id)
	};
	return say;
}

const sayers = new Map<Locale, Say>();

/**
 * A message as text in `locale`: the one place where the model's sentences become words.
 * @throws Error for an unknown code (a programming error)
 */
export function renderMessage(m: Message, locale: Locale): string {
	const entry = (MESSAGES as Record<string, Record<Locale, Template>>)[m.code];
	if (!entry) throw new Error(`[model] unknown message code: ${m.code}`);
	let say = sayers.get(locale);
	if (!say) {
		say = sayIn(locale);
		sayers.set(locale, say);
	}
	return entry[locale](m.params ?? {}, say);
}
