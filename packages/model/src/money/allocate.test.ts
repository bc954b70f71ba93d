import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByWeights, roundPreservingTotal, splitByCents, splitEvenly, wholeEurosAddingUp } from './allocate.ts';
import { CentsMap } from './cents-map.ts';
import { Decimal, roundToCents } from './decimal.ts';

describe('allocateByWeights', () => {
	it('gives the leftover cent of 100.00 / 3 to the first id in order', () => {
		expect(splitEvenly('100.00', ['c', 'a', 'b'])).toEqual({ c: '33.33', a: '33.34', b: '33.33' });
	});

	it('never gives a cent to a zero weight', () => {
		const parts = allocateByWeights('0.05', { a: 0, b: 1, c: 1 });
		expect(parts.get('a')!.toFixed(2)).toBe('0.00');
		expect(parts.get('b')!.plus(parts.get('c')!).toFixed(2)).toBe('0.05');
	});

	it('splits a negative total symmetrically', () => {
		const parts = allocateByWeights('-100.00', { a: 1, b: 1, c: 1 });
		expect([...parts.values()].map((d) => d.toFixed(2))).toEqual(['-33.34', '-33.33', '-33.33']);
	});

	it('rejects weights that sum to zero', () => {
		expect(() => allocateByWeights('1.00', { a: 0 })).toThrow(/sum to zero/);
	});
});

describe('allocateByWeights in whole cents', () => {
	// The split as Decimals: each part total × weight ÷ Σ weights at 60 digits, rounded preserving the total.
	function decimalSplit(total: string, weights: Record<string, string>): Record<string, string> {
		const amount = new Decimal(total);
		const entries = Object.entries(weights).map(([id, w]) => [id, new Decimal(w)] as const);
		const weightSum = entries.reduce((s, [, w]) => s.plus(w), new Decimal(0));
		const exact = new Map(entries.map(([id, w]) => [id, amount.times(w).dividedBy(weightSum)]));
		const parts = roundPreservingTotal(exact, roundToCents(amount));
		return Object.fromEntries([...parts].map(([id, v]) => [id, v.toString()]));
	}
	const cents = (n: number) => (n / 100).toFixed(2);

	it('gives the very parts of the Decimal split, ties and zero weights included', () => {
		const weight = fc.oneof(fc.constant(0), fc.constant(100), fc.integer({ min: 0, max: 5_000_000_000_00 }));
		fc.assert(
			fc.property(
				fc.integer({ min: -9_000_000_000_00, max: 9_000_000_000_00 }).filter((t) => t !== 0),
				fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
				fc.array(weight, { minLength: 12, maxLength: 12 }),
				(total, ids, ws) => {
					const weights = Object.fromEntries(ids.map((id, i) => [`p${id}`, cents(ws[i]!)]));
					fc.pre(ws.slice(0, ids.length).some((w) => w > 0));
					const parts = allocateByWeights(cents(total), weights);
					const got = Object.fromEntries([...parts].map(([id, v]) => [id, v.toString()]));
					expect(got).toEqual(decimalSplit(cents(total), weights));
					expect([...parts.keys()]).toEqual(ids.map((id) => `p${id}`));
				}
			),
			{ numRuns: 400 }
		);
	});

	it('breaks an exact tie of remainders by id in the Decimal split too, whatever the size of the parts', () => {
		// 74.407.859,69 by 1 : 0,01 : 1 gives each part a remainder of 134/201 of a cent. At 60 digits the
		// small part's remainder carried more places than the large ones', so the Decimal split saw no tie.
		const weights = { a: '1.00', b: '0.01', c: '1.00' };
		const got = Object.fromEntries([...allocateByWeights('74407859.69', weights)].map(([id, v]) => [id, v.toString()]));
		expect(got).toEqual({ a: '37018835.67', b: '370188.36', c: '37018835.66' });
		expect(decimalSplit('74407859.69', weights)).toEqual(got);
	});

	it('falls back to the Decimal split for weights finer than a cent', () => {
		const weights = { a: '0.333', b: '0.667', c: '1' };
		const got = Object.fromEntries([...allocateByWeights('10.00', weights)].map(([id, v]) => [id, v.toString()]));
		expect(got).toEqual(decimalSplit('10.00', weights));
	});
});

