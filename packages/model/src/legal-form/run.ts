// A run: every year of the horizon computed under the legal form in force, as a RunResult with a
// per-year reconciliation (costs = charged, to the cent).
import { makeIssue, type Issue, type Result } from '../domain/issue.ts';
import { formatEuro } from '../vocabulary/format.ts';
import {
	COMPONENTS,
	type Component,
	type ParticipantYear,
	type Reconciliation,
	type RunResult
} from '../domain/result.ts';
import { ZERO, formatAmount, type Decimal } from '../money/decimal.ts';
import { formatCents } from '../money/fixed.ts';
import { isRecording } from '../money/tape.ts';
import { readsOf, type Reads } from '../money/reads.ts';
import type { MethodId, Scenario } from '../scenario/types.ts';
import { ScenarioModel, type YearDetail } from './compute.ts';
import { addUp } from './detail.ts';
import { InHouseError } from './in-house.ts';
import { hasInHouseMembers, runWithInHouse } from './in-house-run.ts';
import { TrackedModel, type Origin } from './incremental.ts';

export interface RunOptions {
	/** Override the scenario's allocation method in every year (the UI shows the three side by side). */
	readonly method?: MethodId;
}

/** A data problem found while computing (a value not in force, a key summing to zero): carries every issue. */
export class ScenarioError extends Error {
	constructor(readonly issues: readonly Issue[]) {
		super(
			`[model] the scenario cannot be computed: ${issues.map((i) => `${i.path}: ${i.message} [${i.code}]`).join('; ')}`
		);
		this.name = 'ScenarioError';
	}
}

// The computation of a scenario object, per method override: a scenario is immutable once
// validated, so its years are computed once however often it is run, compared or explained.
const computations = new WeakMap<Scenario, Map<string, ScenarioModel>>();
// Scenarios derived from another by changing leaf values (deriveComputation), with the changed paths.
const origins = new WeakMap<Scenario, { readonly from: Scenario; readonly changed: Reads }>();

function modelOf(scenario: Scenario, method: MethodId | undefined): ScenarioModel {
	// A kernel being recorded must see every operation on its inputs: compute afresh, and keep nothing.
	if (isRecording()) return new ScenarioModel(scenario, method);
	let byMethod = computations.get(scenario);
	if (!byMethod) computations.set(scenario, (byMethod = new Map()));
	let model = byMethod.get(method ?? '');
	if (!model)
		byMethod.set(
			method ?? '',
			(model = new TrackedModel(scenario, method, originOf(scenario, method), kinOf(scenario, method)))
		);
	return model;
}

// Variants with the scenario they were applied to (relateComputation).
const parents = new WeakMap<Scenario, Scenario>();

/** The computation of the scenario `scenario` was applied to, when it exists (it is never started for this). */
function kinOf(scenario: Scenario, method: MethodId | undefined): (() => TrackedModel | undefined) | undefined {
	const parent = parents.get(scenario);
	if (!parent) return undefined;
	return () => {
		const model = computations.get(parent)?.get(method ?? '');
		return model instanceof TrackedModel ? model : undefined;
	};
}

/**
 * Declare `to` a variant of `from` (any changes): its computation may take `from`'s allocations of the
 * very same problems (compared whole), such as the years before a change of legal form.
 */
export function relateComputation(from: Scenario, to: Scenario): void {
	if (from !== to && !parents.has(to)) parents.set(to, from);
}

function originOf(scenario: Scenario, method: MethodId | undefined): Origin | undefined {
	const derived = origins.get(scenario);
	// In-house settings are read outside the tracked seam (and run through copies): no reuse there.
	if (!derived || hasInHouseMembers(scenario) || hasInHouseMembers(derived.from)) return undefined;
	const model = modelOf(derived.from, method);
	if (!(model instanceof TrackedModel)) return undefined;
	// The origin's years first: a derived scenario reuses only what its origin has computed.
	for (let y = derived.from.horizon.from; y <= derived.from.horizon.to; y++) model.year(y);
	return { model, changed: derived.changed };
}

