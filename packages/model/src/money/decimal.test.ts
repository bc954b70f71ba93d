// The model's Decimal helpers: toFixed2 writes an amount as toFixed(2) does, whatever its digits.
import { describe, expect, it } from 'vitest';
import { Decimal, formatAmount, toFixed2 } from './decimal.ts';

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
