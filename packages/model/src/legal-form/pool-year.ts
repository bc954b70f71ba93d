// Pool years. Rule: each pool's cost in a year is its dated or indexed cost; its revenue from third
// parties is deducted and, under the centrumgemeente, the structural saving (efficiency) applied:
// net = round(cost − revenue) × (1 − efficiency), in cents. The net costs are then allocated by the
// engine with the method in force (or the override), the pools' keys giving the weights.
import { Decimal, ZERO, roundToCents } from '../money/decimal.ts';
import type { MethodId } from '../problem/types.ts';
import type { UsedInput } from '../scenario/resolve.ts';
import type { Pool } from '../scenario/types.ts';
import type { Computation } from './context.ts';
import type { KeyUse, PoolYear } from './detail.ts';
import { allocateYear, type YearAllocation } from './engine.ts';
import { poolWageShare, ratio } from './indexation.ts';
import { keyUse } from './key-use.ts';
import { sumsToZero } from './keys/weights.ts';
import { message } from '../vocabulary/messages.ts';
import { isRecording } from '../money/tape.ts';
import { formatEuro } from '../vocabulary/format.ts';

const ONE = new Decimal(1);

/** One pool's year: its cost, revenue and net cost after the efficiency, VAT-taxable share and key. */
export function poolYear(ctx: Computation, pool: Pool, year: number, efficiency: Decimal): PoolYear {
	const cost = ctx.amount(pool.cost, year, `cost of ${pool.name}`, poolWageShare(ctx, pool));
	const revInputs: UsedInput[] = [];
	const revenue = pool.revenue
		? roundToCents(ctx.env.number(pool.revenue, year, `revenue of ${pool.name}`, revInputs))
		: ZERO;
	const net = roundToCents(cost.value.minus(revenue).times(ONE.minus(efficiency)));
	if (net.isNegative())
		ctx.env.issue('negative_value', `pools[id=${pool.id}].revenue`, {
			en: `pool ${pool.id}: revenue exceeds cost in ${year}`,
			nl: `kostenpool ${pool.id}: de baten zijn in ${year} hoger dan de kosten`
		});
	const taxInputs: UsedInput[] = [];
	const taxable = ratio(ctx, pool.vatTaxableShare, year, `VAT-taxable share of ${pool.id}`, '0', taxInputs);
	const key = (ctx.poolKeyUse ? ctx.poolKeyUse(pool, year, net) : poolKeyUse(ctx, pool, year, net)) ?? {
		weights: new Map(),
		rule: message('rule.noKey'),
		key: { type: 'even', path: pool.key.path },
		from: '',
		inputs: []
	};
	return {
		id: pool.id,
		name: pool.name,
		kind: pool.kind,
		cost,
		revenue: {
			value: revenue,
			rule: message('rule.revenue', { pool: pool.name }),
			inputs: revInputs
		},
		efficiency,
		net,
		taxableShare: {
			value: taxable,
			rule: message('rule.taxableShare', { pool: pool.name }),
			inputs: taxInputs
		},
		key
	};
}

/** A pool's key in force in `year` as weights over the participants and the other pools (undefined when none is). */
export function poolKeyUse(ctx: Computation, pool: Pool, year: number, cost: Decimal): KeyUse | undefined {
	return keyUse(ctx, pool.key, year, `key of ${pool.id}`, { self: pool.id, cost });
}

/** The pools of a year with their (indexed) cost, revenue, efficiency and key. */
export function poolYears(ctx: Computation, year: number, centrum: boolean): PoolYear[] {
	const effInputs: UsedInput[] = [];
	const efficiency = centrum
		? ratio(ctx, ctx.scenario.centrumgemeente?.efficiency, year, 'efficiency', '0', effInputs)
		: ZERO;
	return ctx.scenario.pools.map((pool) =>
		ctx.poolYear ? ctx.poolYear(pool, year, efficiency) : poolYear(ctx, pool, year, efficiency)
	);
}

/** The allocation method in force in `year` (or the override), with its step-down order. */
export function methodIn(
	ctx: Computation,
	year: number
): { method: MethodId; order?: readonly string[]; from: string } {
	const found = ctx.env.value(ctx.scenario.allocation, year, 'allocation method');
	const setting = found?.value ?? { method: 'direct' as MethodId };
	return {
		method: ctx.methodOverride ?? setting.method,
		...(setting.order ? { order: setting.order } : {}),
		from: found?.from ?? ''
	};
}

// Whether a key's weights can go to the engine, per weights map (a reused pool year brings the same map).
const usable = new WeakMap<ReadonlyMap<string, Decimal>, boolean>();
function usableWeights(weights: ReadonlyMap<string, Decimal>): boolean {
	const check = () => !sumsToZero(weights) && ![...weights.values()].some((w) => w.isNegative());
	// A kernel being recorded keeps the guards of the check (sumsToZero records them): no memo then.
	if (isRecording()) return check();
	let ok = usable.get(weights);
	if (ok === undefined) usable.set(weights, (ok = check()));
	return ok;
}

/** The engine's allocation of the pools' net costs; undefined when a key gives no usable weights. */
export function allocateServices(
	ctx: Computation,
	year: number,
	pools: readonly PoolYear[]
): YearAllocation | undefined {
	const { method, order } = methodIn(ctx, year);
	if (pools.some((p) => !usableWeights(p.key.weights))) return undefined;
	try {
		const input = {
			method,
			...(order ? { order } : {}),
			pools: pools.map((p) => ({ id: p.id, cost: p.net, weights: p.key.weights })),
			participants: ctx.participantIds
		};
		const allocation = ctx.allocate ? ctx.allocate(input) : allocateYear(input);
		// Everything that has to be paid is charged to someone: cost the engine could not allocate is an issue.
		for (const [pool, amount] of allocation.unallocated)
			ctx.env.issue('unallocated_cost', `pools[id=${pool}].key`, {
				en: `${year}: € ${amount} of pool ${pool} reaches no participant with the ${method} method (its key names only pools)`,
				nl: `${year}: ${formatEuro(amount, 'nl', { decimals: 2 })} van kostenpool ${pool} komt met de methode ${method} bij geen enkele deelnemer terecht (de verdeelsleutel noemt alleen kostenpools)`
			});
		return allocation;
	} catch (error) {
		ctx.env.issue('allocation_failed', 'pools', {
			en: `${year}: ${(error as Error).message.replace('[model] ', '')}`,
			nl: `${year}: de verdeling lukt niet: ${(error as Error).message.replace('[model] ', '')}`
		});
		return undefined;
	}
}
