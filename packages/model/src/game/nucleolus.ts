// The nucleolus of a value game (Schmeidler 1969), exact: the imputation that lexicographically
// minimises the largest excess e(S, y) = v(S) − y(S), by the sequence of linear programs of
// Maschler, Peleg and Shapley (1979). Stage k minimises the largest excess t over the coalitions
// not yet settled; the coalitions with a positive dual weight at the optimum have excess t in
// every optimal solution, so they are settled at t; every coalition whose incidence vector is a
// combination of settled ones has a constant excess and leaves the programme. The rank of the
// settled set grows at every stage, so at most n − 1 stages are solved. Individual rationality
// (y_i ≥ v(i)) holds as a constraint whenever the imputation set is non-empty; otherwise the
// result is the prenucleolus, and says so.
import Fraction from 'fraction.js';
import { grandMask } from './coalition.ts';
import { CoalitionSpan } from './span.ts';
import { solveDual, type DualColumn } from './simplex.ts';

/** One linear programme of the sequence: its minimal largest excess and the coalitions it settled. */
export interface NucleolusStage {
	readonly excess: Fraction;
	readonly settled: readonly number[];
}

/** The nucleolus with how it was found. */
export interface NucleolusResult {
	/** Payoff per player (value game: what each receives). */
	readonly payoff: readonly Fraction[];
	/** False when Σ v(i) > v(N): no imputation exists and the payoff is the prenucleolus. */
	readonly individuallyRational: boolean;
	/** Stage 1's value is the least-core ε: the core is non-empty exactly when it is ≤ 0. */
	readonly stages: readonly NucleolusStage[];
}

/** The nucleolus of the value game `v` (indexed by coalition mask) of `n` players. */
export function nucleolus(n: number, v: readonly Fraction[]): NucleolusResult {
	const grand = grandMask(n);
	const singles = Array.from({ length: n }, (_, i) => v[1 << i]!);
	const individuallyRational = singles.reduce((a, b) => a.add(b), new Fraction(0)).compare(v[grand]!) <= 0;
	if (n === 1) return { payoff: [v[grand]!], individuallyRational, stages: [] };

	const span = new CoalitionSpan(n);
	span.add(grand);
	// Settled coalitions with their fixed total y(S).
	const settled: { mask: number; total: Fraction }[] = [{ mask: grand, total: v[grand]! }];
	let active = Array.from({ length: grand - 1 }, (_, i) => i + 1);
	let rational = individuallyRational ? Array.from({ length: n }, (_, i) => i) : [];
	const stages: NucleolusStage[] = [];
	let payoff: Fraction[] = [];

	while (span.rank < n) {
		const columns: DualColumn[] = [
			...active.map((mask): DualColumn => ({ mask, tRow: 1, sign: 1, cost: v[mask]! })),
			...rational.map((i): DualColumn => ({ mask: 1 << i, tRow: 0, sign: 1, cost: singles[i]! })),
			...settled.flatMap(({ mask, total }): DualColumn[] => [
				{ mask, tRow: 0, sign: 1, cost: total },
				{ mask, tRow: 0, sign: -1, cost: total.neg() }
			])
		];
		const optimum = solveDual(n, columns);
		if (optimum === null) throw new Error(`nucleolus: stage ${stages.length + 1} has no optimum`);
		const excess = optimum.primal[n]!;
		payoff = optimum.primal.slice(0, n);
		const fixedNow: number[] = [];
		optimum.weights.forEach((weight, j) => {
			if (weight.compare(0) <= 0) return;
			const column = columns[j]!;
			if (j < active.length) {
				if (span.add(column.mask)) settled.push({ mask: column.mask, total: v[column.mask]!.sub(excess) });
				fixedNow.push(column.mask);
			} else if (j < active.length + rational.length) {
				if (span.add(column.mask)) settled.push({ mask: column.mask, total: v[column.mask]! });
			}
		});
		if (fixedNow.length === 0) throw new Error(`nucleolus: stage ${stages.length + 1} settled no coalition`);
		stages.push({ excess, settled: fixedNow });
		active = active.filter((mask) => !span.contains(mask));
		rational = rational.filter((i) => !span.contains(1 << i));
	}
	return { payoff, individuallyRational, stages };
}
