import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.ts';
import {
	fixedToCents,
	formatCents,
	formatFixedPoint,
	formatScaledInteger,
	fromFixedPoint,
	roundFixedPreserving,
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
