// Shared by all methods: turn a plan (each pool's exact total and the targets it allocates to)
// into a result. Exact amounts are fixed-point bigints (10⁻³⁰ euro, see money/fixed.ts), so sums
// do not depend on the order of terms; every figure is rounded to cents once, at the end.
import {
	fixedToCents,
	formatCents,
	formatFixedPoint,
	formatScaledInteger,
	roundFixedPreserving,
	scaleDecimal,
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

/** One pool in processing order: its exact total and the targets it may allocate to. */
export interface PlannedStep {
	readonly pool: NormalisedPool;
	/** The exact total in fixed point (10⁻³⁰ euro). */
	readonly total: bigint;
	/** Ids of the targets this pool allocates to (zero weights included), in the order written. */
	readonly targets: readonly string[];
}

/** What a method decides; `buildResult` does the rest. */
export interface Plan {
	readonly method: MethodId;
	readonly steps: readonly PlannedStep[];
	/** The solve report, or a function making it when the trace is read (a residual takes work to compute). */
	readonly solve?: SolveReport | (() => SolveReport);
}

/** A pool's weights as integers on one scale per pool (so every subset keeps the same ratios). */
export interface PoolWeights {
	/** The pool's driver ids in the order written, and their weights (same order). */
	readonly ids: readonly string[];
	readonly values: readonly bigint[];
	readonly places: number;
	/** The sum of all the pool's weights. */
	readonly sum: bigint;
}
// By the pool's weights map (read-only once given to the engine): a scenario's years and derived
// scenarios hand the engine the same weights map again and again, in a new pool object each time.
const poolWeights = new WeakMap<NormalisedPool['drivers'], PoolWeights>();

/** A pool's weights as integers (memoised per weights map). */
export function weightsOf(pool: NormalisedPool): PoolWeights {
	let weights = poolWeights.get(pool.drivers);
	if (!weights) {
		const ids = [...pool.drivers.keys()];
		const { integers: values, places } = weightsToIntegers([...pool.drivers.values()]);
		let sum = 0n;
		for (const w of values) sum += w;
		weights = { ids, values, places, sum };
		poolWeights.set(pool.drivers, weights);
	}
	return weights;
}

/** A pool's weights as the trace writes them. */
function weightTextsOf(pool: NormalisedPool): ReadonlyMap<string, string> {
	const { ids, values, places } = weightsOf(pool);
	return new Map(ids.map((id, i) => [id, formatScaledInteger(values[i]!, places)]));
}

const subsetWeights = new WeakMap<PlannedStep, readonly bigint[]>();

/** A step's weights, in the order of its targets. */
function stepWeights(step: PlannedStep): readonly bigint[] {
	const weights = weightsOf(step.pool);
	// A step over all its pool's drivers (the reciprocal method) shares the pool's arrays.
	if (step.targets === weights.ids) return weights.values;
	let subset = subsetWeights.get(step);
	if (!subset) {
		const byId = new Map(weights.ids.map((id, i) => [id, weights.values[i]!]));
		subset = step.targets.map((t) => byId.get(t)!);
		subsetWeights.set(step, subset);
	}
	return subset;
}

export interface StepFlows {
	readonly targets: readonly string[];
	/** Exact flow to each target (fixed point); empty when the weights over the targets sum to zero. */
	readonly parts: readonly bigint[];
}

/**
 * The exact flows of one step: total × weight / weightSum per target. (Not kept: a result holds
 * only its cents; the trace, when read, computes the flows again, which is cheaper than holding them.)
 */
export function exactFlows(step: PlannedStep): StepFlows {
	return { targets: step.targets, parts: splitFixedPoint(step.total, stepWeights(step)) };
}

const SIX = 6;

/** A step's exact flows and those flows rounded to cents (none when its weights sum to zero). */
interface Split extends StepFlows {
	readonly total: bigint;
	readonly cents: readonly bigint[];
}

// The latest split by each weights array (a pool's weights are one array for every problem that
// gives the engine the same weights map): the same total by the same weights splits the same way,
// as when a scenario derived from another allocates a pool whose total did not move.
const latestSplit = new WeakMap<readonly bigint[], Split>();

function splitOf(step: PlannedStep): Split {
	const weights = stepWeights(step);
	const known = latestSplit.get(weights);
	if (known && known.total === step.total && known.targets === step.targets) return known;
	const { targets, parts } = exactFlows(step);
	const cents = parts.length === 0 ? [] : roundFixedPreserving(parts, targets, fixedToCents(step.total));
	const split = { targets, parts, total: step.total, cents };
	latestSplit.set(weights, split);
	return split;
}

/** What the trace needs of the rounding of the steps (kept with the result until the trace is read). */
export interface StepIndex {
	/** Per step, per target: the target's index among the recipients, or -1 for a pool. */
	readonly recipientOf: readonly Int32Array[];
	readonly recipientExact: bigint[];
	readonly stepNumber: ReadonlyMap<string, number>;
}

/** Each step's exact flows rounded to cents, and what no step could allocate. */
export interface RoundedSteps extends StepIndex {
	readonly unallocatedIds: string[];
	readonly unallocatedExact: bigint[];
	readonly roundedByStep: (readonly bigint[])[];
}

function roundSteps(problem: NormalisedProblem, plan: Plan): RoundedSteps {
	const recipientIndex = new Map(problem.recipients.map((id, i) => [id, i]));
	const recipientExact = problem.recipients.map(() => 0n);
	const unallocatedIds: string[] = [];
	const unallocatedExact: bigint[] = [];
	const stepNumber = new Map<string, number>();
	const roundedByStep: (readonly bigint[])[] = [];
	const recipientOf: Int32Array[] = [];

	plan.steps.forEach((step, index) => {
		stepNumber.set(step.pool.id, index + 1);
		const flows = splitOf(step);
		const targets = new Int32Array(step.targets.length);
		for (let i = 0; i < targets.length; i++) targets[i] = recipientIndex.get(step.targets[i]!) ?? -1;
		recipientOf.push(targets);
		if (flows.parts.length === 0) {
			unallocatedIds.push(step.pool.id);
			unallocatedExact.push(step.total);
			roundedByStep.push(step.targets.map(() => 0n));
			return;
		}
		for (let i = 0; i < targets.length; i++) if (targets[i]! >= 0) recipientExact[targets[i]!]! += flows.parts[i]!;
		roundedByStep.push(flows.cents);
	});
	return { recipientOf, recipientExact, unallocatedIds, unallocatedExact, stepNumber, roundedByStep };
}

/** The totals in cents, rounded so that allocated plus unallocated is exactly the input (checked). */
export interface RoundedTotals {
	readonly inputCents: bigint;
	readonly recipientCents: bigint[];
	readonly allocatedCents: bigint;
	readonly unallocatedSum: bigint;
	readonly unallocatedByPool: ReadonlyMap<string, bigint>;
}

function roundTotals(problem: NormalisedProblem, rounded: RoundedSteps): RoundedTotals {
	const { recipientExact, unallocatedIds, unallocatedExact } = rounded;
	let inputCents = 0n;
	for (const pool of problem.pools) inputCents += scaleDecimal(pool.cost, 2);
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
		step.targets.forEach((to, i) => allocations.push({ from: step.pool.id, to, amount: texts[i]! }));
	});
	return { poolTotal, allocations, amountText };
}

