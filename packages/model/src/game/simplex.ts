// An exact revised simplex on fractions for the linear programs of the nucleolus. It solves the
// dual of "minimise t subject to y(S) + t ≥ v(S), y(F) = const, y_i ≥ v(i)": that dual has one row
// per player plus one for t and one column per constraint, so the basis stays (n + 1) × (n + 1)
// however many coalitions there are. Every entry of the constraint matrix is 0 or ±1, so a
// column is a coalition mask with a sign and a flag for the t row. All arithmetic is exact.
import Fraction from 'fraction.js';

/** One column of the dual: entry (player row r) = sign·[r ∈ mask], entry (t row) = sign·tRow. */
export interface DualColumn {
	readonly mask: number;
	readonly tRow: 0 | 1;
	readonly sign: 1 | -1;
	/** Its objective coefficient: the right-hand side of the primal constraint. */
	readonly cost: Fraction;
}

/** The optimum: the primal point (y₁ … yₙ, t) and the value of every dual column (0 when non-basic). */
export interface DualOptimum {
	readonly primal: readonly Fraction[];
	readonly weights: readonly Fraction[];
}

const ZERO = new Fraction(0);
const ONE = new Fraction(1);

interface Tableau {
	readonly n: number;
	readonly m: number;
	/** The inverse of the basis matrix, m × m. */
	readonly inverse: Fraction[][];
	/** Basic column per row; an index ≥ columns.length is the artificial of row (index − columns.length). */
	readonly basis: number[];
	/** Values of the basic variables. */
	readonly values: Fraction[];
	/** Whether the last pivot left the objective unchanged (then Bland's rule picks the next one). */
	degenerate: boolean;
}

/** Sum of x[i] over the members of every mask, by the lowest-bit recurrence (2ⁿ additions). */
function subsetSums(x: readonly Fraction[], n: number): Fraction[] {
	const sums = new Array<Fraction>(1 << n);
	sums[0] = ZERO;
	for (let mask = 1; mask < 1 << n; mask++) {
		const low = mask & -mask;
		sums[mask] = sums[mask ^ low]!.add(x[31 - Math.clz32(low)]!);
	}
	return sums;
}

/** B⁻¹·a for the column a of `column` (or of an artificial). */
function transformed(t: Tableau, column: DualColumn): Fraction[] {
	return t.inverse.map((row) => {
		let total = column.tRow ? row[t.n]! : ZERO;
		for (let rest = column.mask; rest !== 0; rest &= rest - 1) total = total.add(row[31 - Math.clz32(rest & -rest)]!);
		return column.sign === 1 ? total : total.neg();
	});
}

function pivot(t: Tableau, leave: number, enter: number, direction: Fraction[]): void {
	const pivotValue = direction[leave]!;
	const pivotRow = t.inverse[leave]!.map((x) => x.div(pivotValue));
	const pivotX = t.values[leave]!.div(pivotValue);
	for (let r = 0; r < t.m; r++) {
		if (r === leave) continue;
		const factor = direction[r]!;
		if (factor.equals(0)) continue;
		t.inverse[r] = t.inverse[r]!.map((x, k) => x.sub(factor.mul(pivotRow[k]!)));
		t.values[r] = t.values[r]!.sub(factor.mul(pivotX));
	}
	t.inverse[leave] = pivotRow;
	t.values[leave] = pivotX;
	t.basis[leave] = enter;
}

