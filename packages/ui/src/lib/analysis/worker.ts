// The analysis worker: Monte Carlo, tornado, break-even and method spread run here, off the main
// thread, exposed through Comlink. The worker loads the scenario from its texts itself and keeps the
// last prepared comparison, so repeated requests on the same view skip the loading.
import * as Comlink from 'comlink';
import {
	breakEven,
	drawEvaluator,
	loadScenarioFromTexts,
	measureFirst,
	methodOrderSpread,
	prepareAnalysis,
	resolveVariant,
	runSimulationAsync,
	sensitivity,
	summarizeSimulation,
	type AnalysisPair,
	type BreakEvenRequest
} from '@sp71/model';
import { ISSUES_MARK, type AnalysisApi, type AnalysisView, type ProgressFn } from './types.ts';

let cached: { key: string; pair: AnalysisPair } | null = null;
let controller: AbortController | null = null;

function pairOf(view: AnalysisView): AnalysisPair {
	const key = JSON.stringify(view);
	if (cached?.key === key) return cached.pair;
	// The page has validated every variant already: the worker dry-runs only the one it compares.
	const loaded = loadScenarioFromTexts(
		{ scenario: view.source.text, file: view.source.file, variants: view.source.variants },
		{ dryRunVariants: view.variantId ? [view.variantId] : [] }
	);
	if (!loaded.ok) throw new Error(ISSUES_MARK + JSON.stringify(loaded.issues));
	const base = resolveVariant(loaded.value, null, view.changes);
	const variant = resolveVariant(loaded.value, view.variantId, view.changes);
	if (!base.ok || !variant.ok)
		throw new Error(
			ISSUES_MARK + JSON.stringify([...(base.ok ? [] : base.issues), ...(variant.ok ? [] : variant.issues)])
		);
	const pair = prepareAnalysis(base.value, variant.value);
	cached = { key, pair };
	return pair;
}

/**
 * The most draws of a run that has no kernel (a comparison with in-house members, or one the kernel cannot
 * record): every draw then runs both sides exactly, about 0.1–0.2 s each, so 10,000 would take half an hour.
 */
export const EXACT_PATH_DRAWS = 300;

const api: AnalysisApi = {
	async simulate(view, draws, seed, onProgress?: ProgressFn) {
		controller?.abort();
		const own = new AbortController();
		controller = own;
		const pair = pairOf(view);
		const started = performance.now();
		const evaluate = drawEvaluator(pair);
		const recorded = performance.now();
		const onKernel = evaluate.stats.kernel;
		const result = await runSimulationAsync(pair, evaluate, {
			draws: onKernel ? draws : Math.min(draws, EXACT_PATH_DRAWS),
			seed,
			// About 250 draws of the kernel (or 2 exact draws) between progress reports: a few tens of
			// milliseconds, so a cancel is heard at once.
			chunk: onKernel ? 250 : 2,
			signal: own.signal,
			...(onProgress ? { onProgress: (done: number, total: number) => void onProgress(done, total) } : {})
		});
		const names = new Map(pair.base.participants.map((p) => [p.id, p.name]));
		return {
			report: summarizeSimulation(pair, result),
			measureFirst: measureFirst(pair, result, { top: 5, names }),
			inputs: pair.inputs.map((i) => ({
				path: i.path,
				label: i.label,
				basis: i.basis,
				low: i.low,
				high: i.high,
				value: i.value
			})),
			milliseconds: performance.now() - started,
			recordMilliseconds: recorded - started,
			evaluation: { kernel: evaluate.stats.kernel, draws: evaluate.stats.draws, exact: evaluate.stats.fallbacks }
		};
	},
	cancel() {
		controller?.abort();
	},
	async tornado(view, year, lang, onProgress?: ProgressFn) {
		const pair = pairOf(view);
		return sensitivity(pair, {
			locale: lang,
			...(year !== null ? { year } : {}),
			...(onProgress ? { onProgress: (done: number, total: number) => void onProgress(done, total) } : {})
		});
	},
	async breakEven(view, request: BreakEvenRequest) {
		return breakEven(pairOf(view), request);
	},
	async methodSpread(view, year) {
		return methodOrderSpread(pairOf(view).variant, year === null ? {} : { year });
	}
};

Comlink.expose(api);
