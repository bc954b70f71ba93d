// Money as text for sentences and tables, without passing through a float: nl-NL "€ 12.300" and
// en "€12,300". Grouping is done on the decimal string itself.
import { Decimal, toDecimal, type DecimalInput } from '../money/decimal.ts';

export type Locale = 'nl' | 'en';

function group(digits: string, separator: string): string {
	return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * Format a number with nl-NL or en grouping ("1.234.567,89" / "1,234,567.89").
 * @param value a decimal string or Decimal
 * @param options.decimals fraction digits (default 2), rounded half-even
 */
export function formatNumber(value: DecimalInput, locale: Locale, options: { decimals?: number } = {}): string {
	const decimals = options.decimals ?? 2;
	const d = toDecimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN);
	const text = d.abs().toFixed(decimals);
	const [int, frac] = text.split('.');
	const [thousands, point] = locale === 'nl' ? ['.', ','] : [',', '.'];
	const body = group(int!, thousands) + (frac ? point + frac : '');
	return d.isNegative() && !d.isZero() ? `−${body}` : body;
}

/**
 * Format an amount in euros: nl "€ 12.300" (with a space), en "€12,300"; negative amounts get a minus sign.
 * @param options.decimals fraction digits (default 0)
 */
export function formatEuro(value: DecimalInput, locale: Locale, options: { decimals?: number } = {}): string {
	const n = formatNumber(value, locale, { decimals: options.decimals ?? 0 });
	const negative = n.startsWith('−');
	const body = negative ? n.slice(1) : n;
	return `${negative ? '−' : ''}€${locale === 'nl' ? ' ' : ''}${body}`;
}

/**
 * A trace node's value as text by its kind: euros with cents ("€ 1.234,56"), a share ("11,5 %"),
 * a count ("124.096"); an empty string when the node has no value.
 */
export function formatTraceValue(node: { readonly value?: string; readonly kind?: string }, locale: Locale): string {
	if (node.value === undefined) return '';
	if (node.kind === 'share') {
		const number = node.value.replace(/\s*%$/, '');
		const decimals = number.includes('.') ? Math.min(number.split('.')[1]!.length, 4) : 0;
		return `${formatNumber(number, locale, { decimals })} %`;
	}
	if (node.kind === 'count') return formatNumber(node.value, locale, { decimals: 0 });
	return formatEuro(node.value, locale, { decimals: 2 });
}