/** The trace of each step, with the weights as text. */
interface StepTexts extends AllocationTexts {
	readonly weightTexts: string[][];
	readonly steps: AllocationStep[];
}

function stepTexts(plan: Plan, rounded: StepIndex, totals: RoundedTotals, texts: AllocationTexts): StepTexts {
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
		return step.targets.map((target) => byTarget.get(target)!);
	});
	const steps: AllocationStep[] = plan.steps.map((step, index) => {
		const weights = weightsOf(step.pool);
		let weightSum = 0n;
		for (const w of stepWeights(step)) weightSum += w;
		return {
			step: index + 1,
			pool: step.pool.id,
			own: formatCents(scaleDecimal(step.pool.cost, 2)),
			received: received.get(step.pool.id) ?? [],
			total: poolTotal.get(step.pool.id)!,
			weightSum: formatScaledInteger(weightSum, weights.places),
			targets: step.targets.map((to, i) => ({ to, weight: weightTexts[index]![i]!, amount: amountText[index]![i]! })),
			unallocated: formatCents(totals.unallocatedByPool.get(step.pool.id) ?? 0n)
		};
	});
	return { ...texts, weightTexts, steps };
}

/** Per recipient: the cents of its rounded flows (each pool's split rounded on its own). */
function allocatedCents(problem: NormalisedProblem, plan: Plan, rounded: RoundedSteps): bigint[] {
	const allocated = problem.recipients.map(() => 0n);
	plan.steps.forEach((_, index) => {
		const targets = rounded.recipientOf[index]!;
		const cents = rounded.roundedByStep[index]!;
		for (let i = 0; i < targets.length; i++) if (targets[i]! >= 0) allocated[targets[i]!]! += cents[i]!;
	});
	return allocated;
}

