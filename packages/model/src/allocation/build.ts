// Shared by all methods: turn a plan (each pool's exact total and the targets it allocates to)
// into a result. Exact amounts are fixed-point bigints (10⁻³⁰ euro, see money/fixed.ts), so sums
// do not depend on the order of terms; every figure is rounded to cents once, at the end.
import type { Decimal } from '../money/decimal.ts';
import {
	fixedToCents,
	formatCents,
	formatFixedPoint,
	formatScaledInteger,
	roundFixedPreserving,
	splitFixedPoint,
	weightsToIntegers
} from '../money/fixed.ts';
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
	/** The exact total in fixed point (10⁻³⁰ euro). */
	readonly total: bigint;
	/** Targets this pool allocates to (zero weights included), in the order written. */
	readonly targets: readonly (readonly [string, Decimal])[];
}

/** What a method decides; `buildResult` does the rest. */
export interface Plan {
	readonly method: MethodId;
	readonly steps: readonly PlannedStep[];
	readonly solve?: SolveReport;
}

/** A pool's weights as integers on one scale per pool (so every subset keeps the same ratios), and as text. */
export interface PoolWeights {
	readonly integers: ReadonlyMap<string, bigint>;
	readonly texts: ReadonlyMap<string, string>;
	readonly places: number;
}
const poolWeights = new WeakMap<NormalisedPool, PoolWeights>();
export function weightsOf(pool: NormalisedPool): PoolWeights {
	let weights = poolWeights.get(pool);
	if (!weights) {
		const ids = [...pool.drivers.keys()];
		const { integers, places } = weightsToIntegers([...pool.drivers.values()]);
		weights = {
			integers: new Map(ids.map((id, i) => [id, integers[i]!])),
			texts: new Map(ids.map((id, i) => [id, formatScaledInteger(integers[i]!, places)])),
			places
		};
		poolWeights.set(pool, weights);
	}
	return weights;
}

export interface StepFlows {
	readonly targets: readonly string[];
	/** Exact flow to each target (fixed point); empty when the weights over the targets sum to zero. */
	readonly parts: readonly bigint[];
}

const flowCache = new WeakMap<PlannedStep, StepFlows>();

/** The exact flows of one step: total × weight / weightSum per target. */
export function exactFlows(step: PlannedStep): StepFlows {
	let flows = flowCache.get(step);
	if (!flows) {
		const weights = weightsOf(step.pool).integers;
		const targets = step.targets.map(([target]) => target);
		flows = {
			targets,
			parts: splitFixedPoint(
				step.total,
				targets.map((t) => weights.get(t)!)
			)
		};
		flowCache.set(step, flows);
	}
	return flows;
}

const SIX = 6;

/** Each step's exact flows and their rounding to cents, and what no step could allocate. */
interface RoundedSteps {
	readonly recipientIndex: ReadonlyMap<string, number>;
	readonly recipientExact: bigint[];
	readonly unallocatedIds: string[];
	readonly unallocatedExact: bigint[];
	readonly stepNumber: ReadonlyMap<string, number>;
	readonly roundedByStep: bigint[][];
	readonly flowsByStep: StepFlows[];
}

function roundSteps(problem: NormalisedProblem, plan: Plan): RoundedSteps {
	const recipientIndex = new Map(problem.recipients.map((id, i) => [id, i]));
	const recipientExact = problem.recipients.map(() => 0n);
	const unallocatedIds: string[] = [];
	const unallocatedExact: bigint[] = [];
	const stepNumber = new Map<string, number>();
	const roundedByStep: bigint[][] = [];
	const flowsByStep: StepFlows[] = [];

	plan.steps.forEach((step, index) => {
		stepNumber.set(step.pool.id, index + 1);
		const flows = exactFlows(step);
		flowsByStep.push(flows);
		if (flows.parts.length === 0) {
			unallocatedIds.push(step.pool.id);
			unallocatedExact.push(step.total);
			roundedByStep.push(step.targets.map(() => 0n));
			return;
		}
		flows.targets.forEach((target, i) => {
			const r = recipientIndex.get(target);
			if (r !== undefined) recipientExact[r]! += flows.parts[i]!;
		});
		roundedByStep.push(roundFixedPreserving(flows.parts, flows.targets, fixedToCents(step.total)));
	});
	return { recipientIndex, recipientExact, unallocatedIds, unallocatedExact, stepNumber, roundedByStep, flowsByStep };
}

/** The totals in cents, rounded so that allocated plus unallocated is exactly the input (checked). */
interface RoundedTotals {
	readonly inputCents: bigint;
	readonly recipientCents: bigint[];
	readonly allocatedCents: bigint;
	readonly unallocatedSum: bigint;
	readonly unallocatedByPool: ReadonlyMap<string, bigint>;
}

function roundTotals(problem: NormalisedProblem, rounded: RoundedSteps): RoundedTotals {
	const { recipientExact, unallocatedIds, unallocatedExact } = rounded;
	let inputCents = 0n;
	for (const pool of problem.pools) inputCents += BigInt(pool.cost.times(100).toFixed(0));
	const unallocatedCents = fixedToCents(unallocatedExact.reduce((s, x) => s + x, 0n));
	const recipientCents = roundFixedPreserving(recipientExact, problem.recipients, inputCents - unallocatedCents);
	const unallocatedRounded =
		unallocatedIds.length > 0 ? roundFixedPreserving(unallocatedExact, unallocatedIds, unallocatedCents) : [];
	const allocatedCents = recipientCents.reduce((s, x) => s + x, 0n);
	const unallocatedSum = unallocatedRounded.reduce((s, x) => s + x, 0n);
	if (allocatedCents + unallocatedSum !== inputCents)
		throw new Error(`[model] balance check failed: ${inputCents} ≠ ${allocatedCents} + ${unallocatedSum} cents`);
	const unallocatedByPool = new Map(unallocatedIds.map((id, i) => [id, unallocatedRounded[i]!]));
	return { inputCents, recipientCents, allocatedCents, unallocatedSum, unallocatedByPool };
}

