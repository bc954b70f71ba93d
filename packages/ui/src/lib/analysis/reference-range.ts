// The headline range of the reference view (the default scenario and its first variant, no edits), computed
// once while the pages are prerendered: the same draws, seed and code as the app's worker, so the overview and
// the summary show the range in their HTML and need no worker until the view changes.
import {
	drawEvaluator,
	loadScenarioFromTexts,
	prepareAnalysis,
	resolveVariant,
	runSimulation,
	summarizeSimulation,
	type SimulationReport
} from '@sp71/model';
import { builtinSources } from '../scenarios.ts';
import { APP_DRAWS, APP_SEED, runKey } from './client.svelte.ts';

/** A run's report with the key of the view it is for (see runKey). */
export interface PrerenderedRange {
	readonly key: string;
	readonly report: SimulationReport;
}

let computed: PrerenderedRange | null | undefined;

/**
 * The reference view's report, or null when its comparison has no recorded kernel (every draw would run
 * exactly, too slow for a build; the page then starts the worker as for any other view).
 */
export function referenceRange(): PrerenderedRange | null {
	if (computed !== undefined) return computed;
	computed = null;
	const source = builtinSources[0];
	const loaded = source
		? loadScenarioFromTexts({ scenario: source.text, file: source.file, variants: { ...source.variants } })
		: null;
	const variantId = loaded?.ok ? (loaded.value.variants[0]?.id ?? null) : null;
	if (!source || !loaded?.ok || variantId === null) return computed;
	const base = resolveVariant(loaded.value, null, []);
	const variant = resolveVariant(loaded.value, variantId, []);
	if (!base.ok || !variant.ok) return computed;
	const pair = prepareAnalysis(base.value, variant.value);
	const evaluate = drawEvaluator(pair);
	if (!evaluate.stats.kernel) return computed;
	const draws = runSimulation(pair, evaluate, { draws: APP_DRAWS, seed: APP_SEED });
	computed = { key: runKey({ source, variantId, changes: [] }), report: summarizeSimulation(pair, draws) };
	return computed;
}
