// A run with in-house members ("Oegstgeest alone from 2027"): from the year a participant is
// in-house it pays the in-house cost function for its services, plus in its first year the exit
// costs (uittredingsvergoeding to those who stay, frictiekosten, disentangling ICT); those who
// stay share a smaller back office, the scenario restricted to them (its pools scaled by the
// cost function's (F_stay / F_all)^b), computed by the model like any scenario.
import { makeIssue, type Issue, type Result } from '../domain/issue.ts';
import { formatEuro } from '../vocabulary/format.ts';
import {
	COMPONENTS,
	type Component,
	type ParticipantYear,
	type Reconciliation,
	type RunResult
} from '../domain/result.ts';
import { restrictRaw } from '../scenario/restrict.ts';
import { allocateByWeights } from '../money/allocate.ts';
import { Decimal, ZERO, formatAmount, power, roundToCents, sum, toDecimal } from '../money/decimal.ts';
import { yearDate } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { validateStructure } from '../scenario/validate.ts';
import { InHouseError, groupSize, inHouseCost, inHouseSettings, leafAt } from './in-house.ts';

/**
 * Computes a scenario without in-house members (the ordinary run): every year of its horizon, or
 * from `from` on (a year computes the earlier ones it reads, such as the year before a switch).
 */
export type PlainRun = (scenario: Scenario, from?: number) => Result<RunResult>;

/** Whether any participant is in-house in some year of the horizon. */
export function hasInHouseMembers(scenario: Scenario): boolean {
	return (scenario.inHouse?.members.length ?? 0) > 0;
}

/** The in-house participants in `year` (in the order of the participants). */
export function inHouseIn(scenario: Scenario, year: number): string[] {
	const members = scenario.inHouse?.members ?? [];
	return scenario.participants
		.map((p) => p.id)
		.filter((id) => members.some((m) => m.participant === id && m.from <= yearDate(year)));
}

function row(run: RunResult, participant: string, year: number): ParticipantYear | undefined {
	return run.rows.find((r) => r.participant === participant && r.year === year);
}

function withComponents(
	base: ParticipantYear,
	form: ParticipantYear['legalForm'],
	components: Record<Component, Decimal>,
	pools: Record<string, string>
): ParticipantYear {
	const total = sum(COMPONENTS.map((c) => components[c]));
	const inhabitants = toDecimal(base.inhabitants ?? '0');
	return {
		...base,
		legalForm: form,
		total: formatAmount(total),
		components: Object.fromEntries(COMPONENTS.map((c) => [c, formatAmount(components[c])])) as Record<
			Component,
			string
		>,
		pools,
		perInhabitant: inhabitants.isZero() ? '0.00' : formatAmount(total.dividedBy(inhabitants))
	};
}

const decimals = (r: ParticipantYear): Record<Component, Decimal> =>
	Object.fromEntries(COMPONENTS.map((c) => [c, toDecimal(r.components[c])])) as Record<Component, Decimal>;

/** The scenario of those who stay: restricted to `stay`, the shared pools scaled by (F_stay / F_all)^b. */
export function sharedScenario(scenario: Scenario, stay: readonly string[]): Result<Scenario> {
	const settings = inHouseSettings(scenario);
	const ids = scenario.participants.map((p) => p.id);
	const sizes = new Map(ids.map((id) => [id, groupSize(scenario, [id], scenario.referenceYear, [])]));
	const exponent = leafAt(settings.exponent, scenario.referenceYear, 'in-house scale exponent', []);
	const factor = power(sum(stay.map((id) => sizes.get(id)!)).dividedBy(sum(sizes.values())), exponent);
	// A centrumgemeente whose host leaves is hosted by the largest who stays.
	const host = [...stay].sort((a, b) => sizes.get(b)!.comparedTo(sizes.get(a)!) || ids.indexOf(a) - ids.indexOf(b))[0]!;
	return validateStructure(restrictRaw(scenario.raw, stay, factor, host));
}

/**
 * The scenario with nobody in-house, run by `plain`: the plain run reads nothing of the in-house
 * settings, so it is the run of the scenario itself (and reuses its dry run, if it had one).
 */
function runWithoutInHouse(scenario: Scenario, plain: PlainRun): Result<RunResult> {
	return plain(scenario);
}

