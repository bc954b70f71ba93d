// The exact path as a point evaluator: draw → leaf values → both scenarios run in Decimal → the
// differences as numbers for the statistics. Slow (a full run of both sides per draw) but the
// reference every faster path is checked against.
import { evaluateExact, valuesAt, type AnalysisPair, type ExactOutcome } from './pair.ts';
import { outputWidth, type PointEvaluator } from './simulate.ts';

/** Write an exact outcome into the point-evaluator layout (per participant: NPV, cumulative, years). */
export function writeOutcome(outcome: ExactOutcome, out: Float64Array): void {
	const width = 2 + outcome.years.length;
	outcome.participants.forEach((_, p) => {
		out[p * width] = outcome.npv[p]!.toNumber();
		out[p * width + 1] = outcome.cumulative[p]!.toNumber();
		outcome.delta[p]!.forEach((d, y) => (out[p * width + 2 + y] = d.toNumber()));
	});
}

/** A point evaluator on the exact path. */
export function exactEvaluator(pair: AnalysisPair): PointEvaluator {
	if (outputWidth(pair) !== 2 + pair.years.length) throw new Error('[model] unexpected output layout');
	return (u, out) => writeOutcome(evaluateExact(pair, valuesAt(pair, u)), out);
}
