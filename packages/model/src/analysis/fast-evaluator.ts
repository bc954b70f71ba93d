// The fast path for many draws: both sides of a comparison run once on the exact path in recording
// mode, so that every operation on an uncertain leaf is also written to a numeric kernel (a tape,
// money/tape.ts); a draw then replays the kernel in float64. The rules stay defined once, in the
// legal-form modules. A draw that would take another branch than the recording (a guard fails) is
// evaluated on the exact path instead, and counted.
import { comparisonOptions } from '../compare/compare-scenarios.ts';
import { differenceFigures } from '../compare/compare.ts';
import { hasInHouseMembers } from '../legal-form/in-house-run.ts';
import { computeYears, participantTotal } from '../legal-form/run.ts';
import { roundToCents, toDecimal, type Decimal } from '../money/decimal.ts';
import { recordKernel, recordedLeaf, roundFloat, runKernel, type Kernel } from '../money/tape.ts';
import { entryAt, yearDate } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { inverseCdf, type Marginal } from './distributions.ts';
import { exactEvaluator } from './exact-evaluator.ts';
import { marginalOf, type AnalysisPair } from './pair.ts';
import { outputWidth, type PointEvaluator } from './simulate.ts';

/** How a fast evaluator's draws went: on the kernel, or on the exact path after a failed guard. */
export interface EvaluationStats {
	/** Whether the kernel is in use (false: every draw runs on the exact path, with the reason). */
	readonly kernel: boolean;
	readonly reason?: string;
	readonly instructions: number;
	readonly guards: number;
	draws: number;
	fallbacks: number;
}

/** A point evaluator that counts its draws and fallbacks. */
export type CountingEvaluator = PointEvaluator & { readonly stats: EvaluationStats };

const ROUND_HALF_EVEN = 6;

/** One side's input slots of the kernel: the input's index in the pair, its node, its marginal and rounding. */
interface Slot {
	readonly input: number;
	readonly node: number;
	readonly marginal: Marginal;
	readonly money: boolean;
	readonly integer: boolean;
}

/** The recorded kernel of a pair and the nodes of its outputs (per participant: NPV, cumulative, years). */
export interface PairKernel {
	readonly kernel: Kernel;
	readonly outputs: Int32Array;
	readonly slots: readonly Slot[];
}

function sideTotals(scenario: Scenario, participants: readonly string[]): Decimal[][] {
	const { model, years } = computeYears(scenario);
	if (model.env.issues.length > 0) throw new Error('[model] the scenario does not compute at its nominal values');
	return participants.map((p) => years.map((detail) => roundToCents(participantTotal(detail, p))));
}

/** The discount rate of the comparison, recorded as an input when it is uncertain. */
function discountRate(base: Scenario): Decimal {
	const options = comparisonOptions(base);
	const series = base.comparison.discountRate;
	const entry = series ? entryAt(series, yearDate(base.referenceYear)) : undefined;
	return entry?.value ? recordedLeaf(entry.value.path, toDecimal(entry.value.value)) : toDecimal(options.discountRate!);
}

/**
 * Record the kernel of a pair: both sides' totals per participant and year, their difference, its
 * running sum and its NPV, with the uncertain leaves as inputs.
 * @throws TapeUnsupported when the computation uses an operation the kernel cannot replay
 */
export function recordPair(pair: AnalysisPair): PairKernel {
	// A leaf both sides hold with the same value and uncertainty is one input of the kernel, so the
	// arithmetic the two sides share is recorded once.
	const wanted = new Map<string, string>();
	pair.inputs.forEach((input) => {
		const same = input.base && input.variant && JSON.stringify(input.base) === JSON.stringify(input.variant);
		if (input.base) wanted.set(`base|${input.path}`, same ? `both|${input.path}` : `base|${input.path}`);
		if (input.variant) wanted.set(`variant|${input.path}`, same ? `both|${input.path}` : `variant|${input.path}`);
	});
	const { result, kernel } = recordKernel(wanted, (recorder) => {
		recorder.side('base');
		const rate = discountRate(pair.base);
		const base = sideTotals(pair.base, pair.participants);
		recorder.side('variant');
		const variant = sideTotals(pair.variant, pair.participants);
		const referenceYear = comparisonOptions(pair.base).referenceYear ?? pair.years[0]!;
		const nodes: number[] = [];
		pair.participants.forEach((_, p) => {
			const f = differenceFigures(base[p]!, variant[p]!, pair.years, rate, referenceYear);
			nodes.push(recorder.output(f.npv), recorder.output(f.cumulative[f.cumulative.length - 1]!));
			for (const d of f.delta) nodes.push(recorder.output(d));
		});
		return nodes;
	});
	const slots: Slot[] = [];
	pair.inputs.forEach((input, i) => {
		for (const [name, side] of [
			['base', input.base],
			['variant', input.variant],
			['both', input.base]
		] as const) {
			const node = kernel.inputs.get(`${name}|${input.path}`);
			if (side && node !== undefined)
				slots.push({
					input: i,
					node,
					marginal: marginalOf(side),
					money: input.kind === 'money',
					integer: side.integer === true
				});
		}
	});
	return { kernel, outputs: Int32Array.from(result), slots };
}