/**
 * The run of those who stay, computed once per group (cached by `shared`), from `from` on: a group
 * stays together from the first year it is asked for to the end of the horizon (members only leave),
 * and the years before it are not the group's.
 */
function sharedRunOf(
	scenario: Scenario,
	plain: PlainRun,
	stay: readonly string[],
	shared: Map<string, RunResult>,
	from: number
): Result<RunResult> {
	const cacheKey = stay.join(',');
	const cached = shared.get(cacheKey);
	if (cached) return { ok: true, value: cached };
	const restricted = sharedScenario(scenario, stay);
	const result = restricted.ok ? plain(restricted.value, from) : restricted;
	if (result.ok) shared.set(cacheKey, result.value);
	return result;
}

/** What one year of the run needs: the full run, the rows of those who stay, and the transfers to them. */
interface YearContext {
	readonly scenario: Scenario;
	readonly settings: ReturnType<typeof inHouseSettings>;
	readonly full: RunResult;
	readonly year: number;
	readonly stayRows: readonly ParticipantYear[];
	readonly transfers: Map<string, Decimal>;
}

/** Whether `year` is the member's first in-house year (or the horizon's first, when it left before). */
function isFirstInHouseYear(ctx: YearContext, id: string): boolean {
	const member = ctx.settings.members.find((m) => m.participant === id)!;
	const { year, full } = ctx;
	return yearDate(year) === member.from || (year === full.years[0] && member.from < yearDate(year));
}

/**
 * The exit costs of `id` in its first in-house year: frictiekosten and disentangling ICT, which it bears,
 * and the uittredingsvergoeding, which it pays to those who stay (added to `ctx.transfers`).
 * Returns its transition cost and what it adds to the year's costs (in the order they are added).
 */
function exitCosts(
	ctx: YearContext,
	id: string,
	cost: ReturnType<typeof inHouseCost>
): { transition: Decimal; costs: Decimal[] } {
	const { settings, full, year, stayRows, transfers } = ctx;
	const inputs: never[] = [];
	const friction = roundToCents(
		leafAt(settings.exitCosts.frictiekosten, year, 'frictiekosten', inputs).times(cost.total)
	);
	const ict = roundToCents(
		leafAt(settings.exitCosts.ictDisentangling, year, 'disentangling ICT', inputs).times(
			cost.services.get(settings.exitCosts.ictPool) ?? ZERO
		)
	);
	const before = row(full, id, year - 1) ?? row(full, id, year)!;
	const vergoeding = roundToCents(
		leafAt(settings.exitCosts.uittredingsvergoeding, year, 'uittredingsvergoeding', inputs).times(
			toDecimal(before.components.service)
		)
	);
	if (stayRows.length > 0 && vergoeding.greaterThan(0)) {
		const weights = new Map(stayRows.map((r) => [r.participant, toDecimal(r.components.service).abs()]));
		for (const [pid, part] of allocateByWeights(vergoeding, weights))
			transfers.set(pid, (transfers.get(pid) ?? ZERO).plus(part));
	}
	return {
		transition: friction.plus(ict).plus(stayRows.length > 0 ? vergoeding : ZERO),
		costs: [friction, ict]
	};
}

/** The row of in-house member `id` in the year, and what it adds to the year's costs (in the order they are added). */
function inHouseRow(ctx: YearContext, id: string): { row: ParticipantYear; costs: Decimal[] } {
	const { scenario, full, year } = ctx;
	const cost = inHouseCost(scenario, [id], year);
	const components = Object.fromEntries(COMPONENTS.map((c) => [c, ZERO])) as Record<Component, Decimal>;
	components.service = cost.total;
	const costs = [cost.total];
	if (isFirstInHouseYear(ctx, id)) {
		// The first in-house year: the exit costs.
		const exit = exitCosts(ctx, id, cost);
		components.transition = exit.transition;
		costs.push(...exit.costs);
	}
	const pools = Object.fromEntries(scenario.pools.map((p) => [p.id, formatAmount(cost.services.get(p.id) ?? ZERO)]));
	return { row: withComponents(row(full, id, year)!, 'inhouse', components, pools), costs };
}

