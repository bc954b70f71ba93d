// The one seam between the app and @sp71/model: every computation the app shows goes through here.
// The app computes nothing the library does not; this file adapts calls and memoises results, so that an
// edit recomputes only what depends on it.
import {
	InHouseError,
	makeIssue,
	METHOD_IDS,
	ScenarioError,
	fairnessReport,
	scenarioGame,
	type FairnessReport,
	type GameBasis,
	applyVariant,
	comparabilityIssues,
	compare,
	comparisonOptions,
	entryAt,
	explainScenario,
	listInputs,
	loadScenarioFromTexts,
	resolveVariant,
	splitEdits,
	summarizeInputs,
	tryRunScenario,
	yearDate,
	type Comparison,
	type InputValue,
	type Issue,
	type Key,
	type Pool,
	type Result,
	type RunResult,
	type Scenario,
	type Series,
	type TraceNode
} from '@sp71/model';
import type { Change, Method } from './state/url.ts';

/** The side of a comparison a page shows: the baseline or the alternative. */
export type Side = 'base' | 'variant';

/** The edits that apply to one side, as plain changes. */
export function changesFor(edits: readonly Change[], side: Side) {
	return splitEdits(edits)[side];
}

export type { Key as KeyData, Pool as PoolData, Scenario as ScenarioData, Series };

/** The scenario files of one scenario folder (or an upload): the baseline text and its variant files. */
export interface ScenarioSource {
	readonly origin: 'builtin' | 'upload';
	readonly file: string;
	readonly text: string;
	readonly variants: Readonly<Record<string, string>>;
}

/** A loaded, validated scenario with the source it came from. */
export interface LoadedScenario {
	readonly id: string;
	readonly title: { readonly nl: string; readonly en: string };
	readonly horizon: { readonly from: number; readonly to: number };
	readonly participants: readonly { readonly id: string; readonly name: string }[];
	readonly variants: readonly { readonly id: string; readonly title: { readonly nl: string; readonly en: string } }[];
	readonly source: ScenarioSource;
	readonly model: Scenario;
}

/** The entry of a dated series in force on 1 January of `year` (the model's rule), if any. */
export function entryInForce<T>(series: Series<T>, year: number) {
	return entryAt(series, yearDate(year));
}

/** Parse and validate one scenario source into a loaded scenario, or all issues. */
export function loadSource(source: ScenarioSource): Result<LoadedScenario> {
	const loaded = loadScenarioFromTexts({ scenario: source.text, file: source.file, variants: { ...source.variants } });
	if (!loaded.ok) return loaded;
	const s = loaded.value;
	return {
		ok: true,
		value: {
			id: s.id,
			title: s.title,
			horizon: s.horizon,
			participants: s.participants,
			variants: s.variants.map((v) => ({ id: v.id, title: v.title })),
			source,
			model: s
		}
	};
}

// Memo tables: keyed by the scenario object (immutable), then by variant, edits or method.
const resolved = new WeakMap<Scenario, Map<string, Result<Scenario>>>();
const edited = new WeakMap<Scenario, Map<string, Result<Scenario>>>();
const runs = new WeakMap<Scenario, Map<string, Result<RunResult>>>();
/** Comparisons by base run, then variant run, then options: an accepted edit is compared only once. */
const comparisons = new WeakMap<RunResult, WeakMap<RunResult, Map<string, Comparison>>>();

function memo<T>(table: WeakMap<Scenario, Map<string, T>>, scenario: Scenario, key: string, compute: () => T): T {
	let entries = table.get(scenario);
	if (!entries) table.set(scenario, (entries = new Map()));
	const hit = entries.get(key);
	if (hit !== undefined) {
		// Refresh its place so the most recently used entries survive the trim below.
		entries.delete(key);
		entries.set(key, hit);
		return hit;
	}
	const value = compute();
	entries.set(key, value);
	if (entries.size > 24) entries.delete(entries.keys().next().value!);
	return value;
}

/**
 * The baseline (variantId null) or a variant, with the user's edits applied last, validated by the model.
 * Edits are applied without the dry run of every year (`dryRun: false`): the run that follows (see
 * computeComparison) reports the same issues, so a keystroke costs one computation instead of two.
 */
export function scenarioWith(
	loaded: LoadedScenario,
	variantId: string | null,
	changes: readonly Change[]
): Result<Scenario> {
	const base = memo(resolved, loaded.model, variantId ?? '', () => resolveVariant(loaded.model, variantId));
	if (!base.ok || changes.length === 0) return base;
	return memo(edited, base.value, JSON.stringify(changes), () =>
		applyVariant(base.value, changes, { id: 'edit', dryRun: false })
	);
}

/** One run of a scenario, memoised per method. */
export function runOf(scenario: Scenario, method: Method | null): Result<RunResult> {
	// "As in the scenario" is the same run as an explicit method when the scenario uses one method throughout.
	const methods = new Set(scenario.allocation.entries.map((e) => e.value?.method));
	const key = method ?? (methods.size === 1 ? String([...methods][0]) : '');
	return memo(runs, scenario, key, () => tryRunScenario(scenario, method ? { method } : {}));
}

export interface Computed {
	readonly base: RunResult;
	readonly variant: RunResult;
	readonly comparison: Comparison;
}

/**
 * Run the baseline and the variant (each with the user's edits for its side and the method override) and
 * compare them.
 */
