// The one seam between the scenario model and the allocation engine: a year's pools, their weights
// and the method go in as the engine's generic problem; the engine's result comes back, with the
// charges to each participant broken down by pool. Every engine call of the scenario model passes here.
import { allocate } from '../allocation/index.ts';
import type { AllocationResult } from '../allocation/types.ts';
import type { AllocationProblem } from '../problem/types.ts';
import { Decimal, ZERO, toDecimal } from '../money/decimal.ts';
import type { MethodId } from './types.ts';

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
	readonly problem: AllocationProblem;
}

/**
 * Allocate one year's pools to the participants with the allocation engine.
 * @throws Error when the engine rejects the problem (the scenario validation should have prevented it)
 */
export function allocateYear(input: YearAllocationInput): YearAllocation {
	const problem: AllocationProblem = {
		method: input.method,
		...(input.order && input.method === 'step-down' ? { order: input.order } : {}),
		pools: input.pools.map((p) => ({
			id: p.id,
			cost: p.cost.toFixed(2),
			drivers: Object.fromEntries([...p.weights].map(([id, w]) => [id, w.toString()]))
		})),
		recipients: [...input.participants]
	};
	const outcome = allocate(problem, input.method) as unknown;
	const result = unwrap(outcome);
	const charges = new Map<string, Map<string, Decimal>>(input.participants.map((p) => [p, new Map<string, Decimal>()]));
	for (const a of result.allocations) {
		const byPool = charges.get(a.to);
		if (byPool) byPool.set(a.from, (byPool.get(a.from) ?? ZERO).plus(toDecimal(a.amount)));
	}
	const totals = new Map(input.participants.map((p) => [p, toDecimal(result.recipientTotals[p] ?? '0')]));
	// The engine rounds each flow and each recipient total once; when the two roundings differ by a
	// cent, move that cent within the largest pool charge so the pool breakdown adds up to the total.
	for (const [p, byPool] of charges) {
		const diff = totals.get(p)!.minus([...byPool.values()].reduce((a, b) => a.plus(b), ZERO));
		if (diff.isZero()) continue;
		const largest = [...byPool].sort((a, b) => b[1].comparedTo(a[1]) || (a[0] < b[0] ? -1 : 1))[0];
		if (largest) byPool.set(largest[0], largest[1].plus(diff));
		else byPool.set(input.pools[0]?.id ?? 'unknown', diff);
	}
	return { result, charges, totals, problem };
}

function unwrap(outcome: unknown): AllocationResult {
	if (outcome && typeof outcome === 'object' && 'ok' in outcome) {
		const r = outcome as {
			ok: boolean;
			value?: AllocationResult;
			issues?: readonly { path: string; message: string }[];
		};
		if (!r.ok || !r.value)
			throw new Error(
				`[model] the allocation engine rejected a scenario year: ${(r.issues ?? []).map((i) => `${i.path}: ${i.message}`).join('; ')}`
			);
		return r.value;
	}
	return outcome as AllocationResult;
}
