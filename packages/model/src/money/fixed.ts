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

/** A Decimal as a fixed-point amount (rounded half-even at 10⁻³⁰). */
export function toFixedPoint(value: Decimal): bigint {
	return BigInt(value.toFixed(FIXED_PLACES, Decimal.ROUND_HALF_EVEN).replace('.', ''));
}

/** A fixed-point amount as an exact Decimal. */
export function fromFixedPoint(value: bigint): Decimal {
	return new Decimal(formatFixedPoint(value, FIXED_PLACES));
}

/** Round half-even to `places` (≤ 30) decimals and write as a decimal string ("-12.345000"). */
export function formatFixedPoint(value: bigint, places: number): string {
	const negative = value < 0n;
	// String work on the digits is much faster than bigint division for the many trace figures.
	const digits = (negative ? -value : value).toString().padStart(FIXED_PLACES + 1, '0');
	const cut = digits.length - FIXED_PLACES + places;
	const head = digits.slice(0, cut);
	const tail = digits.slice(cut);
	const first = tail.charCodeAt(0); // NaN when places = 30: no rounding
	const roundUp =
		first > 53 || (first === 53 && (/[1-9]/.test(tail.slice(1)) || head.charCodeAt(head.length - 1) % 2 === 1));
	const rounded = roundUp ? (BigInt(head) + 1n).toString().padStart(places + 1, '0') : head;
	const text = places > 0 ? `${rounded.slice(0, -places)}.${rounded.slice(-places)}` : rounded;
	return negative && /[1-9]/.test(rounded) ? `-${text}` : text;
}

/** Whole cents of a fixed-point amount, rounded half-even. */
export function fixedToCents(value: bigint): bigint {
	const negative = value < 0n;
	const magnitude = negative ? -value : value;
	const quotient = magnitude / PER_CENT;
	const twice = (magnitude % PER_CENT) * 2n;
	const cents = quotient + (twice > PER_CENT || (twice === PER_CENT && quotient % 2n === 1n) ? 1n : 0n);
	return negative ? -cents : cents;
}

/** Whole cents as a Decimal. */
export function centsToDecimal(cents: bigint): Decimal {
	return new Decimal(cents.toString()).dividedBy(100);
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

/** Non-negative Decimal weights as integers with one common scale (exact: w × 10^maxDecimals). */
export function weightsToIntegers(weights: readonly Decimal[]): {
	readonly integers: bigint[];
	readonly places: number;
} {
	const places = Math.max(0, ...weights.map((w) => w.decimalPlaces()));
	const factor = new Decimal(10).pow(places);
	return { integers: weights.map((w) => BigInt(w.times(factor).toFixed(0))), places };
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
	const cents = parts.map((p) => p / PER_CENT);
	let leftover = targetCents;
	for (const c of cents) leftover -= c;
	if (leftover === 0n) return cents;
	const order: number[] = [];
	const remainders: bigint[] = [];
	// Each remainder as a (rounded) double makes the sort fast; equal doubles fall back to the exact remainders, then ids.
	const leading: number[] = [];
	for (let i = 0; i < parts.length; i++) {
		const remainder = parts[i]! - cents[i]! * PER_CENT;
		remainders.push(remainder);
		leading.push(Number(remainder));
		if (parts[i] !== 0n) order.push(i);
	}
	if (order.length === 0) throw new RangeError('[model] cannot place leftover cents: every part is zero');
	order.sort((a, b) => {
		if (leading[a] !== leading[b]) return leading[b]! - leading[a]!;
		const ra = remainders[a]!;
		const rb = remainders[b]!;
		if (ra !== rb) return ra > rb ? -1 : 1;
		return ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0;
	});
	for (let k = 0; leftover > 0n; k = (k + 1) % order.length, leftover--) cents[order[k]!]! += 1n;
	for (let k = order.length - 1; leftover < 0n; k = (k - 1 + order.length) % order.length, leftover++)
		cents[order[k]!]! -= 1n;
	return cents;
}

export { SCALE as FIXED_SCALE };
