// The one parser for numbers people type or paste: app fields, spreadsheet cells and CLI options.
// It reads nl-NL ("1.234.567,89", "1.000,-", "(1.000)", "€ 12,50") and en ("1,234,567.89") notation
// into a plain decimal string, and refuses to guess: "1,234.56" on a Dutch page is an error.

/** The notation a number is read in: Dutch (decimal comma) or English (decimal point). */
export type NumberLocale = 'nl' | 'en';

/** Why a text is not a number, as a code with the text that was refused. */
export type NumberParseIssueCode =
	'number_empty' | 'number_invalid' | 'number_ambiguous' | 'number_too_long' | 'number_percent_not_allowed';

export type NumberParseResult =
	| { readonly ok: true; readonly value: string }
	| { readonly ok: false; readonly code: NumberParseIssueCode; readonly message: string };

export interface ParseNumberOptions {
	/** The page's or file's notation. Default 'nl'. */
	readonly locale?: NumberLocale;
	/** Accept a trailing "%" and divide by 100 ("12,5%" → "0.125"). Default false: a "%" is refused. */
	readonly percent?: boolean;
}

/** Longest text accepted, and most digits: beyond this a value cannot be exact on the model's path. */
export const MAX_NUMBER_TEXT_LENGTH = 64;
export const MAX_NUMBER_DIGITS = 40;

const SEPARATORS: Record<NumberLocale, { readonly group: string; readonly decimal: string }> = {
	nl: { group: '.', decimal: ',' },
	en: { group: ',', decimal: '.' }
};

const MESSAGES: Record<NumberLocale, Record<NumberParseIssueCode, (text: string) => string>> = {
	nl: {
		number_empty: () => 'Vul een getal in.',
		number_invalid: (t) => `"${t}" is geen getal.`,
		number_ambiguous: (t) =>
			`"${t}" is dubbelzinnig: op deze pagina is de komma het decimaalteken (schrijf bijvoorbeeld 1.234,56).`,
		number_too_long: () => `Een getal heeft hoogstens ${MAX_NUMBER_DIGITS} cijfers.`,
		number_percent_not_allowed: (t) => `"${t}": geef hier een getal zonder %.`
	},
	en: {
		number_empty: () => 'Enter a number.',
		number_invalid: (t) => `"${t}" is not a number.`,
		number_ambiguous: (t) =>
			`"${t}" is ambiguous: on this page the point is the decimal separator (write e.g. 1,234.56).`,
		number_too_long: () => `A number has at most ${MAX_NUMBER_DIGITS} digits.`,
		number_percent_not_allowed: (t) => `"${t}": give a number without %.`
	}
};

// Characters that only decorate a number: currency marks and the spaces Excel and Intl put in.
const DECORATION = /€|\bEUR\b|[\s\u00a0\u202f]/gi;
const MINUS_SIGNS = /^[-\u2212\u2012\u2013]/;

/**
 * Read a number as a person writes it, in the given notation, into a plain decimal string
 * ("1.234,56" → "1234.56"). Never guesses: a text that reads differently in the other notation
 * with the same grouping is refused as ambiguous.
 */
export function parseLocaleNumber(text: string, options: ParseNumberOptions = {}): NumberParseResult {
	const locale = options.locale ?? 'nl';
	const fail = (code: NumberParseIssueCode): NumberParseResult => ({
		ok: false,
		code,
		message: MESSAGES[locale][code](text.length > 40 ? `${text.slice(0, 40)}…` : text)
	});
	if (text.length > MAX_NUMBER_TEXT_LENGTH) return fail('number_too_long');
	let body = text.replace(DECORATION, '');
	if (body === '') return fail('number_empty');

	let negative = false;
	if (body.startsWith('(') && body.endsWith(')')) {
		negative = true;
		body = body.slice(1, -1).replace(DECORATION, '');
	}
	if (MINUS_SIGNS.test(body)) {
		if (negative) return fail('number_invalid');
		negative = true;
		body = body.slice(1);
	} else if (body.startsWith('+')) body = body.slice(1);

	let divideBy100 = false;
	if (body.endsWith('%')) {
		if (!options.percent) return fail('number_percent_not_allowed');
		divideBy100 = true;
		body = body.slice(0, -1);
	}
	// "1.000,-" (Dutch for a whole amount) is the same as "1.000".
	if (locale === 'nl') body = body.replace(/,[-\u2013\u2014]$/, '');

	const read = readDigits(body, SEPARATORS[locale]);
	if (read === 'ambiguous') return fail('number_ambiguous');
	if (read === null) return fail('number_invalid');
	const digitCount = read.whole.length + read.fraction.length;
	if (digitCount > MAX_NUMBER_DIGITS) return fail('number_too_long');

	let value = normalise(read.whole, read.fraction);
	if (divideBy100) value = shiftLeftTwo(value);
	if (negative && /[1-9]/.test(value)) value = `-${value}`;
	return { ok: true, value };
}

/** Split a sign-free body into its whole and fraction digits, or say why it cannot be read. */
function readDigits(
	body: string,
	{ group, decimal }: { readonly group: string; readonly decimal: string }
): { whole: string; fraction: string } | 'ambiguous' | null {
	if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) return null;
	const lastGroup = body.lastIndexOf(group);
	const lastDecimal = body.lastIndexOf(decimal);
	const decimalCount = body.split(decimal).length - 1;

	if (lastDecimal >= 0 && lastGroup > lastDecimal) return 'ambiguous'; // "1,234.56" on a Dutch page
	if (decimalCount > 1) return isGrouped(body, decimal) ? 'ambiguous' : null; // "1,234,567" on a Dutch page

	if (decimalCount === 1) {
		const whole = body.slice(0, lastDecimal);
		const fraction = body.slice(lastDecimal + 1);
		if (fraction === '' || !/^\d+$/.test(fraction)) return null;
		if (whole === '') return { whole: '0', fraction };
		if (!whole.includes(group)) return /^\d+$/.test(whole) ? { whole, fraction } : null;
		return isGrouped(whole, group) ? { whole: whole.split(group).join(''), fraction } : null;
	}
	if (lastGroup < 0) return { whole: body, fraction: '' };
	if (isGrouped(body, group)) return { whole: body.split(group).join(''), fraction: '' };
	// One group mark that cannot be grouping ("0.4" or "1234.5" on a Dutch page) can only be the other
	// notation's decimal mark; valid grouping ("1.234") was read as grouping above.
	const [before, after, ...more] = body.split(group);
	if (more.length === 0 && before !== undefined && after !== undefined && /^\d*$/.test(before) && /^\d+$/.test(after))
		return { whole: before === '' ? '0' : before, fraction: after };
	return null;
}

/** True for "1.234.567": a first group of 1–3 digits (no leading zero) and groups of exactly 3. */
function isGrouped(text: string, mark: string): boolean {
	const groups = text.split(mark);
	if (groups.length < 2) return false;
	const [first = '', ...rest] = groups;
	return /^[1-9]\d{0,2}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g));
}

/** Plain decimal text: no leading zeros in the whole part, the fraction as typed. */
function normalise(whole: string, fraction: string): string {
	const w = whole.replace(/^0+(?=\d)/, '');
	return fraction === '' ? w : `${w}.${fraction}`;
}

/** Divide a plain non-negative decimal string by 100 without arithmetic on floats ("12.5" → "0.125"). */
function shiftLeftTwo(value: string): string {
	const [whole = '', fraction = ''] = value.split('.');
	const padded = whole.padStart(3, '0');
	return normalise(padded.slice(0, -2), `${padded.slice(-2)}${fraction}`.replace(/0+$/, ''));
}