/** A drawn number as the kernel reads it: cents for money, whole counts whole (as the exact path's leaf text). */
function leafNumber(x: number, slot: Slot): number {
	if (slot.money) return roundFloat(x, 2, ROUND_HALF_EVEN);
	return slot.integer ? Math.round(x) : x;
}

/** Evaluate a pair's kernel at point u into `out`; false when a guard failed (the draw needs the exact path). */
export function evaluateKernel(pk: PairKernel, u: ArrayLike<number>, values: Float64Array, out: Float64Array): boolean {
	values.set(pk.kernel.init);
	for (const slot of pk.slots) values[slot.node] = leafNumber(inverseCdf(slot.marginal, u[slot.input]!), slot);
	if (runKernel(pk.kernel, values) >= 0) return false;
	for (let k = 0; k < pk.outputs.length; k++) out[k] = roundFloat(values[pk.outputs[k]!]!, 2, ROUND_HALF_EVEN) + 0;
	return true;
}

/** The largest difference between the kernel and the exact path at a few points (the kernel's self-check). */
function selfCheck(pair: AnalysisPair, pk: PairKernel): number {
	const exact = exactEvaluator(pair);
	const width = outputWidth(pair) * pair.participants.length;
	const a = new Float64Array(width);
	const b = new Float64Array(width);
	const values = new Float64Array(pk.kernel.init.length);
	let worst = 0;
	for (const level of [0.137]) {
		const u = Float64Array.from(pair.inputs, (_, i) => (level * (i + 3)) % 1 || level);
		if (!evaluateKernel(pk, u, values, a)) continue;
		exact(u, b);
		for (let k = 0; k < width; k++) worst = Math.max(worst, Math.abs(a[k]! - b[k]!));
	}
	return worst;
}

function exactOnly(pair: AnalysisPair, reason: string): CountingEvaluator {
	const exact = exactEvaluator(pair);
	const stats: EvaluationStats = { kernel: false, reason, instructions: 0, guards: 0, draws: 0, fallbacks: 0 };
	return Object.assign(
		(u: Float64Array, out: Float64Array) => {
			stats.draws++;
			stats.fallbacks++;
			exact(u, out);
		},
		{ stats }
	);
}

/**
 * The fast evaluator of a pair: the recorded kernel, with the exact path for any draw whose branches
 * differ from the recording. Scenarios the kernel cannot record (in-house members, an operation it
 * does not replay) or that fail its self-check against the exact path run every draw exactly.
 */
export function fastEvaluator(pair: AnalysisPair): CountingEvaluator {
	if (hasInHouseMembers(pair.base) || hasInHouseMembers(pair.variant))
		return exactOnly(pair, 'in-house members are evaluated on the exact path');
	let pk: PairKernel;
	try {
		pk = recordPair(pair);
	} catch (error) {
		return exactOnly(pair, (error as Error).message);
	}
	const worst = selfCheck(pair, pk);
	if (!(worst <= 1)) return exactOnly(pair, `the kernel differs from the exact path by € ${worst.toFixed(2)}`);
	const exact = exactEvaluator(pair);
	const values = new Float64Array(pk.kernel.init.length);
	const stats: EvaluationStats = {
		kernel: true,
		instructions: pk.kernel.code.length / 5,
		guards: pk.kernel.guards,
		draws: 0,
		fallbacks: 0
	};
	return Object.assign(
		(u: Float64Array, out: Float64Array) => {
			stats.draws++;
			if (evaluateKernel(pk, u, values, out)) return;
			stats.fallbacks++;
			exact(u, out);
		},
		{ stats }
	);
}
