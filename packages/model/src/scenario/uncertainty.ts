// The uncertainty format: how sure each number is. A leaf may carry `confidence`, `range` and
// `distribution`; leaves without a range get a documented default by basis and confidence; the
// optional top-level `uncertainty.correlations` says which inputs move together. This module reads
// and checks those fields (every issue with its path) and resolves each leaf's uncertainty.
import { makeIssue, type Issue, type IssueText } from '../domain/issue.ts';
import { formatExact } from '../vocabulary/format.ts';
import type { Basis, Confidence, DistributionName, Provenance } from '../domain/result.ts';
import { Decimal, isDecimalString } from '../money/decimal.ts';
import { smallestEigenvalue } from '../numeric/eigen.ts';
import type { ScenarioIssueCode } from './issue-codes.ts';
import type { Key, Leaf, LeafKind, Scenario, Series } from './types.ts';

export const DISTRIBUTIONS: readonly DistributionName[] = ['uniform', 'triangular', 'normal', 'lognormal', 'fixed'];
export const CONFIDENCES: readonly Confidence[] = ['low', 'medium', 'high'];

/**
 * Half-width of the default range, relative to the value, by basis and confidence. Measured values
 * carry none (a source states them); derived values inherit small errors from their arithmetic;
 * estimates are as wide as their confidence says (an estimate without a confidence counts as medium).
 */
export const DEFAULT_RELATIVE_HALF_WIDTH: {
	readonly measured: number;
	readonly derived: number;
	readonly estimate: Readonly<Record<Confidence, number>>;
} = { measured: 0, derived: 0.05, estimate: { high: 0.1, medium: 0.2, low: 0.35 } };

/** The distribution used when a leaf names none: triangular with the value as its mode. */
export const DEFAULT_DISTRIBUTION: DistributionName = 'triangular';

/** One group of inputs that move together: a common pairwise rank correlation, or a full matrix. */
export interface CorrelationGroup {
	readonly path: string;
	/** Leaf paths or prefixes ("indexation.wage" takes every dated wage index). */
	readonly inputs: readonly string[];
	readonly rho?: number;
	readonly matrix?: readonly (readonly number[])[];
	readonly note?: string;
}

export interface UncertaintySettings {
	readonly correlations: readonly CorrelationGroup[];
}

type IssueFn = (code: ScenarioIssueCode, path: string, message: IssueText) => void;

