// Controlled rounding of a table with totals: every amount goes to one of the two whole units around
// it (an amount already whole stays as it is), and the rounded amounts still add up to the rounded
// totals along every row and every column. Of all such roundings it takes one closest to the exact
// table (the least total deviation), so a table that adds up when each amount is rounded on its own
// is rounded just so. It exists for two-way tables because a two-way table is a network: rounding
// up or down is a flow of whole units from rows to columns, and a network problem whose supplies are
// whole numbers has a whole-number optimum (Cox and Ernst, 1982). Costs are whole numbers too, so
// nothing here passes through a float.
import { Decimal, ZERO, sum } from './decimal.ts';

const ONE = new Decimal(1);

/** An entry of the matrix in units: its floor, and how far above the floor it lies (in integer steps). */
interface Entry {
	readonly floor: Decimal;
	/** (value − floor) · scale, a whole number in [0, scale). */
	readonly above: number;
	/** Whether it starts rounded up: at its preferred rounding, else at the nearer unit (half away from zero). */
	readonly start: boolean;
	/** What turning it away from its start costs on top of its deviation (0 unless it has a preferred rounding). */
	readonly penalty: number;
	/** Whether it is rounded up. */
	up: boolean;
}

/** How to round: the unit, and which figures to keep at a given rounding whenever the table allows it. */
export interface RoundingOptions {
	/** The rounding unit (default 1: whole euros; 1000 for thousands). */
	readonly unit?: Decimal;
	/**
	 * For an entry (by row and column of the matrix) that other text or another table already shows:
	 * the rounding shown there (its floor or ceiling, in the matrix's own amounts), or 'nearest' for
	 * the nearest unit. Such entries are turned only when no rounding of the others can balance the
	 * table; undefined for an entry free to go either way.
	 */
	readonly prefer?: (row: number, column: number) => Decimal | 'nearest' | undefined;
	/**
	 * Like `prefer`, but first: an entry kept here is turned only when no rounding can keep it, whatever
	 * it costs the entries of `prefer` (for a figure that this table derives others from).
	 */
	readonly keep?: (row: number, column: number) => Decimal | undefined;
}

/** Whether the preferred rounding of `q` (in units) is its ceiling. */
function preferredUp(q: Decimal, floor: Decimal, wanted: Decimal, unit: Decimal): boolean {
	const w = wanted.dividedBy(unit);
	if (w.equals(floor)) return false;
	if (w.equals(floor.plus(1)) && !q.isInteger()) return true;
	throw new RangeError(
		`[model] controlled rounding: ${wanted.toString()} is not a rounding of ${q.times(unit).toString()} to whole units`
	);
}

/** The number of decimal places that makes every value in units whole, at most 6 (costs stay safe integers). */
function scaleOf(values: readonly Decimal[]): number {
	const places = Math.max(0, ...values.map((v) => v.decimalPlaces()));
	if (places > 6)
		throw new RangeError(`[model] controlled rounding takes at most 6 decimal places in units, not ${places}`);
	return 10 ** places;
}

/**
 * Round a matrix whose every row and every column adds up to a whole number of `unit`s: each entry to
 * its floor or ceiling in units (whole entries unchanged), every row and every column still adding up
 * to the same whole number, with the least total deviation from the exact matrix. A table with totals
 * is such a matrix when its totals are entered with the opposite sign (see roundTableAddingUp).
 * @param matrix the rows, all of one length
 * @param options the unit (default whole euros) and the roundings other tables already show
 * @throws RangeError when a row or column does not add up to a whole number of units
 */