/**
 * Declare `to` a copy of `from` with the leaves at `changed` set to other values (and nothing else
 * changed): its computation then reuses every result of `from`'s that read none of those leaves.
 */
export function deriveComputation(from: Scenario, to: Scenario, changed: Iterable<string>): void {
	if (from !== to && !origins.has(to)) origins.set(to, { from, changed: readsOf(changed) });
}

/** How many memoised results the computation of `scenario` took from its origin (0 when none). */
export function reusedResults(scenario: Scenario, method?: MethodId): number {
	const model = computations.get(scenario)?.get(method ?? '');
	return model instanceof TrackedModel ? model.reused : 0;
}

/**
 * Let `to` reuse the computation of `from`: for a scenario that differs only in its identity (variant
 * id, lineage, change count, variant list), not in anything the computation reads.
 */
export function shareComputation(from: Scenario, to: Scenario): void {
	const byMethod = computations.get(from);
	if (byMethod && !computations.has(to)) computations.set(to, byMethod);
}

/**
 * Compute every year of the horizon in detail (or from `from` on); issues collect in the returned
 * model's env.
 */
export function computeYears(
	scenario: Scenario,
	options: RunOptions = {},
	from = scenario.horizon.from
): { model: ScenarioModel; years: YearDetail[] } {
	const model = modelOf(scenario, options.method);
	const years: YearDetail[] = [];
	for (let y = Math.max(from, scenario.horizon.from); y <= scenario.horizon.to; y++) years.push(model.year(y));
	return { model, years };
}

/** Compute one year in detail (and the years it depends on); `issues` lists every data issue met. */
export function computeYear(
	scenario: Scenario,
	year: number,
	options: RunOptions = {}
): { detail: YearDetail; issues: readonly Issue[] } {
	// A computation that met issues in other years would report them here too: then compute this year alone.
	const shared = modelOf(scenario, options.method);
	const model = shared.env.issues.length > 0 ? new ScenarioModel(scenario, options.method) : shared;
	const detail = model.year(year);
	return { detail, issues: model.env.issues };
}

/** A participant's total in a year: the sum of its components (a run shows it rounded to cents). */
export function participantTotal(detail: YearDetail, participant: string): Decimal {
	const d = detail.participants.get(participant)!;
	return addUp(COMPONENTS.map((c) => d.components[c]));
}

/**
 * total ÷ inhabitants in cents, rounded half-even, with bigints: when the total is whole cents (at
 * most 40 digits) and the inhabitants a whole number below 10^15; undefined otherwise. It is the
 * text of the Decimal division rounded to cents: that quotient is first rounded to 60 significant
 * digits, but a quotient t / (100·n) that is not a tie at the cent lies at least 1 / (2|t|) of
 * itself away from one (far beyond the 60th digit), and a tie has few digits, so both round alike.
 */
function perInhabitantInCents(total: Decimal, totalText: string, inhabitants: string): string | undefined {
	if (total.decimalPlaces() > 2 || !/^-?\d{1,38}\.\d\d$/.test(totalText) || !/^[1-9]\d{0,14}$/.test(inhabitants))
		return undefined;
	const cents = BigInt(totalText.slice(0, -3) + totalText.slice(-2));
	const n = BigInt(inhabitants);
	const magnitude = cents < 0n ? -cents : cents;
	let q = magnitude / n;
	const twice = 2n * (magnitude % n);
	if (twice > n || (twice === n && q % 2n === 1n)) q++;
	return formatCents(cents < 0n ? -q : q);
}

/** A participant's charge from each pool of the scenario, as amount texts (0.00 for a pool it is not charged by). */
function poolTexts(scenario: Scenario, pools: ReadonlyMap<string, Decimal>): Record<string, string> {
	return Object.fromEntries(scenario.pools.map((pool) => [pool.id, formatAmount(pools.get(pool.id) ?? ZERO)]));
}

/**
 * `row.pools` written when it is first read, in its place among the fields (so JSON, spreading and
 * structured cloning see it like any other): a comparison reads only the totals and components, and
 * a large scenario has a text for every participant, pool and year. The year's figures are final.
 */
