// Monte Carlo over every uncertain input of a comparison: a seeded Latin hypercube (or plain) sample,
// rank correlations imposed by Iman–Conover, one evaluation per draw, and per participant the
// quantiles, mean and standard errors of the NPV, the cumulative and the yearly difference, and the
// probability that the alternative is cheaper. Runs in chunks, so progress is reported and a run can stop.
import type { AnalysisPair } from './pair.ts';
import { createRandom } from './random.ts';
import { imanConover, sampleUniform, type SamplingDesign } from './sampling.ts';
import { QUANTILE_NAMES, probabilityBelowZero, summarize, type QuantileName, type Summary } from './statistics.ts';

/** The most draws one run may ask for: 100 000 (about 150 MB of draws for the reference comparison). */
export const MAX_DRAWS = 100_000;

/**
 * Evaluates one point (a uniform per input, in `pair.inputs` order) into `out`: per participant p,
 * out[p·(2 + Y)] = NPV of the difference, then the cumulative difference, then the Y yearly differences.
 */
export type PointEvaluator = (u: Float64Array, out: Float64Array) => void;

/** Output layout of a point evaluation: the width per participant. */
export function outputWidth(pair: AnalysisPair): number {
	return 2 + pair.years.length;
}

export interface SimulationOptions {
	readonly draws: number;
	readonly seed: number;
	readonly sampling?: SamplingDesign;
	/** Draws per chunk between progress reports (default 250). */
	readonly chunk?: number;
	readonly onProgress?: (done: number, total: number) => void;
	/** Stops the run between chunks (the run then throws a SimulationCancelled). */
	readonly signal?: AbortSignal;
}

/** Thrown when a run is cancelled through its signal. */
export class SimulationCancelled extends Error {
	constructor(readonly done: number) {
		super(`[model] the simulation was cancelled after ${done} draws`);
		this.name = 'SimulationCancelled';
	}
}

/** The raw draws: the (correlated) uniforms per input, column-major, and the outputs per draw, row-major. */
export interface SimulationDraws {
	readonly n: number;
	readonly k: number;
	readonly seed: number;
	readonly sampling: SamplingDesign;
	readonly u: Float64Array;
	readonly outputs: Float64Array;
	readonly width: number;
}

/** Check a draw count: a whole number from 1 to MAX_DRAWS; returns the message when it is not. */
export function drawsProblem(draws: number): string | undefined {
	if (!Number.isInteger(draws) || draws < 1 || draws > MAX_DRAWS)
		return `draws must be a whole number from 1 to ${MAX_DRAWS} (got ${draws})`;
	return undefined;
}

/** The steps of a run: yields the number of draws done after each chunk and returns the draws. */
export function* simulationSteps(
	pair: AnalysisPair,
	evaluate: PointEvaluator,
	options: SimulationOptions
): Generator<number, SimulationDraws> {
	const problem = drawsProblem(options.draws);
	if (problem) throw new RangeError(`[model] ${problem}`);
	const n = options.draws;
	const k = pair.inputs.length;
	const sampling = options.sampling ?? 'lhs';
	const random = createRandom(options.seed);
	const sample = sampleUniform(n, k, sampling, random);
	if (pair.correlation.columns.length > 1)
		imanConover(sample, pair.correlation.columns, pair.correlation.matrix, random);
	const width = outputWidth(pair);
	const m = width * pair.participants.length;
	const outputs = new Float64Array(n * m);
	const point = new Float64Array(k);
	const chunk = options.chunk ?? 250;
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < k; j++) point[j] = sample.u[j * n + i]!;
		evaluate(point, outputs.subarray(i * m, (i + 1) * m));
		if ((i + 1) % chunk === 0 || i === n - 1) {
			options.onProgress?.(i + 1, n);
			if (options.signal?.aborted && i < n - 1) throw new SimulationCancelled(i + 1);
			yield i + 1;
		}
	}
	return { n, k, seed: options.seed, sampling, u: sample.u, outputs, width };
}

