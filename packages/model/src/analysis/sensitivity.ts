// Sensitivity of a comparison, two ways: the tornado (each input at its low and high end, both sides
// recomputed on the exact path) and variance-based Sobol indices (first-order and total, Saltelli
// design) over a point evaluator, for the NPV of the difference or for one year.
import { Decimal } from '../money/decimal.ts';
import { evaluateExact, type AnalysisPair, type ExactOutcome, type UncertainInput } from './pair.ts';
import { createRandom } from './random.ts';
import { outputWidth, type PointEvaluator } from './simulate.ts';
import { sobolIndices } from './sobol.ts';
import { tornado } from './tornado.ts';

/** Which figure of the outcome: the NPV of the difference (default) or the difference in one year. */
export interface Target {
	readonly year?: number;
}

/** The figure picked from an exact outcome, per participant. */
export function targetValues(pair: AnalysisPair, outcome: ExactOutcome, target: Target): Decimal[] {
	if (target.year === undefined) return [...outcome.npv];
	const y = pair.years.indexOf(target.year);
	if (y < 0)
		throw new RangeError(`[model] ${target.year} is outside the horizon ${pair.years[0]}–${pair.years.at(-1)}`);
	return outcome.delta.map((d) => d[y]!);
}

/** The slot of the target in the point-evaluator layout. */
export function targetSlot(pair: AnalysisPair, target: Target): number {
	if (target.year === undefined) return 0;
	const y = pair.years.indexOf(target.year);
	if (y < 0)
		throw new RangeError(`[model] ${target.year} is outside the horizon ${pair.years[0]}–${pair.years.at(-1)}`);
	return 2 + y;
}

/** Each side of an input set to its own low (or high) end. */
export function endValues(
	input: UncertainInput,
	end: 'low' | 'high'
): { base: Map<string, string>; variant: Map<string, string> } {
	return {
		base: new Map(input.base ? [[input.path, input.base[end]]] : []),
		variant: new Map(input.variant ? [[input.path, input.variant[end]]] : [])
	};
}

/** One row of `sp71 sensitivity`. */
export interface SensitivityRow {
	readonly participant: string;
	readonly input: string;
	readonly path: string;
	readonly basis: string;
	readonly low: string;
	readonly high: string;
	/** The difference (variant − base) with the input at its low and at its high end, in euros. */
	readonly deltaAtLow: string;
	readonly deltaAtHigh: string;
	readonly swing: string;
	/** Sobol indices of the input for this participant's figure (null when not estimated). */
	readonly firstOrder: number | null;
	readonly total: number | null;
}

export interface SensitivityOptions extends Target {
	/** Estimate Sobol indices with this evaluator and base sample size (cost n·(k + 2) evaluations). */
	readonly sobol?: { readonly evaluate: PointEvaluator; readonly n: number; readonly seed: number };
	readonly locale?: 'nl' | 'en';
	readonly onProgress?: (done: number, total: number) => void;
}

/** The exact tornado of a comparison: per participant, the inputs ranked by swing. */
export function scenarioTornado(
	pair: AnalysisPair,
	options: Target & { onProgress?: (done: number, total: number) => void } = {}
) {
	const byPath = new Map(pair.inputs.map((i) => [i.path, i]));
	let done = 0;
	return tornado(
		pair.inputs.map((i) => ({ id: i.path, low: i.low, high: i.high })),
		pair.participants.length,
		(path, value) => {
			const input = byPath.get(path)!;
			const end = value === input.low ? 'low' : 'high';
			const out = targetValues(pair, evaluateExact(pair, endValues(input, end)), options);
			options.onProgress?.(++done, pair.inputs.length * 2);
			return out;
		}
	);
}

function round4(x: number): number {
	return Math.round(x * 1e4) / 1e4;
}

/** The rows of `sp71 sensitivity`: the tornado per participant with the Sobol indices of each input. */
export function sensitivity(pair: AnalysisPair, options: SensitivityOptions = {}): SensitivityRow[] {
	const bars = scenarioTornado(pair, options);
	let first: readonly Float64Array[] | undefined;
	let total: readonly Float64Array[] | undefined;
	if (options.sobol) {
		const slot = targetSlot(pair, options);
		const width = outputWidth(pair);
		const full = new Float64Array(width * pair.participants.length);
		const evaluate = options.sobol.evaluate;
		const r = sobolIndices(
			(u, out) => {
				evaluate(u, full);
				for (let p = 0; p < pair.participants.length; p++) out[p] = full[p * width + slot]!;
			},
			pair.inputs.length,
			pair.participants.length,
			options.sobol.n,
			createRandom(options.sobol.seed)
		);
		first = r.first;
		total = r.total;
	}
	const index = new Map(pair.inputs.map((x, i) => [x.path, i]));
	const locale = options.locale ?? 'en';
	return pair.participants.flatMap((participant, p) =>
		bars[p]!.map((bar) => {
			const i = index.get(bar.input)!;
			const input = pair.inputs[i]!;
			return {
				participant,
				input: input.label[locale],
				path: input.path,
				basis: input.basis,
				low: input.low,
				high: input.high,
				deltaAtLow: bar.atLow.toFixed(2),
				deltaAtHigh: bar.atHigh.toFixed(2),
				swing: bar.swing.toFixed(2),
				firstOrder: first ? round4(Math.max(0, first[p]![i]!)) : null,
				total: total ? round4(Math.max(0, total[p]![i]!)) : null
			};
		})
	);
}
