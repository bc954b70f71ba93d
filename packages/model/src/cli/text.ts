// The sentences and headings the command line prints, in Dutch (default) and English (`--lang en`).
// One table of texts per language; `{name}` placeholders are filled by `say`.
import type { Component } from '../domain/result.ts';
import type { Locale } from '../vocabulary/format.ts';
import { UsageError, oneOf } from './args.ts';
import { componentShortName } from '../vocabulary/names.ts';

const nl = {
	perYear: 'Kosten per gemeente per jaar, bedragen in € (methode: {methods})',
	year: 'Jaar',
	form: 'Vorm',
	gr: 'GR',
	centrum: 'centrum',
	costs: 'Kosten',
	charged: 'Doorbelast',
	perComponent: 'Per component, {from}–{to} samen (bedragen in €)',
	participant: 'Gemeente',
	total: 'Totaal',
	perInhabitantShort: '€/inw.',
	perInhabitantNote: '(€/inw.: kosten per inwoner in {year})',
	reconciled: 'Controle: in elk jaar is alles wat betaald moet worden tot op de cent doorbelast.',
	notReconciled: 'Controle MISLUKT: kosten en doorbelasting verschillen.',
	variant: 'variant {id}',
	comparedWith: 'vergeleken met: {title}',
	noDifference: 'Geen verschil: {reason}.',
	deltaHeading: 'Verschil in kosten per gemeente (variant − basis), bedragen in €; positief = duurder in de variant',
	together: 'Samen',
	cumulative: 'Cumulatief',
	npv: 'Contante waarde ({rate} %, {year})',
	perInhabitantCumulative: 'Per inwoner (cumulatief)',
	payback: 'Terugverdiend vanaf',
	never: 'nooit',
	totalsHeading: 'Totale kosten {from}–{to} per gemeente, bedragen in €',
	base: 'Basis',
	variantColumn: 'Variant',
	difference: 'Verschil',
	largestShift: 'Grootste verschuiving',
	footnote:
		'Verschillen kleiner dan € {tolerance} heten "ongeveer evenveel". Terugverdiend vanaf: het eerste jaar vanaf waar het cumulatieve verschil ≤ 0 blijft. {rounding}',
	roundingNoteAddingUp:
		"Elk bedrag is afgerond op hele euro's, zo dat elke rij en kolom optelt tot het totaal ernaast; elk bedrag ligt daardoor binnen een euro van zijn exacte waarde, niet altijd op de dichtstbijzijnde euro (op de cent: --format json).",
	componentDetail: '{name}: verschil per component (variant − basis), bedragen in €',
	fairHeading: 'Eerlijke verdeling ({basis}), bedragen in €',
	fairYear: 'in {year}',
	fairNpv: 'contante waarde {year} tegen {rate} %',
	alone: 'Alleen',
	pays: 'Betaalt',
	shapley: 'Shapley',
	nucleolus: 'Nucleolus',
	usage: 'Gebruik',
	saving: 'Besparing',
	vsShapley: 't.o.v. Shapley',
	player: 'Speler',
	gameHeading: 'Spel ({kind}), {n} spelers',
	costGame: 'kostenspel',
	valueGame: 'opbrengstspel',
	coreNonEmpty: 'De kern is niet leeg; de nucleolus ligt erin (minste-kern-ε {epsilon}).',
	coreEmpty: 'De kern is leeg: elke verdeling laat een coalitie minstens {epsilon} beter af alleen.',
	simHeading:
		'{variant} vergeleken met {base}: {draws} trekkingen (seed {seed}, {sampling}), {inputs} onzekere invoerwaarden',
	simNpvNote: 'Contante waarde van het verschil (variant − basis) in €; negatief = goedkoper in de variant',
	simRecomputed: '{fallbacks} van de {draws} trekkingen exact nagerekend (een andere tak dan de opgenomen rekenkern)',
	simAllExact: 'alle trekkingen exact gerekend ({reason})',
	simNoKernel: 'geen rekenkern',
	meanStderr: 'gemiddeld (± s.e.)',
	probabilityCheaper: 'kans goedkoper',
	npvOfDifference: 'contante waarde van het verschil',
	differenceIn: 'verschil in {year}',
	sensHeading: '{name}: {what} (variant − basis), €',
	input: 'invoer',
	low: 'laag',
	high: 'hoog',
	atLow: 'bij laag',
	atHigh: 'bij hoog',
	swing: 'zwaai',
	beSearched: '{participant}, {input} ({path}), gezocht van {low} tot {high}',
	beEnds: '{what}: {atLow} bij {low}, {atHigh} bij {high}',
	beNone: 'geen omslagpunt binnen dit bereik',
	beFound: 'omslagpunt: {value} (nagerekend: {check})',
	warningMark: 'waarschuwing: ',
	validScenario: 'geldig scenario {id} ({participants}, {pools}, {from}–{to}, {variants}: {list})',
	validProblem: 'geldig verdeelprobleem (methode {method}, {pools}, {recipients})',
	validGame: 'geldig coöperatief spel ({kind}, {players} van hoogstens {max})',
	none: 'geen',
	notValidatable: 'geen bestand dat sp71 kan controleren (verwacht {kinds})',
	kindProblem: 'verdeelprobleem',
	kindGame: 'coöperatief spel',
	or: 'of'
};