function withPoolTexts(row: ParticipantYear, texts: () => Record<string, string>): ParticipantYear {
	let written: Record<string, string> | undefined;
	return Object.defineProperty(row, 'pools', { enumerable: true, get: () => (written ??= texts()) });
}

/** Turn year details into the RunResult the CLI, the web app and comparisons use. */
export function toRunResult(scenario: Scenario, years: readonly YearDetail[]): RunResult {
	const rows: ParticipantYear[] = [];
	const reconciliation: Reconciliation[] = [];
	for (const detail of years) {
		for (const p of scenario.participants) {
			const d = detail.participants.get(p.id)!;
			const components = Object.fromEntries(COMPONENTS.map((c) => [c, formatAmount(d.components[c])])) as Record<
				Component,
				string
			>;
			const total = participantTotal(detail, p.id);
			const totalText = formatAmount(total);
			const inhabitants = detail.inhabitants.get(p.id)?.value ?? ZERO;
			const inhabitantsText = inhabitants.toString();
			const row: ParticipantYear = {
				participant: p.id,
				year: detail.year,
				legalForm: detail.legalForm,
				total: totalText,
				components,
				pools: {},
				perInhabitant: inhabitants.isZero()
					? '0.00'
					: (perInhabitantInCents(total, totalText, inhabitantsText) ?? formatAmount(total.dividedBy(inhabitants))),
				inhabitants: inhabitantsText
			};
			rows.push(withPoolTexts(row, () => poolTexts(scenario, d.pools)));
		}
		reconciliation.push({
			year: detail.year,
			costs: formatAmount(detail.costs),
			charged: formatAmount(detail.charged)
		});
	}
	const warnings: Issue[] = [];
	for (const r of reconciliation)
		if (r.costs !== r.charged)
			warnings.push(
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
	return {
		scenarioId: scenario.lineage[0] ?? scenario.id,
		variantId: scenario.variantId,
		years: years.map((y) => y.year),
		participants: scenario.participants.map((p) => ({ id: p.id, name: p.name })),
		rows,
		reconciliation,
		warnings,
		lineage: scenario.lineage,
		changeCount: scenario.changeCount,
		methods: years.map((y) => ({ year: y.year, method: y.method }))
	};
}

/**
 * Compute a scenario, returning every data issue instead of throwing.
 * @param scenario a validated scenario (a baseline, or one with a variant applied)
 * @param options.method override the allocation method in every year
 */
export function tryRunScenario(scenario: Scenario, options: RunOptions = {}): Result<RunResult> {
	if (hasInHouseMembers(scenario)) {
		// Participants in-house (eigen organisatie) for some years: those who stay share a smaller back office.
		try {
			return runWithInHouse(scenario, (s, from) => tryRunPlain(s, options, from));
		} catch (error) {
			if (error instanceof InHouseError)
				return {
					ok: false,
					issues: [makeIssue('no_value_in_force', error.path, error.texts)]
				};
			throw error;
		}
	}
	return tryRunPlain(scenario, options);
}

/** The run of a scenario without in-house members (every year of its horizon, or from `from` on). */
function tryRunPlain(scenario: Scenario, options: RunOptions, from?: number): Result<RunResult> {
	const { model, years } = computeYears(scenario, options, from);
	if (model.env.issues.length > 0) return { ok: false, issues: model.env.issues };
	return { ok: true, value: toRunResult(scenario, years) };
}

/**
 * Compute a scenario over its horizon: per participant and year the cost by component, and per year the reconciliation.
 * @param scenario a validated scenario (validateScenario / loadScenarioFromTexts / resolveVariant check that it computes)
 * @param options.method override the allocation method in every year
 * @throws ScenarioError when a value is not in force or a key gives no weights (use tryRunScenario to get issues)
 */
export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
	const result = tryRunScenario(scenario, options);
	if (!result.ok) throw new ScenarioError(result.issues);
	return result.value;
}
