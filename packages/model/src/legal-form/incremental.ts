// Incremental recomputation: a scenario derived from another by changing some leaf values (a tornado
// end, a break-even probe) takes every amount and year of its origin's computation that read none of
// the changed leaves, and computes only the rest. Each memoised result keeps the paths of the leaves
// it read (money/reads.ts, noted where a leaf enters the computation), so the reuse is exact: a
// result that read no changed leaf is the same result.
import { collectReads, noteReads, readsOverlap, type Reads } from '../money/reads.ts';
import type { MethodId } from '../problem/types.ts';
import type { Key, Leaf, Pool, Scenario, Series } from '../scenario/types.ts';
import type { Decimal } from '../money/decimal.ts';
import { ScenarioModel, type Figure, type KeyUse, type PoolYear, type YearDetail } from './compute.ts';
import { allocateYear, type YearAllocation, type YearAllocationInput } from './engine.ts';
import type { WageShare } from './context.ts';
import { poolKeyUse, poolYear, poolYears } from './pool-year.ts';
import { readsCost } from './keys/weights.ts';
import { governanceYear, type GovernanceYear } from './gr-year.ts';
import { inhabitants } from './year-frame.ts';

/** The computation a derived scenario may take results from, and the leaf paths in which it differs. */
export interface Origin {
	readonly model: TrackedModel;
	/** The changed leaf paths (see money/reads.ts). */
	readonly changed: Reads;
}

// What comparing two weights maps found, by the pair (weights maps are read-only once made): a
// variant compares each year's problem with its kin's, and the same few maps meet year after year.
const comparedWeights = new WeakMap<ReadonlyMap<string, Decimal>, WeakMap<ReadonlyMap<string, Decimal>, boolean>>();

