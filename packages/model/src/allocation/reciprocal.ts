// The reciprocal (simultaneous equations, matrix) method: every pool's total is its own cost plus
// its share of every other pool's total, T = c + Sᵀ·T, with S[i][j] the share of pool i's service
// that goes to pool j (its normalised weights). All totals are solved at once; then each total is
// allocated to the recipients and to the other pools by the same shares.
import { sum } from '../money/decimal.ts';
import type { NormalisedProblem } from '../problem/types.ts';
import { toFixedPoint } from '../money/fixed.ts';
import { buildResult } from './build.ts';
import { solveIdentityMinus, type SparseEntry } from './linear.ts';
import type { AllocationResult } from './types.ts';

/** Allocate by solving all pool totals at once, then splitting each total by its weights. */
export function allocateReciprocal(problem: NormalisedProblem): AllocationResult {
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
	const steps = problem.pools.map((pool, i) => ({
		pool,
		total: toFixedPoint(solution.x[i]!),
		targets: [...pool.drivers]
	}));
	return buildResult(problem, {
		method: 'reciprocal',
		steps,
		solve: {
			size: problem.pools.length,
			solver: solution.solver,
			refinements: solution.refinements,
			residual: solution.residual.toExponential(3)
		}
	});
}
