// The one seam between the scenario computation and the allocation engine: a year's pools, their
// weights and the method go in as the engine's normalised problem (no round trip through the file
// format); the engine's result comes back, with the charges to each participant broken down by pool.
// Every engine call of the scenario computation passes here.
import { allocateNormalised } from '../allocation/index.ts';
import { roundingDifferenceCents } from '../allocation/build.ts';
import type { AllocationResult } from '../allocation/types.ts';
import { centsToDecimal } from '../money/fixed.ts';
import { Decimal } from '../money/decimal.ts';
import type { MethodId, NormalisedProblem } from '../problem/types.ts';
import { solvabilityIssues } from '../problem/validate.ts';
import { isRecording, kernelInProgress } from '../money/tape.ts';
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
	readonly result: AllocationResult;
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

// The engine's canonical cent texts as Decimals (immutable, so one serves every use): the same
// amounts come back year after year and in every scenario derived from another. Bounded: the table
// starts afresh beyond this many amounts.
const AMOUNTS_KEPT = 50_000;
const amounts = new Map<string, Decimal>();
function amountOf(text: string): Decimal {
	// A kernel being recorded tells the outputs of the engine's macro apart by object.
	if (kernelInProgress()) return new Decimal(text);
	let amount = amounts.get(text);
	if (!amount) {
		if (amounts.size >= AMOUNTS_KEPT) amounts.clear();
		amounts.set(text, (amount = new Decimal(text)));
	}
	return amount;
}

function allocateExact(input: YearAllocationInput): YearAllocation {
	const problem: NormalisedProblem = {
		method: input.method,
		order: input.order && input.method === 'step-down' ? [...input.order] : input.pools.map((p) => p.id),
		pools: input.pools.map((p) => ({ id: p.id, cost: p.cost, drivers: p.weights })),
		recipients: [...input.participants]
	};
	const unsolvable = solvabilityIssues(problem);
	if (unsolvable.length > 0)
		throw new Error(
			`[model] the allocation engine rejected a scenario year: ${unsolvable.map((i) => `${i.path}: ${i.message}`).join('; ')}`
		);
	const result = allocateNormalised(problem);
	const charges = new Map<string, Map<string, Decimal>>(input.participants.map((p) => [p, new Map<string, Decimal>()]));
	for (const a of result.allocations) {
		const byPool = charges.get(a.to);
		if (!byPool) continue;
		const amount = amountOf(a.amount);
		const before = byPool.get(a.from);
		byPool.set(a.from, before ? before.plus(amount) : amount);
	}
	const totals = new Map(input.participants.map((p) => [p, amountOf(result.recipientTotals[p] ?? '0.00')]));
	// The engine rounds each flow and each recipient total once; when the two roundings differ by a
	// cent (the trace's rounding difference: the total less the recipient's rounded flows), move that
	// cent within the largest pool charge so the pool breakdown adds up to the total.
	const differences = roundingDifferenceCents(result);
	for (const [r, participant] of problem.recipients.entries()) {
		if (differences[r] === 0n) continue;
		const byPool = charges.get(participant)!;
		const diff = centsToDecimal(differences[r]!);
		const largest = largestCharge(byPool);
		if (largest) byPool.set(largest[0], largest[1].plus(diff));
		else byPool.set(input.pools[0]?.id ?? 'unknown', diff);
	}
	return { result, charges, totals, problem };
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
