// Money and numbers as text, through Intl.NumberFormat on exact decimal strings (never a float), with
// one sign convention shared by the CLI, traces and the app: a minus sign (U+2212) or, for a
// difference, a plus sign, directly before the number or the euro sign: "−€ 4.100", "+€ 12.300",
// "−1.234,56". nl-NL: "€ 12.300" and "1.234.567,89"; en: "€12,300" and "1,234,567.89".
import { Decimal, toDecimal, type DecimalInput } from '../money/decimal.ts';

export type Locale = 'nl' | 'en';

/** The minus sign of every formatted figure (U+2212, not the hyphen). */
export const MINUS = '−';

const INTL_LOCALE: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A number format and the texts it has written, by magnitude (an explanation shows the same amounts often). */
interface Formatter {
	readonly format: Intl.NumberFormat;
	/** Euros: the no-break space after the euro sign becomes a plain space. */
	readonly currency: boolean;
	readonly written: Map<string, string>;
}
// By language, fraction digits and style, as one number (no key text to build for every figure).
const formatters = new Map<number, Formatter>();
// Texts kept per format before its table starts afresh.
const TEXTS_KEPT = 20_000;

function formatter(locale: Locale, decimals: number, currency: boolean): Formatter {
	const key = (decimals * 2 + (currency ? 1 : 0)) * 2 + (locale === 'nl' ? 0 : 1);
	let f = formatters.get(key);
	if (!f) {
		const format = new Intl.NumberFormat(INTL_LOCALE[locale], {
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals,
			...(currency ? { style: 'currency', currency: 'EUR' } : {})
		});
		formatters.set(key, (f = { format, currency, written: new Map() }));
	}
	return f;
}

/** A non-negative decimal string through the format (Intl formats a decimal string exactly, see signed()). */
function write(f: Formatter, magnitude: string): string {
	let text = f.written.get(magnitude);
	if (text === undefined) {
		if (f.written.size >= TEXTS_KEPT) f.written.clear();
		text = f.format.format(magnitude as unknown as number);
		if (f.currency) text = text.replace(/\u00a0/g, ' ');
		f.written.set(magnitude, text);
	}
	return text;
}

/** Options shared by the formatters. */
export interface FormatOptions {
	/** Fraction digits, rounded half-even on the decimal value. */
	readonly decimals?: number;
	/** Show "+" before a positive value (for differences). */
	readonly signed?: boolean;
}

/**
 * Where the fraction of a plain decimal string ("-12.50", "007", "5.") starts: the index of its point,
 * or its length when it has none; -1 for anything else ("1e3", "", "+1"). Read character by character:
 * an explanation formats thousands of figures, and a regular expression's match makes garbage of each.
 */
function plainPoint(text: string): number {
	const n = text.length;
	let i = text.charCodeAt(0) === 45 ? 1 : 0;
	const digits = i;
	while (i < n && isDigit(text.charCodeAt(i))) i++;
	if (i === digits) return -1;
	const point = i;
	if (i === n) return point;
	if (text.charCodeAt(i) !== 46) return -1;
	for (i++; i < n; i++) if (!isDigit(text.charCodeAt(i))) return -1;
	return point;
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

/** The whole part of a plain decimal string (see plainPoint) without its leading zeros ("007" → "7", "00" → "0"). */
function wholeDigits(text: string, point: number): string {
	let start = text.charCodeAt(0) === 45 ? 1 : 0;
	while (start < point - 1 && text.charCodeAt(start) === 48) start++;
	return text.slice(start, point);
}

function signed(value: DecimalInput, decimals: number, options: FormatOptions): { sign: string; magnitude: string } {
	// A decimal string with no more fraction digits than shown needs no rounding: its sign and digits are
	// read as written (the same text as the Decimal path below, without parsing a Decimal).
	const point = typeof value === 'string' ? plainPoint(value) : -1;
	if (point >= 0 && (value as string).length - point - 1 <= decimals) {
		const text = value as string;
		const whole = wholeDigits(text, point);
		const written = text.slice(point + 1);
		const zero = whole === '0' && !/[1-9]/.test(written);
		const sign = zero ? '' : text.charCodeAt(0) === 45 ? MINUS : options.signed ? '+' : '';
		return { sign, magnitude: decimals > 0 ? `${whole}.${written.padEnd(decimals, '0')}` : whole };
	}
	const d = toDecimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN);
	const sign = d.isZero() ? '' : d.isNegative() ? MINUS : options.signed ? '+' : '';
	// Intl formats a decimal string exactly (ES2023; the ES2022 typings admit only numbers, hence the casts
	// below), so no digit passes through a float.
	return { sign, magnitude: d.abs().toFixed(decimals) };
}

/**
 * Format a number with nl-NL or en grouping ("1.234.567,89" / "1,234,567.89").
 * @param value a decimal string or Decimal
 * @param options.decimals fraction digits (default 2); options.signed: "+" before positive values
 */
export function formatNumber(value: DecimalInput, locale: Locale, options: FormatOptions = {}): string {
	const decimals = options.decimals ?? 2;
	const { sign, magnitude } = signed(value, decimals, options);
	return sign + write(formatter(locale, decimals, false), magnitude);
}

/**
 * Format an amount in euros: nl "€ 12.300" (with a space), en "€12,300"; the sign goes before the euro sign.
 * @param options.decimals fraction digits (default 0); options.signed: "+" before positive values
 */
export function formatEuro(value: DecimalInput, locale: Locale, options: FormatOptions = {}): string {
	const decimals = options.decimals ?? 0;
	const { sign, magnitude } = signed(value, decimals, options);
	return sign + write(formatter(locale, decimals, true), magnitude);
}

/**
 * A decimal string with the language's grouping and decimal mark and every fraction digit it has
 * (the whole part through Intl, the fraction as written), so no digit is rounded away or passes a float.
 */
export function formatExact(text: string, locale: Locale): string {
	const point = plainPoint(text);
	// Not a plain decimal, or a point with no digit after it: shown as written.
	if (point < 0 || point === text.length - 1) return text;
	const whole = wholeDigits(text, point);
	const grouped = write(formatter(locale, 0, false), whole);
	const minus = text.charCodeAt(0) === 45;
	if (point === text.length) return minus && whole !== '0' ? MINUS + grouped : grouped;
	// "-0.5": the whole part "0" carries the sign of the whole number.
	return `${minus ? MINUS : ''}${grouped}${locale === 'nl' ? ',' : '.'}${text.slice(point + 1)}`;
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