export function controlledRounding(
	matrix: readonly (readonly Decimal[])[],
	options: RoundingOptions = {}
): Decimal[][] {
	const unit = options.unit ?? ONE;
	const width = matrix[0]?.length ?? 0;
	const inUnits = matrix.map((row, i) => {
		if (row.length !== width)
			throw new RangeError(`[model] controlled rounding: row ${i} has ${row.length} entries, not ${width}`);
		return row.map((x) => x.dividedBy(unit));
	});
	for (const [i, row] of inUnits.entries())
		if (!sum(row).isInteger())
			throw new RangeError(`[model] controlled rounding: row ${i} does not add up to whole units`);
	for (let j = 0; j < width; j++)
		if (!sum(inUnits.map((row) => row[j]!)).isInteger())
			throw new RangeError(`[model] controlled rounding: column ${j} does not add up to whole units`);
	const scale = scaleOf(inUnits.flat());
	const kept = inUnits.map((row, i) => row.map((_, j) => options.keep?.(i, j)));
	const wanted = inUnits.map((row, i) => row.map((_, j) => kept[i]![j] ?? options.prefer?.(i, j)));
	// A preferred entry's penalty is more than every other entry's deviation together, so it turns only
	// when nothing else can do; a kept entry's is more than every preferred one's together.
	const preferred = wanted.flat().filter((w) => w !== undefined).length;
	const penalty = preferred === 0 ? 0 : scale * (inUnits.length * width + 1);
	const keepPenalty = penalty * (preferred + 1);
	if (!Number.isSafeInteger(keepPenalty * (inUnits.length + width + 1)))
		throw new RangeError(`[model] controlled rounding: a table of ${inUnits.length} × ${width} is too large`);
	const entries = inUnits.map((row, i) =>
		row.map((q, j): Entry => {
			const floor = q.floor();
			const above = q.minus(floor).times(scale).toNumber();
			const w = wanted[i]![j];
			const start =
				w instanceof Decimal
					? preferredUp(q, floor, w, unit)
					: 2 * above > scale || (2 * above === scale && q.isPositive());
			const cost = kept[i]![j] !== undefined ? keepPenalty : w !== undefined ? penalty : 0;
			return { floor, above, start, penalty: cost, up: start };
		})
	);
	balance(entries, scale);
	return entries.map((row) => row.map((e) => (e.up ? e.floor.plus(1) : e.floor).times(unit).plus(ZERO)));
}

/**
 * Turn entries up or down until every row and column adds up again, at the least added deviation:
 * successive shortest paths over the residual network (rows → columns for an entry that can go up,
 * columns → rows for one that can go down), from the rows and columns with too little to those with
 * too much. Turning an entry costs the change in its deviation (±(scale − 2·above)), plus its penalty
 * when it leaves a preferred rounding; the start (each entry at its preferred rounding or its nearer
 * unit) is the cheapest of all, so no cycle of the network has a negative cost.
 */
function balance(entries: Entry[][], scale: number): void {
	const m = entries.length;
	const n = entries[0]?.length ?? 0;
	// excess[v] > 0: node v (rows 0…m−1, then columns) must pass that many more units on. A row must
	// round up as many entries as its fractions add up to (a whole number), a column likewise.
	const fractions = new Array<number>(m + n).fill(0);
	const ups = new Array<number>(m + n).fill(0);
	for (let i = 0; i < m; i++)
		for (let j = 0; j < n; j++) {
			const e = entries[i]![j]!;
			fractions[i]! += e.above;
			fractions[m + j]! += e.above;
			if (e.up) {
				ups[i]!++;
				ups[m + j]!++;
			}
		}
	const excess = fractions.map((f, v) => (v < m ? f / scale - ups[v]! : ups[v]! - f / scale));
	for (;;) {
		const source = excess.findIndex((x) => x > 0);
		if (source < 0) return;
		const path = shortestPath(entries, scale, source, excess);
		if (!path) throw new Error('[model] controlled rounding found no way to balance the table');
		for (const [i, j] of path) entries[i]![j]!.up = !entries[i]![j]!.up;
		excess[source]!--;
		excess[path.target]!++;
	}
}

/**
 * The cheapest way (Bellman–Ford: the costs of turning an entry back are negative) from `source` to a
 * node with too much, as the entries to turn; ties go to the earlier row and column.
 */
function shortestPath(
	entries: Entry[][],
	scale: number,
	source: number,
	excess: readonly number[]
): ((readonly [number, number])[] & { target: number }) | undefined {
	const m = entries.length;
	const n = entries[0]?.length ?? 0;
	const distance = new Array<number>(m + n).fill(Infinity);
	const via = new Array<readonly [number, number] | undefined>(m + n).fill(undefined);
	distance[source] = 0;
	for (let round = 0, changed = true; changed && round < m + n; round++) {
		changed = false;
		for (let i = 0; i < m; i++)
			for (let j = 0; j < n; j++) {
				const e = entries[i]![j]!;
				if (e.above === 0) continue;
				const cost = (e.up ? 2 * e.above - scale : scale - 2 * e.above) + (e.up === e.start ? e.penalty : -e.penalty);
				// Up-turn: a unit moves row i → column m + j; down-turn: column → row.
				const [from, to] = e.up ? [m + j, i] : [i, m + j];
				if (distance[from]! + cost < distance[to]!) {
					distance[to] = distance[from]! + cost;
					via[to] = [i, j];
					changed = true;
				}
			}
	}
	let target = -1;
	for (let v = 0; v < m + n; v++)
		if (excess[v]! < 0 && distance[v]! < Infinity && (target < 0 || distance[v]! < distance[target]!)) target = v;
	if (target < 0) return undefined;
	const path = [] as unknown as (readonly [number, number])[] & { target: number };
	path.target = target;
	for (let v = target; v !== source;) {
		const [i, j] = via[v]!;
		path.push([i, j]);
		v = v === i ? m + j : i;
	}
	return path;
}

