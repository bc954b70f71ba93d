// Fixed-point amounts for the allocation engine's inner loops: a bigint counting units of 10⁻³⁰
// euro. Integer arithmetic is exact and associative, so sums do not depend on the order of terms,
// and it is an order of magnitude faster than Decimal for the many small splits of an allocation.
// Splits truncate below 10⁻³⁰ euro, far below a cent; amounts are then rounded to cents here,
// once, with the same largest-remainder rule as `roundPreservingTotal` (ties by id); the property test
// largest-remainder.test.ts holds the two to the same result for non-negative parts.
import { Decimal } from './decimal.ts';

/** Decimal places of a fixed-point amount. */
export const FIXED_PLACES = 30;
const SCALE = 10n ** BigInt(FIXED_PLACES);
const PER_CENT = 10n ** BigInt(FIXED_PLACES - 2);

const TEN_POWERS: bigint[] = [];

/** 10^k as a bigint (memoised: the engine scales by the same few powers over and over). */
export function powerOfTen(k: number): bigint {
	return (TEN_POWERS[k] ??= 10n ** BigInt(k));
}

/**
 * value × 10^places as an integer, rounded half-even when the value has more decimals. A Decimal
 * holds its digits as base-10⁷ limbs (`d`, exponent `e`, sign `s`, documented in decimal.js);
 * reading them directly saves the string round trip of toFixed, the engine's most frequent conversion.
 */
export function scaleDecimal(value: Decimal, places: number): bigint {
	const d = value.d as readonly number[] | null;
	if (!d) throw new RangeError(`[model] not a finite number: ${value.toString()}`);
	if (value.decimalPlaces() > places) return BigInt(value.toFixed(places, Decimal.ROUND_HALF_EVEN).replace('.', ''));
	const length = d.length;
	let digits: bigint;
	if (length === 1) digits = BigInt(d[0]!);
	else if (length === 2)
		digits = BigInt(d[0]! * 1e7 + d[1]!); // below 10¹⁴: exact as a double
	else {
		// One parse of the digits is cheaper than a bigint product and sum per limb.
		let text = String(d[0]!);
		for (let k = 1; k < length; k++) text += String(d[k]!).padStart(7, '0');
		digits = BigInt(text);
	}
	// The value is digits × 10^(7·(⌊e/7⌋ − length + 1)); it has at most `places` decimals, so the division is exact.
	const shift = 7 * (Math.floor(value.e / 7) - length + 1) + places;
	const scaled = shift >= 0 ? digits * powerOfTen(shift) : digits / powerOfTen(-shift);
	return value.s < 0 ? -scaled : scaled;
}

/** A Decimal as a fixed-point amount (rounded half-even at 10⁻³⁰). */
export function toFixedPoint(value: Decimal): bigint {
	return scaleDecimal(value, FIXED_PLACES);
}

/** A fixed-point amount as an exact Decimal. */
export function fromFixedPoint(value: bigint): Decimal {
	return new Decimal(formatFixedPoint(value, FIXED_PLACES));
}

/** Round half-even to `places` (≤ 30) decimals and write as a decimal string ("-12.345000"). */
export function formatFixedPoint(value: bigint, places: number): string {
	const negative = value < 0n;
	const magnitude = negative ? -value : value;
	const unit = powerOfTen(FIXED_PLACES - places);
	let rounded = magnitude / unit;
	const twice = (magnitude - rounded * unit) * 2n;
	if (twice > unit || (twice === unit && (rounded & 1n) === 1n)) rounded += 1n;
	const text = formatScaledDigits(rounded, places);
	return negative && rounded !== 0n ? `-${text}` : text;
}

/** A non-negative integer counted in units of 10^-places, with exactly `places` decimals ("0.050000"). */
function formatScaledDigits(value: bigint, places: number): string {
	const digits = value.toString().padStart(places + 1, '0');
	return places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
}

/** Whole cents of a fixed-point amount, rounded half-even. */
export function fixedToCents(value: bigint): bigint {
	const negative = value < 0n;
	const magnitude = negative ? -value : value;
	const quotient = magnitude / PER_CENT;
	const twice = (magnitude - quotient * PER_CENT) * 2n;
	const cents = quotient + (twice > PER_CENT || (twice === PER_CENT && quotient % 2n === 1n) ? 1n : 0n);
	return negative ? -cents : cents;
}

/** Whole cents as a Decimal. */
export function centsToDecimal(cents: bigint): Decimal {
	return new Decimal(formatCents(cents));
}

