// discountedSum gives the Decimal fold Σ a ÷ b exactly: every quotient and partial sum rounded as the
// model's Decimal rounds them, ties included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.ts';
import { discountedSum } from './discounted-sum.ts';

const fold = (a: readonly Decimal[], b: readonly Decimal[]) =>
	a.reduce((s, x, i) => s.plus(x.dividedBy(b[i]!)), new Decimal(0));

function expectSame(a: readonly Decimal[], b: readonly Decimal[]): void {
	expect(discountedSum(a, b).toString()).toBe(fold(a, b).toString());
}

const decimal = (digits: bigint, places: number) =>
	new Decimal(digits.toString()).dividedBy(new Decimal(10).pow(places));

describe('discountedSum', () => {
	it('equals the Decimal fold for differences in cents over discount factors (1 + r)^n', () => {
		const cents = fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }).map((c) => decimal(c, 2));
		const factor = fc
			.tuple(fc.integer({ min: 0, max: 150_000 }), fc.integer({ min: 0, max: 40 }))
			.map(([r, n]) => new Decimal(1).plus(new Decimal(r).dividedBy(1_000_000)).pow(n));
		fc.assert(
			fc.property(fc.array(fc.tuple(cents, factor), { maxLength: 12 }), (terms) =>
				expectSame(
					terms.map(([a]) => a),
					terms.map(([, b]) => b)
				)
			)
		);
	});

	it('equals the Decimal fold for any finite numerators and nonzero divisors, long or short', () => {
		const value = fc
			.tuple(fc.bigInt({ min: -(10n ** 70n), max: 10n ** 70n }), fc.integer({ min: 0, max: 80 }))
			.map(([digits, places]) => decimal(digits, places));
		const divisor = value.filter((d) => !d.isZero());
		fc.assert(
			fc.property(fc.array(fc.tuple(value, divisor), { maxLength: 8 }), (terms) =>
				expectSame(
					terms.map(([a]) => a),
					terms.map(([, b]) => b)
				)
			)
		);
	});

	it('rounds exact ties half-even, as Decimal does', () => {
		// 61 significant digits ending in 5: a tie at the 60th digit, once odd and once even.
		const odd = new Decimal(`${'1'.repeat(59)}35`);
		const even = new Decimal(`${'1'.repeat(59)}25`);
		for (const a of [odd, even, odd.negated(), even.negated()]) expectSame([a], [new Decimal(1)]);
		// A 60-digit odd integer halved is a tie too; and a sum that needs rounding.
		const big = new Decimal(`${'9'.repeat(59)}7`);
		expectSame([big, new Decimal('0.5')], [new Decimal(2), new Decimal('1')]);
		expectSame([big, big], [new Decimal('0.3'), new Decimal('7')]);
	});

	it('gives zero for no terms and for zero numerators, and refuses a zero divisor', () => {
		expect(discountedSum([], []).toString()).toBe('0');
		expectSame([new Decimal('-0'), new Decimal(0)], [new Decimal(3), new Decimal('1.5')]);
		expect(() => discountedSum([new Decimal(1)], [new Decimal(0)])).toThrow(/division by zero/);
	});
});
