// Indexation. Rule: a money series holds its dated value; from the first year after its last dated
// value (the year after, when dated 1 January; otherwise the year after that), each year's amount
// is the previous year's amount × (1 + wageShare × wage index + (1 − wageShare) × price index),
// rounded to cents every year. The cost index of a period multiplies these factors, with the wage
// share weighted by the pools' costs of each year.
import { Decimal, ZERO, literal, roundToCents, sum } from '../money/decimal.ts';
import { NO_READS, collectReads, noteReads, type Reads } from '../money/reads.ts';
import { isRecording } from '../money/tape.ts';
import type { UsedInput } from '../scenario/resolve.ts';
import { yearDate } from '../scenario/resolve.ts';
import type { Leaf, Pool, Series } from '../scenario/types.ts';
import type { Computation, WageShare } from './context.ts';
import { fmt, type Figure } from './detail.ts';
import { message, type Message } from '../vocabulary/messages.ts';

const ONE = new Decimal(1);

/** The first year an amount last dated `from` is indexed instead of read. */
export function firstIndexedYear(from: string): number {
	const year = Number(from.slice(0, 4));
	return from.endsWith('-01-01') ? year + 1 : year + 2;
}

/** An index factor of a year for one wage share, with the inputs it read and the texts its rule shows. */
interface IndexFactor {
	readonly factor: Decimal;
	readonly inputs: readonly UsedInput[];
	/** The leaves read to compute it (see money/reads.ts), noted again by every amount that reuses it. */
	readonly reads: Reads;
	texts?: { readonly wageShare: string; readonly priceShare: string; readonly factor: string };
}

// Amounts with the same wage share (every wages-only amount, a pool's cost year after year) share
// the index factor of a year: it is computed once per computation, by wage share (the Decimal read
// from the scenario, one object per leaf) and year.
const INDEX_FACTORS = {};

function sharedIndexFactor(ctx: Computation, year: number, wageShare: Decimal, inputs: UsedInput[]): IndexFactor {
	// A kernel being recorded must see every operation on its inputs.
	if (isRecording()) {
		const own: UsedInput[] = [];
		const factor = indexFactor(ctx, year, wageShare, own);
		inputs.push(...own);
		return { factor, inputs: own, reads: NO_READS };
	}
	const byShare = ctx.env.remember(INDEX_FACTORS, () => new Map<Decimal, Map<number, IndexFactor>>());
	let byYear = byShare.get(wageShare);
	if (!byYear) byShare.set(wageShare, (byYear = new Map()));
	let found = byYear.get(year);
	if (!found) {
		const own: UsedInput[] = [];
		const { value: factor, reads } = collectReads(() => indexFactor(ctx, year, wageShare, own));
		byYear.set(year, (found = { factor, inputs: own, reads }));
	} else noteReads(found.reads); // whoever reuses the factor has read the indices behind it
	inputs.push(...found.inputs);
	return found;
}

/** 1 + wageShare × wage index + (1 − wageShare) × price index, for `year`. */
export function indexFactor(ctx: Computation, year: number, wageShare: Decimal, inputs: UsedInput[]): Decimal {
	const { wage, price } = ctx.scenario.indexation;
	const w = wageShare.isZero()
		? ZERO
		: wage
			? ctx.env.number(wage, year, 'wage index', inputs)
			: (ctx.env.issue('required', 'indexation.wage', {
					en: `a wage index is needed to index costs in ${year}`,
					nl: `er is een loonindex nodig om de kosten in ${year} te indexeren`
				}),
				ZERO);
	const p = wageShare.equals(ONE)
		? ZERO
		: price
			? ctx.env.number(price, year, 'price index', inputs)
			: (ctx.env.issue('required', 'indexation.price', {
					en: `a price index is needed to index costs in ${year}`,
					nl: `er is een prijsindex nodig om de kosten in ${year} te indexeren`
				}),
				ZERO);
	return ONE.plus(wageShare.times(w)).plus(ONE.minus(wageShare).times(p));
}

