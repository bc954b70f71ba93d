// The analysis layer: how sure a comparison is (Monte Carlo), which inputs drive it (tornado, Sobol),
// at what value it flips (break-even), which estimate to measure first, and what the method alone does.
import type { AnalysisPair } from './pair.ts';
import { fastEvaluator, type CountingEvaluator } from './fast-evaluator.ts';

/** The default number of draws of `simulate` and `measure-first`. */
export const DEFAULT_DRAWS = 2000;

/** The evaluator for many draws of a pair: the recorded float kernel, with the exact path for draws whose branches differ. */
export function drawEvaluator(pair: AnalysisPair): CountingEvaluator {
	return fastEvaluator(pair);
}
