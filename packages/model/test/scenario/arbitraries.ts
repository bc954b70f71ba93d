// Random two-town scenarios for property tests: the inputs of the two-towns fixture drawn by
// fast-check, and the fixture with those inputs written in.
import fc from 'fast-check';
import { METHOD_IDS } from '../../src/scenario/types.ts';
import { twoTownsRaw } from './helpers.ts';

const cents = fc.bigInt({ min: 0n, max: 5_000_000_00n }).map((c) => (Number(c) / 100).toFixed(2));
const positiveCents = fc.bigInt({ min: 100n, max: 5_000_000_00n }).map((c) => (Number(c) / 100).toFixed(2));
const share = fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toFixed(2));
const weight = fc.integer({ min: 1, max: 1000 }).map(String);
/** Random inputs of the two-towns fixture: costs, indices, shares, keys, the switch year and the method. */
export const twoTownDraws = fc.record({
	ict: positiveCents,
	ict2: positiveCents,
	hrm: positiveCents,
	gov: cents,
	owner: cents,
	wage: fc.integer({ min: -20, max: 80 }).map((n) => (n / 1000).toFixed(3)),
	price: fc.integer({ min: -20, max: 80 }).map((n) => (n / 1000).toFixed(3)),
	markup: share,
	efficiency: fc.integer({ min: 0, max: 10 }).map((n) => (n / 100).toFixed(2)),
	taxable: share,
	bcf: share,
	sharesGroot: weight,
	sharesKlein: weight,
	transitionYears: fc.integer({ min: 0, max: 3 }).map(String),
	switchYear: fc.integer({ min: 2022, max: 2024 }),
	transition: cents,
	method: fc.constantFrom(...METHOD_IDS)
});

/** One draw of inputs. */
export type TwoTownDraw = typeof twoTownDraws extends fc.Arbitrary<infer T> ? T : never;

/** The two-towns fixture (raw, as in the file) with a draw's inputs written in. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function twoTownsFromDraw(a: TwoTownDraw): Record<string, any> {
	const raw = twoTownsRaw() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
	const leaf = (value: string) => ({ value, basis: 'estimate', note: 'random' });
	raw.pools[0].cost = { '2021-01-01': leaf(a.ict), '2022-01-01': leaf(a.ict2) };
	raw.pools[1].cost = { '2021-01-01': leaf(a.hrm) };
	raw.pools[0].key = {
		'2021-01-01': {
			type: 'fixed',
			shares: { groot: a.sharesGroot, klein: a.sharesKlein, hrm: '1' },
			basis: 'estimate',
			note: 'r'
		}
	};
	raw.pools[1].key = { '2021-01-01': { type: 'driver', driver: 'inwoners' } };
	raw.pools[0].vatTaxableShare = { '2021-01-01': leaf(a.taxable) };
	raw.gr.governance[0].cost = { '2021-01-01': leaf(a.gov) };
	raw.gr.ownerCosts.klein = { '2021-01-01': leaf(a.owner) };
	raw.indexation.wage = { '2021-01-01': leaf(a.wage) };
	raw.indexation.price = { '2021-01-01': leaf(a.price) };
	raw.centrumgemeente.markup = { '2021-01-01': leaf(a.markup) };
	raw.centrumgemeente.efficiency = { '2021-01-01': leaf(a.efficiency) };
	raw.centrumgemeente.transitionYears = { '2021-01-01': leaf(a.transitionYears) };
	raw.centrumgemeente.transitionCosts.amounts = { 2022: leaf(a.transition) };
	raw.vat.bcfCompensable.klein = { '2021-01-01': leaf(a.bcf) };
	raw.allocation = { '2021-01-01': { method: a.method } };
	raw.variants[0].changes[0].from = `${a.switchYear}-01-01`;
	return raw;
}
