// The uncertain inputs of a comparison (a base and a variant scenario) and its exact evaluation with
// some inputs set to other values. An input is a leaf path; a leaf the variant leaves alone is one
// input shared by both sides, a leaf only one side has (the DVO mark-up) moves that side only, and a
// leaf the variant changed moves both sides together through their own ranges (same probability).
import type { Basis, Confidence, DistributionName } from '../domain/result.ts';
import { comparisonOptions } from '../compare/compare-scenarios.ts';
import { discountFactors, discountedDifferences } from '../compare/compare.ts';
import { hasInHouseMembers } from '../legal-form/in-house-run.ts';
import type { YearDetail } from '../legal-form/compute.ts';
import { ScenarioError, computeYears, deriveComputation, participantTotal, runScenario } from '../legal-form/run.ts';
import { Decimal, formatAmount } from '../money/decimal.ts';
import { listInputs } from '../scenario/inputs.ts';
import type { Leaf, LeafKind, Scenario } from '../scenario/types.ts';
import { assembleCorrelation, leafUncertainty, scenarioLeaves, type LeafUncertainty } from '../scenario/uncertainty.ts';
import { inverseCdf, type Marginal } from './distributions.ts';

/** One side's view of an input: its leaf value and resolved uncertainty. */
export interface InputSide extends LeafUncertainty {
	readonly value: string;
}

/** An uncertain input of a comparison. */
export interface UncertainInput {
	/** The leaf's path in the scenario, e.g. "centrumgemeente.markup.2021-01-01"; also its id. */
	readonly path: string;
	readonly label: { readonly nl: string; readonly en: string };
	readonly basis: Basis;
	readonly confidence?: Confidence;
	readonly kind: LeafKind;
	/** The value and range shown for the input (the base side's, or the variant's when only it has the leaf). */
	readonly value: string;
	readonly low: string;
	readonly high: string;
	readonly distribution: DistributionName;
	readonly explicit: boolean;
	readonly base?: InputSide;
	readonly variant?: InputSide;
}

/** A comparison prepared for analysis: both scenarios, their uncertain inputs and correlations. */
export interface AnalysisPair {
	readonly base: Scenario;
	readonly variant: Scenario;
	readonly participants: readonly string[];
	readonly years: readonly number[];
	readonly inputs: readonly UncertainInput[];
	/** Rank correlations between inputs (indices into `inputs`) and their matrix. */
	readonly correlation: { readonly columns: readonly number[]; readonly matrix: readonly (readonly number[])[] };
}

function labels(scenario: Scenario): Map<string, { nl: string; en: string }> {
	const out = new Map<string, { nl: string; en: string }>();
	const nl = listInputs(scenario, { locale: 'nl' });
	listInputs(scenario, { locale: 'en' }).forEach((input, i) => {
		const key = `${input.path}.${input.from}`;
		const dated = (text: string) => (text.includes(input.from) ? text : `${text}, ${input.from}`);
		out.set(key, { en: dated(input.label), nl: dated(nl[i]!.label) });
	});
	return out;
}

function sideOf(leaf: Leaf | undefined): InputSide | undefined {
	return leaf ? { ...leafUncertainty(leaf), value: leaf.value } : undefined;
}

/**
 * The uncertain inputs of base against variant: every leaf whose range (explicit or default) is wider
 * than a point on at least one side, in the order of the scenario file, with correlations assembled.
 * @throws Error when the correlations do not hold together (validation reports that first)
 */
export function prepareAnalysis(base: Scenario, variant: Scenario): AnalysisPair {
	const baseLeaves = new Map(scenarioLeaves(base).map((l) => [l.path, l]));
	const variantLeaves = new Map(scenarioLeaves(variant).map((l) => [l.path, l]));
	const names = new Map([...labels(variant), ...labels(base)]);
	const paths = [...baseLeaves.keys(), ...[...variantLeaves.keys()].filter((p) => !baseLeaves.has(p))];
	const inputs: UncertainInput[] = [];
	for (const path of paths) {
		const b = baseLeaves.get(path);
		const v = variantLeaves.get(path);
		const bs = sideOf(b);
		const vs = sideOf(v);
		const moves = (s: InputSide | undefined) => s !== undefined && s.low !== s.high;
		if (!moves(bs) && !moves(vs)) continue;
		const leaf = (b ?? v)!;
		const shown = (bs ?? vs)!;
		inputs.push({
			path,
			label: names.get(path) ?? { nl: path, en: path },
			basis: leaf.provenance.basis,
			...(leaf.provenance.confidence ? { confidence: leaf.provenance.confidence } : {}),
			kind: leaf.kind ?? 'rate',
			value: shown.value,
			low: shown.low,
			high: shown.high,
			distribution: shown.distribution,
			explicit: shown.explicit,
			...(bs ? { base: bs } : {}),
			...(vs ? { variant: vs } : {})
		});
	}
	const groups = variant.uncertainty?.correlations ?? base.uncertainty?.correlations ?? [];
	const assembled = assembleCorrelation(
		groups,
		inputs.map((i) => i.path)
	);
	if ('issue' in assembled) throw new Error(`[model] ${assembled.issue.path}: ${assembled.issue.message}`);
	const index = new Map(inputs.map((x, i) => [x.path, i]));
	return {
		base,
		variant,
		participants: base.participants.map((p) => p.id),
		years: Array.from({ length: base.horizon.to - base.horizon.from + 1 }, (_, i) => base.horizon.from + i),
		inputs,
		correlation: { columns: assembled.paths.map((p) => index.get(p)!), matrix: assembled.matrix }
	};
}

