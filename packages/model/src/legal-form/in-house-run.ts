// A run with in-house members ("Oegstgeest alone from 2027"): from the year a participant is
// in-house it pays the in-house cost function for its services, plus in its first year the exit
// costs (uittredingsvergoeding to those who stay, frictiekosten, disentangling ICT); those who
// stay share a smaller back office, the scenario restricted to them (its pools scaled by the
// cost function's (F_stay / F_all)^b), computed by the model like any scenario.
import type { Issue, Result } from '../domain/issue.ts';
import {
	COMPONENTS,
	type Component,
	type ParticipantYear,
	type Reconciliation,
	type RunResult
} from '../domain/result.ts';
import { restrictRaw } from '../scenario/restrict.ts';
import { allocateByWeights } from '../money/allocate.ts';
import { Decimal, ZERO, formatAmount, roundToCents, sum, toDecimal } from '../money/decimal.ts';
import { yearDate } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { validateStructure } from '../scenario/validate.ts';
import { InHouseError, groupSize, inHouseCost, inHouseSettings, leafAt } from './in-house.ts';

/** Computes a scenario without in-house members (the ordinary run). */
export type PlainRun = (scenario: Scenario) => Result<RunResult>;

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
	const factor = sum(stay.map((id) => sizes.get(id)!))
		.dividedBy(sum(sizes.values()))
		.pow(exponent);
	// A centrumgemeente whose host leaves is hosted by the largest who stays.
	const host = [...stay].sort((a, b) => sizes.get(b)!.comparedTo(sizes.get(a)!) || ids.indexOf(a) - ids.indexOf(b))[0]!;
	return validateStructure(restrictRaw(scenario.raw, stay, factor, host));
}

/** Run a scenario with in-house members; `plain` computes the scenario without them and each restricted one. */
export function runWithInHouse(scenario: Scenario, plain: PlainRun): Result<RunResult> {
	const settings = inHouseSettings(scenario);
	const cleared = validateStructure({ ...scenario.raw, inHouse: { ...(scenario.raw.inHouse as object), members: {} } });
	if (!cleared.ok) return cleared;
	const full = plain({
		...cleared.value,
		variantId: scenario.variantId,
		lineage: scenario.lineage,
		changeCount: scenario.changeCount
	});
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
			const cacheKey = stay.join(',');
			if (!shared.has(cacheKey)) {
				const restricted = sharedScenario(scenario, stay);
				const result = restricted.ok ? plain(restricted.value) : restricted;
				if (!result.ok) {
					issues.push(...result.issues);
					continue;
				}
				shared.set(cacheKey, result.value);
			}
			sharedRun = shared.get(cacheKey)!;
		}
		const stayRows = stay.map((id) => ({
			...row(sharedRun!, id, year)!,
			inhabitants: row(full.value, id, year)!.inhabitants
		}));
		const transfers = new Map<string, Decimal>();
		let costs = sharedRun ? toDecimal(sharedRun.reconciliation.find((r) => r.year === year)!.costs) : ZERO;
		for (const id of away) {
			const cost = inHouseCost(scenario, [id], year);
			const components = Object.fromEntries(COMPONENTS.map((c) => [c, ZERO])) as Record<Component, Decimal>;
			components.service = cost.total;
			costs = costs.plus(cost.total);
			const member = settings.members.find((m) => m.participant === id)!;
			if (yearDate(year) === member.from || (year === full.value.years[0] && member.from < yearDate(year))) {
				// The first in-house year: the exit costs.
				const inputs: never[] = [];
				const friction = roundToCents(
					leafAt(settings.exitCosts.frictiekosten, year, 'frictiekosten', inputs).times(cost.total)
				);
				const ict = roundToCents(
					leafAt(settings.exitCosts.ictDisentangling, year, 'disentangling ICT', inputs).times(
						cost.services.get(settings.exitCosts.ictPool) ?? ZERO
					)
				);
				const before = row(full.value, id, year - 1) ?? row(full.value, id, year)!;
				const vergoeding = roundToCents(
					leafAt(settings.exitCosts.uittredingsvergoeding, year, 'uittredingsvergoeding', inputs).times(
						toDecimal(before.components.service)
					)
				);
				components.transition = friction.plus(ict).plus(stay.length > 0 ? vergoeding : ZERO);
				costs = costs.plus(friction).plus(ict);
				if (stay.length > 0 && vergoeding.greaterThan(0)) {
					const weights = new Map(stayRows.map((r) => [r.participant, toDecimal(r.components.service).abs()]));
					for (const [pid, part] of allocateByWeights(vergoeding, weights))
						transfers.set(pid, (transfers.get(pid) ?? ZERO).plus(part));
				}
			}
			const pools = Object.fromEntries(
				scenario.pools.map((p) => [p.id, formatAmount(cost.services.get(p.id) ?? ZERO)])
			);
			rows.push(withComponents(row(full.value, id, year)!, 'inhouse', components, pools));
		}
		for (const r of stayRows) {
			const received = transfers.get(r.participant);
			if (!received) rows.push(r);
			else {
				const components = decimals(r);
				components.transition = components.transition.minus(received);
				rows.push(withComponents(r, r.legalForm, components, { ...r.pools }));
			}
		}
		const charged = sum(rows.filter((r) => r.year === year).map((r) => toDecimal(r.total)));
		reconciliation.push({ year, costs: formatAmount(costs), charged: formatAmount(charged) });
	}
	if (issues.length > 0) return { ok: false, issues };
	const order = new Map(ids.map((id, i) => [id, i]));
	rows.sort((a, b) => a.year - b.year || order.get(a.participant)! - order.get(b.participant)!);
	const warnings: Issue[] = reconciliation
		.filter((r) => r.costs !== r.charged)
		.map((r) => ({
			code: 'not_reconciled',
			path: `reconciliation.${r.year}`,
			message: `costs ${r.costs} ≠ charged ${r.charged}`,
			severity: 'warning' as const
		}));
	return { ok: true, value: { ...full.value, rows, reconciliation, warnings: [...full.value.warnings, ...warnings] } };
}

export { InHouseError };
