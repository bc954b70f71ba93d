// The model's Decimal helpers: toFixed2 writes an amount as toFixed(2) does, whatever its digits, and
// sum() gives the plain Decimal sum while it adds amounts in cents as integers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, formatAmount, sum, toFixed2 } from './decimal.ts';

describe('toFixed2', () => {
	it('gives the text of toFixed(2) for amounts in cents and for everything else', () => {
		const values = [
			'0',
			'-0',
			'0.5',
			'-0.05',
			'0.001',
			'-0.004',
			'1e30',
			'-1e-30',
			'10',
			'100.10',
			'9999999',
			'10000000'
		];
		values.push('12345678901234567890123456789012345678.9', '99999999.995', '-1234567.125', '0.0000001', '70000000.07');
		// Amounts around the seven-digit words of a Decimal, at one, two and more decimals.
		for (let digits = 1; digits <= 30; digits++)
			for (const tail of ['', '.1', '.01', '.99', '.005', '.123456789'])
				for (const lead of ['1', '9', '4'])
					values.push(`${lead}${'0'.repeat(digits - 1)}${tail}`, `-${lead.repeat(digits)}${tail}`);
		for (const text of values) {
			const value = new Decimal(text);
			expect(toFixed2(value), text).toBe(value.toFixed(2));
			expect(toFixed2(value.dividedBy(7)), `${text} / 7`).toBe(value.dividedBy(7).toFixed(2));
		}
		expect(formatAmount(new Decimal('-0'))).toBe('0.00');
		expect(formatAmount(new Decimal('-0.001'))).toBe('0.00');
		expect(toFixed2(new Decimal('21147000'))).toBe('21147000.00');
	});
});

describe('sum', () => {
	// The plain Decimal fold that sum() must equal, term by term in order.
	const fold = (values: readonly Decimal[]) => values.reduce((t, v) => t.plus(v), new Decimal(0));
	const same = (a: Decimal, b: Decimal) => {
		expect(a.toString()).toBe(b.toString());
		expect(a.isNegative()).toBe(b.isNegative());
	};

	it('equals the Decimal fold for amounts in cents, zeros, signs and the edges of the integer path', () => {
		const cases = [
			[],
			['0'],
			['-0'],
			['5.00', '-5.00'],
			['0.05', '-0.01', '1234567.89'],
			['999999999999.99', '999999999999.99', '-0.01'],
			['1000000000000', '0.01'],
			['90000000000000', '90000000000000'],
			['12345678.9', '-98765432.1', '0.1']
		];
		for (const texts of cases) {
			const values = texts.map((t) => new Decimal(t));
			same(sum(values), fold(values));
		}
	});

	it('equals the Decimal fold whatever mixes of cents, long decimals and large values come in', () => {
		const amount = fc.oneof(
			fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((c) => new Decimal(c.toString()).dividedBy(100)),
			fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map((c) => new Decimal(c.toString())),
			fc
				.tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: 0, max: 60 }))
				.map(([digits, places]) => new Decimal(digits.toString()).dividedBy(new Decimal(10).pow(places))),
			fc.constantFrom(new Decimal(0), new Decimal('-0'), new Decimal('0.01'), new Decimal('-0.01'))
		);
		fc.assert(fc.property(fc.array(amount, { maxLength: 30 }), (values) => same(sum(values), fold(values))));
	});
});
