// Largest-remainder allocation at cent precision: "allocate, don't divide". Every split made here
// adds up exactly to its (cent-rounded) total; leftover cents go to the largest remainders, ties
// broken by id, so the result does not depend on input order.
import {
	CENT,
	Decimal,
	ZERO,
	centsOf,
	roundToCents,
	sum,
	toDecimal,
	weightToDecimal,
	type DecimalInput
} from './decimal.ts';
import { isRecording, recordedMacro, roundFloat, type MacroFn } from './tape.ts';
import { CentsMap, decimalOfCents } from './cents-map.ts';

export type Weights = ReadonlyMap<string, Decimal> | Readonly<Record<string, DecimalInput | number>>;

function entriesOf(weights: Weights): [string, Decimal][] {
	const entries: [string, Decimal][] =
		weights instanceof Map
			? [...weights.entries()]
			: Object.entries(weights as Record<string, DecimalInput | number>).map(([id, w]) => [id, weightToDecimal(w)]);
	for (const [id, w] of entries) {
		if (w.isNegative() || !w.isFinite()) throw new RangeError(`[model] invalid weight for ${id}: ${w.toString()}`);
	}
	return entries;
}

/**
 * Split `total` over ids in proportion to non-negative weights, in whole cents.
 * The total is first rounded to cents (half-even); the parts then sum to it exactly.
 * An id with weight 0 always receives exactly 0.
 * @throws RangeError when the weights sum to zero, or a weight is negative.
 */
export function allocateByWeights(total: DecimalInput, weights: Weights): Map<string, Decimal> {
	const entries = entriesOf(weights);
	const split = () => {
		const inCents = isRecording() ? undefined : splitInCents(toDecimal(total), entries);
		if (inCents) return inCents;
		const weightSum = sum(entries.map(([, w]) => w));
		if (weightSum.isZero()) throw new RangeError('[model] invalid weights: they sum to zero');
		const amount = toDecimal(total);
		const exact = new Map(entries.map(([id, w]) => [id, amount.times(w).dividedBy(weightSum)]));
		return roundPreservingTotal(exact, roundToCents(amount));
	};
	if (!isRecording()) return split();
	// In a recorded kernel the split is one macro with its float twin (the sort by remainder steers no branch then).
	const ids = entries.map(([id]) => id);
	const parts = recordedMacro(
		[toDecimal(total), ...entries.map(([, w]) => w)],
		() => {
			const m = split();
			return ids.map((id) => m.get(id)!);
		},
		floatSplit(ids),
		`split|${ids.join(',')}`
	);
	return new Map(ids.map((id, i) => [id, parts[i]!]));
}

// The largest exact value splitInCents works with: below it, a part's exact amount and its 60-digit
// Decimal quotient lie on the same side of every cent and of every other part's remainder, so the
// integers give the very cents of the Decimal split.
const LARGEST_EXACT = 10n ** 30n;

/**
 * allocateByWeights for a total in whole cents (not zero) and weights in whole cents (or whole
 * numbers), in integers: part = total × weight ÷ Σ weights, truncated, the leftover cents to the
 * largest remainders (ties by id). Undefined for anything else, which takes the Decimal split.
 */
function splitInCents(total: Decimal, entries: readonly [string, Decimal][]): Map<string, Decimal> | undefined {
	const totalCents = centsOf(total);
	if (totalCents === undefined) return undefined;
	const weights: bigint[] = [];
	for (const [, w] of entries) {
		const cents = centsOf(w);
		if (cents === undefined) return undefined;
		weights.push(BigInt(cents));
	}
	const parts = largestRemainder(totalCents, weights, (i) => entries[i]![0]);
	return parts && new Map(entries.map(([id], i) => [id, decimalOfCents(parts[i]!)]));
}

/**
 * The integer split of splitInCents: `totalCents` (a safe integer, not zero) over whole-number
 * weights, each part truncated and the leftover cents to the largest remainders (ties by `idOf`),
 * the parts oriented by the total's sign as the Decimal split orients them. Undefined when the
 * weights sum to zero or a number reaches LARGEST_EXACT.
 */