function sameWeights(a: ReadonlyMap<string, Decimal>, b: ReadonlyMap<string, Decimal>): boolean {
	// A pool year taken from the origin brings its very weights: no need to compare them one by one.
	if (a === b) return true;
	if (a.size !== b.size) return false;
	let withA = comparedWeights.get(a);
	const known = withA?.get(b);
	if (known !== undefined) return known;
	let same = true;
	for (const [id, w] of a) {
		const other = b.get(id);
		if (other === undefined || (other !== w && !other.eq(w))) {
			same = false;
			break;
		}
	}
	if (!withA) comparedWeights.set(a, (withA = new WeakMap()));
	withA.set(b, same);
	return same;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

/** Whether two allocation inputs are the same problem (same method, order, recipients, costs and weights). */
function sameProblem(a: YearAllocationInput, b: YearAllocationInput): boolean {
	if (a.method !== b.method || a.pools.length !== b.pools.length) return false;
	// Costs first: they tell the years apart at once.
	for (let i = 0; i < a.pools.length; i++) {
		const [p, q] = [a.pools[i]!, b.pools[i]!];
		if (p.id !== q.id || (p.cost !== q.cost && !p.cost.eq(q.cost))) return false;
	}
	if (!sameList(a.participants, b.participants) || !sameList(a.order ?? [], b.order ?? [])) return false;
	return a.pools.every((p, i) => sameWeights(p.weights, b.pools[i]!.weights));
}

// Whether some key of a pool's key series reads the cost it divides (per series: a scenario is immutable).
const costReading = new WeakMap<Series<Key>, boolean>();
function keysReadingCost(series: Series<Key>): boolean {
	let reads = costReading.get(series);
	if (reads === undefined)
		costReading.set(series, (reads = series.entries.some((e) => e.value !== null && readsCost(e.value))));
	return reads;
}

/** A memoised result and the leaf paths it read. */
interface Entry {
	readonly reads: Reads;
	readonly value: unknown;
}

/** A ScenarioModel that knows which leaves each memoised result read, and reuses its origin's where it can. */
export class TrackedModel extends ScenarioModel {
	// Per memo entry, by its name and year (two levels, so a lookup builds no key string): what it read and its value.
	private readonly entries = new Map<string, Map<number, Entry>>();

	/**
	 * @param origin the computation this one is derived from by changed leaves (see Origin)
	 * @param kin a computation that may have allocated some of the same problems (the scenario a
	 *   variant was applied to): only its allocations are taken, each after comparing the whole problem
	 */
	constructor(
		scenario: Scenario,
		methodOverride?: MethodId,
		private readonly origin?: Origin,
		private readonly kin?: () => TrackedModel | undefined
	) {
		super(scenario, methodOverride);
	}

	override amount(series: Series<Leaf>, year: number, label: string, wageShare: WageShare): Figure {
		return this.tracked(
			series.path,
			year,
			() => this.computeAmount(series, year, label, wageShare),
			(m) => m.amount(series, year, label, wageShare)
		);
	}

	override year(year: number): YearDetail {
		return this.tracked(
			'y|',
			year,
			() => this.computeYear(year),
			(m) => m.year(year)
		);
	}

	override grYear(year: number): YearDetail {
		return this.tracked(
			'g|',
			year,
			() => this.computeGrYear(year),
			(m) => m.grYear(year)
		);
	}

	/** The pools of a year: their costs, keys and weights read no VAT, governance or DVO term. */
	readonly poolYears = (year: number, centrum: boolean): PoolYear[] =>
		this.tracked(
			centrum ? 'p|centrum' : 'p|',
			year,
			() => poolYears(this, year, centrum),
			(m) => m.poolYears(year, centrum)
		);

	/** One pool's year; a driver of one key leaves the other pools' years as they were. */
	readonly poolYear = (pool: Pool, year: number, efficiency: Decimal): PoolYear =>
		this.tracked(
			// The efficiency is read before (by poolYears): its value is part of the key.
			this.poolKey(pool.id, efficiency),
			year,
			() => poolYear(this, pool, year, efficiency),
			(m) => m.poolYear(pool, year, efficiency)
		);

	/**
	 * A pool's key in a year: it reads only its drivers, so a change to the pool's cost keeps it. A key
	 * that reads the cost it divides (a tariff) is computed with the pool's year, never kept apart.
	 */
	readonly poolKeyUse = (pool: Pool, year: number, cost: Decimal): KeyUse | undefined =>
		keysReadingCost(pool.key)
			? poolKeyUse(this, pool, year, cost)
			: this.tracked(
					`k|${pool.id}`,
					year,
					() => poolKeyUse(this, pool, year, cost),
					(m) => m.poolKeyUse(pool, year, cost)
				);

	/** The GR's governance of a year: it reads no pool, charge or DVO term, so a change to those keeps it. */
	readonly governanceYear = (year: number): GovernanceYear =>
		this.tracked(
			'gov|',
			year,
			() => governanceYear(this, year),
			(m) => m.governanceYear(year)
		);

	/** The inhabitants of a year: only the driver `inwoners` reaches them. */
	readonly inhabitants = (year: number): ReadonlyMap<string, Figure> =>
		this.tracked(
			'inh|',
			year,
			() => inhabitants(this, year),
			(m) => m.inhabitants(year)
		);

	/** Number of results taken from the origin (for tests and benchmarks). */
	reused = 0;
	private readonly allocations: { readonly input: YearAllocationInput; readonly allocation: YearAllocation }[] = [];

	/**
	 * The engine's allocation: the origin's or the kin's when it allocated the same problem (an input
	 * or a variant that moves only VAT, governance, DVO terms or the legal form leaves the year's
	 * allocation as it was), else a new one. The whole problem is compared, so the reuse is exact.
	 */
	readonly allocate = (input: YearAllocationInput): YearAllocation => {
		const same = (a: { readonly input: YearAllocationInput }) => sameProblem(a.input, input);
		const theirs = this.origin?.model.allocations.find(same) ?? this.kin?.()?.allocations.find(same);
		const allocation = theirs?.allocation ?? allocateYear(input);
		if (theirs) this.reused++;
		this.allocations.push({ input, allocation });
		return allocation;
	};

	// The memo name of a pool's year: its id and the efficiency it was computed with, kept per pair so
	// that a lookup builds no string.
	private readonly poolKeys = new Map<string, Map<string, string>>();
	private poolKey(pool: string, efficiency: Decimal): string {
		const text = efficiency.toString();
		let byEfficiency = this.poolKeys.get(pool);
		if (!byEfficiency) this.poolKeys.set(pool, (byEfficiency = new Map()));
		let key = byEfficiency.get(text);
		if (!key) byEfficiency.set(text, (key = `q|${pool}|${text}`));
		return key;
	}

	private entry(name: string, year: number): Entry | undefined {
		return this.entries.get(name)?.get(year);
	}

	private tracked<T>(name: string, year: number, compute: () => T, fromOrigin: (model: TrackedModel) => T): T {
		const known = this.entry(name, year);
		if (known) {
			noteReads(known.reads);
			return known.value as T;
		}
		let byYear = this.entries.get(name);
		if (!byYear) this.entries.set(name, (byYear = new Map()));
		const origin = this.origin;
		// An origin that met an issue is not reused: its issues would not be reported here.
		const theirs = origin && origin.model.env.issues.length === 0 ? origin.model.entry(name, year) : undefined;
		if (theirs && !readsOverlap(theirs.reads, origin!.changed)) {
			const value = fromOrigin(origin!.model);
			byYear.set(year, { reads: theirs.reads, value });
			this.reused++;
			return value;
		}
		const { value, reads } = collectReads(compute);
		byYear.set(year, { reads, value });
		return value;
	}
}
