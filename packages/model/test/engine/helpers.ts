// Helpers for engine tests: build problems tersely and run them through validation.
import { allocateNormalised } from '../../src/allocation/index.ts';
import type { AllocationResult } from '../../src/allocation/types.ts';
import type { AllocationProblem, MethodId, NormalisedProblem } from '../../src/problem/types.ts';
import { validateProblem } from '../../src/problem/validate.ts';

/** Validate a problem that the test expects to be valid; throws with the issues otherwise. */
export function normalise(problem: AllocationProblem, method?: MethodId): NormalisedProblem {
	const result = validateProblem(problem, method ? { method } : {});
	if (!result.ok) throw new Error(`expected a valid problem, got ${JSON.stringify(result.issues)}`);
	return result.value;
}

/** Validate and allocate with `method` (default: the problem's own). */
export function run(problem: AllocationProblem, method?: MethodId): AllocationResult {
	return allocateNormalised(normalise(problem, method));
}

/** The allocations as a map "from→to" → amount (order-free comparison). */
export function flows(result: AllocationResult): Record<string, string> {
	return Object.fromEntries(result.allocations.map((a) => [`${a.from}→${a.to}`, a.amount]));
}