/** Run a simulation to the end in one go (the command line). */
export function runSimulation(
	pair: AnalysisPair,
	evaluate: PointEvaluator,
	options: SimulationOptions
): SimulationDraws {
	const steps = simulationSteps(pair, evaluate, options);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** Run a simulation, giving the event loop a turn after each chunk (a worker then hears "cancel"). */
export async function runSimulationAsync(
	pair: AnalysisPair,
	evaluate: PointEvaluator,
	options: SimulationOptions
): Promise<SimulationDraws> {
	const steps = simulationSteps(pair, evaluate, options);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		await new Promise((resolve) => setTimeout(resolve, 0));
		if (options.signal?.aborted) throw new SimulationCancelled(step.value);
	}
}

/** The outputs of one participant and one slot (0 NPV, 1 cumulative, 2 + y year y) over all draws. */
export function outputColumn(draws: SimulationDraws, participant: number, slot: number): Float64Array {
	const m = draws.outputs.length / draws.n;
	const out = new Float64Array(draws.n);
	for (let i = 0; i < draws.n; i++) out[i] = draws.outputs[i * m + participant * draws.width + slot]!;
	return out;
}

/** A summary as decimal strings in euros (two decimals), with the standard error of each figure. */
export interface AmountSummary {
	readonly p5: string;
	readonly p10: string;
	readonly p50: string;
	readonly p90: string;
	readonly p95: string;
	readonly mean: string;
	readonly stderr: Readonly<Record<QuantileName | 'mean', string>>;
}

function euros(x: number): string {
	const r = Math.round(x * 100) / 100;
	return (Object.is(r, -0) ? 0 : r).toFixed(2);
}

function amounts(s: Summary): AmountSummary {
	return {
		p5: euros(s.p5),
		p10: euros(s.p10),
		p50: euros(s.p50),
		p90: euros(s.p90),
		p95: euros(s.p95),
		mean: euros(s.mean),
		stderr: Object.fromEntries(
			[...QUANTILE_NAMES, 'mean'].map((q) => [q, euros(s.stderr[q as QuantileName])])
		) as Record<QuantileName | 'mean', string>
	};
}

/** What `sp71 simulate` prints: per participant the NPV, cumulative and yearly distributions and P(cheaper). */
export interface SimulationReport {
	readonly draws: number;
	readonly seed: number;
	readonly sampling: SamplingDesign;
	readonly base: string;
	readonly variant: string;
	readonly inputs: number;
	readonly participants: readonly {
		readonly participant: string;
		readonly npv: AmountSummary;
		readonly cumulative: AmountSummary;
		/** The share of draws in which the alternative is cheaper (NPV of the difference below zero). */
		readonly probabilityCheaper: number;
		readonly probabilityCheaperStderr: number;
		/** Per year: the difference's quantiles (the fan chart). */
		readonly perYear: readonly ({ readonly year: number } & AmountSummary)[];
	}[];
	readonly years: readonly number[];
}

/** Summarise the draws of a run. */
export function summarizeSimulation(pair: AnalysisPair, draws: SimulationDraws): SimulationReport {
	return {
		draws: draws.n,
		seed: draws.seed,
		sampling: draws.sampling,
		base: pair.base.variantId ?? pair.base.id,
		variant: pair.variant.variantId ?? pair.variant.id,
		inputs: pair.inputs.length,
		participants: pair.participants.map((participant, p) => {
			const npv = outputColumn(draws, p, 0);
			const cheaper = probabilityBelowZero(npv);
			return {
				participant,
				npv: amounts(summarize(npv)),
				cumulative: amounts(summarize(outputColumn(draws, p, 1))),
				probabilityCheaper: Number(cheaper.p.toFixed(4)),
				probabilityCheaperStderr: Number(cheaper.stderr.toFixed(4)),
				perYear: pair.years.map((year, y) => ({ year, ...amounts(summarize(outputColumn(draws, p, 2 + y))) }))
			};
		}),
		years: pair.years
	};
}
