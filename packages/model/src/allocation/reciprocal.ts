// The reciprocal (simultaneous equations, matrix) method: every pool's total is its own cost plus
// its share of every other pool's total, T = c + Sᵀ·T, with S[i][j] the share of pool i's service
// that goes to pool j (its normalised weights). All totals are solved at once; then each total is
// allocated to the recipients and to the other pools by the same shares.
import { Decimal, sum } from '../money/decimal.ts';
import type { NormalisedProblem } from '../problem/types.ts';
import { FIXED_SCALE, toFixedPoint, weightsToIntegers } from '../money/fixed.ts';
import { buildResult, weightsOf, type PlannedStep } from './build.ts';
import { solveIdentityMinus, solveIntegerExact, type SparseEntry } from './linear.ts';
import type { AllocationResult, SolveReport } from './types.ts';

/**
 * Up to this many pools, with weights of at most EXACT_SOLVE_MAX_PLACES decimals, the system is solved
 * exactly in rationals; otherwise (where the integers grow large) by float LU refined in Decimal.
 */
export const EXACT_SOLVE_MAX_POOLS = 12;
export const EXACT_SOLVE_MAX_PLACES = 6;

/**
 * Allocate by solving all pool totals at once, then splitting each total by its weights.
 * @param solver 'refined' forces the float LU refined in Decimal at any size (tests hold the two paths to one result)
 */
export function allocateReciprocal(problem: NormalisedProblem, solver: 'auto' | 'refined' = 'auto'): AllocationResult {
	const small = solver === 'auto' && problem.pools.length <= EXACT_SOLVE_MAX_POOLS;
	const solved = small ? solveExactly(problem) : undefined;
	const { totals, solve } = solved ?? solveRefined(problem);
	const steps: PlannedStep[] = problem.pools.map((pool, i) => ({
		pool,
		total: totals[i]!,
		targets: [...pool.drivers]
	}));
	return buildResult(problem, { method: 'reciprocal', steps, solve });
}

interface Solved {
	/** Each pool's total in fixed point (10⁻³⁰ euro, rounded half-even). */
	readonly totals: readonly bigint[];
	readonly solve: SolveReport;
}

/** Float LU seeding an exact Decimal refinement (any size). */
function solveRefined(problem: NormalisedProblem): Solved {
	const index = new Map(problem.pools.map((pool, i) => [pool.id, i]));
	const entries: SparseEntry[] = [];
	for (const [i, pool] of problem.pools.entries()) {
		const weightSum = sum(pool.drivers.values());
		for (const [target, weight] of pool.drivers) {
			const j = index.get(target);
			// T_j = c_j + Σ_i S[i][j]·T_i: row j, column i of Sᵀ.
			if (j !== undefined && !weight.isZero()) entries.push({ row: j, col: i, value: weight.dividedBy(weightSum) });
		}
	}
	const solution = solveIdentityMinus(
		problem.pools.length,
		entries,
		problem.pools.map((pool) => pool.cost)
	);
	return {
		totals: solution.x.map(toFixedPoint),
		solve: {
			size: problem.pools.length,
			solver: solution.solver,
			refinements: solution.refinements,
			residual: solution.residual.toExponential(3)
		}
	};
}

/**
 * The exact rational solution, rounded half-even to fixed point. With integer weights w_ij and
 * W_i = Σ_j w_ij, substituting T_i = W_i·z_i turns (I − Sᵀ)·T = c into the integer system
 * Σ_i (δ_ji·W_i − w_ij)·z_i = c_j (costs scaled to integers). Undefined when the system is singular.
 */
function solveExactly(problem: NormalisedProblem): Solved | undefined {
	const n = problem.pools.length;
	if (problem.pools.some((pool) => weightsOf(pool).places > EXACT_SOLVE_MAX_PLACES)) return undefined;
	const index = new Map(problem.pools.map((pool, i) => [pool.id, i]));
	const a = problem.pools.map(() => new Array<bigint>(n).fill(0n));
	const scales: bigint[] = [];
	for (const [i, pool] of problem.pools.entries()) {
		const integers = weightsOf(pool).integers;
		let weightSum = 0n;
		for (const w of integers.values()) weightSum += w;
		// A pool without weights allocates nothing: its own total is its cost (T_i = z_i).
		const scale = weightSum === 0n ? 1n : weightSum;
		scales.push(scale);
		a[i]![i] = scale;
		if (weightSum === 0n) continue;
		for (const [target, w] of integers) {
			const j = index.get(target);
			if (j !== undefined) a[j]![i]! -= w;
		}
	}
	const costs = weightsToIntegers(problem.pools.map((pool) => pool.cost));
	const solution = solveIntegerExact(a, costs.integers);
	if (!solution) return undefined;
	const denominator = solution.denominator * 10n ** BigInt(costs.places);
	const totals = solution.numerators.map((z, i) => roundHalfEven(scales[i]! * z * FIXED_SCALE, denominator));
	return { totals, solve: { size: n, solver: 'exact-rational', refinements: 0, residual: ZERO_RESIDUAL } };
}

const ZERO_RESIDUAL = new Decimal(0).toExponential(3);

/** numerator / denominator (denominator > 0) rounded half-even to an integer. */
function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
	const negative = numerator < 0n;
	const magnitude = negative ? -numerator : numerator;
	let q = magnitude / denominator;
	const twice = (magnitude - q * denominator) * 2n;
	if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
	return negative ? -q : q;
}
