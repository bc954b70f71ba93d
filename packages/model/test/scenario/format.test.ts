// Amounts as text: Intl.NumberFormat on exact decimal strings, one sign convention for every caller.
import { describe, expect, it } from 'vitest';
import { formatEuro, formatNumber } from '../../src/index.ts';
import { formatExact } from '../../src/vocabulary/format.ts';
import { toDecimal } from '../../src/money/decimal.ts';

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

	it('format a decimal string read as written exactly as its Decimal', () => {
		// Strings that need no rounding skip the Decimal; a Decimal always takes the rounding path.
		const texts = ['0', '-0', '-0.00', '007.50', '-007.5', '5.', '1234567.8', '-999.99', '0.001', '-12.345', '1e3'];
		for (const text of texts)
			for (const decimals of [0, 2, 3])
				for (const signed of [false, true])
					for (const locale of ['nl', 'en'] as const) {
						const options = { decimals, signed };
						expect(formatNumber(text, locale, options)).toBe(formatNumber(toDecimal(text), locale, options));
						expect(formatEuro(text, locale, options)).toBe(formatEuro(toDecimal(text), locale, options));
					}
		expect(formatEuro('-0.00', 'nl', { decimals: 2 })).toBe('€ 0,00');
		expect(formatNumber('007.5', 'en', { decimals: 2, signed: true })).toBe('+7.50');
	});

	it('write a decimal string with every fraction digit it has, grouped in the language', () => {
		const cases: [string, string, string][] = [
			['2328942.031752', '2.328.942,031752', '2,328,942.031752'],
			['-1234.5', '−1.234,5', '−1,234.5'],
			['0.73', '0,73', '0.73'],
			['-0.5', '−0,5', '−0.5'],
			['-00.5', '−0,5', '−0.5'],
			['007.250', '7,250', '7.250'],
			['1234567', '1.234.567', '1,234,567'],
			['-1234567', '−1.234.567', '−1,234,567'],
			['-0', '0', '0'],
			['-000', '0', '0']
		];
		for (const [text, nl, en] of cases) {
			expect(formatExact(text, 'nl')).toBe(nl);
			expect(formatExact(text, 'en')).toBe(en);
		}
		// Anything but a plain decimal is shown as written.
		for (const text of ['1e3', '5.', '.5', '', '-', '+1', '1.2.3', '12a', ' 1', 'NaN'])
			expect(formatExact(text, 'nl')).toBe(text);
	});
});
