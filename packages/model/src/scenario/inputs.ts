// Every input of a scenario as a flat list with provenance (the "Gegevens en bronnen" page), and how
// many euros rest on estimates.
import type { Basis, InputValue } from '../domain/result.ts';
import { Decimal, ZERO, formatAmount, toDecimal } from '../money/decimal.ts';
import { label, type Locale } from '../vocabulary/labels.ts';
import { keyTypeName } from '../vocabulary/names.ts';
import { entryAt, yearDate } from './resolve.ts';
import type { Key, Leaf, Scenario, Series } from './types.ts';

function fromSeries(series: Series<Leaf> | undefined, path: string, label: string, out: InputValue[]): void {
	for (const e of series?.entries ?? [])
		if (e.value)
			out.push({
				path,
				label,
				from: e.from,
				value: e.value.value,
				provenance: e.value.provenance,
				...(e.value.unit ? { unit: e.value.unit } : {})
			});
}

function keyNumbers(key: Key): string {
	switch (key.type) {
		case 'fixed':
			return Object.entries(key.shares)
				.map(([id, s]) => `${id} ${s}`)
				.join(', ');
		case 'price-quantity':
			return `${key.driver}${key.price ? ` at € ${key.price}` : ' at cost price'}`;
		case 'base-plus-usage':
			return `${key.baseShare} by ${key.base.type} (${keyNumbers(key.base)}), rest by ${key.usage.type} (${keyNumbers(key.usage)})`;
		case 'formula':
			return key.expression;
		case 'driver':
			return key.driver;
		case 'even':
			return 'even';
	}
}

function fromKeys(
	series: Series<Key> | undefined,
	path: string,
	label: string,
	out: InputValue[],
	locale: Locale
): void {
	for (const e of series?.entries ?? [])
		if (e.value?.provenance)
			out.push({
				path,
				label: `${label} (${keyTypeName(e.value.type, locale)})`,
				from: e.from,
				value: keyNumbers(e.value),
				provenance: e.value.provenance
			});
}

/**
 * Every numeric input of a scenario with its provenance: pool costs, revenue, shares, keys with numbers,
 * driver values, indices, GR and centrumgemeente parameters, VAT, comparison settings.
 * @param scenario a validated scenario
 * @param options.locale the language of the labels (default English); participants and pools are named by their names
 */
