// The direct method: each pool's own cost goes straight to the recipients, by its weights to the
// recipients (re-normalised over them). Weights to other pools are ignored; a pool with no weight
// to any recipient keeps its cost, shown as unallocated.
import { toFixedPoint } from '../money/fixed.ts';
import type { NormalisedProblem } from '../problem/types.ts';
import { buildResult, type Plan } from './build.ts';
import type { AllocationResult } from './types.ts';

/** Allocate every pool's own cost directly to the recipients. */
export function allocateDirect(problem: NormalisedProblem): AllocationResult {
	return buildResult(problem, planDirect(problem));
}

/** The direct method's plan: each pool's own cost, to the recipients it names. */
export function planDirect(problem: NormalisedProblem): Plan {
	const recipients = new Set(problem.recipients);
	const steps = problem.pools.map((pool) => ({
		pool,
		total: toFixedPoint(pool.cost),
		targets: [...pool.drivers.keys()].filter((target) => recipients.has(target))
	}));
	return { method: 'direct', steps };
}