function isObj(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Read `confidence` and `distribution` of a leaf or key (the range itself is read with the provenance). */
export function readUncertaintyFields(
	o: Record<string, unknown>,
	path: string,
	issue: IssueFn
): { confidence?: Confidence; distribution?: DistributionName } {
	const out: { confidence?: Confidence; distribution?: DistributionName } = {};
	if (o.confidence !== undefined) {
		if (typeof o.confidence === 'string' && (CONFIDENCES as readonly string[]).includes(o.confidence))
			out.confidence = o.confidence as Confidence;
		else
			issue('invalid_confidence', `${path}.confidence`, {
				en: `confidence must be low, medium or high`,
				nl: `confidence moet low, medium of high zijn`
			});
	}
	if (o.distribution !== undefined) {
		if (typeof o.distribution === 'string' && (DISTRIBUTIONS as readonly string[]).includes(o.distribution))
			out.distribution = o.distribution as DistributionName;
		else
			issue('unknown_distribution', `${path}.distribution`, {
				en: `distribution must be one of ${DISTRIBUTIONS.join(', ')}, got ${JSON.stringify(o.distribution) ?? String(o.distribution)}`,
				nl: `distribution moet een van ${DISTRIBUTIONS.join(', ')} zijn, maar is ${JSON.stringify(o.distribution) ?? String(o.distribution)}`
			});
	}
	return out;
}

/** Check a leaf's range against its value and kind: low ≤ value ≤ high, within the kind's bounds, lognormal above zero. */
export function checkLeafUncertainty(leaf: Leaf, issue: IssueFn): void {
	const prov = leaf.provenance;
	const at = leaf.path;
	if (!prov.range) {
		if (prov.distribution === 'lognormal' && !new Decimal(leaf.value).greaterThan(0))
			issue('invalid_distribution', `${at}.distribution`, {
				en: 'a lognormal distribution needs a value above zero',
				nl: 'een lognormale verdeling vraagt een waarde boven nul'
			});
		return;
	}
	const [lowText, highText] = prov.range;
	const low = new Decimal(lowText);
	const high = new Decimal(highText);
	const value = new Decimal(leaf.value);
	if (low.greaterThan(high)) {
		issue('invalid_range', `${at}.range`, {
			en: `the low end ${lowText} lies above the high end ${highText}`,
			nl: `de ondergrens ${lowText} ligt boven de bovengrens ${highText}`
		});
		return;
	}
	if (value.lessThan(low) || value.greaterThan(high))
		issue('value_outside_range', `${at}.range`, {
			en: `the value ${leaf.value} lies outside its own range [${lowText}, ${highText}]`,
			nl: `de waarde ${leaf.value} ligt buiten haar eigen bandbreedte [${lowText}, ${highText}]`
		});
	const bounds = KIND_BOUNDS[leaf.kind ?? 'rate'];
	if (
		(bounds.min !== undefined && low.lessThan(bounds.min)) ||
		(bounds.max !== undefined && high.greaterThan(bounds.max))
	)
		issue('range_out_of_bounds', `${at}.range`, {
			en: `the range [${lowText}, ${highText}] leaves ${bounds.what}`,
			nl: `de bandbreedte [${lowText}, ${highText}] gaat buiten ${bounds.whatNl}`
		});
	if (prov.distribution === 'lognormal' && !low.greaterThan(0))
		issue('invalid_distribution', `${at}.distribution`, {
			en: 'a lognormal distribution needs a range above zero',
			nl: 'een lognormale verdeling vraagt een bandbreedte boven nul'
		});
}

const KIND_BOUNDS: Record<LeafKind, { min?: number; max?: number; what: string; whatNl: string }> = {
	money: { min: 0, what: 'the non-negative amounts', whatNl: 'de bedragen van nul of meer' },
	count: { min: 0, what: 'the non-negative counts', whatNl: 'de aantallen van nul of meer' },
	ratio: { min: 0, max: 1, what: 'the shares between 0 and 1', whatNl: 'de aandelen tussen 0 en 1' },
	rate: { what: '', whatNl: '' }
};

/** A key carries several numbers: a distribution on it cannot say which one it means. */
export function checkKeyUncertainty(key: Key, issue: IssueFn): void {
	if (key.provenance?.distribution)
		issue('distribution_not_numeric', `${key.path}.distribution`, {
			en: 'a distribution belongs on a single number (a leaf { value, … }), not on a key',
			nl: 'een verdeling (distribution) hoort bij één getal (een blad { value, … }), niet bij een verdeelsleutel'
		});
}

/** The uncertainty of one leaf, resolved: its range (explicit or default) and distribution. */
export interface LeafUncertainty {
	readonly low: string;
	readonly high: string;
	readonly distribution: DistributionName;
	/** Whether the range was written in the scenario (false: the default by basis and confidence). */
	readonly explicit: boolean;
	/** A count whose value and range are whole numbers (years, inhabitants) is drawn as a whole number. */
	readonly integer: boolean;
}

function isWholeCount(leaf: Leaf, ...texts: string[]): boolean {
	return leaf.kind === 'count' && texts.every((t) => new Decimal(t).isInteger());
}

/** The default half-width for a basis and confidence (see DEFAULT_RELATIVE_HALF_WIDTH). */
export function defaultHalfWidth(basis: Basis, confidence: Confidence | undefined): number {
	if (basis === 'measured') return DEFAULT_RELATIVE_HALF_WIDTH.measured;
	if (basis === 'derived') return DEFAULT_RELATIVE_HALF_WIDTH.derived;
	return DEFAULT_RELATIVE_HALF_WIDTH.estimate[confidence ?? 'medium'];
}

/** Resolve a leaf's uncertainty: its own range and distribution, or the defaults (clipped to the kind's bounds). */
export function leafUncertainty(leaf: Leaf): LeafUncertainty {
	const prov: Provenance = leaf.provenance;
	if (prov.distribution === 'fixed')
		return { low: leaf.value, high: leaf.value, distribution: 'fixed', explicit: true, integer: false };
	const distribution = prov.distribution ?? DEFAULT_DISTRIBUTION;
	if (prov.range)
		return {
			low: prov.range[0],
			high: prov.range[1],
			distribution,
			explicit: true,
			integer: isWholeCount(leaf, leaf.value, prov.range[0], prov.range[1])
		};
	const half = defaultHalfWidth(prov.basis, prov.confidence);
	const value = new Decimal(leaf.value);
	const integer = isWholeCount(leaf, leaf.value);
	const places = leaf.kind === 'money' ? 2 : integer ? 0 : Math.max(6, value.decimalPlaces());
	const bounds = KIND_BOUNDS[leaf.kind ?? 'rate'];
	const spread = value.abs().times(half);
	let low = value.minus(spread).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
	let high = value.plus(spread).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
	if (bounds.min !== undefined && low.lessThan(bounds.min)) low = new Decimal(bounds.min);
	if (bounds.max !== undefined && high.greaterThan(bounds.max)) high = new Decimal(bounds.max);
	const fmt = (d: Decimal) => (leaf.kind === 'money' ? d.toFixed(2) : d.toString());
	return { low: fmt(low), high: fmt(high), distribution, explicit: false, integer };
}

/** The parts of a scenario that hold leaves. */
export type LeafSections = {
	readonly drivers: Scenario['drivers'];
	readonly pools: Scenario['pools'];
	readonly indexation: { readonly wage?: Series<Leaf> | undefined; readonly price?: Series<Leaf> | undefined };
	readonly gr: Pick<Scenario['gr'], 'governance' | 'ownerCosts'>;
	readonly centrumgemeente?: Scenario['centrumgemeente'] | undefined;
	readonly vat: {
		readonly rate?: Series<Leaf> | undefined;
		readonly bcfCompensable: Scenario['vat']['bcfCompensable'];
	};
	readonly comparison: { readonly discountRate?: Series<Leaf> | undefined };
};

/** Every leaf of a scenario (drivers, pools, indices, GR, centrumgemeente, VAT, comparison), in a stable order. */
export function scenarioLeaves(scenario: LeafSections): Leaf[] {
	const out: Leaf[] = [];
	const series = (s: Series<Leaf> | undefined) => {
		for (const e of s?.entries ?? []) if (e.value) out.push(e.value);
	};
	for (const d of Object.values(scenario.drivers)) for (const s of Object.values(d.values)) series(s);
	for (const p of scenario.pools) {
		series(p.cost);
		series(p.revenue);
		series(p.wageShare);
		series(p.vatTaxableShare);
	}
	series(scenario.indexation.wage);
	series(scenario.indexation.price);
	for (const g of scenario.gr.governance) {
		series(g.cost);
		series(g.wageShare);
	}
	for (const s of Object.values(scenario.gr.ownerCosts)) series(s);
	const c = scenario.centrumgemeente;
	if (c) {
		series(c.transitionYears);
		series(c.markup);
		series(c.efficiency);
		series(c.hostContractManagement);
		for (const s of Object.values(c.partnerContractManagement)) series(s);
		for (const leaf of Object.values(c.transitionCosts?.amounts ?? {})) out.push(leaf);
	}
	series(scenario.vat.rate);
	for (const s of Object.values(scenario.vat.bcfCompensable)) series(s);
	series(scenario.comparison.discountRate);
	return out;
}

/** Whether `pattern` names the leaf at `path`: the path itself, or a prefix ending at a `.` or `[`. */
export function pathMatches(pattern: string, path: string): boolean {
	// Compared in place, without building the two prefixes: every leaf is matched against every input.
	if (path === pattern) return true;
	const next = path.charCodeAt(pattern.length);
	return (next === 46 /* . */ || next === 91) /* [ */ && path.startsWith(pattern);
}

/** The largest correlation matrix size checked (a matrix over more inputs is refused, with this reason). */
export const MAX_CORRELATED_INPUTS = 500;

function readRho(value: unknown, path: string, issue: IssueFn): number | undefined {
	const n =
		typeof value === 'number' ? value : typeof value === 'string' && isDecimalString(value) ? Number(value) : NaN;
	if (!Number.isFinite(n) || n < -1 || n > 1) {
		issue('invalid_correlation', path, {
			en: `a correlation is a number between -1 and 1, got ${JSON.stringify(value)}`,
			nl: `een correlatie is een getal tussen -1 en 1, maar is ${JSON.stringify(value)}`
		});
		return undefined;
	}
	return n;
}

/**
 * Read the top-level `uncertainty` section and check it against the scenario's leaves: every input
 * names a leaf, no pair is given two correlations, and the assembled matrix is positive semi-definite.
 */
export function readUncertaintySection(
	raw: unknown,
	leaves: readonly Leaf[],
	issue: IssueFn
): UncertaintySettings | undefined {
	if (raw === undefined) return undefined;
	if (!isObj(raw)) {
		issue('invalid_type', 'uncertainty', {
			en: 'uncertainty must be a map { correlations: [...] }',
			nl: 'uncertainty moet een object { correlations: [...] } zijn'
		});
		return undefined;
	}
	for (const k of Object.keys(raw))
		if (k !== 'correlations')
			issue('unknown_field', `uncertainty.${k}`, {
				en: `unknown field "${k}" in uncertainty`,
				nl: `onbekend veld "${k}" in uncertainty`
			});
	const groups: CorrelationGroup[] = [];
	if (raw.correlations === undefined) return { correlations: [] };
	if (!Array.isArray(raw.correlations)) {
		issue('invalid_type', 'uncertainty.correlations', {
			en: 'correlations must be a list of { inputs, rho | matrix }',
			nl: 'correlations moet een lijst van { inputs, rho | matrix } zijn'
		});
		return undefined;
	}
	let ok = true;
	const fail: IssueFn = (c, p, m) => {
		ok = false;
		issue(c, p, m);
	};
	raw.correlations.forEach((g, i) => {
		const group = readCorrelationGroup(g, `uncertainty.correlations[${i}]`, leaves, fail);
		if (group) groups.push(group);
	});
	if (!ok) return undefined;
	const assembled = assembleCorrelation(
		groups,
		leaves.map((l) => l.path)
	);
	if ('issue' in assembled) {
		issue(
			assembled.issue.code as ScenarioIssueCode,
			assembled.issue.path,
			assembled.issue.messages ?? assembled.issue.message
		);
		return undefined;
	}
	return { correlations: groups };
}

/** One entry of `uncertainty.correlations`: its inputs name leaves, it has a note, and rho or a valid matrix. */
function readCorrelationGroup(
	g: unknown,
	at: string,
	leaves: readonly Leaf[],
	fail: IssueFn
): CorrelationGroup | undefined {
	if (!isObj(g))
		return void fail('invalid_type', at, {
			en: 'a correlation is a map { inputs, rho | matrix, note }',
			nl: 'een correlatie is een object { inputs, rho | matrix, note }'
		});
	for (const k of Object.keys(g))
		if (!['inputs', 'rho', 'matrix', 'note'].includes(k))
			fail('unknown_field', `${at}.${k}`, { en: `unknown field "${k}"`, nl: `onbekend veld "${k}"` });
	if (!Array.isArray(g.inputs) || g.inputs.length < 1 || !g.inputs.every((x) => typeof x === 'string'))
		return void fail('invalid_type', `${at}.inputs`, {
			en: 'inputs must be a list of input paths (or prefixes)',
			nl: 'inputs moet een lijst van paden naar invoer (of het begin daarvan) zijn'
		});

	const inputs = g.inputs as string[];
	inputs.forEach((p, j) => {
		if (!leaves.some((l) => pathMatches(p, l.path)))
			fail('unknown_input', `${at}.inputs[${j}]`, {
				en: `no number at "${p}" (give a leaf path such as indexation.wage.2023-01-01)`,
				nl: `er staat geen getal op "${p}" (geef het pad van een blad, zoals indexation.wage.2023-01-01)`
			});
	});
	const known = inputs.every((p) => leaves.some((l) => pathMatches(p, l.path)));
	if (known && leaves.filter((l) => inputs.some((p) => pathMatches(p, l.path))).length < 2)
		fail('invalid_correlation', `${at}.inputs`, {
			en: 'a correlation needs at least two numbers',
			nl: 'een correlatie vraagt minstens twee getallen'
		});
	if (typeof g.note !== 'string' || g.note.trim() === '')
		fail('missing_provenance', `${at}.note`, {
			en: 'a correlation is an assumption: give its basis in a note',
			nl: 'een correlatie is een aanname: geef in een toelichting (note) waarop die berust'
		});
	if ((g.rho === undefined) === (g.matrix === undefined))
		return void fail('invalid_correlation', at, {
			en: 'give either rho (one correlation for every pair) or matrix',
			nl: 'geef óf rho (één correlatie voor elk paar) óf matrix'
		});
	let rho: number | undefined;
	let matrix: number[][] | undefined;
	if (g.rho !== undefined) rho = readRho(g.rho, `${at}.rho`, fail);
	else {
		matrix = readMatrix(g.matrix, at, inputs.length, fail);
		if (!matrix) return undefined;
	}
	return {
		path: at,
		inputs,
		...(rho !== undefined ? { rho } : {}),
		...(matrix ? { matrix } : {}),
		...(typeof g.note === 'string' ? { note: g.note } : {})
	};
}

/** A correlation matrix: size × size, numbers in [−1, 1], a diagonal of 1, symmetric. */
function readMatrix(m: unknown, at: string, size: number, fail: IssueFn): number[][] | undefined {
	if (!Array.isArray(m) || m.length !== size || !m.every((row) => Array.isArray(row) && row.length === size))
		return void fail('invalid_correlation', `${at}.matrix`, {
			en: `matrix must be ${size} × ${size}, one row per input`,
			nl: `matrix moet ${size} × ${size} zijn, één rij per invoer`
		});
	const matrix = (m as unknown[][]).map((row, a) =>
		row.map((x, b) => readRho(x, `${at}.matrix[${a}][${b}]`, fail) ?? 0)
	);
	for (let a = 0; a < matrix.length; a++) {
		if (matrix[a]![a] !== 1)
			fail('invalid_correlation', `${at}.matrix[${a}][${a}]`, {
				en: 'the diagonal of a correlation matrix is 1',
				nl: 'de diagonaal van een correlatiematrix is 1'
			});
		for (let b = 0; b < a; b++)
			if (matrix[a]![b] !== matrix[b]![a])
				fail('invalid_correlation', `${at}.matrix[${a}][${b}]`, {
					en: 'a correlation matrix is symmetric',
					nl: 'een correlatiematrix is symmetrisch'
				});
	}
	return matrix;
}

/** The correlated inputs (leaf paths) and their full correlation matrix, assembled from the groups. */
export interface CorrelationMatrix {
	readonly paths: readonly string[];
	readonly matrix: readonly (readonly number[])[];
}

/** Assemble the groups over the leaf paths they name; a pair given twice differently, or a matrix that is not PSD, is an issue. */
export function assembleCorrelation(
	groups: readonly CorrelationGroup[],
	leafPaths: readonly string[]
): CorrelationMatrix | { issue: Issue } {
	const index = new Map<string, number>();
	const paths: string[] = [];
	const expanded = groups.map((g) =>
		g.inputs.map((pattern) => {
			const hits = leafPaths.filter((p) => pathMatches(pattern, p));
			for (const h of hits)
				if (!index.has(h)) {
					index.set(h, paths.length);
					paths.push(h);
				}
			return hits;
		})
	);
	if (paths.length > MAX_CORRELATED_INPUTS)
		return {
			issue: makeIssue('too_many_correlated_inputs', 'uncertainty.correlations', {
				en: `at most ${MAX_CORRELATED_INPUTS} correlated inputs (the check of the matrix grows with the cube of its size)`,
				nl: `hoogstens ${MAX_CORRELATED_INPUTS} gecorreleerde invoergetallen (de controle van de matrix groeit met de derde macht van de omvang)`
			})
		};
	const n = paths.length;
	const m: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
	const set = new Array<boolean>(n * n).fill(false);
	for (let gi = 0; gi < groups.length; gi++) {
		const g = groups[gi]!;
		const ex = expanded[gi]!;
		for (let a = 0; a < ex.length; a++)
			for (let b = 0; b < ex.length; b++) {
				const r = g.rho !== undefined ? (a === b ? g.rho : g.rho) : g.matrix![a]![b]!;
				for (const pa of ex[a]!)
					for (const pb of ex[b]!) {
						if (pa === pb) continue;
						const i = index.get(pa)!;
						const j = index.get(pb)!;
						if (set[i * n + j] && m[i]![j] !== r)
							return {
								issue: makeIssue('conflicting_correlation', g.path, {
									en: `${pa} and ${pb} are given two different correlations`,
									nl: `${pa} en ${pb} krijgen twee verschillende correlaties`
								})
							};
						m[i]![j] = r;
						set[i * n + j] = true;
					}
			}
	}
	const smallest = smallestEigenvalue(m);
	if (smallest < -1e-9)
		return {
			issue: makeIssue('not_positive_semidefinite', 'uncertainty.correlations', {
				en: `the correlations cannot hold together: the matrix is not positive semi-definite (smallest eigenvalue ${smallest.toPrecision(3)})`,
				nl: `de correlaties kunnen niet samen gelden: de matrix is niet positief semidefiniet (kleinste eigenwaarde ${formatExact(smallest.toPrecision(3), 'nl')})`
			})
		};
	return { paths, matrix: m };
}
