import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLocaleNumber, type NumberLocale } from './parse-number.ts';

const value = (text: string, locale: NumberLocale = 'nl', percent = false) => {
	const result = parseLocaleNumber(text, { locale, percent });
	return result.ok ? result.value : result.code;
};

describe('parseLocaleNumber on a Dutch page', () => {
	it('reads what an advisor types, key by key, into the number meant', () => {
		expect(value('0,05')).toBe('0.05');
		expect(value('10,05')).toBe('10.05');
		expect(value('25000')).toBe('25000');
		expect(value('1.234,56')).toBe('1234.56');
		expect(value('-3')).toBe('-3');
		expect(value('abc')).toBe('number_invalid');
	});

	it('reads spreadsheet notations: grouping, currency, spaces, ",-" and brackets for negatives', () => {
		expect(value('1.234.567,89')).toBe('1234567.89');
		expect(value('€ 1.234.567,89')).toBe('1234567.89');
		expect(value('1.000,-')).toBe('1000');
		expect(value('(1.000)')).toBe('-1000');
		expect(value('€ (1.000,50)')).toBe('-1000.50');
		expect(value('1 234 567,89')).toBe('1234567.89');
		expect(value('1\u00a0234,5')).toBe('1234.5');
		expect(value('−12,5')).toBe('-12.5');
		expect(value('+7')).toBe('7');
		expect(value(',5')).toBe('0.5');
		expect(value('007')).toBe('7');
		expect(value('-0')).toBe('0');
	});

	it('refuses English grouping instead of guessing', () => {
		expect(value('1,234.56')).toBe('number_ambiguous');
		expect(value('1,234,567')).toBe('number_ambiguous');
	});

	it('reads a lone point that cannot be grouping as a decimal point, and valid grouping as thousands', () => {
		expect(value('0.4')).toBe('0.4');
		expect(value('1234.5')).toBe('1234.5');
		expect(value('1.234')).toBe('1234');
	});

	it('refuses malformed text with a reason', () => {
		for (const text of ['1.2.3', '5,', '1,2,3', '--5', '(-5)', '1e3', '12abc', '.', ',', '1..2', 'Infinity', 'NaN'])
			expect(value(text), text).toMatch(/^number_/);
		expect(value('   ')).toBe('number_empty');
		expect(value('1'.repeat(41))).toBe('number_too_long');
		expect(value('1'.repeat(65))).toBe('number_too_long');
	});

	it('reads percentages only when asked', () => {
		expect(value('12,5%')).toBe('number_percent_not_allowed');
		expect(value('12,5 %', 'nl', true)).toBe('0.125');
		expect(value('0,5%', 'nl', true)).toBe('0.005');
		expect(value('100%', 'nl', true)).toBe('1');
	});

	it('gives a Dutch message naming the text', () => {
		const result = parseLocaleNumber('1,234.56');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toContain('"1,234.56" is dubbelzinnig');
	});
});

describe('parseLocaleNumber in English notation', () => {
	it('uses the point as decimal mark and the comma for grouping', () => {
		expect(value('1,234,567.89', 'en')).toBe('1234567.89');
		expect(value('1,234', 'en')).toBe('1234');
		expect(value('1.234', 'en')).toBe('1.234');
		expect(value('1.234,56', 'en')).toBe('number_ambiguous');
		expect(value('(1,000)', 'en')).toBe('-1000');
		expect(value('1,000,-', 'en')).toBe('number_invalid');
	});
});

describe('parseLocaleNumber properties', () => {
	const decimals = fc
		.tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 2 }))
		.map(([units, places]) => {
			const negative = units < 0n;
			const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
			const whole = digits.slice(0, digits.length - places);
			const fraction = digits.slice(digits.length - places);
			return { negative: negative && units !== 0n, whole, fraction };
		});

	it('reads back what Intl.NumberFormat writes, in both notations', () => {
		fc.assert(
			fc.property(decimals, fc.constantFrom<NumberLocale>('nl', 'en'), ({ negative, whole, fraction }, locale) => {
				const plain = `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
				const formatted = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
					minimumFractionDigits: fraction.length,
					maximumFractionDigits: fraction.length,
					// @ts-expect-error -- Intl accepts decimal strings exactly (ES2023), the lib types lag
					roundingMode: 'trunc'
				}).format(plain as unknown as number);
				expect(value(formatted, locale)).toBe(plain);
			})
		);
	});
});