/** Whole cents as the canonical amount text ("1234.56"). */
export function formatCents(cents: bigint): string {
	const negative = cents < 0n;
	const digits = (negative ? -cents : cents).toString().padStart(3, '0');
	return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** An integer counted in units of 10^-places as a plain decimal string without trailing zeros ("1.75", "50"). */
export function formatScaledInteger(value: bigint, places: number): string {
	if (places === 0) return value.toString();
	const negative = value < 0n;
	const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
	const fraction = digits.slice(-places).replace(/0+$/, '');
	return `${negative ? '-' : ''}${digits.slice(0, -places)}${fraction ? `.${fraction}` : ''}`;
}

/** Decimal weights as integers with one common scale (exact: w × 10^maxDecimals). */
export function weightsToIntegers(weights: readonly Decimal[]): {
	readonly integers: bigint[];
	readonly places: number;
} {
	let places = 0;
	for (const w of weights) places = Math.max(places, w.decimalPlaces());
	return { integers: weights.map((w) => scaleDecimal(w, places)), places };
}

/**
 * Split a non-negative fixed-point `total` by integer weights: part i = ⌊total·wᵢ/W⌋ in units of
 * 10⁻³⁰ euro (a weight of 0 gives exactly 0). Returns an empty array when the weights sum to zero.
 */
export function splitFixedPoint(total: bigint, weights: readonly bigint[]): bigint[] {
	let weightSum = 0n;
	for (const w of weights) weightSum += w;
	if (weightSum === 0n) return [];
	return weights.map((w) => (w === 0n ? 0n : (total * w) / weightSum));
}

/**
 * Round non-negative fixed-point parts to whole cents adding up to `targetCents`: each part is
 * truncated to cents, the missing cents go one by one to the largest remainders (ties: ascending
 * id); parts that are exactly zero never receive a cent. (If the target lies below the truncated
 * sum, cents are taken back from the smallest remainders.)
 */
export function roundFixedPreserving(parts: readonly bigint[], ids: readonly string[], targetCents: bigint): bigint[] {
	const n = parts.length;
	const cents = new Array<bigint>(n);
	let leftover = targetCents;
	for (let i = 0; i < n; i++) leftover -= cents[i] = parts[i]! / PER_CENT;
	if (leftover === 0n) return cents;
	const order: number[] = [];
	// Each remainder as a (rounded) double makes the sort fast; equal doubles fall back to the exact remainders, then ids.
	const leading = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		if (parts[i] === 0n) continue;
		// A product and a difference instead of a second division: bigint division is the slow operation here.
		leading[i] = Number(parts[i]! - cents[i]! * PER_CENT);
		order.push(i);
	}
	if (order.length === 0) throw new RangeError('[model] cannot place leftover cents: every part is zero');
	const byRemainder = (a: number, b: number): number => {
		if (leading[a] !== leading[b]) return leading[b]! - leading[a]!;
		const ra = parts[a]! % PER_CENT;
		const rb = parts[b]! % PER_CENT;
		if (ra !== rb) return ra > rb ? -1 : 1;
		return ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0;
	};
	if (leftover > 0n && leftover <= BigInt(order.length)) {
		placeLargest(order, leading, Number(leftover), byRemainder, cents);
		return cents;
	}
	order.sort(byRemainder);
	for (let k = 0; leftover > 0n; k = (k + 1) % order.length, leftover--) cents[order[k]!]! += 1n;
	for (let k = order.length - 1; leftover < 0n; k = (k - 1 + order.length) % order.length, leftover++)
		cents[order[k]!]! -= 1n;
	return cents;
}

/**
 * Give one cent to each of the `count` parts that come first in `byRemainder` order, without sorting
 * them all: the count-th largest leading double is found by a numeric sort of the doubles, every part
 * above it gets its cent, and only the parts equal to it are ordered exactly. (Number() of a bigint
 * rounds monotonically, so a larger remainder never has a smaller double.)
 */
function placeLargest(
	order: readonly number[],
	leading: Float64Array,
	count: number,
	byRemainder: (a: number, b: number) => number,
	cents: bigint[]
): void {
	const keys = new Float64Array(order.length);
	for (let k = 0; k < order.length; k++) keys[k] = leading[order[k]!]!;
	keys.sort();
	const threshold = keys[order.length - count]!;
	const tied: number[] = [];
	let left = count;
	for (const i of order) {
		if (leading[i]! > threshold) {
			cents[i]! += 1n;
			left--;
		} else if (leading[i] === threshold) tied.push(i);
	}
	tied.sort(byRemainder);
	for (let k = 0; k < left; k++) cents[tied[k]!]! += 1n;
}

export { SCALE as FIXED_SCALE };
