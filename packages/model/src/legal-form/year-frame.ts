// The frame every year shares, whatever the legal form: it starts from the pools, the method in
// force, the engine's allocation and an empty detail per participant, and it ends by adding up
// everything that has to be paid (costs) and everything charged (which must be equal to the cent).
import { COMPONENTS, type LegalForm } from '../domain/result.ts';
import { ZERO, sum, type Decimal } from '../money/decimal.ts';
import type { MethodId } from '../problem/types.ts';
import type { UsedInput } from '../scenario/resolve.ts';
import { yearDate } from '../scenario/resolve.ts';
import { message } from '../vocabulary/messages.ts';
import type { Computation } from './context.ts';
import {
	addUp,
	emptyComponents,
	type CostItem,
	type Figure,
	type ParticipantDetail,
	type PoolYear,
	type YearDetail
} from './detail.ts';
import type { YearAllocation } from './engine.ts';
import { allocateServices, methodIn, poolYears } from './pool-year.ts';

// A participant's pool charges before its legal form sets them (read-only, so one serves all).
const NO_CHARGES: ReadonlyMap<string, Decimal> = new Map();

/** What a year is built from before its legal form adds its own components. */
export interface YearStart {
	readonly pools: PoolYear[];
	readonly method: MethodId;
	readonly methodFrom: string;
	readonly allocation: YearAllocation | undefined;
	readonly participants: Map<string, ParticipantDetail>;
	readonly costItems: CostItem[];
}

/** The pools, the method in force, the engine's allocation, empty participant details and the pools as cost items. */
export function startYear(ctx: Computation, year: number, centrum: boolean): YearStart {
	const pools = ctx.poolYears ? ctx.poolYears(year, centrum) : poolYears(ctx, year, centrum);
	const { method, from: methodFrom } = methodIn(ctx, year);
	const allocation = allocateServices(ctx, year, pools);
	const participants = new Map<string, ParticipantDetail>(
		ctx.participantIds.map((p) => [p, { components: emptyComponents(), pools: NO_CHARGES, notes: {}, ownerCost: ZERO }])
	);
	const costItems: CostItem[] = pools.map((p) => ({ label: `pool ${p.id}`, amount: p.net }));
	return { pools, method, methodFrom, allocation, participants, costItems };
}

/** Inhabitants on 1 January of the year, per participant (the driver `inwoners`). */
export function inhabitants(ctx: Computation, year: number): ReadonlyMap<string, Figure> {
	const driver = ctx.scenario.drivers.inwoners;
	return new Map(
		ctx.participantIds.map((p) => {
			const inputs: UsedInput[] = [];
			const series = driver?.values[p];
			if (!series)
				ctx.env.issue('no_value_in_force', `drivers.inwoners.values`, {
					en: `inwoners has no values for ${p}`,
					nl: `inwoners heeft geen waarden voor ${p}`
				});
			const value = series ? ctx.env.number(series, year, `inhabitants (${p})`, inputs) : ZERO;
			const name = ctx.scenario.participants.find((x) => x.id === p)?.name ?? p;
			return [p, { value, rule: message('rule.inhabitants', { participant: name, date: yearDate(year) }), inputs }];
		})
	);
}

/** The finished year: its start, the legal form's extra detail, and costs and charges added up. */
export function finishYear(
	ctx: Computation,
	year: number,
	legalForm: LegalForm,
	start: YearStart,
	extra: Pick<YearDetail, 'vatRate'> & Partial<Pick<YearDetail, 'governance' | 'transition' | 'dvo'>>
): YearDetail {
	const { pools, method, methodFrom, allocation, participants, costItems } = start;
	const costs: Decimal = sum(costItems.map((i) => i.amount));
	const charges: Decimal[] = [];
	for (const d of participants.values()) for (const c of COMPONENTS) charges.push(d.components[c]);
	const charged = addUp(charges);
	return {
		year,
		legalForm,
		method,
		methodFrom,
		pools,
		allocation,
		participants,
		inhabitants: ctx.inhabitants ? ctx.inhabitants(year) : inhabitants(ctx, year),
		costItems,
		costs,
		charged,
		...extra
	};
}
