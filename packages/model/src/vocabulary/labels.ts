// Labels of explanation nodes and input lists in Dutch and English (the rules under them are
// messages, vocabulary/messages.ts; names of components, methods and key types come from names.ts).
import type { Locale } from './format.ts';
import type { Component } from '../domain/result.ts';
import { componentName } from './names.ts';

export type { Locale };

type Params = Record<string, string | number>;
type Template = string | ((p: Params) => string);

const LABELS = {
	en: {
		total: (p: Params) => `${p.name}, ${p.year}: total cost under ${p.form} (method ${p.method})`,
		'pool.cost': (p: Params) => `Cost (lasten) of ${p.pool} in ${p.year}`,
		'pool.revenue': (p: Params) => `Revenue of ${p.pool} from third parties`,
		'pool.net': (p: Params) => `Net cost of ${p.pool} to allocate`,
		'pool.key': (p: Params) => `Key of ${p.pool} (${p.type}, in force from ${p.from})`,
		'pool.keyInput': (p: Params) => `key of ${p.pool}`,
		'pool.step': (p: Params) => `Allocation step ${p.step} (${p.method} method)`,
		'pool.total': (p: Params) => `Total of ${p.pool} after service between pools`,
		'pool.share': (p: Params) => `${p.participant}'s share of ${p.pool}`,
		'dvo.fee': (p: Params) => `DVO fee of ${p.participant} (${p.phase})`,
		'dvo.totalServiceCost': (p: Params) => `Total service cost in ${p.year}`,
		'dvo.partnerFees': 'DVO fees of the partners',
		'dvo.lastContribution': (p: Params) => `Last GR contribution of ${p.participant}, ${p.year}`,
		'gr.governance': 'GR governance costs (AB/DB, P&C cycle, accountant, treasury)',
		'input.driver': (p: Params) => `${p.driver}: ${p.recipient}`,
		'input.cost': (p: Params) => `${p.pool}: cost (lasten)`,
		'input.revenue': (p: Params) => `${p.pool}: revenue from third parties`,
		'input.wageShare': (p: Params) => `${p.pool}: wage share`,
		'input.vatTaxableShare': (p: Params) => `${p.pool}: VAT-taxable share`,
		'input.key': (p: Params) => `${p.pool}: key`,
		'input.wageIndex': 'Wage index',
		'input.priceIndex': 'Price index',
		'input.governance': (p: Params) => `GR governance: ${p.item}`,
		'input.governanceWageShare': (p: Params) => `GR governance: ${p.item}, wage share`,
		'input.governanceKey': 'GR governance key',
		'input.ownerCosts': (p: Params) => `Owner costs: ${p.participant}`,
		'input.transitionYears': 'DVO transition phase (years)',
		'input.markup': 'Mark-up (opslag)',
		'input.efficiency': 'Structural saving (efficiency)',
		'input.hostContractManagement': (p: Params) => `Contract management at the host (${p.participant})`,
		'input.partnerContractManagement': (p: Params) => `Contract management: ${p.participant}`,
		'input.transitionCosts': (p: Params) => `Transition costs (frictiekosten) ${p.year}`,
		'input.transitionKey': 'Transition cost key',
		'input.vatRate': 'VAT rate',
		'input.bcf': (p: Params) => `BCF-compensable share: ${p.participant}`,
		'input.discountRate': 'Discount rate'
	},
	nl: {
		total: (p: Params) => `${p.name}, ${p.year}: totale kosten onder ${p.form} (methode ${p.method})`,
		'pool.cost': (p: Params) => `Lasten van ${p.pool} in ${p.year}`,
		'pool.revenue': (p: Params) => `Baten van ${p.pool} uit dienstverlening aan derden`,
		'pool.net': (p: Params) => `Te verdelen nettokosten van ${p.pool}`,
		'pool.key': (p: Params) => `Verdeelsleutel van ${p.pool} (${p.type}, geldig vanaf ${p.from})`,
		'pool.keyInput': (p: Params) => `verdeelsleutel van ${p.pool}`,
		'pool.step': (p: Params) => `Verdeelstap ${p.step} (methode ${p.method})`,
		'pool.total': (p: Params) => `Totaal van ${p.pool} na dienstverlening tussen pools`,
		'pool.share': (p: Params) => `Aandeel van ${p.participant} in ${p.pool}`,
		'dvo.fee': (p: Params) => `DVO-vergoeding van ${p.participant} (${p.phase})`,
		'dvo.totalServiceCost': (p: Params) => `Totale kosten van de dienstverlening in ${p.year}`,
		'dvo.partnerFees': 'DVO-vergoedingen van de partnergemeenten',
		'dvo.lastContribution': (p: Params) => `Laatste GR-bijdrage van ${p.participant}, ${p.year}`,
		'gr.governance': 'Bestuurskosten van de GR (AB/DB, P&C-cyclus, accountant, treasury)',
		'input.driver': (p: Params) => `${p.driver}: ${p.recipient}`,
		'input.cost': (p: Params) => `${p.pool}: lasten`,
		'input.revenue': (p: Params) => `${p.pool}: baten van derden`,
		'input.wageShare': (p: Params) => `${p.pool}: loonaandeel`,
		'input.vatTaxableShare': (p: Params) => `${p.pool}: btw-belast aandeel`,
		'input.key': (p: Params) => `${p.pool}: verdeelsleutel`,
		'input.wageIndex': 'Loonindex',
		'input.priceIndex': 'Prijsindex',
		'input.governance': (p: Params) => `Bestuur GR: ${p.item}`,
		'input.governanceWageShare': (p: Params) => `Bestuur GR: ${p.item}, loonaandeel`,
		'input.governanceKey': 'Verdeelsleutel bestuurskosten GR',
		'input.ownerCosts': (p: Params) => `Eigenaarsrol: ${p.participant}`,
		'input.transitionYears': 'Transitiefase DVO (jaren)',
		'input.markup': 'Opslag',
		'input.efficiency': 'Structurele besparing (efficiency)',
		'input.hostContractManagement': (p: Params) => `Contractbeheer bij de centrumgemeente (${p.participant})`,
		'input.partnerContractManagement': (p: Params) => `Opdrachtgeverschap: ${p.participant}`,
		'input.transitionCosts': (p: Params) => `Frictiekosten ${p.year}`,
		'input.transitionKey': 'Verdeelsleutel frictiekosten',
		'input.vatRate': 'Btw-tarief',
		'input.bcf': (p: Params) => `Door het BCF gecompenseerd aandeel: ${p.participant}`,
		'input.discountRate': 'Disconteringsvoet'
	}
} satisfies Record<Locale, Record<string, Template>>;

export type LabelKey = keyof (typeof LABELS)['en'];

/** The label for `key` in `locale`, with its parameters filled in. */
export function label(locale: Locale, key: LabelKey, params: Params = {}): string {
	const template: Template = LABELS[locale][key];
	return typeof template === 'string' ? template : template(params);
}

/** The label of a cost component: its one name (vocabulary/names.ts). */
export function componentLabel(locale: Locale, component: Component): string {
	return componentName(component, locale);
}
