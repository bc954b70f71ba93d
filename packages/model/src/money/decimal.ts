// The only place where decimal numbers are made and rounded. Money enters and leaves the model
// as decimal strings ("1234.56"); inside it is a decimal.js Decimal with 60 significant digits,
// so intermediate results (shares, solved pool totals) carry far more precision than a cent.
import { Decimal as DecimalJs } from 'decimal.js';

/** The model's Decimal class: 60 significant digits, half-even rounding, no exponent notation in toString(). */
export const Decimal = DecimalJs.clone({
	precision: 60,
	rounding: DecimalJs.ROUND_HALF_EVEN,
	toExpNeg: -60,
	toExpPos: 60
});
export type Decimal = InstanceType<typeof Decimal>;

/** A value that can become a Decimal without passing through a float: a decimal string, an integer, or a Decimal. */
export type DecimalInput = string | bigint | Decimal;

const DECIMAL_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** True when `text` is a plain decimal number such as "12", "-0.5" or "1.2e3". */
export function isDecimalString(text: string): boolean {
	return DECIMAL_PATTERN.test(text.trim());
}

/**
 * Make a Decimal from a string, bigint or Decimal.
 * @throws TypeError when given a JS number that is not a safe integer (floats lose cents) or a malformed string.
 */
export function toDecimal(value: DecimalInput | number): Decimal {
	if (value instanceof Decimal) return value;
	if (typeof value === 'bigint') return new Decimal(value.toString());
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value))
			throw new TypeError(`[model] invalid amount: ${value} is a float; pass a decimal string`);
		return new Decimal(value);
	}
	if (typeof value !== 'string' || !isDecimalString(value))
		throw new TypeError(`[model] invalid decimal: ${String(value)}`);
	return new Decimal(value.trim());
}

/**
 * Make a Decimal from a driver weight, which may be a JS number (weights are ratios, not money).
 * The number is read through its shortest decimal representation, so 0.1 becomes exactly 0.1.
 */
export function weightToDecimal(value: DecimalInput | number): Decimal {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new TypeError(`[model] invalid weight: ${value}`);
		return new Decimal(String(value));
	}
	return toDecimal(value);
}

// The literals of the rules' defaults, parsed once (a Decimal is immutable, so one serves every use).
const literals = new Map<string, Decimal>();

/** A decimal literal written in the code, such as a default of '0' or '1' (not for data: it is kept). */
export function literal(text: string): Decimal {
	let value = literals.get(text);
	if (!value) literals.set(text, (value = toDecimal(text)));
	return value;
}

export const ZERO = new Decimal(0);
export const CENT = new Decimal('0.01');

// While a numeric kernel is recorded (money/tape.ts sets this guard), every addition must be a
// Decimal operation the recording sees.
let recordingSums: () => boolean = () => false;

/** For money/tape.ts: tell sum() when a kernel is being recorded. */
export function guardSums(isRecording: () => boolean): void {
	recordingSums = isRecording;
}

// 10^k for k = 0…22, exact as doubles.
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
// Amounts below 10^13 euros: in cents below 10^15, so their sum is an exact double while it stays safe.
const LARGEST_EXPONENT = 12;

/**
 * An amount with at most two decimals below 10^13 euros in whole cents, as an exact double; undefined
 * otherwise. Read from the digit words (decimal.js's documented `d`, `e`, `s`: base-1e7 words, the first
 * one's unit 10^(7·⌊e/7⌋)), every partial product an integer below 2^53.
 */
export function centsOf(value: Decimal): number | undefined {
	const d = value.d as readonly number[] | null;
	if (!d || value.e > LARGEST_EXPONENT || value.decimalPlaces() > 2) return undefined;
	let cents = 0;
	const first = 7 * Math.floor(value.e / 7) + 2;
	for (let i = 0; i < d.length; i++) {
		const exponent = first - 7 * i;
		cents += exponent >= 0 ? d[i]! * POWERS_OF_TEN[exponent]! : d[i]! / POWERS_OF_TEN[-exponent]!;
	}
	return value.s < 0 ? -cents : cents;
}

/** Whole cents (a safe integer) as a Decimal, through its text. */
function fromCents(cents: number): Decimal {
	const digits = String(Math.abs(cents)).padStart(3, '0');
	return new Decimal(`${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`);
}

