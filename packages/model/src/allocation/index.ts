// The method registry and the one entry point `allocate`: validate, normalise, allocate.
import type { Result } from '../domain/issue.ts';
import { validateProblem } from '../problem/validate.ts';
import type { MethodId, NormalisedProblem } from '../problem/types.ts';
import { roundPlan, type Plan, type RoundedPlan } from './build.ts';
import { allocateDirect, planDirect } from './direct.ts';
import { allocateReciprocal, planReciprocal } from './reciprocal.ts';
import { allocateStepDown, planStepDown } from './step-down.ts';
import type { AllocationResult, MethodInfo } from './types.ts';

/** Every allocation method, keyed by id, with one shared signature (`allocate`). */
export const METHODS: Readonly<Record<MethodId, MethodInfo>> = {
	direct: {
		id: 'direct',
		label: 'Direct',
		summary: "each pool's own cost goes straight to the recipients; service between pools is ignored",
		allocate: allocateDirect
	},
	'step-down': {
		id: 'step-down',
		label: 'Step-down',
		summary: 'pools in order; each allocates its cost plus what it received to the recipients and later pools',
		allocate: allocateStepDown
	},
	reciprocal: {
		id: 'reciprocal',
		label: 'Reciprocal',
		summary: 'all pool totals solved at once from T = c + Sᵀ·T, then allocated to the recipients',
		allocate: (problem) => allocateReciprocal(problem)
	}
};

/** Run a validated problem with its own method, or with `method` when given. */
export function allocateNormalised(problem: NormalisedProblem, method?: MethodId): AllocationResult {
	const id = method ?? problem.method;
	return METHODS[id].allocate(id === problem.method ? problem : { ...problem, method: id });
}

const PLANS: Readonly<Record<MethodId, (problem: NormalisedProblem) => Plan>> = {
	direct: planDirect,
	'step-down': planStepDown,
	reciprocal: (problem) => planReciprocal(problem)
};

/**
 * Run a validated problem with its own method, rounded to cents but not written as text: what a
 * scenario run reads (its full result is `resultOf` of this, see build.ts).
 */
export function allocateRounded(problem: NormalisedProblem): RoundedPlan {
	return roundPlan(problem, PLANS[problem.method](problem));
}

/**
 * Validate `problem` (file-format data, see docs/problem-format.md) and allocate it with its own
 * method, or with `method` when given. Bad data comes back as the complete list of issues.
 */
export function allocate(problem: unknown, method?: MethodId): Result<AllocationResult> {
	const validated = validateProblem(problem, method ? { method } : {});
	if (!validated.ok) return validated;
	const result = allocateNormalised(validated.value);
	return validated.warnings ? { ok: true, value: result, warnings: validated.warnings } : { ok: true, value: result };
}
