// Which uncertain inputs a computation read: while a collector is open, every leaf read through the
// kernel's seam (`recordedLeaf`) is noted by its path. A computation that read none of the inputs a
// derived scenario changed gives the same result there, which is what lets a tornado or break-even
// search recompute only the years an input reaches (legal-form/incremental.ts).
//
// A set of paths is a bitset over path numbers given out once per path in this process (paths are
// the scenario's structure, a few hundred per scenario): noting what a reused result read, the
// most frequent operation, is then an OR of a few words instead of copying every path.

/** The paths a computation read, as a bitset (read-only once made). */
export type Reads = Readonly<Int32Array>;

const numbers = new Map<string, number>();

function numberOf(path: string): number {
	let n = numbers.get(path);
	if (n === undefined) numbers.set(path, (n = numbers.size));
	return n;
}

/** A bitset being filled, grown as paths with higher numbers arrive. */
class Collector {
	words = new Int32Array(Math.max(1, (numbers.size >> 5) + 1));

	private grow(word: number): void {
		const wider = new Int32Array(Math.max(word + 1, this.words.length * 2));
		wider.set(this.words);
		this.words = wider;
	}

	add(n: number): void {
		const word = n >> 5;
		if (word >= this.words.length) this.grow(word);
		this.words[word]! |= 1 << (n & 31);
	}

	addAll(reads: Reads): void {
		if (reads.length > this.words.length) this.grow(reads.length - 1);
		const words = this.words;
		for (let i = 0; i < reads.length; i++) words[i]! |= reads[i]!;
	}
}

let current: Collector | undefined;

/** Note that the computation in progress read the leaf at `path`. */
export function noteRead(path: string): void {
	current?.add(numberOf(path));
}

/**
 * The read of a series of keys, methods or legal forms in a year: such values have no leaf path of
 * their own, so what a computation read of them is the series and the year it looked it up in.
 */
export function seriesReadPath(path: string, year: number, horizon?: Horizon): string {
	if (horizon && year < horizon.from - YEARS_LOOKED_BACK) return `${path}@before`;
	if (horizon && year > horizon.to) return `${path}@after`;
	return `${path}@${year}`;
}

/** A computation's years (it looks series up in these and in the YEARS_LOOKED_BACK before them). */
export interface Horizon {
	readonly from: number;
	readonly to: number;
}

/**
 * How many years before its horizon a computation looks a series up: the search for the switch to
 * the centrumgemeente goes back a hundred years, and the GR year before the switch one more. A
 * lookup further back, or after the horizon, is read as one "before" or "after" (seriesReadPath).
 */
export const YEARS_LOOKED_BACK = 101;

/** Note that the computation in progress looked up the value of the series at `path` in force in `year`. */
export function noteSeriesRead(path: string, year: number, horizon?: Horizon): void {
	if (current) current.add(numberOf(seriesReadPath(path, year, horizon)));
}

/** Note every path of an earlier computation whose result the computation in progress reuses. */
export function noteReads(reads: Reads): void {
	current?.addAll(reads);
}

/** Run `fn` and return its value with the paths it read; the enclosing collector sees them too. */
export function collectReads<T>(fn: () => T): { value: T; reads: Reads } {
	const outer = current;
	const collector = new Collector();
	current = collector;
	try {
		return { value: fn(), reads: collector.words };
	} finally {
		current = outer;
		outer?.addAll(collector.words);
	}
}

/** The paths as a bitset (for the leaves a derived scenario changed). */
export function readsOf(paths: Iterable<string>): Reads {
	const collector = new Collector();
	for (const path of paths) collector.add(numberOf(path));
	return collector.words;
}

/** No reads at all. */
export const NO_READS: Reads = new Int32Array(0);

/** Whether two sets of paths have a path in common. */
export function readsOverlap(a: Reads, b: Reads): boolean {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) if ((a[i]! & b[i]!) !== 0) return true;
	return false;
}
