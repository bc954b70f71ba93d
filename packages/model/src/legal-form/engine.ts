// The one seam between the scenario computation and the allocation engine: a year's pools, their
// weights and the method go in as the engine's normalised problem (no round trip through the file
// format); the engine's result comes back, with the charges to each participant broken down by pool.
// Every engine call of the scenario computation passes here.
import { allocateRounded } from '../allocation/index.ts';
import type { RoundedPlan } from '../allocation/build.ts';
import { CentsMap, decimalOfCents } from '../money/cents-map.ts';
import { resultOf } from '../allocation/build.ts';
import type { AllocationResult } from '../allocation/types.ts';
import { formatCents } from '../money/fixed.ts';
import { Decimal } from '../money/decimal.ts';
import type { MethodId, NormalisedProblem } from '../problem/types.ts';
import { solvabilityIssues } from '../problem/validate.ts';
import { isRecording } from '../money/tape.ts';
import { recordedAllocation } from './engine-kernel.ts';

export interface YearAllocationInput {
	readonly method: MethodId;
	readonly order?: readonly string[];
	/** Pools with their net cost this year (cents) and their weights over participants and other pools. */
	readonly pools: readonly {
		readonly id: string;
		readonly cost: Decimal;
		readonly weights: ReadonlyMap<string, Decimal>;
	}[];
	readonly participants: readonly string[];
}

export interface YearAllocation {
	/** The engine's full result with its trace, written as text when first read. */
	readonly result: AllocationResult;
	/** Per pool that could not allocate all of its cost: what stayed unallocated (amount text). */
	readonly unallocated: ReadonlyMap<string, string>;
	/** Per participant, per pool: the amount allocated from that pool to the participant. */
	readonly charges: ReadonlyMap<string, ReadonlyMap<string, Decimal>>;
	/** Per participant: the total (equals the engine's recipientTotals). */
	readonly totals: ReadonlyMap<string, Decimal>;
	readonly problem: NormalisedProblem;
}

/**
 * Allocate one year's pools to the participants with the allocation engine.
 * @throws Error when the reciprocal system has no solution (some pools serve only each other)
 */
export function allocateYear(input: YearAllocationInput): YearAllocation {
	// While a numeric kernel is recorded, the engine enters it as one macro with its float twin.
	return isRecording() ? recordedAllocation(input, allocateExact) : allocateExact(input);
}

/** The engine's cent amounts as Decimals (see decimalOfCents). */
function amountOf(cents: bigint): Decimal {
	const key = Number(cents);
	return Number.isSafeInteger(key) ? decimalOfCents(key) : new Decimal(formatCents(cents));
}

function allocateExact(input: YearAllocationInput): YearAllocation {
	const problem: NormalisedProblem = {
		method: input.method,
		order: input.order && input.method === 'step-down' ? [...input.order] : input.pools.map((p) => p.id),
		pools: input.pools.map((p) => ({ id: p.id, cost: p.cost, drivers: p.weights })),
		// Read-only: the engine never changes the list, so every year passes the computation's own.
		recipients: input.participants
	};
	const unsolvable = solvabilityIssues(problem);
	if (unsolvable.length > 0)
		throw new Error(
			`[model] the allocation engine rejected a scenario year: ${unsolvable.map((i) => `${i.path}: ${i.message}`).join('; ')}`
		);
	const rounded = allocateRounded(problem);
	const charges = chargesInCents(input, rounded) ?? chargesAsDecimals(input, rounded);
	const { recipientCents, unallocatedByPool } = rounded.totals;
	const unallocated = new Map<string, string>();
	for (const pool of problem.pools) {
		const cents = unallocatedByPool.get(pool.id);
		if (cents !== undefined && cents !== 0n) unallocated.set(pool.id, formatCents(cents));
	}
	let result: AllocationResult | undefined;
	return {
		get result() {
			return (result ??= resultOf(rounded));
		},
		unallocated,
		charges: new Map(problem.recipients.map((p, r) => [p, charges[r]!])),
		totals: new Map(problem.recipients.map((p, r) => [p, amountOf(recipientCents[r]!)])),
		problem
	};
}