/** Iterate to optimality for objective `costOf`; columns with null cost never enter. Returns false when unbounded. */
function iterate(
	t: Tableau,
	columns: readonly DualColumn[],
	artificials: readonly DualColumn[],
	costOf: (index: number) => Fraction | null
): boolean {
	const columnAt = (index: number): DualColumn =>
		index < columns.length ? columns[index]! : artificials[index - columns.length]!;
	for (;;) {
		// Simplex multipliers π = c_B·B⁻¹.
		const pi = Array.from({ length: t.m }, (_, k) =>
			t.basis.reduce((acc, b, r) => {
				const c = costOf(b);
				return c === null || c.equals(0) ? acc : acc.add(c.mul(t.inverse[r]![k]!));
			}, ZERO)
		);
		const sums = subsetSums(pi, t.n);
		const inBasis = new Set(t.basis);
		// Dantzig's rule (largest reduced cost) while the objective moves; Bland's rule (first
		// improving column) after a degenerate pivot, which cannot cycle.
		let enter = -1;
		let bestGain: Fraction | null = null;
		const total = columns.length + artificials.length;
		for (let j = 0; j < total; j++) {
			const cost = costOf(j);
			if (cost === null || inBasis.has(j)) continue;
			const column = columnAt(j);
			let price = sums[column.mask]!;
			if (column.tRow) price = price.add(pi[t.n]!);
			if (column.sign === -1) price = price.neg();
			const gain = cost.sub(price);
			if (gain.compare(0) <= 0) continue;
			if (bestGain === null || gain.compare(bestGain) > 0) {
				enter = j;
				bestGain = gain;
			}
			if (t.degenerate) break;
		}
		if (enter < 0) return true;
		const direction = transformed(t, columnAt(enter));
		let leave = -1;
		let best: Fraction | null = null;
		for (let r = 0; r < t.m; r++) {
			if (direction[r]!.compare(0) <= 0) continue;
			const ratio = t.values[r]!.div(direction[r]!);
			const order = best === null ? -1 : ratio.compare(best);
			if (order < 0 || (order === 0 && t.basis[r]! < t.basis[leave]!)) {
				best = ratio;
				leave = r;
			}
		}
		if (leave < 0) return false;
		t.degenerate = best!.equals(0);
		pivot(t, leave, enter, direction);
	}
}

/**
 * Maximise Σ cost_j·w_j subject to Σ column_j·w_j = (0, …, 0, 1) and w ≥ 0, exactly.
 * Returns null when the maximum is unbounded or no feasible w exists (the primal is infeasible).
 */
export function solveDual(n: number, columns: readonly DualColumn[]): DualOptimum | null {
	const m = n + 1;
	const artificials: DualColumn[] = Array.from({ length: m }, (_, r) =>
		r < n ? { mask: 1 << r, tRow: 0, sign: 1, cost: ZERO } : { mask: 0, tRow: 1, sign: 1, cost: ZERO }
	);
	const t: Tableau = {
		n,
		m,
		inverse: Array.from({ length: m }, (_, r) => Array.from({ length: m }, (_, k) => (r === k ? ONE : ZERO))),
		basis: Array.from({ length: m }, (_, r) => columns.length + r),
		values: Array.from({ length: m }, (_, r) => (r === n ? ONE : ZERO)),
		degenerate: false
	};
	const minusOne = new Fraction(-1);
	// Phase 1: drive the artificials out (maximise −Σ artificials).
	iterate(t, columns, artificials, (j) => (j < columns.length ? ZERO : minusOne));
	for (let r = 0; r < m; r++) if (t.basis[r]! >= columns.length && t.values[r]!.compare(0) > 0) return null;
	// An artificial left in the basis at zero stays there: its row is redundant, and it never enters again.
	if (!iterate(t, columns, artificials, (j) => (j < columns.length ? columns[j]!.cost : null))) return null;
	const costs = t.basis.map((b) => (b < columns.length ? columns[b]!.cost : ZERO));
	const primal = Array.from({ length: m }, (_, k) =>
		costs.reduce((acc, c, r) => (c.equals(0) ? acc : acc.add(c.mul(t.inverse[r]![k]!))), ZERO)
	);
	const weights = columns.map(() => ZERO);
	t.basis.forEach((b, r) => {
		if (b < columns.length) weights[b] = t.values[r]!;
	});
	return { primal, weights };
}