const en: Record<keyof typeof nl, string> = {
	perYear: 'Cost per participant per year, amounts in € (method: {methods})',
	year: 'Year',
	form: 'Form',
	gr: 'GR',
	centrum: 'host',
	costs: 'Costs',
	charged: 'Charged',
	perComponent: 'By component, {from}–{to} together (amounts in €)',
	participant: 'Participant',
	total: 'Total',
	perInhabitantShort: '€/inh.',
	perInhabitantNote: '(€/inh.: cost per inhabitant in {year})',
	reconciled: 'Check: in every year everything that has to be paid is charged, to the cent.',
	notReconciled: 'Check FAILED: costs and charges differ.',
	variant: 'variant {id}',
	comparedWith: 'compared with: {title}',
	noDifference: 'No difference: {reason}.',
	deltaHeading: 'Difference in cost per participant (variant − base), amounts in €; positive = dearer in the variant',
	together: 'Together',
	cumulative: 'Cumulative',
	npv: 'Net present value ({rate} %, {year})',
	perInhabitantCumulative: 'Per inhabitant (cumulative)',
	payback: 'Paid back from',
	never: 'never',
	totalsHeading: 'Total cost {from}–{to} per participant, amounts in €',
	base: 'Base',
	variantColumn: 'Variant',
	difference: 'Difference',
	largestShift: 'Largest shift',
	footnote:
		'Differences below € {tolerance} count as "about the same". Paid back from: the first year from which the cumulative difference stays ≤ 0. {rounding}',
	roundingNoteAddingUp:
		'Each amount is rounded to whole euros so that every row and column adds up to the total beside it; each amount is therefore within a euro of its exact value, not always at the nearest euro (to the cent: --format json).',
	componentDetail: '{name}: difference by component (variant − base), amounts in €',
	fairHeading: 'Fair shares ({basis}), amounts in €',
	fairYear: 'in {year}',
	fairNpv: 'net present value {year} at {rate} %',
	alone: 'Alone',
	pays: 'Pays',
	shapley: 'Shapley',
	nucleolus: 'Nucleolus',
	usage: 'Usage',
	saving: 'Saving',
	vsShapley: 'vs Shapley',
	player: 'Player',
	gameHeading: 'Game ({kind}), {n} players',
	costGame: 'cost game',
	valueGame: 'value game',
	coreNonEmpty: 'The core is not empty; the nucleolus lies in it (least-core ε {epsilon}).',
	coreEmpty: 'The core is empty: every division leaves some coalition at least {epsilon} better off alone.',
	simHeading: '{variant} compared with {base}: {draws} draws (seed {seed}, {sampling}), {inputs} uncertain inputs',
	simNpvNote: 'Net present value of the difference (variant − base) in €; negative = cheaper in the variant',
	simRecomputed: '{fallbacks} of the {draws} draws recomputed exactly (another branch than the recorded kernel)',
	simAllExact: 'every draw computed exactly ({reason})',
	simNoKernel: 'no kernel',
	meanStderr: 'mean (± s.e.)',
	probabilityCheaper: 'P(cheaper)',
	npvOfDifference: 'net present value of the difference',
	differenceIn: 'difference in {year}',
	sensHeading: '{name}: {what} (variant − base), €',
	input: 'input',
	low: 'low',
	high: 'high',
	atLow: 'at low',
	atHigh: 'at high',
	swing: 'swing',
	beSearched: '{participant}, {input} ({path}), searched from {low} to {high}',
	beEnds: '{what}: {atLow} at {low}, {atHigh} at {high}',
	beNone: 'no break-even within this range',
	beFound: 'break-even: {value} (recomputed: {check})',
	warningMark: 'warning: ',
	validScenario: 'valid scenario {id} ({participants}, {pools}, {from}–{to}, {variants}: {list})',
	validProblem: 'valid allocation problem (method {method}, {pools}, {recipients})',
	validGame: 'valid cooperative game ({kind}, {players} of at most {max})',
	none: 'none',
	notValidatable: 'not a file sp71 can validate (expected {kinds})',
	kindProblem: 'allocation problem',
	kindGame: 'cooperative game',
	or: 'or'
};

export type TextKey = keyof typeof nl;

const TEXTS: Record<Locale, Record<TextKey, string>> = { nl, en };

/** A CLI text in `locale` with its placeholders filled. */
export function say(locale: Locale, key: TextKey, params: Record<string, string | number> = {}): string {
	return TEXTS[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

const COUNTED: Record<string, Record<Locale, { one: string; other: string }>> = {
	participant: { nl: { one: 'deelnemer', other: 'deelnemers' }, en: { one: 'participant', other: 'participants' } },
	pool: { nl: { one: 'kostenpool', other: 'kostenpools' }, en: { one: 'pool', other: 'pools' } },
	variant: { nl: { one: 'variant', other: 'varianten' }, en: { one: 'variant', other: 'variants' } },
	recipient: { nl: { one: 'ontvanger', other: 'ontvangers' }, en: { one: 'recipient', other: 'recipients' } },
	player: { nl: { one: 'speler', other: 'spelers' }, en: { one: 'player', other: 'players' } }
};

/** A count and its noun in `locale`: "1 deelnemer", "4 deelnemers", "2 pools". */
export function counted(locale: Locale, n: number, noun: keyof typeof COUNTED): string {
	const forms = COUNTED[noun]![locale];
	return `${n} ${n === 1 ? forms.one : forms.other}`;
}

/** The short column name of a cost component. */
export function componentName(locale: Locale, component: Component): string {
	return componentShortName(component, locale);
}

/** The `--lang` option of the commands that print sentences (default nl). */
export const LANG_OPTION = { lang: { type: 'string' } } as const;

/** Read `--lang nl|en`. @throws UsageError for another value */
export function langOf(value: string | boolean | undefined): Locale {
	if (value === true) throw new UsageError('--lang needs a value: nl or en');
	return oneOf('lang', value, ['nl', 'en'] as const) ?? 'nl';
}
