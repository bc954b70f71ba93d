// Loading a scenario from texts (the CLI reads files, the web app passes bundled texts), validating it
// completely (structure, then a dry run that finds values not in force), and resolving variants.
import { makeIssue, type Issue, type Result } from '../domain/issue.ts';
import {
	computeYears,
	deriveComputation,
	relateComputation,
	shareComputation,
	tryRunScenario
} from '../legal-form/run.ts';
import { changedLeafPaths } from '../scenario/leaf-changes.ts';
import { hasInHouseMembers } from '../legal-form/in-house-run.ts';
import { parseScenarioText, withPositions } from '../scenario/parse.ts';
import type { Change, Scenario, Variant } from '../scenario/types.ts';
import { validateStructure, validateVariant, type ValidateOptions } from '../scenario/validate.ts';
import { applyChangesShared, parsePath } from '../scenario/variant.ts';
import { isSealed, sealRaw } from '../scenario/sealed.ts';
import { markValidated } from '../scenario/validated.ts';

/** The texts of a scenario: the baseline and (for a folder) its variant files by file name. */
export interface ScenarioTexts {
	readonly scenario: string;
	/** File name of the baseline, reported in issues (default "scenario.yaml"). */
	readonly file?: string;
	readonly variants?: Readonly<Record<string, string>>;
}

function withFile(issues: readonly Issue[], file: string | undefined): Issue[] {
	return issues.map((i) => (file && !i.file ? { ...i, file } : i));
}

/**
 * Validate raw scenario data completely: structure, provenance, ids and dates, and a dry run that
 * reports every value not in force in a year of the horizon.
 * @param raw parsed YAML/JSON
 * @param options.file file name reported in issues
 */
export function validateScenario(raw: unknown, options: ValidateOptions = {}): Result<Scenario> {
	const structure = validateStructure(raw, options);
	if (!structure.ok) return structure;
	return dryRun(structure, options.file);
}

/** The dry run of a structurally valid scenario: every value a year of the horizon reads must be in force. */
function dryRun(structure: Result<Scenario> & { ok: true }, file: string | undefined): Result<Scenario> {
	const { model } = computeYears(structure.value);
	if (model.env.issues.length > 0) return { ok: false, issues: withFile(model.env.issues, file) };
	if (hasInHouseMembers(structure.value)) {
		const run = tryRunScenario(structure.value);
		if (!run.ok) return { ok: false, issues: withFile(run.issues, file) };
	}
	return structure;
}

// Sections the ordinary computation of the years never reads: the in-house run and the fairness and
// uncertainty analyses read them on top of it. A variant that changes only these computes the same
// years as the scenario it is applied to, with the same issues.
const OUTSIDE_YEAR_COMPUTATION: ReadonlySet<string> = new Set(['inHouse', 'fairness', 'uncertainty']);

/** Whether every change sets a field inside a section the computation of the years does not read. */
function leavesYearsUnchanged(changes: readonly Change[]): boolean {
	return (
		changes.length > 0 &&
		changes.every((c) => {
			const first = parsePath(c.set)?.[0];
			return first !== undefined && first.select === undefined && OUTSIDE_YEAR_COMPUTATION.has(first.name);
		})
	);
}

/** Options of loadScenarioFromTexts. */
export interface LoadOptions {
	/**
	 * The variants to apply and dry-run (with the variants they stack on); the others are checked for
	 * their structure only. Default: every variant. A command that computes one variant needs only it.
	 */
	readonly dryRunVariants?: readonly string[];
}

/**
 * Parse and validate a scenario from its texts, with its variant files; every variant is checked too.
 * @param texts { scenario, file?, variants?: { 'centrumgemeente-leiden.yaml': text } }
 * @param options.dryRunVariants apply and dry-run only these variants (default all)
 * @returns the baseline Scenario (its `variants` list holds inline and file variants), or every issue
 */