/** The marginal of one side of an input, in numbers. */
export function marginalOf(side: InputSide): Marginal {
	return { distribution: side.distribution, value: Number(side.value), low: Number(side.low), high: Number(side.high) };
}

/** A drawn number as the decimal string a leaf holds: cents for money, whole counts whole, else 12 significant digits. */
export function leafText(x: number, kind: LeafKind, integer = false): string {
	if (kind === 'money') return new Decimal(x.toFixed(2)).toFixed(2);
	if (integer) return String(Math.round(x));
	return new Decimal(x.toPrecision(12)).toString();
}

/** The leaf texts of each side for one point u (one uniform per input). */
export function valuesAt(
	pair: AnalysisPair,
	u: ArrayLike<number>
): { base: Map<string, string>; variant: Map<string, string> } {
	const base = new Map<string, string>();
	const variant = new Map<string, string>();
	pair.inputs.forEach((input, i) => {
		if (input.base)
			base.set(input.path, leafText(inverseCdf(marginalOf(input.base), u[i]!), input.kind, input.base.integer));
		if (input.variant)
			variant.set(
				input.path,
				leafText(inverseCdf(marginalOf(input.variant), u[i]!), input.kind, input.variant.integer)
			);
	});
	return { base, variant };
}

/** Where each leaf sits in a scenario object: per leaf path, the keys leading to it from the root. */
const leafLocations = new WeakMap<Scenario, Map<string, (string | number)[][]>>();

function locationsOf(scenario: Scenario): Map<string, (string | number)[][]> {
	let found = leafLocations.get(scenario);
	if (found) return found;
	const out = new Map<string, (string | number)[][]>();
	const visit = (node: unknown, trail: (string | number)[]): void => {
		if (Array.isArray(node)) return node.forEach((x, i) => visit(x, [...trail, i]));
		if (node === null || typeof node !== 'object') return;
		const o = node as Record<string, unknown>;
		if (typeof o.value === 'string' && typeof o.path === 'string' && typeof o.provenance === 'object') {
			const list = out.get(o.path);
			if (list) list.push(trail);
			else out.set(o.path, [trail]);
			return;
		}
		for (const [k, child] of Object.entries(o)) if (k !== 'raw' && k !== 'variants') visit(child, [...trail, k]);
	};
	visit(scenario, []);
	leafLocations.set(scenario, (found = out));
	return found;
}

/** Copy of a scenario with the leaves at the given paths set to other values (structure shared where unchanged). */
export function withLeafValues(scenario: Scenario, values: ReadonlyMap<string, string>): Scenario {
	if (values.size === 0) return scenario;
	const locations = locationsOf(scenario);
	// Copy on write along the trail of each changed leaf; a node copied once is written again in place.
	const copies = new Map<object, Record<string | number, unknown>>();
	const copyOf = (node: object): Record<string | number, unknown> => {
		let copy = copies.get(node);
		if (!copy) copies.set(node, (copy = (Array.isArray(node) ? [...node] : { ...node }) as Record<string, unknown>));
		return copy;
	};
	let root: Record<string | number, unknown> | undefined;
	for (const [path, value] of values)
		for (const trail of locations.get(path) ?? []) {
			let original: unknown = scenario;
			const chain: object[] = [];
			for (const key of trail) {
				chain.push(original as object);
				original = (original as Record<string | number, unknown>)[key];
			}
			const leaf = original as { value: string };
			if (leaf.value === value) continue;
			// Walk down again through the copies, linking each copy to its copied child.
			let parent = (root ??= copyOf(scenario));
			chain.slice(1).forEach((node, i) => {
				const child = copyOf(node);
				parent[trail[i]!] = child;
				parent = child;
			});
			parent[trail.at(-1)!] = { ...leaf, value };
		}
	return (root as unknown as Scenario | undefined) ?? scenario;
}

// Each participant's rounded total of a computed year, kept with the year: a year reused by a
// derived scenario is not added up again.
const yearTotals = new WeakMap<YearDetail, Map<string, Decimal>>();

/**
 * A side's total per participant and year as its run shows it (rounded to cents).
 * @throws ScenarioError when the side cannot be computed
 */