export function computeComparison(
	loaded: LoadedScenario,
	variantId: string | null,
	edits: readonly Change[],
	method: Method | null,
	year?: number
): Result<Computed> {
	const sides = splitEdits(edits);
	const base = scenarioWith(loaded, null, sides.base);
	if (!base.ok) return base;
	const variant = scenarioWith(loaded, variantId, sides.variant);
	if (!variant.ok) return variant;
	const baseRun = runOf(base.value, method);
	if (!baseRun.ok) return baseRun;
	const variantRun = runOf(variant.value, method);
	if (!variantRun.ok) return variantRun;
	// A variant over other years or towns is refused with the field it changes, never compared in part.
	const notComparable = comparabilityIssues(baseRun.value, variantRun.value);
	if (notComparable.length > 0) return { ok: false, issues: notComparable };
	const options = { ...comparisonOptions(base.value), ...(year !== undefined ? { year } : {}) };
	let byVariant = comparisons.get(baseRun.value);
	if (!byVariant) comparisons.set(baseRun.value, (byVariant = new WeakMap()));
	let byOptions = byVariant.get(variantRun.value);
	if (!byOptions) byVariant.set(variantRun.value, (byOptions = new Map()));
	const key = JSON.stringify(options);
	let comparison = byOptions.get(key);
	if (!comparison) byOptions.set(key, (comparison = compare(baseRun.value, variantRun.value, options)));
	return { ok: true, value: { base: baseRun.value, variant: variantRun.value, comparison } };
}

/** One side as the user sees it: the baseline or the variant with the edits for that side, validated. */
export function applyView(
	loaded: LoadedScenario,
	variantId: string | null,
	edits: readonly Change[],
	side: Side
): Result<Scenario> {
	return scenarioWith(loaded, side === 'base' ? null : variantId, changesFor(edits, side));
}

/** The baseline (with its edits) under each allocation method, for "the three methods side by side". */
export function runAllMethods(
	loaded: LoadedScenario,
	edits: readonly Change[]
): Result<Readonly<Record<Method, RunResult>>> {
	const base = scenarioWith(loaded, null, changesFor(edits, 'base'));
	if (!base.ok) return base;
	const out: Partial<Record<Method, RunResult>> = {};
	for (const method of METHOD_IDS) {
		const run = runOf(base.value, method);
		if (!run.ok) return run;
		out[method] = run.value;
	}
	return { ok: true, value: out as Record<Method, RunResult> };
}

/** Every input of the scenario as the user sees it (variant + edits) and its provenance. */
export function inputsOf(
	loaded: LoadedScenario,
	variantId: string | null,
	edits: readonly Change[],
	side: Side,
	locale: 'nl' | 'en' = 'nl'
): Result<readonly InputValue[]> {
	const scenario = applyView(loaded, variantId, edits, side);
	return scenario.ok ? { ok: true, value: listInputs(scenario.value, { locale }) } : scenario;
}

/** The share of euros that rests on estimates in `year` (0–1, as a decimal string). */
export function estimateShareOf(
	loaded: LoadedScenario,
	variantId: string | null,
	edits: readonly Change[],
	side: Side,
	year: number
): Result<{ readonly share: string; readonly estimated: string; readonly total: string }> {
	const scenario = applyView(loaded, variantId, edits, side);
	if (!scenario.ok) return scenario;
	const { euros } = summarizeInputs(scenario.value, year);
	return { ok: true, value: { share: euros.estimateShare, estimated: euros.estimate, total: euros.total } };
}

/** The trace of one participant-year figure, down to pools, keys, drivers and sources. */
export function explainFigure(
	loaded: LoadedScenario,
	variantId: string | null,
	edits: readonly Change[],
	side: Side,
	method: Method | null,
	participant: string,
	year: number,
	locale: 'nl' | 'en' = 'nl'
): Result<TraceNode> {
	const scenario = applyView(loaded, variantId, edits, side);
	if (!scenario.ok) return scenario;
	try {
		return {
			ok: true,
			value: explainScenario(scenario.value, participant, year, method ? { method, locale } : { locale })
		};
	} catch (error) {
		const issues = (error as { issues?: readonly Issue[] }).issues;
		const reason = (error as Error).message;
		return {
			ok: false,
			issues: issues ?? [
				makeIssue('explain_failed', '', { en: reason, nl: `de uitleg kan niet worden opgebouwd: ${reason}` })
			]
		};
	}
}

/** Every variant of the scenario compared with the baseline, each with the user's edits and the method. */
export function compareEveryVariant(
	loaded: LoadedScenario,
	edits: readonly Change[],
	method: Method | null
): readonly { readonly variantId: string; readonly result: Result<Computed> }[] {
	return loaded.variants.map((v) => ({ variantId: v.id, result: computeComparison(loaded, v.id, edits, method) }));
}

/** The fair shares of the baseline or a variant (with the user's edits), for one year or as NPV (page Eerlijke verdeling). */
export function computeFairness(
	loaded: LoadedScenario,
	variantId: string | null,
	changes: readonly Change[],
	basis: GameBasis
): Result<FairnessReport> {
	const scenario = scenarioWith(loaded, variantId, changes);
	if (!scenario.ok) return scenario;
	try {
		return { ok: true, value: fairnessReport(scenarioGame(scenario.value, basis)) };
	} catch (error) {
		if (error instanceof InHouseError)
			return { ok: false, issues: [makeIssue('fairness_unavailable', error.path, error.texts)] };
		if (error instanceof ScenarioError) return { ok: false, issues: error.issues };
		throw error;
	}
}

/** Whether a variant puts a participant in-house (then it has no cooperative game of its own). */
export function isInHouseVariant(loaded: LoadedScenario, variantId: string): boolean {
	return loaded.model.variants.some(
		(v) => v.id === variantId && v.changes.some((c) => c.set.startsWith('inHouse.members'))
	);
}