/**
 * A money series in `year`: the value in force, or after the last dated value the previous
 * year's amount (through `ctx.amount`, memoised) × the index factor of this year.
 */
export function indexedAmount(
	ctx: Computation,
	series: Series<Leaf>,
	year: number,
	label: string,
	wageShare: WageShare
): Figure {
	const last = series.entries[series.entries.length - 1];
	if (!last || last.value === null || year < firstIndexedYear(last.from)) {
		const inputs: UsedInput[] = [];
		const value = ctx.env.number(series, year, label, inputs);
		return { value: roundToCents(value), rule: message('rule.valueInForce', { date: yearDate(year) }), inputs };
	}
	const previous = ctx.amount(series, year - 1, label, wageShare);
	const inputs: UsedInput[] = [];
	const ws = wageShare(year, inputs);
	const index = sharedIndexFactor(ctx, year, ws, inputs);
	const factor = index.factor;
	const value = roundToCents(previous.value.times(factor));
	const baseInput = previous.inputs.find((i) => i.path === series.path.replace(/\.\d{4}-\d{2}-\d{2}$/, ''));
	const texts = (index.texts ??= {
		wageShare: ws.toString(),
		priceShare: ONE.minus(ws).toString(),
		factor: factor.toString()
	});
	return {
		value,
		rule: message('rule.indexed', {
			previous: fmt(previous.value),
			year: year - 1,
			wageShare: texts.wageShare,
			priceShare: texts.priceShare,
			factor: texts.factor,
			last: last.from
		}),
		inputs: [...(baseInput ? [baseInput] : []), ...inputs]
	};
}

/** A ratio in force in `year`, or `fallback` when the scenario leaves it out. */
export function ratio(
	ctx: Computation,
	series: Series<Leaf> | undefined,
	year: number,
	label: string,
	fallback: string,
	inputs: UsedInput[]
): Decimal {
	return series ? ctx.env.number(series, year, label, inputs) : literal(fallback);
}

/** The wage share of a pool's cost (required once its cost is indexed). */
export function poolWageShare(ctx: Computation, pool: Pool): WageShare {
	return (year, inputs) => {
		if (!pool.wageShare) {
			ctx.env.issue('required', `pools[id=${pool.id}].wageShare`, {
				en: `pool ${pool.id} needs a wageShare to index its cost after the last dated value`,
				nl: `kostenpool ${pool.id} heeft een wageShare (loonaandeel) nodig om de kosten na de laatste gedateerde waarde te indexeren`
			});
			return ZERO;
		}
		return ctx.env.number(pool.wageShare, year, `wage share of ${pool.id}`, inputs);
	};
}

/** A wage share of one (wages only), for amounts that carry no wage share of their own. */
export function wagesOnly(ctx: Computation): WageShare {
	return (year, inputs) => ratio(ctx, undefined, year, '', '1', inputs);
}

/** Π over the years from..to of the cost index (wage share weighted by the pools' costs that year). */
export function costIndexSince(
	ctx: Computation,
	from: number,
	to: number
): { factor: Decimal; inputs: UsedInput[]; rule: Message } {
	let factor = ONE;
	const inputs: UsedInput[] = [];
	const parts: Message[] = [];
	for (let y = from; y <= to; y++) {
		const costs = ctx.scenario.pools.map((pool) => ({
			pool,
			cost: ctx.amount(pool.cost, y, `cost of ${pool.name}`, poolWageShare(ctx, pool)).value
		}));
		const total = sum(costs.map((c) => c.cost));
		const ws = total.isZero()
			? ZERO
			: sum(costs.map((c) => c.cost.times(poolWageShare(ctx, c.pool)(y, inputs)))).dividedBy(total);
		const f = sharedIndexFactor(ctx, y, ws, inputs).factor;
		factor = factor.times(f);
		parts.push(message('rule.indexYear', { year: y, factor: f.toDecimalPlaces(6).toString() }));
	}
	return { factor, inputs, rule: message('rule.costIndex', { years: parts }) };
}
