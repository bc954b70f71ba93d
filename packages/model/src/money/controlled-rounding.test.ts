import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlledRounding, roundPairToDifference, roundTableAddingUp } from './controlled-rounding.ts';
import { Decimal } from './decimal.ts';

const d = (x: string | number) => new Decimal(x);
const texts = (rows: readonly (readonly Decimal[])[]) => rows.map((r) => r.map(String));
const add = (xs: readonly Decimal[]) => xs.reduce((a, b) => a.plus(b), d(0));

describe('roundTableAddingUp', () => {
	it('rounds a table so that rows, columns and the grand total add up, each figure within a unit', () => {
		// Each rounded on its own, the first row reads 1 + 1 + 1 = 3 beside its total 2 (1,50 → 2),
		// and the first column 1 + 1 = 2 beside 1 (0,80 → 1).
		const cells = [
			[d('0.50'), d('0.50'), d('0.50')],
			[d('0.30'), d('0.30'), d('0.60')]
		];
		const r = roundTableAddingUp(cells);
		expect(texts(r.cells)).toEqual([
			['1', '1', '0'],
			['0', '0', '1']
		]);
		expect(r.rowTotals.map(String)).toEqual(['2', '1']);
		expect(r.columnTotals.map(String)).toEqual(['1', '1', '1']);
		expect(r.total.toString()).toBe('3');
	});

	it('turns only what it must, where it costs the least: 46.000,40 up rather than −100.810,70 down', () => {
		// Each rounded on its own, the first row reads 237.189 beside its total 237.189,70 → 237.190.
		const cells = [
			[d('292000.00'), d('46000.40'), d('-100810.70')],
			[d('1095000.00'), d('-4713.70'), d('72712.80')]
		];
		const r = roundTableAddingUp(cells);
		expect(texts(r.cells)).toEqual([
			['292000', '46001', '-100811'],
			['1095000', '-4714', '72713']
		]);
		expect(r.rowTotals.map(String)).toEqual(['237190', '1162999']);
		expect(r.columnTotals.map(String)).toEqual(['1387000', '41287', '-28098']);
	});

	it('rounds to thousands as well', () => {
		const r = roundTableAddingUp(
			[
				[d('1400'), d('1400')],
				[d('1400'), d('-600')]
			],
			{ unit: d(1000) }
		);
		// Each on its own: 1 + 1 = 2 beside 2.800 → 3 thousand.
		expect(texts(r.cells)).toEqual([
			['2000', '1000'],
			['1000', '0']
		]);
		expect(r.rowTotals.map(String)).toEqual(['3000', '1000']);
		expect(r.columnTotals.map(String)).toEqual(['3000', '1000']);
		expect(r.total.toString()).toBe('4000');
	});

	it('rounds a long row in thousands without any figure to keep (no penalties to outgrow safe integers)', () => {
		// 3 000 amounts in cents, in thousands: with a penalty for every entry this size was refused.
		const row = Array.from({ length: 3000 }, (_, i) => d((i * 7919 + 1234567) % 99999999).dividedBy(100));
		const r = roundTableAddingUp([row], { unit: d(1000) });
		expect(add(r.cells[0]!).equals(r.total)).toBe(true);
		r.cells[0]!.forEach((x, i) => expect(x.minus(row[i]!).abs().lessThan(1000)).toBe(true));
	});

	it('holds for any table in cents: everything adds up, within a euro, whole euros and zeros kept', () => {
		const cents = fc.oneof(fc.constant(0), fc.constant(50), fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }));
		const table = fc
			.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
			.chain(([m, n]) => fc.array(fc.array(cents, { minLength: n, maxLength: n }), { minLength: m, maxLength: m }));
		fc.assert(
			fc.property(table, (rows) => {
				const exact = rows.map((r) => r.map((c) => d(c).dividedBy(100)));
				const r = roundTableAddingUp(exact);
				const within = (rounded: Decimal, x: Decimal) => {
					expect(rounded.isInteger()).toBe(true);
					expect(rounded.minus(x).abs().lessThan(1)).toBe(true);
					if (x.isInteger()) expect(rounded.equals(x)).toBe(true);
				};
				exact.forEach((row, i) => {
					row.forEach((x, j) => within(r.cells[i]![j]!, x));
					within(r.rowTotals[i]!, add(row));
					expect(add(r.cells[i]!).equals(r.rowTotals[i]!)).toBe(true);
				});
				exact[0]!.forEach((_, j) => {
					within(r.columnTotals[j]!, add(exact.map((row) => row[j]!)));
					expect(add(r.cells.map((row) => row[j]!)).equals(r.columnTotals[j]!)).toBe(true);
				});
				within(r.total, add(exact.flat()));
				expect(add(r.rowTotals).equals(r.total)).toBe(true);
				expect(add(r.columnTotals).equals(r.total)).toBe(true);
			}),
			{ seed: 2026, numRuns: 300 }
		);
	});
});

