// The direct method: each pool's own cost goes straight to the recipients, by its weights to the
// recipients (re-normalised over them). Weights to other pools are ignored; a pool with no weight
// to any recipient keeps its cost, shown as unallocated.
import { toFixedPoint } from '../money/fixed.ts';
import type { NormalisedProblem } from '../problem/types.ts';
import { buildResult } from './build.ts';
import type { AllocationResult } from './types.ts';

/** Allocate every pool's own cost directly to the recipients. */
export function allocateDirect(problem: NormalisedProblem): AllocationResult {
	const recipients = new Set(problem.recipients);
	const steps = problem.pools.map((pool) => ({
		pool,
		total: toFixedPoint(pool.cost),
		targets: [...pool.drivers.keys()].filter((target) => recipients.has(target))
	}));
	return buildResult(problem, { method: 'direct', steps });
}
