// Σ aᵢ ÷ bᵢ exactly as the model's Decimal computes it term by term — every quotient and every
// partial sum correctly rounded to the class's significant digits, half-even — but in bigint
// arithmetic: the net present value of a comparison takes ten divisions per participant, and a
// tornado or a break-even search takes thousands of those; decimal.js's long division allocates
// kilobytes for each. Correct rounding makes the result unique, so it is the very Decimal
// (test: discounted-sum.test.ts holds the two equal).
import { Decimal, ZERO } from './decimal.ts';
import { isRecording } from './tape.ts';

/** n × 10^−scale. */
interface Scaled {
	readonly n: bigint;
	readonly scale: number;
}

const PRECISION = Decimal.precision;
const TEN_POWERS: bigint[] = [];
const tenTo = (k: number): bigint => (TEN_POWERS[k] ??= 10n ** BigInt(k));

/** The number of decimal digits of n (1 for zero), by comparing with powers of ten (no string). */
function digitCount(n: bigint): number {
	const m = n < 0n ? -n : n;
	let high = 8;
	while (m >= tenTo(high)) high *= 2;
	// The digit count k is the least k with m < 10^k, in (low, high].
	let low = 0;
	while (high - low > 1) {
		const middle = (low + high) >> 1;
		if (m < tenTo(middle)) high = middle;
		else low = middle;
	}
	return Math.max(1, high);
}

/** A finite Decimal as an integer and a scale, from its digit words (decimal.js's documented `d`, `e`, `s`). */
function scaledOf(x: Decimal): Scaled {
	const d = x.d as readonly number[] | null;
	if (!d) throw new RangeError(`[model] not a finite number: ${x.toString()}`);
	let n: bigint;
	// Two words are below 10^14, exact as a double; longer ones are read as one text.
	if (d.length <= 2) n = BigInt(d.length === 1 ? d[0]! : d[0]! * 1e7 + d[1]!);
	else {
		let text = String(d[0]!);
		for (let k = 1; k < d.length; k++) text += String(d[k]!).padStart(7, '0');
		n = BigInt(text);
	}
	// The first word's unit is 10^(7·⌊e/7⌋); each further word is seven digits further down.
	const scale = 7 * (d.length - 1) - 7 * Math.floor(x.e / 7);
	return { n: x.s < 0 ? -n : n, scale };
}

// Divisors as integers, per Decimal (an analysis divides by the same discount factors over and over).
const divisorsRead = new WeakMap<Decimal, Scaled>();
function divisorOf(x: Decimal): Scaled {
	let scaled = divisorsRead.get(x);
	if (!scaled) divisorsRead.set(x, (scaled = scaledOf(x)));
	return scaled;
}

/**
 * Keep `precision` significant digits of q·10^−scale, where `q` are the leading digits of the exact
 * value and `inexact` says whether anything nonzero lies below them: half-even, as decimal.js rounds.
 */
function roundScaled(q: bigint, scale: number, inexact: boolean): Scaled {
	const negative = q < 0n;
	const magnitude = negative ? -q : q;
	const drop = digitCount(magnitude) - PRECISION;
	if (drop <= 0) {
		if (inexact) throw new Error('[model] discounted sum: too few digits to round');
		return { n: q, scale };
	}
	const unit = tenTo(drop);
	let kept = magnitude / unit;
	const rest = (magnitude - kept * unit) * 2n;
	if (rest > unit || (rest === unit && (inexact || (kept & 1n) === 1n))) kept += 1n;
	return { n: negative ? -kept : kept, scale: scale - drop };
}

function divide(a: Scaled, b: Scaled): Scaled {
	if (a.n === 0n) return { n: 0n, scale: 0 };
	// Enough digits beyond the precision to round: a·10^k ÷ b with at least PRECISION + 2 digits.
	const k = Math.max(0, PRECISION + 3 - digitCount(a.n) + digitCount(b.n));
	const numerator = a.n * tenTo(k);
	const q = numerator / b.n;
	return roundScaled(q, a.scale - b.scale + k, q * b.n !== numerator);
}

function add(a: Scaled, b: Scaled): Scaled {
	if (b.n === 0n) return a;
	if (a.n === 0n) return b;
	const scale = Math.max(a.scale, b.scale);
	const n = a.n * tenTo(scale - a.scale) + b.n * tenTo(scale - b.scale);
	return roundScaled(n, scale, false);
}

function toDecimal({ n, scale }: Scaled): Decimal {
	if (scale <= 0) return new Decimal((n * tenTo(-scale)).toString());
	const digits = (n < 0n ? -n : n).toString().padStart(scale + 1, '0');
	return new Decimal(`${n < 0n ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
}

/**
 * Σ numerators[i] ÷ divisors[i], each quotient and each partial sum rounded as the model's Decimal
 * rounds them (the same value as `terms.reduce((s, i) => s.plus(a[i].dividedBy(b[i])), 0)`).
 * @throws RangeError when a divisor is zero or a value is not finite
 */
export function discountedSum(numerators: readonly Decimal[], divisors: readonly Decimal[]): Decimal {
	// A kernel being recorded must see every division and addition.
	if (isRecording()) return numerators.reduce((sum, a, i) => sum.plus(a.dividedBy(divisors[i]!)), ZERO);
	let total: Scaled = { n: 0n, scale: 0 };
	for (let i = 0; i < numerators.length; i++) {
		const divisor = divisorOf(divisors[i]!);
		if (divisor.n === 0n) throw new RangeError('[model] discounted sum: division by zero');
		total = add(total, divide(scaledOf(numerators[i]!), divisor));
	}
	return toDecimal(total);
}