export function loadScenarioFromTexts(texts: ScenarioTexts, options: LoadOptions = {}): Result<Scenario> {
	const file = texts.file ?? 'scenario.yaml';
	// The parsed data is the model's own from here on: sealed, so that what is read from it can be kept.
	const parsed = parseScenarioText(texts.scenario, file);
	if (parsed.ok) sealRaw(parsed.value);
	const issues: Issue[] = [];
	const variants: Variant[] = [];
	for (const [name, text] of Object.entries(texts.variants ?? {})) {
		const p = parseScenarioText(text, name);
		if (!p.ok) {
			for (const issue of p.issues) issues.push(issue);
			continue;
		}
		sealRaw(p.value);
		const v = validateVariant(p.value, { file: name });
		if (!v.ok) for (const issue of withPositions(v.issues, text, name)) issues.push(issue);
		else variants.push(v.value);
	}
	if (!parsed.ok) return { ok: false, issues: [...parsed.issues, ...issues] };
	const base = validateScenario(parsed.value, { file });
	if (!base.ok) return { ok: false, issues: [...withPositions(base.issues, texts.scenario, file), ...issues] };
	const all = [...base.value.variants, ...variants];
	const seen = new Set<string>();
	for (const v of all) {
		if (seen.has(v.id) || v.id === base.value.id)
			issues.push(
				makeIssue(
					'duplicate_id',
					'id',
					{ en: `variant id "${v.id}" is used twice`, nl: `de id "${v.id}" van een variant wordt twee keer gebruikt` },
					v.file ? { file: v.file } : {}
				)
			);
		seen.add(v.id);
	}
	if (issues.length > 0) return { ok: false, issues };
	const scenario: Scenario = markValidated({ ...base.value, variants: all });
	shareComputation(base.value, scenario);
	const resolved = new Map<string, Result<Scenario>>();
	const checked = options.dryRunVariants ? new Set(options.dryRunVariants) : undefined;
	for (const v of all) {
		if (checked && !checked.has(v.id)) continue;
		const r = resolveChain(scenario, v.id, {}, resolved);
		if (!r.ok) {
			const located = r.issues.map((i) =>
				i.file ? i : { ...i, file: v.file ?? file, path: i.path ? i.path : `variants[id=${v.id}]` }
			);
			// Change paths point into the variant's own file (or the inline list of the scenario file).
			const variantText = v.file ? texts.variants?.[v.file] : undefined;
			issues.push(
				...located.map((i) =>
					variantText !== undefined && i.file === v.file
						? atChange(withPositions([i], variantText)[0]!, v, '', variantText)
						: !v.file && i.path.startsWith('variants[')
							? withPositions([i], texts.scenario)[0]!
							: !v.file && i.file === file
								? atChange(i, v, `variants[id=${v.id}].`, texts.scenario)
								: i
				)
			);
		}
	}
	if (issues.length > 0) return { ok: false, issues };
	return { ok: true, value: scenario, ...(base.warnings ? { warnings: base.warnings } : {}) };
}

/**
 * An issue about what a variant's change made of the scenario (a field the format does not know, a
 * value out of range) names the scenario's path, which the variant's text does not hold: it is placed
 * at the change that set that path (`prefix` leads to the variant's changes in `text`).
 */
function atChange(issue: Issue, variant: Variant, prefix: string, text: string): Issue {
	if (issue.line !== undefined || issue.path === '') return issue;
	const sets = (c: Change) =>
		issue.path === c.set || issue.path.startsWith(`${c.set}.`) || issue.path.startsWith(`${c.set}[`);
	const k = variant.changes.findIndex(sets);
	if (k < 0) return issue;
	const placed = withPositions([{ ...issue, path: `${prefix}changes[${k}].set` }], text)[0]!;
	return placed.line === undefined
		? issue
		: { ...issue, line: placed.line, ...(placed.column !== undefined ? { column: placed.column } : {}) };
}

/** The chain of variants from the baseline to `variantId` (baseline-most first). */
function variantChain(scenario: Scenario, variantId: string): Result<Variant[]> {
	const baseId = scenario.lineage[0] ?? scenario.id;
	const chain: Variant[] = [];
	let id = variantId;
	let child: Variant | undefined;
	while (id !== baseId) {
		const v = scenario.variants.find((x) => x.id === id);
		// A missing base is the fault of the variant that names it: point at its base field.
		if (!v && child)
			return {
				ok: false,
				issues: [
					makeIssue(
						'unknown_base',
						'base',
						{
							en: `the base "${id}" of variant "${child.id}" is neither the baseline (${baseId}) nor a variant (known: ${scenario.variants.map((x) => x.id).join(', ') || 'none'})`,
							nl: `de basis "${id}" van variant "${child.id}" is niet het basisscenario (${baseId}) en geen variant (bekend: ${scenario.variants.map((x) => x.id).join(', ') || 'geen'})`
						},
						child.file ? { file: child.file } : {}
					)
				]
			};
		if (!v)
			return {
				ok: false,
				issues: [
					makeIssue('unknown_variant', 'variant', {
						en: `no variant "${id}" (known: ${scenario.variants.map((x) => x.id).join(', ') || 'none'})`,
						nl: `er is geen variant "${id}" (bekend: ${scenario.variants.map((x) => x.id).join(', ') || 'geen'})`
					})
				]
			};
		if (chain.some((x) => x.id === v.id))
			return {
				ok: false,
				issues: [
					makeIssue(
						'variant_cycle',
						'base',
						{ en: `variants form a cycle through "${v.id}"`, nl: `de varianten vormen een kringloop via "${v.id}"` },
						v.file ? { file: v.file } : {}
					)
				]
			};
		chain.unshift(v);
		child = v;
		id = v.base;
	}
	return { ok: true, value: chain };
}

/**
 * Apply changes to a scenario and validate the result (changes at paths that do not exist are issues).
 * @param scenario a validated scenario (baseline or variant)
 * @param changes changes in the variant format: { set, from?, value, rationale? }
 * @param options.id the id recorded as variantId and appended to the lineage (default "edit")
 * @param options.dryRun false: check only the structure, not that every value is in force (default true)
 */
