// Amounts by id kept as whole cents, read as Decimals: the engine's charges to each participant by
// pool. Most readers of a year's charges want their cents (a VAT base, a host's residual, a split),
// and 40 000 charges a year are not worth 40 000 Decimals nobody reads. A Decimal is made when an
// entry is first read as one, and kept.
import { Decimal, ZERO, centsOf, sum } from './decimal.ts';
import { kernelInProgress } from './tape.ts';

/** The positions of ids in one order, shared by every map over that order. */
export type IdIndex = ReadonlyMap<string, number>;

/**
 * A read-only map from id to amount, stored as whole cents (safe integers) at the position of each
 * id in a shared order; an absent id is NaN. Iterates in that order, as a Map built in it would.
 */
export class CentsMap implements ReadonlyMap<string, Decimal> {
	private readonly made: (Decimal | undefined)[] = [];
	readonly size: number;

	/**
	 * @param ids the shared order
	 * @param index each id's position in `ids`
	 * @param amounts cents at each position, NaN where the id has no entry
	 */
	constructor(
		private readonly ids: readonly string[],
		private readonly index: IdIndex,
		private readonly amounts: Float64Array
	) {
		let size = 0;
		for (let i = 0; i < amounts.length; i++) if (!Number.isNaN(amounts[i]!)) size++;
		this.size = size;
	}

	/** The positions (in the shared order) of the entries whose cents pass `test`. */
	positions(test: (cents: number) => boolean): number[] {
		const out: number[] = [];
		for (let i = 0; i < this.amounts.length; i++)
			if (!Number.isNaN(this.amounts[i]!) && test(this.amounts[i]!)) out.push(i);
		return out;
	}

	/** The cents at a position of the shared order (NaN where absent). */
	centsAtPosition(i: number): number {
		return this.amounts[i]!;
	}

	/** The id at a position of the shared order. */
	idAt(i: number): string {
		return this.ids[i]!;
	}

	/** A map over the same order holding `cents[k]` at `positions[k]`, every other id absent. */
	withAmounts(positions: readonly number[], cents: readonly number[]): CentsMap {
		const amounts = new Float64Array(this.amounts.length).fill(Number.NaN);
		positions.forEach((p, k) => (amounts[p] = cents[k]!));
		return new CentsMap(this.ids, this.index, amounts);
	}

	/** The entry of `id` in cents, undefined when absent. */
	cents(id: string): number | undefined {
		const i = this.index.get(id);
		if (i === undefined) return undefined;
		const amount = this.amounts[i]!;
		return Number.isNaN(amount) ? undefined : amount;
	}

	private at(i: number): Decimal {
		let made = this.made[i];
		if (!made) this.made[i] = made = decimalOfCents(this.amounts[i]!);
		return made;
	}

	get(id: string): Decimal | undefined {
		const i = this.index.get(id);
		return i === undefined || Number.isNaN(this.amounts[i]!) ? undefined : this.at(i);
	}

	has(id: string): boolean {
		return this.cents(id) !== undefined;
	}

	forEach(callback: (value: Decimal, key: string, map: ReadonlyMap<string, Decimal>) => void, thisArg?: unknown): void {
		for (const [id, value] of this) callback.call(thisArg, value, id, this);
	}

	*entries(): MapIterator<[string, Decimal]> {
		for (let i = 0; i < this.amounts.length; i++) if (!Number.isNaN(this.amounts[i]!)) yield [this.ids[i]!, this.at(i)];
	}

	*keys(): MapIterator<string> {
		for (const [id] of this.entries()) yield id;
	}

	*values(): MapIterator<Decimal> {
		for (const [, value] of this.entries()) yield value;
	}

	[Symbol.iterator](): MapIterator<[string, Decimal]> {
		return this.entries();
	}
}

/** Whole cents (a safe integer) as a Decimal: zero without a sign. */
function fromCents(cents: number): Decimal {
	return cents === 0 ? ZERO : new Decimal(`${cents}e-2`);
}

// Amounts in cents made into Decimals (immutable, so one serves every use): the same amounts come
// back year after year and in every scenario derived from another. Bounded: the table starts
// afresh beyond this many amounts.
const AMOUNTS_KEPT = 50_000;
const amounts = new Map<number, Decimal>();

/** Whole cents (a safe integer) as a Decimal, one object per amount (a new one while a kernel is recorded). */
export function decimalOfCents(cents: number): Decimal {
	// A kernel being recorded tells the outputs of a macro apart by object.
	if (kernelInProgress()) return fromCents(cents);
	let amount = amounts.get(cents);
	if (!amount) {
		if (amounts.size >= AMOUNTS_KEPT) amounts.clear();
		amounts.set(cents, (amount = fromCents(cents)));
	}
	return amount;
}

/** The entry of `id` in whole cents, from a CentsMap directly or from any map's Decimal; undefined when absent or finer. */
export function centsAt(map: ReadonlyMap<string, Decimal>, id: string): number | undefined {
	if (map instanceof CentsMap) return map.cents(id);
	const value = map.get(id);
	return value === undefined ? undefined : centsOf(value);
}

/**
 * Σ over maps of the entry of `id` (absent entries add nothing), as sum() gives it: in integers
 * when each entry is whole cents and the sum stays a safe integer, else in Decimals.
 */
export function sumAt(maps: readonly ReadonlyMap<string, Decimal>[], id: string): Decimal {
	let total = 0;
	for (const map of maps) {
		const cents = map instanceof CentsMap ? (map.cents(id) ?? 0) : undefined;
		if (cents === undefined || !Number.isSafeInteger((total += cents))) return sum(maps.map((m) => m.get(id) ?? ZERO));
	}
	return decimalOfCents(total);
}