/**
 * Per recipient, per pool: the engine's rounded flows, in cents. The engine rounds each flow and each
 * recipient total once; when the two roundings differ by a cent (the trace's rounding difference:
 * the total less the recipient's rounded flows), that cent moves within the largest pool charge so
 * the pool breakdown adds up to the total. Undefined when an amount is beyond a safe integer of cents.
 */
export function chargesInCents(input: YearAllocationInput, rounded: RoundedPlan): CentsMap[] | undefined {
	const { steps } = rounded.plan;
	const { recipientOf, roundedByStep } = rounded.rounded;
	// Each pool's position: its first step (a pool's flows add up there, as a Map keeps a key's first place).
	const ids: string[] = [];
	const index = new Map<string, number>();
	for (const step of steps) if (!index.has(step.pool.id)) index.set(step.pool.id, ids.push(step.pool.id) - 1);
	const amounts = input.participants.map(() => new Float64Array(ids.length).fill(Number.NaN));
	for (let s = 0; s < steps.length; s++) {
		const at = index.get(steps[s]!.pool.id)!;
		const targets = recipientOf[s]!;
		const cents = roundedByStep[s]!;
		for (let i = 0; i < targets.length; i++) {
			if (targets[i]! < 0) continue;
			const row = amounts[targets[i]!]!;
			const flow = Number(cents[i]!);
			const amount = (Number.isNaN(row[at]!) ? 0 : row[at]!) + flow;
			if (!Number.isSafeInteger(flow) || !Number.isSafeInteger(amount)) return undefined;
			row[at] = amount;
		}
	}
	const differences = rounded.differences;
	for (let r = 0; r < amounts.length; r++) {
		const difference = Number(differences[r]!);
		if (difference === 0) continue;
		const row = amounts[r]!;
		let largest = -1;
		for (let k = 0; k < row.length; k++)
			if (
				!Number.isNaN(row[k]!) &&
				(largest < 0 || row[k]! > row[largest]! || (row[k] === row[largest] && ids[k]! < ids[largest]!))
			)
				largest = k;
		const at = largest >= 0 ? largest : index.get(input.pools[0]?.id ?? '');
		if (at === undefined) return undefined;
		row[at] = (largest >= 0 ? row[at]! : 0) + difference;
		if (!Number.isSafeInteger(difference) || !Number.isSafeInteger(row[at])) return undefined;
	}
	return amounts.map((row) => new CentsMap(ids, index, row));
}

/** The same charges as Decimal maps (for amounts beyond a safe integer of cents; tests hold the two equal). */
export function chargesAsDecimals(input: YearAllocationInput, rounded: RoundedPlan): Map<string, Decimal>[] {
	const { recipientOf, roundedByStep } = rounded.rounded;
	const charges = input.participants.map(() => new Map<string, Decimal>());
	rounded.plan.steps.forEach((step, s) => {
		const targets = recipientOf[s]!;
		const cents = roundedByStep[s]!;
		for (let i = 0; i < targets.length; i++) {
			if (targets[i]! < 0) continue;
			const byPool = charges[targets[i]!]!;
			const amount = amountOf(cents[i]!);
			const before = byPool.get(step.pool.id);
			byPool.set(step.pool.id, before ? before.plus(amount) : amount);
		}
	});
	rounded.differences.forEach((difference, r) => {
		if (difference === 0n) return;
		const byPool = charges[r]!;
		const diff = amountOf(difference);
		const largest = largestCharge(byPool);
		if (largest) byPool.set(largest[0], largest[1].plus(diff));
		else byPool.set(input.pools[0]?.id ?? 'unknown', diff);
	});
	return charges;
}

/** The largest charge, the first pool id in alphabetical order among equals. */
function largestCharge(byPool: ReadonlyMap<string, Decimal>): [string, Decimal] | undefined {
	let largest: [string, Decimal] | undefined;
	for (const entry of byPool) {
		const order = largest ? entry[1].comparedTo(largest[1]) : 1;
		if (order > 0 || (order === 0 && entry[0] < largest![0])) largest = entry;
	}
	return largest;
}