/** The allocations as text and the trace of each step. */
interface StepTexts {
	readonly poolTotal: ReadonlyMap<string, string>;
	readonly allocations: Allocation[];
	readonly amountText: string[][];
	readonly weightTexts: string[][];
	readonly steps: AllocationStep[];
}

function stepTexts(plan: Plan, rounded: RoundedSteps, totals: RoundedTotals): StepTexts {
	const poolTotal = new Map(plan.steps.map((step) => [step.pool.id, formatCents(fixedToCents(step.total))]));
	const allocations: Allocation[] = [];
	const amountText: string[][] = [];
	plan.steps.forEach((step, index) => {
		const texts = rounded.roundedByStep[index]!.map((cents) => formatCents(cents));
		amountText.push(texts);
		step.targets.forEach(([to], i) => allocations.push({ from: step.pool.id, to, amount: texts[i]! }));
	});

	const received = new Map<string, { from: string; amount: string }[]>();
	for (const allocation of allocations) {
		if (!rounded.stepNumber.has(allocation.to)) continue;
		const list = received.get(allocation.to) ?? [];
		list.push({ from: allocation.from, amount: allocation.amount });
		received.set(allocation.to, list);
	}
	const weightTexts = plan.steps.map((step) => {
		const texts = weightsOf(step.pool).texts;
		return step.targets.map(([target]) => texts.get(target)!);
	});
	const steps: AllocationStep[] = plan.steps.map((step, index) => {
		const weights = weightsOf(step.pool);
		let weightSum = 0n;
		for (const [target] of step.targets) weightSum += weights.integers.get(target)!;
		return {
			step: index + 1,
			pool: step.pool.id,
			own: formatCents(BigInt(step.pool.cost.times(100).toFixed(0))),
			received: received.get(step.pool.id) ?? [],
			total: poolTotal.get(step.pool.id)!,
			weightSum: formatScaledInteger(weightSum, weights.places),
			targets: step.targets.map(([to], i) => ({ to, weight: weightTexts[index]![i]!, amount: amountText[index]![i]! })),
			unallocated: formatCents(totals.unallocatedByPool.get(step.pool.id) ?? 0n)
		};
	});
	return { poolTotal, allocations, amountText, weightTexts, steps };
}

/** Per recipient: the share of every pool it received, and its rounding difference. */
function recipientTraces(
	problem: NormalisedProblem,
	plan: Plan,
	rounded: RoundedSteps,
	totals: RoundedTotals,
	texts: StepTexts
): RecipientTrace[] {
	const { recipientIndex, roundedByStep, flowsByStep, recipientExact } = rounded;
	const { amountText, weightTexts, steps } = texts;
	const shares: RecipientShare[][] = problem.recipients.map(() => []);
	const allocatedCentsTo = problem.recipients.map(() => 0n);
	plan.steps.forEach((step, index) => {
		step.targets.forEach(([target], i) => {
			const r = recipientIndex.get(target);
			if (r !== undefined) allocatedCentsTo[r]! += roundedByStep[index]![i]!;
		});
		const flows = flowsByStep[index]!;
		step.targets.forEach(([target, weight], i) => {
			const r = recipientIndex.get(target);
			if (r === undefined || weight.isZero()) return;
			shares[r]!.push({
				pool: step.pool.id,
				step: index + 1,
				weight: weightTexts[index]![i]!,
				weightSum: steps[index]!.weightSum,
				poolTotal: steps[index]!.total,
				exact: formatFixedPoint(flows.parts[i] ?? 0n, SIX),
				amount: amountText[index]![i]!
			});
		});
	});
	return problem.recipients.map((recipient, r) => ({
		recipient,
		total: formatCents(totals.recipientCents[r]!),
		exact: formatFixedPoint(recipientExact[r]!, SIX),
		shares: shares[r]!,
		roundingDifference: formatCents(totals.recipientCents[r]! - allocatedCentsTo[r]!)
	}));
}

/** Build the full result (allocations, totals, balance check, trace) from a method's plan. */
export function buildResult(problem: NormalisedProblem, plan: Plan): AllocationResult {
	const rounded = roundSteps(problem, plan);
	const totals = roundTotals(problem, rounded);
	const texts = stepTexts(plan, rounded, totals);
	const traces = recipientTraces(problem, plan, rounded, totals, texts);
	const { recipientCents, inputCents, allocatedCents, unallocatedSum, unallocatedByPool } = totals;
	const { poolTotal, allocations, steps } = texts;

	const unallocated: Record<string, string> = {};
	for (const pool of problem.pools) {
		const cents = unallocatedByPool.get(pool.id);
		if (cents !== undefined && cents !== 0n) unallocated[pool.id] = formatCents(cents);
	}
	return {
		method: plan.method,
		poolTotals: Object.fromEntries(problem.pools.map((pool) => [pool.id, poolTotal.get(pool.id)!])),
		allocations,
		recipientTotals: Object.fromEntries(problem.recipients.map((id, r) => [id, formatCents(recipientCents[r]!)])),
		check: {
			input: formatCents(inputCents),
			allocated: formatCents(allocatedCents),
			unallocated: formatCents(unallocatedSum)
		},
		unallocated,
		trace: { steps, recipients: traces, ...(plan.solve ? { solve: plan.solve } : {}) }
	};
}
