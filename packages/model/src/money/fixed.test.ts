import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.ts';
import {
	fixedToCents,
	formatCents,
	formatFixedPoint,
	formatScaledInteger,
	fromFixedPoint,
	roundFixedPreserving,
	scaleDecimal,
	splitFixedPoint,
	toFixedPoint,
	weightsToIntegers
} from './fixed.ts';

describe('fixed-point amounts', () => {
	it('round-trip a Decimal with up to 30 decimals exactly', () => {
		const value = new Decimal('1234567.891234567890123456789012');
		expect(fromFixedPoint(toFixedPoint(value)).equals(value)).toBe(true);
	});

	it('round half-even to cents: 0.005 → 0.00, 0.015 → 0.02, 0.0051 → 0.01', () => {
		expect(fixedToCents(toFixedPoint(new Decimal('0.005')))).toBe(0n);
		expect(fixedToCents(toFixedPoint(new Decimal('0.015')))).toBe(2n);
		expect(fixedToCents(toFixedPoint(new Decimal('0.0051')))).toBe(1n);
	});

	it('write cents and exact values as plain decimal strings', () => {
		expect(formatCents(5n)).toBe('0.05');
		expect(formatCents(123456n)).toBe('1234.56');
		expect(formatCents(-7n)).toBe('-0.07');
		expect(formatFixedPoint(toFixedPoint(new Decimal('2').dividedBy(3)), 6)).toBe('0.666667');
		expect(formatScaledInteger(175n, 2)).toBe('1.75');
		expect(formatScaledInteger(5000n, 2)).toBe('50');
	});

	it('scale mixed weights to integers on one common scale', () => {
		const { integers, places } = weightsToIntegers([new Decimal('1.25'), new Decimal('3'), new Decimal('0.5')]);
		expect(places).toBe(2);
		expect(integers).toEqual([125n, 300n, 50n]);
	});

	it('split 100.00 by 1:1:1 and round to 33.34 + 33.33 + 33.33 with the extra cent to the first id', () => {
		const parts = splitFixedPoint(toFixedPoint(new Decimal('100')), [1n, 1n, 1n]);
		expect(roundFixedPreserving(parts, ['b', 'a', 'c'], 10000n)).toEqual([3333n, 3334n, 3333n]);
	});

	it('never gives a cent to a zero part, and returns no parts for weights summing to zero', () => {
		const parts = splitFixedPoint(toFixedPoint(new Decimal('0.05')), [0n, 1n, 1n]);
		expect(roundFixedPreserving(parts, ['a', 'b', 'c'], 5n)).toEqual([0n, 3n, 2n]);
		expect(splitFixedPoint(100n, [0n, 0n])).toEqual([]);
	});
});

describe('formatFixedPoint', () => {
	it('rounds half-even at any number of places, for positive and negative values', () => {
		const f = (text: string, places: number) => formatFixedPoint(toFixedPoint(new Decimal(text)), places);
		expect(f('0.0000005', 6)).toBe('0.000000');
		expect(f('0.0000015', 6)).toBe('0.000002');
		expect(f('0.00000050000000001', 6)).toBe('0.000001');
		expect(f('9.9999995', 6)).toBe('10.000000');
		expect(f('-2.5', 0)).toBe('-2');
		expect(f('-0.0000001', 6)).toBe('0.000000');
		expect(f('123.456', 30)).toBe('123.456000000000000000000000000000');
	});
});

describe('scaleDecimal', () => {
	/** Decimals of every shape the engine meets: integers, cents, long fractions, tiny and huge exponents, results of division. */
	const decimals = fc.oneof(
		fc
			.bigInt({ min: -(10n ** 40n), max: 10n ** 40n })
			.chain((digits) => fc.integer({ min: -70, max: 40 }).map((exponent) => new Decimal(`${digits}e${exponent}`))),
		fc
			.tuple(fc.bigInt({ min: 1n, max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }))
			.map(([a, b]) => new Decimal(a.toString()).dividedBy(b.toString()))
	);

	it('gives value × 10^places exactly as the string route does, rounding half-even beyond the places', () => {
		fc.assert(
			fc.property(decimals, fc.integer({ min: 0, max: 80 }), (value, places) => {
				const expected = BigInt(value.toFixed(places, Decimal.ROUND_HALF_EVEN).replace('.', ''));
				expect(scaleDecimal(value, places)).toBe(expected);
			}),
			{ numRuns: 3000 }
		);
	});

	it('scales weights to one common scale as w × 10^places', () => {
		fc.assert(
			fc.property(fc.array(decimals, { minLength: 1, maxLength: 6 }), (values) => {
				const { integers, places } = weightsToIntegers(values);
				expect(places).toBe(Math.max(...values.map((v) => v.decimalPlaces())));
				integers.forEach((w, i) => expect(w).toBe(BigInt(values[i]!.times(new Decimal(10).pow(places)).toFixed(0))));
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('formatFixedPoint, property', () => {
	it('writes what Decimal writes when rounding half-even to the same places (no sign on zero)', () => {
		fc.assert(
			fc.property(
				fc.bigInt({ min: -(10n ** 45n), max: 10n ** 45n }),
				fc.integer({ min: 0, max: 30 }),
				(value, places) => {
					const decimal = fromFixedPoint(value).toFixed(places, Decimal.ROUND_HALF_EVEN);
					expect(formatFixedPoint(value, places)).toBe(/[1-9]/.test(decimal) ? decimal : decimal.replace('-', ''));
				}
			),
			{ numRuns: 3000 }
		);
	});
});