function largestRemainder(
	totalCents: number,
	weights: readonly bigint[],
	idOf: (i: number) => string
): number[] | undefined {
	if (totalCents === 0) return undefined;
	let weightSum = 0n;
	for (const w of weights) weightSum += w;
	const amount = BigInt(Math.abs(totalCents));
	if (weightSum === 0n || weightSum >= LARGEST_EXACT || amount >= LARGEST_EXACT) return undefined;
	// Each part in cents as floor + remainder ÷ Σ weights.
	const floors = weights.map((w) => (amount * w) / weightSum);
	const order = weights.map((_, i) => i).filter((i) => weights[i]! !== 0n);
	const remainder = weights.map((w) => (amount * w) % weightSum);
	order.sort((a, b) => {
		const [ra, rb] = [remainder[a]!, remainder[b]!];
		if (ra !== rb) return ra > rb ? -1 : 1;
		const [ia, ib] = [idOf(a), idOf(b)];
		return ia < ib ? -1 : ia > ib ? 1 : 0;
	});
	let leftover = amount - floors.reduce((s, f) => s + f, 0n);
	for (let k = 0; leftover > 0n; k = (k + 1) % order.length, leftover--) floors[order[k]!]! += 1n;
	const sign = totalCents < 0 ? -1n : 1n;
	return floors.map((f) => Number(sign * f));
}

/**
 * allocateByWeights of `total` by the entries of a map of whole cents that are not negative (as the
 * Decimals' isPositive() selects them, zero included), kept in cents: the
 * same parts, for the same ids in the same order (the other ids are absent). Undefined where the
 * split cannot be made in integers (see splitInCents), and while a kernel is recorded (the split is
 * then one macro of allocateByWeights).
 */
export function splitByCents(total: Decimal, weights: CentsMap): CentsMap | undefined {
	if (isRecording()) return undefined;
	const totalCents = centsOf(total);
	if (totalCents === undefined) return undefined;
	// As Decimal's isPositive() takes them: zero too, which then receives nothing.
	const positions = weights.positions((cents) => cents >= 0);
	const parts = largestRemainder(
		totalCents,
		positions.map((i) => BigInt(weights.centsAtPosition(i))),
		(k) => weights.idAt(positions[k]!)
	);
	return parts && weights.withAmounts(positions, parts);
}

/** The float twin of allocateByWeights over [total, ...weights] (the kernel's split). */
function floatSplit(ids: readonly string[]): MacroFn {
	const n = ids.length;
	const byId = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
		ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0
	);
	const rank = new Int32Array(n);
	byId.forEach((i, r) => (rank[i] = r));
	const exact = new Float64Array(n);
	const work = { order: new Int32Array(n), remainder: new Float64Array(n) };
	return (x, y) => {
		const total = x[0]!;
		let weightSum = 0;
		for (let i = 0; i < n; i++) weightSum += x[1 + i]!;
		for (let i = 0; i < n; i++) exact[i] = (total * x[1 + i]!) / weightSum;
		roundPreservingFloat(exact, roundFloat(total, 2, Decimal.ROUND_HALF_EVEN), rank, y, work);
	};
}

/** The float twin of roundPreservingTotal: amounts in euros, `rank` the order of the ids (scratch buffers reused when given). */
export function roundPreservingFloat(
	exact: Float64Array,
	wanted: number,
	rank: Int32Array,
	out: Float64Array,
	work = { order: new Int32Array(exact.length), remainder: new Float64Array(exact.length) }
): void {
	const n = exact.length;
	const sign = wanted < 0 || Object.is(wanted, -0) ? -1 : 1;
	const { order, remainder } = work;
	let truncatedSum = 0;
	let count = 0;
	for (let i = 0; i < n; i++) {
		const oriented = exact[i]! * sign;
		const floor = roundFloat(oriented, 2, Decimal.ROUND_FLOOR);
		out[i] = floor;
		truncatedSum += floor;
		remainder[i] = oriented - floor;
		if (oriented === 0) continue;
		// Insertion by remainder, largest first, ties by id (the lists are short).
		let k = count++;
		while (
			k > 0 &&
			(remainder[order[k - 1]!]! < remainder[i]! ||
				(remainder[order[k - 1]!] === remainder[i] && rank[order[k - 1]!]! > rank[i]!))
		) {
			order[k] = order[k - 1]!;
			k--;
		}
		order[k] = i;
	}
	let leftover = Math.round((wanted * sign - truncatedSum) * 100);
	for (let k = 0; leftover > 0 && count > 0; k = (k + 1) % count, leftover--) out[order[k]!]! += 0.01;
	for (let k = count - 1; leftover < 0 && count > 0; k = (k - 1 + count) % count, leftover++) out[order[k]!]! -= 0.01;
	for (let i = 0; i < n; i++) out[i] = sign < 0 ? -out[i]! : out[i]!;
}

