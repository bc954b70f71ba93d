// Keys in a year. Rule: the key in force on 1 January turns the driver values in force into weights
// (keys/weights.ts); an amount split by a key goes to the participants with a non-negative weight
// by the largest-remainder rule, and to nobody when the amount or the weights are zero.
import { allocateByWeights } from '../money/allocate.ts';
import { ZERO, sum, type Decimal } from '../money/decimal.ts';
import type { UsedInput } from '../scenario/resolve.ts';
import type { Key, Series } from '../scenario/types.ts';
import type { Computation } from './context.ts';
import type { KeyUse } from './detail.ts';
import { keyWeights } from './keys/weights.ts';

/** Where a key is used: the pool it divides (never its own recipient), participants only, and the pool's cost. */
export interface KeyPlace {
	readonly self?: string;
	readonly participantsOnly?: boolean;
	readonly cost?: Decimal;
}

/** The key of `series` in force in `year`, as weights; undefined (with an issue) when none is in force. */
export function keyUse(
	ctx: Computation,
	series: Series<Key>,
	year: number,
	label: string,
	place: KeyPlace
): KeyUse | undefined {
	const found = ctx.env.value(series, year, label);
	if (!found) return undefined;
	const inputs: UsedInput[] = [];
	const weights = keyWeights(found.value, {
		year,
		participants: ctx.participantIds,
		pools: place.participantsOnly ? [] : ctx.poolIds,
		...(place.self ? { self: place.self } : {}),
		...(place.cost ? { cost: place.cost } : {}),
		drivers: ctx.scenario.drivers,
		env: ctx.env,
		used: inputs,
		names: recipientNames(ctx)
	});
	return { ...weights, key: found.value, from: found.from, inputs };
}

// The display names of a computation's recipients, made once per computation (every key of every year reads them).
const namesByComputation = new WeakMap<Computation, Map<string, string>>();

/** Participants' and pools' display names by id, for the rule texts of keys. */
function recipientNames(ctx: Computation): Map<string, string> {
	let names = namesByComputation.get(ctx);
	if (!names)
		namesByComputation.set(
			ctx,
			(names = new Map([...ctx.scenario.participants, ...ctx.scenario.pools].map((r) => [r.id, r.name])))
		);
	return names;
}

/** Split `total` over the participants by a key's weights (every participant gets an entry). */
export function splitByKey(ctx: Computation, total: Decimal, key: KeyUse | undefined): Map<string, Decimal> {
	const participants = new Set(ctx.participantIds);
	const weights = new Map(
		[...(key?.weights ?? new Map<string, Decimal>())].filter(([id, w]) => participants.has(id) && !w.isNegative())
	);
	if (total.isZero() || sum(weights.values()).isZero()) return new Map(ctx.participantIds.map((p) => [p, ZERO]));
	const parts = allocateByWeights(total, weights);
	return new Map(ctx.participantIds.map((p) => [p, parts.get(p) ?? ZERO]));
}