export function listInputs(scenario: Scenario, options: { locale?: Locale } = {}): InputValue[] {
	const locale = options.locale ?? 'en';
	const t = (key: Parameters<typeof label>[1], params: Record<string, string | number> = {}) =>
		label(locale, key, params);
	const names = new Map(scenario.participants.map((p) => [p.id, p.name]));
	const who = (id: string) => names.get(id) ?? id;
	const poolNames = new Map(scenario.pools.map((p) => [p.id, p.name]));
	const recipient = (id: string) => names.get(id) ?? poolNames.get(id) ?? id;
	const out: InputValue[] = [];
	for (const [name, d] of Object.entries(scenario.drivers))
		for (const [rid, s] of Object.entries(d.values))
			fromSeries(
				s,
				`drivers.${name}.values.${rid}`,
				t('input.driver', { driver: d.label[locale], recipient: recipient(rid) }),
				out
			);
	for (const p of scenario.pools) {
		const at = `pools[id=${p.id}]`;
		fromSeries(p.cost, `${at}.cost`, t('input.cost', { pool: p.name }), out);
		fromSeries(p.revenue, `${at}.revenue`, t('input.revenue', { pool: p.name }), out);
		fromSeries(p.wageShare, `${at}.wageShare`, t('input.wageShare', { pool: p.name }), out);
		fromSeries(p.vatTaxableShare, `${at}.vatTaxableShare`, t('input.vatTaxableShare', { pool: p.name }), out);
		fromKeys(p.key, `${at}.key`, t('input.key', { pool: p.name }), out, locale);
	}
	fromSeries(scenario.indexation.wage, 'indexation.wage', t('input.wageIndex'), out);
	fromSeries(scenario.indexation.price, 'indexation.price', t('input.priceIndex'), out);
	for (const g of scenario.gr.governance) {
		fromSeries(g.cost, `gr.governance[id=${g.id}].cost`, t('input.governance', { item: g.label }), out);
		fromSeries(
			g.wageShare,
			`gr.governance[id=${g.id}].wageShare`,
			t('input.governanceWageShare', { item: g.label }),
			out
		);
	}
	fromKeys(scenario.gr.governanceKey, 'gr.governanceKey', t('input.governanceKey'), out, locale);
	for (const [pid, s] of Object.entries(scenario.gr.ownerCosts))
		fromSeries(s, `gr.ownerCosts.${pid}`, t('input.ownerCosts', { participant: who(pid) }), out);
	const c = scenario.centrumgemeente;
	if (c) {
		fromSeries(c.transitionYears, 'centrumgemeente.transitionYears', t('input.transitionYears'), out);
		fromSeries(c.markup, 'centrumgemeente.markup', t('input.markup'), out);
		fromSeries(c.efficiency, 'centrumgemeente.efficiency', t('input.efficiency'), out);
		fromSeries(
			c.hostContractManagement,
			'centrumgemeente.hostContractManagement',
			t('input.hostContractManagement', { participant: who(c.host) }),
			out
		);
		for (const [pid, s] of Object.entries(c.partnerContractManagement))
			fromSeries(
				s,
				`centrumgemeente.partnerContractManagement.${pid}`,
				t('input.partnerContractManagement', { participant: who(pid) }),
				out
			);
		for (const [year, leaf] of Object.entries(c.transitionCosts?.amounts ?? {}))
			out.push({
				path: 'centrumgemeente.transitionCosts.amounts',
				label: t('input.transitionCosts', { year }),
				from: year,
				value: leaf.value,
				provenance: leaf.provenance
			});
		fromKeys(c.transitionCosts?.key, 'centrumgemeente.transitionCosts.key', t('input.transitionKey'), out, locale);
	}
	fromSeries(scenario.vat.rate, 'vat.rate', t('input.vatRate'), out);
	for (const [pid, s] of Object.entries(scenario.vat.bcfCompensable))
		fromSeries(s, `vat.bcfCompensable.${pid}`, t('input.bcf', { participant: who(pid) }), out);
	fromSeries(scenario.comparison.discountRate, 'comparison.discountRate', t('input.discountRate'), out);
	return out;
}

/** How many inputs rest on each basis, and the share of the year's euros that rests on estimates. */
export interface InputSummary {
	readonly count: number;
	readonly byBasis: Readonly<Record<Basis, number>>;
	/** Money inputs in force in `year` (pool costs, GR governance and owner costs, contract management, transition costs). */
	readonly euros: {
		readonly year: number;
		readonly total: string;
		readonly estimate: string;
		readonly estimateShare: string;
	};
}

/**
 * Count the inputs by basis and the share of euros in force in `year` that rest on estimates.
 * @param year default: the scenario's reference year
 */
export function summarizeInputs(scenario: Scenario, year: number = scenario.referenceYear): InputSummary {
	const inputs = listInputs(scenario);
	const byBasis: Record<Basis, number> = { measured: 0, derived: 0, estimate: 0 };
	for (const i of inputs) byBasis[i.provenance.basis]++;
	const money: (Series<Leaf> | undefined)[] = [
		...scenario.pools.map((p) => p.cost),
		...scenario.gr.governance.map((g) => g.cost),
		...Object.values(scenario.gr.ownerCosts),
		scenario.centrumgemeente?.hostContractManagement,
		...Object.values(scenario.centrumgemeente?.partnerContractManagement ?? {})
	];
	let total = ZERO;
	let estimate = ZERO;
	const add = (leaf: Leaf | null | undefined) => {
		if (!leaf) return;
		const v = toDecimal(leaf.value);
		total = total.plus(v);
		if (leaf.provenance.basis === 'estimate') estimate = estimate.plus(v);
	};
	for (const s of money) if (s) add(entryAt(s, yearDate(year))?.value);
	add(scenario.centrumgemeente?.transitionCosts?.amounts[String(year)]);
	return {
		count: inputs.length,
		byBasis,
		euros: {
			year,
			total: formatAmount(total),
			estimate: formatAmount(estimate),
			estimateShare: total.isZero()
				? '0'
				: estimate.dividedBy(total).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN).toString()
		}
	};
}
