// The analysis layer: how sure a comparison is (Monte Carlo), which inputs drive it (tornado, Sobol),
// at what value it flips (break-even), which estimate to measure first, and what the method alone does.
import type { AnalysisPair } from './pair.ts';
import { exactEvaluator } from './exact-evaluator.ts';
import type { PointEvaluator } from './simulate.ts';

/** The default number of draws of `simulate` and `measure-first`. */
export const DEFAULT_DRAWS = 2000;

/** The evaluator for many draws of a pair. */
export function drawEvaluator(pair: AnalysisPair): PointEvaluator {
	return exactEvaluator(pair);
}