/** A table rounded with controlled rounding: its cells, the totals of its rows and columns, and its grand total. */
export interface RoundedTable {
	readonly cells: Decimal[][];
	readonly rowTotals: Decimal[];
	readonly columnTotals: Decimal[];
	readonly total: Decimal;
}

/**
 * Round a table of exact amounts and its totals (computed here, exactly) to whole `unit`s so that
 * every row adds up to its rounded total, every column to its rounded total, and both to the rounded
 * grand total; each figure lies within one unit of its exact value, and whole ones stay whole.
 * @param cells the rows of the table, all of one length
 * @param options the unit (default whole euros), and the roundings other text or tables show, to keep
 *   when the table allows it: by row and column, the totals as row `cells.length` and column `width`
 *   (given as the totals themselves, not negated)
 */
export function roundTableAddingUp(
	cells: readonly (readonly Decimal[])[],
	options: RoundingOptions = {}
): RoundedTable {
	const width = cells[0]?.length ?? 0;
	const rowTotals = cells.map((row) => sum(row));
	const columnTotals = Array.from({ length: width }, (_, j) => sum(cells.map((row) => row[j]!)));
	const total = sum(rowTotals);
	const matrix = [
		...cells.map((row, i) => [...row, rowTotals[i]!.negated()]),
		[...columnTotals.map((x) => x.negated()), total]
	];
	// The totals stand negated in the matrix, and so must their preferred roundings.
	const negatedTotals =
		<T>(given: ((i: number, j: number) => T) | undefined) =>
		(i: number, j: number): T | undefined => {
			const p = given?.(i, j);
			return p instanceof Decimal && i < cells.length !== j < width ? (p.negated() as T) : p;
		};
	const rounded = controlledRounding(matrix, {
		...options,
		prefer: negatedTotals(options.prefer),
		keep: negatedTotals(options.keep)
	});
	const last = rounded.pop()!;
	return {
		cells: rounded.map((row) => row.slice(0, width)),
		rowTotals: rounded.map((row) => row[width]!.negated().plus(ZERO)),
		columnTotals: last.slice(0, width).map((x) => x.negated().plus(ZERO)),
		total: last[width]!
	};
}

/**
 * Whole `unit`s for a base and a variant amount whose difference is already rounded to
 * `difference` (the floor or ceiling of variant − base): the variant's figure minus the base's is
 * that difference, and each lies within one unit of its exact amount (such a pair always exists);
 * of the two candidates the one nearer the exact pair.
 * @throws RangeError when `difference` is not the floor or ceiling of the exact difference
 */
export function roundPairToDifference(
	base: Decimal,
	variant: Decimal,
	difference: Decimal,
	unit: Decimal = ONE
): { base: Decimal; variant: Decimal } {
	const b = base.dividedBy(unit);
	const v = variant.dividedBy(unit);
	const d = difference.dividedBy(unit);
	const exact = v.minus(b);
	if (!d.isInteger() || d.minus(exact).abs().gte(1))
		throw new RangeError(
			`[model] ${difference.toString()} is not a rounding of the difference ${exact.times(unit).toString()}`
		);
	const candidates = [b.floor(), b.ceil()]
		.map((x) => ({ base: x, variant: x.plus(d) }))
		.filter((c) => c.variant.minus(v).abs().lt(1))
		.sort((x, y) =>
			x.base
				.minus(b)
				.abs()
				.plus(x.variant.minus(v).abs())
				.comparedTo(y.base.minus(b).abs().plus(y.variant.minus(v).abs()))
		);
	const best = candidates[0]!;
	return { base: best.base.times(unit).plus(ZERO), variant: best.variant.times(unit).plus(ZERO) };
}