describe('a split by a map of whole cents', () => {
	it('gives the parts of allocateByWeights by its entries that are not negative, for the same ids in the same order', () => {
		const weight = fc.oneof(fc.constant(Number.NaN), fc.constant(-500), fc.constant(0), fc.constant(100));
		fc.assert(
			fc.property(
				fc.integer({ min: -9_000_000_000_00, max: 9_000_000_000_00 }).filter((t) => t !== 0),
				fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
				fc.array(fc.oneof(weight, fc.integer({ min: 0, max: 5_000_000_000_00 })), { minLength: 12, maxLength: 12 }),
				(total, names, ws) => {
					const ids = names.map((n) => `p${n}`);
					const map = new CentsMap(
						ids,
						new Map(ids.map((id, i) => [id, i])),
						Float64Array.from(ids, (_, i) => ws[i]!)
					);
					const amount = new Decimal(total).dividedBy(100);
					const positive = new Map([...map].filter(([, v]) => v.isPositive()));
					const split = splitByCents(amount, map);
					// Weights that sum to zero: allocateByWeights refuses them, and the cents split leaves them to it.
					if ([...positive.values()].every((v) => v.isZero())) {
						expect(split).toBeUndefined();
						return;
					}
					const expected = allocateByWeights(amount, positive);
					expect(split).toBeDefined();
					expect([...split!.keys()]).toEqual([...expected.keys()]);
					expect([...split!].map(([id, v]) => [id, v.toString()])).toEqual(
						[...expected].map(([id, v]) => [id, v.toString()])
					);
					expect(split!.size).toBe(expected.size);
				}
			),
			{ numRuns: 400 }
		);
	});
});

describe('wholeEurosAddingUp', () => {
	it('rounds the parts of a row to whole euros that add up to the rounded total, each within a euro', () => {
		// Each rounded on its own: 0 + 1 + 1 = 2 against a total of 1,20 → 1.
		const { parts, total } = wholeEurosAddingUp(['0.40', '0.40', '0.40'].map((x) => new Decimal(x)));
		expect(parts.map(String)).toEqual(['1', '0', '0']);
		expect(total.toString()).toBe('1');
		// A credit among the parts, and a zero that stays zero.
		const mixed = wholeEurosAddingUp(['405140033.40', '-2843925.60', '0', '1488587.45'].map((x) => new Decimal(x)));
		expect(mixed.parts.map(String)).toEqual(['405140033', '-2843926', '0', '1488588']);
		expect(mixed.total.toString()).toBe('403784695');
	});

	it('adds up to a total another table fixed, the floor or ceiling of the sum, and refuses any other', () => {
		// 0,40 + 0,40 + 0,40 = 1,20: a table that rounded it up to 2 gets parts that add up to 2.
		const up = wholeEurosAddingUp(
			['0.40', '0.40', '0.40'].map((x) => new Decimal(x)),
			new Decimal(2)
		);
		expect(up.parts.map(String)).toEqual(['1', '1', '0']);
		expect(up.total.toString()).toBe('2');
		expect(() => wholeEurosAddingUp([new Decimal('0.40')], new Decimal(2))).toThrow(/not a rounding of the sum/);
	});

	it('holds for any amounts in cents: the sum, each part within a euro, zeros kept', () => {
		const cents = fc.oneof(fc.constant(0), fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }));
		fc.assert(
			fc.property(fc.array(cents, { minLength: 1, maxLength: 12 }), (list) => {
				const exact = list.map((c) => new Decimal(c).dividedBy(100));
				const { parts, total } = wholeEurosAddingUp(exact);
				const sumExact = exact.reduce((a, b) => a.plus(b), new Decimal(0));
				expect(total.equals(sumExact.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN))).toBe(true);
				expect(parts.reduce((a, b) => a.plus(b), new Decimal(0)).equals(total)).toBe(true);
				parts.forEach((p, i) => {
					expect(p.isInteger()).toBe(true);
					expect(p.minus(exact[i]!).abs().lessThan(1)).toBe(true);
					if (exact[i]!.isZero()) expect(p.isZero()).toBe(true);
				});
			}),
			{ seed: 2026, numRuns: 300 }
		);
	});
});
