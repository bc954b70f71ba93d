// The step-down (sequential) method: pools in a given order; each allocates its total (own cost
// plus what it received from earlier pools) to the recipients and to the pools later in the
// order, re-normalising its weights over those. Nothing flows back to an earlier pool.
import { toFixedPoint } from '../money/fixed.ts';
import type { NormalisedProblem } from '../problem/types.ts';
import { buildResult, exactFlows, type Plan, type PlannedStep } from './build.ts';
import type { AllocationResult } from './types.ts';

/** Allocate pool by pool in `problem.order`, each to the recipients and the later pools. */
export function allocateStepDown(problem: NormalisedProblem): AllocationResult {
	return buildResult(problem, planStepDown(problem));
}

/** The step-down plan: each pool's total (own cost plus what earlier pools sent it), in order. */
export function planStepDown(problem: NormalisedProblem): Plan {
	const recipients = new Set(problem.recipients);
	const byId = new Map(problem.pools.map((pool) => [pool.id, pool]));
	const position = new Map(problem.order.map((id, index) => [id, index]));
	const received = new Map<string, bigint>();
	const steps: PlannedStep[] = problem.order.map((id, index) => {
		const pool = byId.get(id)!;
		const targets = [...pool.drivers.keys()].filter(
			(target) => recipients.has(target) || (position.get(target) ?? -1) > index
		);
		const step = { pool, total: toFixedPoint(pool.cost) + (received.get(id) ?? 0n), targets };
		const flows = exactFlows(step);
		flows.parts.forEach((amount, i) => {
			const target = flows.targets[i]!;
			if (!recipients.has(target)) received.set(target, (received.get(target) ?? 0n) + amount);
		});
		return step;
	});
	return { method: 'step-down', steps };
}