describe('controlledRounding', () => {
	/** The rounding an entry (in cents) is to keep, in cents: 0 none, 1 the nearest, 2 the floor, 3 the ceiling. */
	function preferredCents(x: number, how: number): number | undefined {
		const floor = Math.floor(x / 100) * 100;
		const above = x - floor;
		if (how === 0) return undefined;
		if (how === 1) return above > 50 || (above === 50 && x > 0) ? floor + 100 : floor;
		return how === 3 && above !== 0 ? floor + 100 : floor;
	}

	/**
	 * Over every floor/ceiling choice that keeps rows and columns: the fewest entries turned from the
	 * rounding they are to keep, then the least total deviation in cents (integers: fast).
	 */
	function bruteForce(matrix: number[][], how: (i: number, j: number) => number): [number, number] {
		const cells = matrix.flatMap((row, i) => row.map((x, j) => ({ i, j, x }))).filter((c) => c.x % 100 !== 0);
		let best: [number, number] = [Infinity, Infinity];
		for (let mask = 0; mask < 1 << cells.length; mask++) {
			const rounded = matrix.map((row) => [...row]);
			let deviation = 0;
			let turned = 0;
			cells.forEach((c, k) => {
				const floor = Math.floor(c.x / 100) * 100;
				const r = mask & (1 << k) ? floor + 100 : floor;
				rounded[c.i]![c.j] = r;
				deviation += Math.abs(r - c.x);
				const wanted = preferredCents(c.x, how(c.i, c.j));
				if (wanted !== undefined && r !== wanted) turned++;
			});
			const zero = (xs: number[]) => xs.reduce((a, b) => a + b, 0) === 0;
			const keeps = rounded.every(zero) && rounded[0]!.every((_, j) => zero(rounded.map((row) => row[j]!)));
			if (keeps && (turned < best[0] || (turned === best[0] && deviation < best[1]))) best = [turned, deviation];
		}
		return best;
	}

	it('finds a rounding with the least total deviation, leaving a preferred rounding only when it must (checked against every choice)', () => {
		const cents = fc.integer({ min: -999, max: 999 });
		const table = fc
			.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 }))
			.chain(([m, n]) => fc.array(fc.array(cents, { minLength: n, maxLength: n }), { minLength: m, maxLength: m }));
		const hows = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 });
		fc.assert(
			fc.property(table, hows, (rows, hs) => {
				// The table with its totals, in cents, as a matrix whose rows and columns add up to zero.
				const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
				const inCents = [
					...rows.map((row) => [...row, -total(row)]),
					[...rows[0]!.map((_, j) => -total(rows.map((row) => row[j]!))), total(rows.flat())]
				];
				const width = inCents[0]!.length;
				const how = (i: number, j: number) => hs[i * width + j]!;
				const wanted = (i: number, j: number) => {
					const c = preferredCents(inCents[i]![j]!, how(i, j));
					return c === undefined ? undefined : d(c).dividedBy(100);
				};
				const matrix = inCents.map((row) => row.map((c) => d(c).dividedBy(100)));
				const rounded = controlledRounding(matrix, {
					prefer: (i, j) => (how(i, j) === 1 ? 'nearest' : wanted(i, j))
				});
				const deviation = add(rounded.flatMap((row, i) => row.map((x, j) => x.minus(matrix[i]![j]!).abs())));
				const turned = rounded
					.flatMap((row, i) => row.map((x, j) => wanted(i, j) !== undefined && !x.equals(wanted(i, j)!)))
					.filter(Boolean).length;
				expect([turned, deviation.times(100).toNumber()]).toEqual(bruteForce(inCents, how));
			}),
			{ seed: 7, numRuns: 200 }
		);
	});

	it('keeps a rounding another table shows, also of a total and also when it is not the nearest', () => {
		// Another table shows the first row's total 237.189,70 as 237.189: this one follows it.
		const cells = [
			[d('292000.00'), d('46000.40'), d('-100810.70')],
			[d('1095000.00'), d('-4713.70'), d('72712.80')]
		];
		const r = roundTableAddingUp(cells, { prefer: (i, j) => (i === 0 && j === 3 ? d('237189') : undefined) });
		expect(r.rowTotals[0]!.toString()).toBe('237189');
		expect(add(r.cells[0]!).toString()).toBe('237189');
		expect(() =>
			roundTableAddingUp(cells, { prefer: (i, j) => (i === 0 && j === 3 ? d('237191') : undefined) })
		).toThrow(/not a rounding of/);
	});

	it('keeps a figure that other text quotes at its nearest euro, and turns another instead', () => {
		const cells = [
			[d('292000.00'), d('46000.40'), d('-100810.70')],
			[d('1095000.00'), d('-4713.70'), d('72712.80')]
		];
		const r = roundTableAddingUp(cells, { prefer: (i, j) => (i === 0 && j === 1 ? 'nearest' : undefined) });
		expect(r.cells[0]!.map(String)).toEqual(['292000', '46000', '-100810']);
		expect(r.rowTotals[0]!.toString()).toBe('237190');
	});

	it('refuses a matrix whose rows or columns do not add up to whole units, naming which', () => {
		expect(() => controlledRounding([[d('0.5'), d('0.25')]])).toThrow(/row 0 does not add up/);
		expect(() =>
			controlledRounding([
				[d('0.5'), d('-0.5')],
				[d('0.25'), d('-0.25')]
			])
		).toThrow(/column 0 does not add up/);
	});
});

