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
	AllocationTrace,
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

/** A pool's weights as integers on one scale per pool (so every subset keeps the same ratios). */
export interface PoolWeights {
	readonly integers: ReadonlyMap<string, bigint>;
	readonly places: number;
}
const poolWeights = new WeakMap<NormalisedPool, PoolWeights>();

/** A pool's weights as integers (memoised per pool). */
export function weightsOf(pool: NormalisedPool): PoolWeights {
	let weights = poolWeights.get(pool);
	if (!weights) {
		const ids = [...pool.drivers.keys()];
		const { integers, places } = weightsToIntegers([...pool.drivers.values()]);
		weights = { integers: new Map(ids.map((id, i) => [id, integers[i]!])), places };
		poolWeights.set(pool, weights);
	}
	return weights;
}

/** A pool's weights as the trace writes them. */
function weightTextsOf(pool: NormalisedPool): ReadonlyMap<string, string> {
	const { integers, places } = weightsOf(pool);
	return new Map([...integers].map(([id, w]) => [id, formatScaledInteger(w, places)]));
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

/** The allocations as text. */
interface AllocationTexts {
	readonly poolTotal: ReadonlyMap<string, string>;
	readonly allocations: Allocation[];
	readonly amountText: string[][];
}

function allocationTexts(plan: Plan, rounded: RoundedSteps): AllocationTexts {
	const poolTotal = new Map(plan.steps.map((step) => [step.pool.id, formatCents(fixedToCents(step.total))]));
	const allocations: Allocation[] = [];
	const amountText: string[][] = [];
	plan.steps.forEach((step, index) => {
		const texts = rounded.roundedByStep[index]!.map((cents) => formatCents(cents));
		amountText.push(texts);
		step.targets.forEach(([to], i) => allocations.push({ from: step.pool.id, to, amount: texts[i]! }));
	});
	return { poolTotal, allocations, amountText };
}

/** The trace of each step, with the weights as text. */
interface StepTexts extends AllocationTexts {
	readonly weightTexts: string[][];
	readonly steps: AllocationStep[];
}

function stepTexts(plan: Plan, rounded: RoundedSteps, totals: RoundedTotals, texts: AllocationTexts): StepTexts {
	const { poolTotal, allocations, amountText } = texts;
	const received = new Map<string, { from: string; amount: string }[]>();
	for (const allocation of allocations) {
		if (!rounded.stepNumber.has(allocation.to)) continue;
		const list = received.get(allocation.to) ?? [];
		list.push({ from: allocation.from, amount: allocation.amount });
		received.set(allocation.to, list);
	}
	const weightTexts = plan.steps.map((step) => {
		const byTarget = weightTextsOf(step.pool);
		return step.targets.map(([target]) => byTarget.get(target)!);
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
	return { ...texts, weightTexts, steps };
}

/** Per recipient: the cents of its rounded flows (each pool's split rounded on its own). */
function allocatedCents(problem: NormalisedProblem, plan: Plan, rounded: RoundedSteps): bigint[] {
	const allocated = problem.recipients.map(() => 0n);
	plan.steps.forEach((step, index) => {
		step.targets.forEach(([target], i) => {
			const r = rounded.recipientIndex.get(target);
			if (r !== undefined) allocated[r]! += rounded.roundedByStep[index]![i]!;
		});
	});
	return allocated;
}

/** Per recipient: the share of every pool it received, and its rounding difference. */
function recipientTraces(
	problem: NormalisedProblem,
	plan: Plan,
	rounded: RoundedSteps,
	differences: readonly bigint[],
	totals: RoundedTotals,
	texts: StepTexts
): RecipientTrace[] {
	const { recipientIndex, flowsByStep, recipientExact } = rounded;
	const { amountText, weightTexts, steps } = texts;
	const shares: RecipientShare[][] = problem.recipients.map(() => []);
	plan.steps.forEach((step, index) => {
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
		roundingDifference: formatCents(differences[r]!)
	}));
}

// Per result, each recipient's rounding difference in cents (its total less its rounded flows), for
// callers that need it without building the trace.
const roundingDifferences = new WeakMap<AllocationResult, readonly bigint[]>();

/** Each recipient's rounding difference in cents, in the order of the problem's recipients (the trace's `roundingDifference`). */
export function roundingDifferenceCents(result: AllocationResult): readonly bigint[] {
	const cents = roundingDifferences.get(result);
	if (!cents) throw new Error('[model] not a result of buildResult');
	return cents;
}

/**
 * Build the full result (allocations, totals, balance check, trace) from a method's plan. The trace
 * (the text of every step and every recipient's share) is built when it is first read: a scenario
 * run reads only the amounts, an explanation reads the trace.
 */
export function buildResult(problem: NormalisedProblem, plan: Plan): AllocationResult {
	const rounded = roundSteps(problem, plan);
	const totals = roundTotals(problem, rounded);
	const texts = allocationTexts(plan, rounded);
	const { recipientCents, inputCents, allocatedCents: allocated, unallocatedSum, unallocatedByPool } = totals;
	const recipientAllocated = allocatedCents(problem, plan, rounded);
	const differences = recipientCents.map((c, r) => c - recipientAllocated[r]!);

	const unallocated: Record<string, string> = {};
	for (const pool of problem.pools) {
		const cents = unallocatedByPool.get(pool.id);
		if (cents !== undefined && cents !== 0n) unallocated[pool.id] = formatCents(cents);
	}
	let trace: AllocationTrace | undefined;
	const buildTrace = (): AllocationTrace => {
		const steps = stepTexts(plan, rounded, totals, texts);
		const recipients = recipientTraces(problem, plan, rounded, differences, totals, steps);
		return { steps: steps.steps, recipients, ...(plan.solve ? { solve: plan.solve } : {}) };
	};
	const result = {
		method: plan.method,
		poolTotals: Object.fromEntries(problem.pools.map((pool) => [pool.id, texts.poolTotal.get(pool.id)!])),
		allocations: texts.allocations,
		recipientTotals: Object.fromEntries(problem.recipients.map((id, r) => [id, formatCents(recipientCents[r]!)])),
		check: {
			input: formatCents(inputCents),
			allocated: formatCents(allocated),
			unallocated: formatCents(unallocatedSum)
		},
		unallocated
	} as Omit<AllocationResult, 'trace'> as AllocationResult;
	// An enumerable getter: spreading, JSON and structured cloning see `trace` like any other field.
	Object.defineProperty(result, 'trace', { enumerable: true, get: () => (trace ??= buildTrace()) });
	roundingDifferences.set(result, differences);
	return result;
}