// The sums in cents made into Decimals (immutable, so one serves every sum with that result): the
// same totals come back year after year and in every scenario derived from another. Bounded: the
// table starts afresh beyond this many amounts. (Only outside a kernel's recording, which tells its
// values apart by object.)
const SUMS_KEPT = 20_000;
const sums = new Map<number, Decimal>();
function sumOfCents(cents: number): Decimal {
	let total = sums.get(cents);
	if (!total) {
		if (sums.size >= SUMS_KEPT) sums.clear();
		sums.set(cents, (total = fromCents(cents)));
	}
	return total;
}

/**
 * Sum of Decimals (exact at the model's precision). Amounts in cents (most of the model's sums) are
 * added as integers; from the first other term on, the sum goes on in Decimal, term by term in the
 * same order, so the result is the very Decimal sum (adding cents to cents is exact either way).
 */
export function sum(values: Iterable<Decimal>): Decimal {
	let total: Decimal | undefined;
	let cents = 0;
	let terms = 0;
	const fast = !recordingSums();
	for (const v of values) {
		terms++;
		if (total === undefined && fast) {
			const c = centsOf(v);
			if (c !== undefined && Math.abs(cents + c) <= Number.MAX_SAFE_INTEGER) {
				cents += c;
				continue;
			}
			total = cents === 0 ? ZERO : fromCents(cents);
		}
		total = (total ?? ZERO).plus(v);
	}
	// Only the fast path ends here with terms (a recording's sum is a Decimal sum, a new Decimal).
	return total ?? (terms === 0 ? ZERO : sumOfCents(cents));
}

// Powers with a fractional exponent (the in-house scale factors) take exp and ln to the model's
// precision, the costliest operation of the model; the same few come back in every year and every
// load. Bounded; not while a kernel is recorded (it has to see the operation).
const POWERS_KEPT = 1_000;
const powers = new Map<string, Decimal>();

/** base^exponent, as Decimal's pow gives it, remembered by value. */
export function power(base: Decimal, exponent: Decimal): Decimal {
	if (recordingSums()) return base.pow(exponent);
	const key = `${base.toString()}^${exponent.toString()}`;
	let result = powers.get(key);
	if (!result) {
		if (powers.size >= POWERS_KEPT) powers.clear();
		powers.set(key, (result = base.pow(exponent)));
	}
	return result;
}

/** Round to whole cents, half-even ("banker's rounding"), the model's one rounding rule for single amounts. */
export function roundToCents(value: Decimal): Decimal {
	return value.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
}

/** A digit word of a Decimal as its seven digits. */
function word(w: number): string {
	return w >= 1e6 ? String(w) : String(w + 1e7).slice(1);
}

/**
 * The text of `value.toFixed(2)`. An amount in cents (most of the model's) needs no rounding: it is
 * written out directly from the Decimal's digit words (decimal.js's documented `d`, `e` and `s`:
 * base-1e7 words aligned to the decimal point, the exponent of the first digit, and the sign), at
 * a fraction of toFixed's cost; anything else (more decimals, zero, not finite) goes through toFixed.
 */
export function toFixed2(value: Decimal): string {
	const { d, e } = value;
	// Zero, not finite, or a first digit beyond the cents (leading zero words are not stored).
	if (!d || d[0] === 0 || e < -2) return value.toFixed(2);
	// The words of the whole part; the one word after them holds the fraction's first seven digits.
	const wholeWords = e < 0 ? 0 : Math.floor(e / 7) + 1;
	if (d.length > wholeWords + 1) return value.toFixed(2);
	const fractionWord = d.length > wholeWords ? d[wholeWords]! : 0;
	if (fractionWord % 100000 !== 0) return value.toFixed(2);
	let whole = wholeWords === 0 ? '0' : String(d[0]);
	for (let i = 1; i < wholeWords; i++) whole += i < d.length ? word(d[i]!) : '0000000';
	const cents = fractionWord / 100000;
	return `${value.s < 0 ? '-' : ''}${whole}.${cents < 10 ? '0' : ''}${cents}`;
}

/** The canonical text form of an amount: two decimals, no exponent, "-0.00" normalised to "0.00". */
export function formatAmount(value: Decimal): string {
	// toFixed rounds half-even (the class's rounding), as roundToCents does, without the intermediate Decimal.
	const text = toFixed2(value);
	return text === '-0.00' ? '0.00' : text;
}
