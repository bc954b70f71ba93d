// Method sensitivity: each participant's bill under the direct method, the reciprocal method and the
// step-down method in every order of the pools, or, when the orders are too many to run (more than
// MAX_ORDERS), the scenario's own order plus a seeded sample of SAMPLED_ORDERS others; with the spread.
import { runScenario } from '../legal-form/run.ts';
import { Decimal } from '../money/decimal.ts';
import type { Scenario } from '../scenario/types.ts';
import { entryAt, yearDate } from '../scenario/resolve.ts';
import { createRandom, shuffle } from './random.ts';

/** All step-down orders are run when there are at most this many (5 pools: 120). */
export const MAX_ORDERS = 120;
/** Otherwise the scenario's own order and this many orders drawn with a fixed seed. */
export const SAMPLED_ORDERS = 24;

export interface MethodBill {
	readonly method: 'direct' | 'reciprocal' | 'step-down';
	readonly order?: readonly string[];
	/** Per participant: the bill in the year (or over the horizon), in euros. */
	readonly bills: Readonly<Record<string, string>>;
}

export interface MethodOrderSpread {
	readonly year: number | null;
	readonly orders: { readonly total: number; readonly run: number; readonly sampled: boolean };
	readonly methods: readonly MethodBill[];
	/** Per participant: the lowest and highest bill over every method and order, and the spread. */
	readonly spread: Readonly<Record<string, { readonly min: string; readonly max: string; readonly spread: string }>>;
}

function factorial(n: number): number {
	return n <= 1 ? 1 : n * factorial(n - 1);
}

function permutations<T>(items: readonly T[]): T[][] {
	if (items.length <= 1) return [[...items]];
	return items.flatMap((x, i) =>
		permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest])
	);
}

function withMethod(scenario: Scenario, method: MethodBill['method'], order?: readonly string[]): Scenario {
	return {
		...scenario,
		allocation: {
			path: scenario.allocation.path,
			entries: [{ from: yearDate(scenario.horizon.from), value: { method, ...(order ? { order } : {}) } }]
		}
	};
}

/**
 * Each participant's bill under every method (and step-down order) in `year`, or summed over the horizon.
 * @param scenario a resolved scenario (baseline or variant)
 */
export function methodOrderSpread(
	scenario: Scenario,
	options: { readonly year?: number; readonly seed?: number } = {}
): MethodOrderSpread {
	const pools = scenario.pools.map((p) => p.id);
	const total = factorial(pools.length);
	let orders: string[][];
	let sampled = false;
	if (total <= MAX_ORDERS) orders = permutations(pools);
	else {
		sampled = true;
		const own = entryAt(scenario.allocation, yearDate(options.year ?? scenario.horizon.from))?.value?.order;
		const random = createRandom(options.seed ?? 1);
		const seen = new Set<string>();
		orders = [];
		if (own && own.length === pools.length) {
			orders.push([...own]);
			seen.add(own.join(','));
		}
		while (orders.length < SAMPLED_ORDERS + (own ? 1 : 0)) {
			const o = [...pools];
			shuffle(o, random);
			if (!seen.has(o.join(','))) {
				seen.add(o.join(','));
				orders.push(o);
			}
		}
	}
	const bill = (s: Scenario): Record<string, string> => {
		const run = runScenario(s);
		const out: Record<string, Decimal> = {};
		for (const row of run.rows)
			if (options.year === undefined || row.year === options.year)
				out[row.participant] = (out[row.participant] ?? new Decimal(0)).plus(row.total);
		return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.toFixed(2)]));
	};
	const methods: MethodBill[] = [
		{ method: 'direct', bills: bill(withMethod(scenario, 'direct')) },
		{ method: 'reciprocal', bills: bill(withMethod(scenario, 'reciprocal')) },
		...orders.map((order) => ({
			method: 'step-down' as const,
			order,
			bills: bill(withMethod(scenario, 'step-down', order))
		}))
	];
	const spread: Record<string, { min: string; max: string; spread: string }> = {};
	for (const p of scenario.participants) {
		const values = methods.map((m) => new Decimal(m.bills[p.id] ?? '0'));
		const min = Decimal.min(...values);
		const max = Decimal.max(...values);
		spread[p.id] = { min: min.toFixed(2), max: max.toFixed(2), spread: max.minus(min).toFixed(2) };
	}
	return { year: options.year ?? null, orders: { total, run: orders.length, sampled }, methods, spread };
}