/**
 * Round exact amounts to cents so that they add up to `target` (default: the rounded sum of the
 * amounts). Each part is truncated towards zero; the missing cents go one by one to the parts with
 * the largest remainders (ties: ascending id). Parts that are exactly zero never receive a cent.
 * Each result lies within one cent of its exact amount when `target` is the rounded exact sum.
 */
export function roundPreservingTotal(exact: ReadonlyMap<string, Decimal>, target?: Decimal): Map<string, Decimal> {
	const wanted = target ?? roundToCents(sum(exact.values()));
	// Work on absolute values with the sign of the target so negative totals (credits) behave symmetrically.
	const sign = wanted.isNegative() ? -1 : 1;
	const truncated = new Map<string, Decimal>();
	const remainders: { id: string; remainder: Decimal }[] = [];
	for (const [id, amount] of exact) {
		const oriented = sign < 0 ? amount.negated() : amount;
		const floor = oriented.toDecimalPlaces(2, Decimal.ROUND_FLOOR);
		truncated.set(id, floor);
		// To 42 places (40 below the cent): a quotient at 60 digits carries fewer places the larger it is,
		// so two parts with equal exact remainders (a repeating fraction) would otherwise differ in their
		// last digits and miss the tie that goes by id. Unequal remainders of a split differ by at least
		// 1 ÷ the weights' sum in cents, far above that place.
		const remainder = oriented.minus(floor).toDecimalPlaces(42);
		if (!oriented.isZero()) remainders.push({ id, remainder });
	}
	let leftoverCents = (sign < 0 ? wanted.negated() : wanted)
		.minus(sum(truncated.values()))
		.times(100)
		.round()
		.toNumber();
	remainders.sort((a, b) => b.remainder.comparedTo(a.remainder) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	if (leftoverCents > 0 && remainders.length === 0)
		throw new RangeError('[model] cannot place leftover cents: every part is zero');
	for (let i = 0; leftoverCents > 0; i = (i + 1) % remainders.length, leftoverCents--) {
		const { id } = remainders[i]!;
		truncated.set(id, truncated.get(id)!.plus(CENT));
	}
	// Only when a caller-supplied target lies below the truncated sum: take cents back from the smallest remainders.
	for (
		let i = remainders.length - 1;
		leftoverCents < 0;
		i = (i - 1 + remainders.length) % remainders.length, leftoverCents++
	) {
		const { id } = remainders[i]!;
		truncated.set(id, truncated.get(id)!.minus(CENT));
	}
	const result = new Map<string, Decimal>();
	for (const [id, amount] of truncated) result.set(id, sign < 0 ? amount.negated().plus(ZERO) : amount);
	return result;
}

/**
 * Amounts rounded to whole euros so that they add up to their sum rounded to whole euros (largest
 * remainder, ties to the earlier part, as roundPreservingTotal): a row of components then reads
 * as the total beside it. Each part stays within a euro of its exact amount.
 * @param parts the exact amounts
 * @param total the whole euros they must add up to, when another table fixed it: the floor or the
 *   ceiling of their sum (default: their sum rounded)
 * @throws RangeError when `total` is neither the floor nor the ceiling of the sum
 */
export function wholeEurosAddingUp(parts: readonly Decimal[], total?: Decimal): { parts: Decimal[]; total: Decimal } {
	if (total !== undefined) {
		const exact = sum(parts);
		if (!total.isInteger() || total.minus(exact).abs().gte(1))
			throw new RangeError(`[model] ${total.toString()} is not a rounding of the sum ${exact.toString()}`);
	}
	// The cents of hundredths of the amounts are their whole euros.
	const keys = parts.map((_, i) => String(i).padStart(8, '0'));
	const rounded = roundPreservingTotal(
		new Map(parts.map((x, i) => [keys[i]!, x.dividedBy(100)])),
		total?.dividedBy(100)
	);
	const whole = keys.map((k) => rounded.get(k)!.times(100));
	return { parts: whole, total: sum(whole) };
}

/** Split `total` evenly over `ids` in whole cents, as decimal strings keyed by id. */
export function splitEvenly(total: DecimalInput, ids: readonly string[]): Record<string, string> {
	const parts = allocateByWeights(total, Object.fromEntries(ids.map((id) => [id, '1'])));
	return Object.fromEntries([...parts].map(([id, amount]) => [id, amount.toFixed(2)]));
}