/** Per recipient: the share of every pool it received, and its rounding difference. */
function recipientTraces(
	problem: NormalisedProblem,
	plan: Plan,
	rounded: StepIndex,
	differences: readonly bigint[],
	totals: RoundedTotals,
	texts: StepTexts
): RecipientTrace[] {
	const { recipientOf, recipientExact } = rounded;
	const { amountText, weightTexts, steps } = texts;
	const shares: RecipientShare[][] = problem.recipients.map(() => []);
	plan.steps.forEach((step, index) => {
		const flows = exactFlows(step);
		const weights = stepWeights(step);
		step.targets.forEach((_, i) => {
			const r = recipientOf[index]![i]!;
			if (r < 0 || weights[i] === 0n) return;
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

/**
 * A plan rounded to cents, before any text: each step's rounded flows, the recipient totals, the
 * rounding differences and what stayed unallocated. A scenario run reads only these; the full
 * result (`resultOf`) writes them as text, with the trace.
 */
export interface RoundedPlan {
	readonly problem: NormalisedProblem;
	readonly plan: Plan;
	readonly rounded: RoundedSteps;
	readonly totals: RoundedTotals;
	/** Per recipient, in the problem's order: its total less its rounded flows, in cents (the trace's `roundingDifference`). */
	readonly differences: readonly bigint[];
}

/** Round a method's plan to cents (balance checked): every figure of the result, none of its text. */
export function roundPlan(problem: NormalisedProblem, plan: Plan): RoundedPlan {
	const rounded = roundSteps(problem, plan);
	const totals = roundTotals(problem, rounded);
	const recipientAllocated = allocatedCents(problem, plan, rounded);
	const differences = totals.recipientCents.map((c, r) => c - recipientAllocated[r]!);
	return { problem, plan, rounded, totals, differences };
}

/**
 * The full result (allocations, totals, balance check, trace) of a rounded plan. The trace (the text
 * of every step and every recipient's share) is built when it is first read: a scenario run reads
 * only the amounts, an explanation reads the trace.
 */
export function resultOf({ problem, plan, rounded, totals, differences }: RoundedPlan): AllocationResult {
	const texts = allocationTexts(plan, rounded);
	const { recipientCents, inputCents, allocatedCents: allocated, unallocatedSum, unallocatedByPool } = totals;
	const unallocated: Record<string, string> = {};
	for (const pool of problem.pools) {
		const cents = unallocatedByPool.get(pool.id);
		if (cents !== undefined && cents !== 0n) unallocated[pool.id] = formatCents(cents);
	}
	let trace: AllocationTrace | undefined;
	const { recipientOf, recipientExact, stepNumber } = rounded;
	const index: StepIndex = { recipientOf, recipientExact, stepNumber };
	const buildTrace = (): AllocationTrace => {
		const steps = stepTexts(plan, index, totals, texts);
		const recipients = recipientTraces(problem, plan, index, differences, totals, steps);
		const solve = typeof plan.solve === 'function' ? plan.solve() : plan.solve;
		return { steps: steps.steps, recipients, ...(solve ? { solve } : {}) };
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
	return result;
}

/** Build the full result (allocations, totals, balance check, trace) from a method's plan. */
export function buildResult(problem: NormalisedProblem, plan: Plan): AllocationResult {
	return resultOf(roundPlan(problem, plan));
}