export function applyVariant(
	scenario: Scenario,
	changes: readonly Change[],
	options: { id?: string; path?: string; file?: string; dryRun?: boolean } = {}
): Result<Scenario> {
	const path = options.path ?? 'changes';
	// The result shares with `scenario.raw` what the changes leave alone: neither is modified once validated.
	const applied = applyChangesShared(scenario.raw, changes, path);
	if (applied.issues.length > 0) return { ok: false, issues: withFile(applied.issues, options.file) };
	// What it shares with a sealed raw is sealed; the rest it made itself (changes are copied in).
	if (isSealed(scenario.raw)) sealRaw(applied.raw);
	const fileOption = options.file ? { file: options.file } : {};
	// Without the dry run only the structure is checked; tryRunScenario then reports values not in force.
	const structure = validateStructure(applied.raw, fileOption);
	if (!structure.ok) return structure;
	// Changes the years do not read leave the computation of `scenario` (if it has one) valid: reuse it.
	const unchanged = leavesYearsUnchanged(changes);
	if (unchanged) shareComputation(scenario, structure.value);
	// Other changes may leave some years' allocations as they were: the variant may take those; and
	// changes that only replace dated series (numbers, keys, methods, legal forms) leave every result
	// that read none of the changed leaves or looked those series up only in years where they hold as before.
	const leaves = unchanged ? undefined : changedLeafPaths(scenario, structure.value, changes);
	const relate = (to: Scenario) => {
		relateComputation(scenario, to);
		if (leaves) deriveComputation(scenario, to, leaves);
	};
	if (!unchanged) relate(structure.value);
	const validated = options.dryRun === false ? structure : dryRun(structure, options.file);
	if (!validated.ok) return validated;
	// A field name a change introduced that the format does not know would be silently ignored: make it an error.
	const unknown = (validated.warnings ?? []).filter(
		(w) =>
			w.code === 'unknown_field' &&
			changes.some((c) => w.path === c.set || w.path.startsWith(`${c.set}.`) || c.set.startsWith(`${w.path}.`))
	);
	if (unknown.length > 0)
		return {
			ok: false,
			issues: unknown.map((w) =>
				makeIssue(
					'unknown_path',
					w.path,
					{
						en: `a change sets "${w.path}", which the scenario format does not know`,
						nl: `een wijziging zet "${w.path}", maar dat kent het scenarioformaat niet`
					},
					options.file ? { file: options.file } : {}
				)
			)
		};
	const id = options.id ?? 'edit';
	const value: Scenario = markValidated({
		...validated.value,
		variants: scenario.variants,
		variantId: id,
		lineage: [...scenario.lineage, id],
		changeCount: scenario.changeCount + changes.length
	});
	// The dry run computed every year already: running the variant reuses it.
	shareComputation(validated.value, value);
	if (!unchanged) relate(value);
	return { ok: true, value };
}

/**
 * The scenario with a variant (and the variants it stacks on) applied, plus optional extra inline changes
 * (the web app stores edits as such changes).
 * @param scenario the baseline from loadScenarioFromTexts
 * @param variantId a variant id, or null for the baseline
 * @param extraChanges applied last; recorded in the lineage as "edit"
 * @param options.dryRun false: check only the structure (faster for live edits; run with tryRunScenario)
 */
export function resolveVariant(
	scenario: Scenario,
	variantId: string | null,
	extraChanges: readonly Change[] = [],
	options: { dryRun?: boolean } = {}
): Result<Scenario> {
	const dry = options.dryRun === false ? { dryRun: false } : {};
	let current: Scenario = scenario;
	if (variantId !== null && variantId !== (scenario.lineage[0] ?? scenario.id)) {
		const resolved = resolveChain(scenario, variantId, dry);
		if (!resolved.ok) return resolved;
		current = resolved.value;
	}
	if (extraChanges.length > 0) {
		const r = applyVariant(current, extraChanges, { id: 'edit', ...dry });
		if (!r.ok) return r;
		current = r.value;
	}
	return { ok: true, value: current };
}

/**
 * A variant with the variants it stacks on applied, each step validated. With `cache` (variant id →
 * result) a variant that several others stack on is applied and dry-run once.
 */
function resolveChain(
	scenario: Scenario,
	variantId: string,
	dry: { dryRun?: boolean },
	cache?: Map<string, Result<Scenario>>
): Result<Scenario> {
	const chain = variantChain(scenario, variantId);
	if (!chain.ok) return chain;
	let current: Scenario = scenario;
	for (const v of chain.value) {
		let r = cache?.get(v.id);
		if (!r) {
			r = applyVariant(current, v.changes, {
				id: v.id,
				path: v.file ? 'changes' : `variants[id=${v.id}].changes`,
				...(v.file ? { file: v.file } : {}),
				...dry
			});
			cache?.set(v.id, r);
		}
		if (!r.ok) return r;
		current = r.value;
	}
	return { ok: true, value: current };
}

/** The variant definition by id, if any. */
export function findVariant(scenario: Scenario, variantId: string): Variant | undefined {
	return scenario.variants.find((v) => v.id === variantId);
}