function sideTotals(scenario: Scenario, years: readonly number[]): (participant: string) => Decimal[] {
	if (hasInHouseMembers(scenario)) {
		const byKey = new Map(runScenario(scenario).rows.map((r) => [`${r.participant}|${r.year}`, r.total]));
		return (p) => years.map((y) => new Decimal(rowTotal(byKey.get(`${p}|${y}`), p, y)));
	}
	// The plain run's totals (run.ts, tryRunPlain and toRunResult) without formatting its other figures.
	const { model, years: details } = computeYears(scenario);
	if (model.env.issues.length > 0) throw new ScenarioError(model.env.issues);
	const byYear = new Map(details.map((d) => [d.year, d]));
	return (p) =>
		years.map((y) => {
			const detail = byYear.get(y);
			if (!detail) return new Decimal(rowTotal(undefined, p, y));
			let totals = yearTotals.get(detail);
			if (!totals) yearTotals.set(detail, (totals = new Map()));
			let total = totals.get(p);
			if (!total) totals.set(p, (total = new Decimal(formatAmount(participantTotal(detail, p)))));
			return total;
		});
}

function rowTotal(total: string | undefined, participant: string, year: number): string {
	if (total === undefined)
		throw new Error(
			`[model] no figure for ${participant} in ${year}: compare scenarios over the same years and participants`
		);
	return total;
}

// The discount factors of the latest few rates: a tornado or a break-even search evaluates hundreds of
// times with the same rate, and the powers are the same every time.
const recentFactors: { readonly key: string; readonly factors: readonly Decimal[] }[] = [];
function factorsOf(years: readonly number[], rate: Decimal, referenceYear: number): readonly Decimal[] {
	const key = `${rate.toString()}|${referenceYear}|${years.join(',')}`;
	const known = recentFactors.find((f) => f.key === key);
	if (known) return known.factors;
	const factors = discountFactors(years, rate, referenceYear);
	recentFactors.unshift({ key, factors });
	recentFactors.length = Math.min(recentFactors.length, 8);
	return factors;
}

/** A copy of `scenario` with some leaves changed, computed from the original's results where they read none of them. */
function derived(scenario: Scenario, values: ReadonlyMap<string, string> | undefined): Scenario {
	if (!values || values.size === 0) return scenario;
	const copy = withLeafValues(scenario, values);
	deriveComputation(scenario, copy, values.keys());
	return copy;
}

/** The exact outcome of a comparison: per participant the difference (variant − base) per year, cumulative and NPV. */
export interface ExactOutcome {
	readonly participants: readonly string[];
	readonly years: readonly number[];
	/** delta[p][y] in euros (exact, two decimals). */
	readonly delta: readonly (readonly Decimal[])[];
	readonly cumulative: readonly Decimal[];
	readonly npv: readonly Decimal[];
}

/**
 * Compare the pair on the exact path with some inputs set to other values (per side).
 * @throws ScenarioError when a side cannot be computed
 */
export function evaluateExact(
	pair: AnalysisPair,
	values: { readonly base?: ReadonlyMap<string, string>; readonly variant?: ReadonlyMap<string, string> } = {}
): ExactOutcome {
	const base = derived(pair.base, values.base);
	const variant = derived(pair.variant, values.variant);
	// The figures of compareScenarios (the same rule, differenceFigures, on the same rounded totals)
	// without the per-component rows and sentences an analysis does not read.
	const { discountRate, referenceYear } = comparisonOptions(base);
	const rate = new Decimal(discountRate ?? '0');
	const [baseTotals, variantTotals] = [sideTotals(base, pair.years), sideTotals(variant, pair.years)];
	// The rule of differenceFigures, with the discount factors taken once for all participants.
	const factors = factorsOf(pair.years, rate, referenceYear ?? pair.years[0]!);
	const figures = pair.participants.map((p) => discountedDifferences(baseTotals(p), variantTotals(p), factors));
	return {
		participants: pair.participants,
		years: pair.years,
		delta: figures.map((f) => f.delta),
		cumulative: figures.map((f) => f.cumulative.at(-1)!),
		// Rounded to cents as a comparison's summary shows it.
		npv: figures.map((f) => new Decimal(formatAmount(f.npv)))
	};
}

/** Set one input to `value` on every side that has it (the exact path's one-at-a-time change). */
export function singleInput(
	pair: AnalysisPair,
	path: string,
	value: string
): { base: Map<string, string>; variant: Map<string, string> } {
	const input = pair.inputs.find((i) => i.path === path);
	const has = (s: Scenario) => scenarioLeaves(s).some((l) => l.path === path);
	const base = new Map<string, string>();
	const variant = new Map<string, string>();
	if (input ? input.base : has(pair.base)) base.set(path, value);
	if (input ? input.variant : has(pair.variant)) variant.set(path, value);
	return { base, variant };
}