/** The row of one who stays, less the uittredingsvergoeding it receives. */
function stayRow(r: ParticipantYear, transfers: ReadonlyMap<string, Decimal>): ParticipantYear {
	const received = transfers.get(r.participant);
	if (!received) return r;
	const components = decimals(r);
	components.transition = components.transition.minus(received);
	return withComponents(r, r.legalForm, components, { ...r.pools });
}

/** The rows and reconciliation of one year with `away` in-house and `sharedRun` the run of those who stay. */
function yearWithInHouse(
	scenario: Scenario,
	settings: ReturnType<typeof inHouseSettings>,
	full: RunResult,
	year: number,
	away: readonly string[],
	sharedRun: RunResult | undefined
): { rows: ParticipantYear[]; reconciliation: Reconciliation } {
	const ids = scenario.participants.map((p) => p.id);
	const stay = ids.filter((id) => !away.includes(id));
	const stayRows = stay.map((id) => ({
		...row(sharedRun!, id, year)!,
		inhabitants: row(full, id, year)!.inhabitants
	}));
	const ctx: YearContext = { scenario, settings, full, year, stayRows, transfers: new Map() };
	const rows: ParticipantYear[] = [];
	let costs = sharedRun ? toDecimal(sharedRun.reconciliation.find((r) => r.year === year)!.costs) : ZERO;
	for (const id of away) {
		const inHouse = inHouseRow(ctx, id);
		rows.push(inHouse.row);
		for (const c of inHouse.costs) costs = costs.plus(c);
	}
	rows.push(...stayRows.map((r) => stayRow(r, ctx.transfers)));
	const charged = sum(rows.map((r) => toDecimal(r.total)));
	return { rows, reconciliation: { year, costs: formatAmount(costs), charged: formatAmount(charged) } };
}

/** A warning for every year whose costs and charges do not reconcile. */
function reconciliationWarnings(reconciliation: readonly Reconciliation[]): Issue[] {
	return reconciliation
		.filter((r) => r.costs !== r.charged)
		.map((r) =>
			makeIssue(
				'not_reconciled',
				`reconciliation.${r.year}`,
				{
					en: `costs ${r.costs} ≠ charged ${r.charged}`,
					nl: `kosten ${formatEuro(r.costs, 'nl', { decimals: 2 })} ≠ in rekening gebracht ${formatEuro(r.charged, 'nl', { decimals: 2 })}`
				},
				{ severity: 'warning' }
			)
		);
}

/** Run a scenario with in-house members; `plain` computes the scenario without them and each restricted one. */
export function runWithInHouse(scenario: Scenario, plain: PlainRun): Result<RunResult> {
	const settings = inHouseSettings(scenario);
	const full = runWithoutInHouse(scenario, plain);
	if (!full.ok) return full;
	const ids = scenario.participants.map((p) => p.id);
	const shared = new Map<string, RunResult>();
	const issues: Issue[] = [];
	const rows: ParticipantYear[] = [];
	const reconciliation: Reconciliation[] = [];
	for (const year of full.value.years) {
		const away = inHouseIn(scenario, year);
		if (away.length === 0) {
			rows.push(...full.value.rows.filter((r) => r.year === year));
			reconciliation.push(full.value.reconciliation.find((r) => r.year === year)!);
			continue;
		}
		const stay = ids.filter((id) => !away.includes(id));
		let sharedRun: RunResult | undefined;
		if (stay.length > 0) {
			const result = sharedRunOf(scenario, plain, stay, shared, year);
			if (!result.ok) {
				issues.push(...result.issues);
				continue;
			}
			sharedRun = result.value;
		}
		const computed = yearWithInHouse(scenario, settings, full.value, year, away, sharedRun);
		rows.push(...computed.rows);
		reconciliation.push(computed.reconciliation);
	}
	if (issues.length > 0) return { ok: false, issues };
	const order = new Map(ids.map((id, i) => [id, i]));
	rows.sort((a, b) => a.year - b.year || order.get(a.participant)! - order.get(b.participant)!);
	const warnings = reconciliationWarnings(reconciliation);
	return { ok: true, value: { ...full.value, rows, reconciliation, warnings: [...full.value.warnings, ...warnings] } };
}

export { InHouseError };
