import { describe, expect, it } from 'vitest';
import { formatDecimal, formatDelta, formatEuro, formatEuroCents, formatThousands, parseUserNumber } from './format.ts';

describe('nl-NL formatting', () => {
	it('writes euros with a point for thousands and a plain space after the sign', () => {
		expect(formatEuro('1234567.49')).toBe('€ 1.234.567');
		expect(formatEuroCents('1234567.8')).toBe('€ 1.234.567,80');
		expect(formatEuro(undefined)).toBe('–');
	});

	it('signs differences and never shows a negative zero', () => {
		expect(formatDelta('12300')).toBe('+ € 12.300');
		expect(formatDelta('-4100.2')).toBe('− € 4.100');
		expect(formatDelta('-0.3')).toBe('€ 0');
		expect(formatThousands('-426.00')).toBe('0');
		expect(formatThousands('40950843.12')).toBe('40.951');
	});

	it('reads what a Dutch user types, and refuses what is no number', () => {
		expect(parseUserNumber('1.234,56')).toBe('1234.56');
		expect(parseUserNumber('0,95')).toBe('0.95');
		expect(parseUserNumber('€ 18.240.000')).toBe('18240000');
		expect(parseUserNumber('0.4')).toBe('0.4');
		expect(parseUserNumber('twaalf')).toBeNull();
	});

	it('writes a stored decimal back exactly, in either notation, and the parser reads it back to the same value', () => {
		expect(formatDecimal('1234567.891234')).toBe('1.234.567,891234');
		expect(formatDecimal('-3')).toBe('-3');
		expect(formatDecimal('0.05', 'en')).toBe('0.05');
		expect(formatDecimal('25000', 'en')).toBe('25,000');
		for (const value of ['0.05', '10.05', '25000', '1234.56', '-3', '1234567.891234'])
			expect(parseUserNumber(formatDecimal(value))).toBe(value);
	});
});