describe('roundPairToDifference', () => {
	it('rounds a base and a variant so that their difference reads as the rounded difference given', () => {
		// Each on its own: 410.944.989 and 406.737.008, a difference of −4.207.981 beside −4.207.980.
		const pair = roundPairToDifference(d('410944988.60'), d('406737008.40'), d('-4207980'));
		expect(pair.variant.minus(pair.base).toString()).toBe('-4207980');
		expect([pair.base.toString(), pair.variant.toString()]).toEqual(['410944988', '406737008']);
	});

	it('holds for any pair in cents and either rounding of its difference', () => {
		const cents = fc.integer({ min: -1_000_000_00, max: 1_000_000_00 });
		fc.assert(
			fc.property(cents, cents, fc.boolean(), (b, v, up) => {
				const base = d(b).dividedBy(100);
				const variant = d(v).dividedBy(100);
				const exact = variant.minus(base);
				const difference = up ? exact.ceil() : exact.floor();
				const pair = roundPairToDifference(base, variant, difference);
				expect(pair.variant.minus(pair.base).equals(difference)).toBe(true);
				expect(pair.base.minus(base).abs().lessThan(1)).toBe(true);
				expect(pair.variant.minus(variant).abs().lessThan(1)).toBe(true);
			}),
			{ seed: 2026, numRuns: 300 }
		);
		expect(() => roundPairToDifference(d('1.00'), d('3.50'), d('4'))).toThrow(/not a rounding of the difference/);
	});
});
