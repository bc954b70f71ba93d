// Amounts as text: Intl.NumberFormat on exact decimal strings, one sign convention for every caller.
import { describe, expect, it } from 'vitest';
import { formatEuro, formatNumber } from '../../src/index.ts';

describe('formatEuro and formatNumber', () => {
	it('put one minus sign (U+2212) or, for differences, a plus before the euro sign', () => {
		expect(formatEuro('-4100.2', 'nl')).toBe('−€ 4.100');
		expect(formatEuro('12300', 'nl', { signed: true })).toBe('+€ 12.300');
		expect(formatEuro('-0.3', 'nl', { signed: true })).toBe('€ 0');
		expect(formatEuro('-1234.5', 'en', { decimals: 2 })).toBe('−€1,234.50');
		expect(formatNumber('-1234567.89', 'nl')).toBe('−1.234.567,89');
	});

	it('never passes digits through a float, and rounds half to even', () => {
		expect(formatNumber('12345678901234567890.15', 'nl')).toBe('12.345.678.901.234.567.890,15');
		expect(formatNumber('0.125', 'en')).toBe('0.12');
		expect(formatNumber('0.135', 'en')).toBe('0.14');
		expect(formatEuro('9007199254740993.49', 'nl')).toBe('€ 9.007.199.254.740.993');
	});
});
