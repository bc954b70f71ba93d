// Shared by all methods: turn a plan (each pool's exact total and the targets it allocates to)
// into a result. Exact Decimal values throughout; every figure is rounded once at the end.
import { roundPreservingTotal } from '../money/allocate.ts';
import { Decimal, ZERO, formatAmount, roundToCents, sum } from '../money/decimal.ts';
import type { MethodId, NormalisedPool, NormalisedProblem } from '../problem/types.ts';
import type {
	Allocation,
	AllocationResult,
	AllocationStep,
	RecipientShare,
	RecipientTrace,
	SolveReport
} from './types.ts';

/** One pool in processing order: its exact total and the weights over the targets it may allocate to. */
export interface PlannedStep {
	readonly pool: NormalisedPool;
	readonly total: Decimal;
	/** Targets this pool allocates to (zero weights included), in the order written. */
	readonly targets: readonly (readonly [string, Decimal])[];
}

/** What a method decides; `buildResult` does the rest. */
export interface Plan {
	readonly method: MethodId;
	readonly steps: readonly PlannedStep[];
	readonly solve?: SolveReport;
}

/**
 * Exact values are snapped to this many decimals before rounding to cents, so that noise far below
 * a cent (from summation order or the linear solve) can never decide a tie.
 */
const SNAP_PLACES = 30;

export function snap(value: Decimal): Decimal {
	return value.toDecimalPlaces(SNAP_PLACES, Decimal.ROUND_HALF_EVEN);
}

/** The exact flows of one step: total × weight / weightSum per target (empty when the weights sum to zero). */
export function exactFlows(step: PlannedStep): Map<string, Decimal> {
	const flows = new Map<string, Decimal>();
	const weightSum = sum(step.targets.map(([, w]) => w));
	if (weightSum.isZero()) return flows;
	const factor = step.total.dividedBy(weightSum);
	for (const [target, weight] of step.targets) flows.set(target, weight.isZero() ? ZERO : snap(factor.times(weight)));
	return flows;
}

const SIX = 6;

/** Build the full result (allocations, totals, balance check, trace) from a method's plan. */
export function buildResult(problem: NormalisedProblem, plan: Plan): AllocationResult {
	const recipients = new Set(problem.recipients);
	const recipientExact = new Map<string, Decimal>(problem.recipients.map((id) => [id, ZERO]));
	const unallocatedExact = new Map<string, Decimal>();
	const stepNumber = new Map<string, number>();
	const roundedFlows = new Map<string, Map<string, Decimal>>();
	const exactByStep: Map<string, Decimal>[] = [];

	plan.steps.forEach((step, index) => {
		stepNumber.set(step.pool.id, index + 1);
		const flows = exactFlows(step);
		exactByStep.push(flows);
		if (flows.size === 0) {
			unallocatedExact.set(step.pool.id, snap(step.total));
			roundedFlows.set(step.pool.id, new Map(step.targets.map(([target]) => [target, ZERO])));
			return;
		}
		for (const [target, amount] of flows)
			if (recipients.has(target)) recipientExact.set(target, recipientExact.get(target)!.plus(amount));
		roundedFlows.set(step.pool.id, roundPreservingTotal(flows, roundToCents(snap(step.total))));
	});

	const input = sum(problem.pools.map((pool) => pool.cost));
	const unallocatedTotal = roundToCents(snap(sum(unallocatedExact.values())));
	const allocatedTarget = input.minus(unallocatedTotal);
	for (const [id, amount] of recipientExact) recipientExact.set(id, snap(amount));
	const recipientRounded = roundPreservingTotal(recipientExact, allocatedTarget);
	const unallocatedRounded =
		unallocatedExact.size > 0 ? roundPreservingTotal(unallocatedExact, unallocatedTotal) : new Map<string, Decimal>();

	const allocated = sum(recipientRounded.values());
	const unallocated = sum(unallocatedRounded.values());
	if (!allocated.plus(unallocated).equals(input))
		throw new Error(
			`[model] balance check failed: ${input.toString()} ≠ ${allocated.toString()} + ${unallocated.toString()}`
		);

	const poolTotal = new Map(plan.steps.map((step) => [step.pool.id, formatAmount(snap(step.total))]));
	const allocations: Allocation[] = [];
	for (const step of plan.steps)
		for (const [to, amount] of roundedFlows.get(step.pool.id)!)
			allocations.push({ from: step.pool.id, to, amount: formatAmount(amount) });

	const received = new Map<string, { from: string; amount: string }[]>();
	for (const allocation of allocations) {
		if (!stepNumber.has(allocation.to)) continue;
		const list = received.get(allocation.to) ?? [];
		list.push({ from: allocation.from, amount: allocation.amount });
		received.set(allocation.to, list);
	}
	const steps: AllocationStep[] = plan.steps.map((step, index) => {
		const rounded = roundedFlows.get(step.pool.id)!;
		return {
			step: index + 1,
			pool: step.pool.id,
			own: formatAmount(step.pool.cost),
			received: received.get(step.pool.id) ?? [],
			total: poolTotal.get(step.pool.id)!,
			weightSum: sum(step.targets.map(([, w]) => w)).toString(),
			targets: step.targets.map(([to, weight]) => ({
				to,
				weight: weight.toString(),
				amount: formatAmount(rounded.get(to) ?? ZERO)
			})),
			unallocated: formatAmount(unallocatedRounded.get(step.pool.id) ?? ZERO)
		};
	});

	const weightMaps = plan.steps.map((step) => new Map(step.targets));
	const traces: RecipientTrace[] = problem.recipients.map((recipient) => {
		const shares: RecipientShare[] = [];
		plan.steps.forEach((step, index) => {
			const weight = weightMaps[index]!.get(recipient);
			if (weight === undefined || weight.isZero()) return;
			const exact = exactByStep[index]!.get(recipient) ?? ZERO;
			shares.push({
				pool: step.pool.id,
				step: index + 1,
				weight: weight.toString(),
				weightSum: steps[index]!.weightSum,
				poolTotal: steps[index]!.total,
				exact: exact.toFixed(SIX),
				amount: formatAmount(roundedFlows.get(step.pool.id)!.get(recipient) ?? ZERO)
			});
		});
		return {
			recipient,
			total: formatAmount(recipientRounded.get(recipient)!),
			exact: recipientExact.get(recipient)!.toFixed(SIX),
			shares
		};
	});

	const unallocatedByPool: Record<string, string> = {};
	for (const pool of problem.pools) {
		const amount = unallocatedRounded.get(pool.id);
		if (amount !== undefined && !amount.isZero()) unallocatedByPool[pool.id] = formatAmount(amount);
	}
	return {
		method: plan.method,
		poolTotals: Object.fromEntries(problem.pools.map((pool) => [pool.id, poolTotal.get(pool.id)!])),
		allocations,
		recipientTotals: Object.fromEntries(problem.recipients.map((id) => [id, formatAmount(recipientRounded.get(id)!)])),
		check: { input: formatAmount(input), allocated: formatAmount(allocated), unallocated: formatAmount(unallocated) },
		unallocated: unallocatedByPool,
		trace: { steps, recipients: traces, ...(plan.solve ? { solve: plan.solve } : {}) }
	};
}
