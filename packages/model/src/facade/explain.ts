// Explaining a figure end to end: resolve the variant, compute the year, and turn its detail into a
// trace (explain/ itself only reads a computed year; this module is where the two meet).
import { computeYear, ScenarioError } from '../legal-form/run.ts';
import type { TraceNode } from '../domain/result.ts';
import { traceYear } from '../explain/explain.ts';
import type { Change, MethodId, Scenario } from '../scenario/types.ts';
import type { Locale } from '../vocabulary/format.ts';
import { resolveVariant } from './load.ts';

/**
 * Explain one participant-year figure of a resolved scenario.
 * @param scenario a validated scenario with any variant already applied
 * @throws ScenarioError when the scenario cannot be computed; Error for an unknown participant or a year outside the horizon
 */
export function explainScenario(
	scenario: Scenario,
	participant: string,
	year: number,
	options: { method?: MethodId; locale?: Locale } = {}
): TraceNode {
	if (!scenario.participants.some((p) => p.id === participant))
		throw new Error(
			`[model] unknown participant: ${participant} (known: ${scenario.participants.map((p) => p.id).join(', ')})`
		);
	if (year < scenario.horizon.from || year > scenario.horizon.to)
		throw new Error(`[model] year ${year} lies outside the horizon ${scenario.horizon.from}–${scenario.horizon.to}`);
	const { detail, issues } = computeYear(scenario, year, options.method ? { method: options.method } : {});
	if (issues.length > 0) throw new ScenarioError(issues);
	const names = new Map(scenario.participants.map((p) => [p.id, p.name]));
	return traceYear(detail, participant, { locale: options.locale ?? 'en', names });
}

/**
 * Explain a participant's cost in a year: from the total down to components, pools, keys, driver
 * values, method steps and sources.
 * @param scenario the baseline (from loadScenarioFromTexts)
 * @param variantId a variant id, or null for the baseline
 * @param options.method override the allocation method; options.changes extra inline changes; options.locale label language (default 'en')
 * @throws ScenarioError when the variant cannot be resolved or computed; Error for an unknown participant or year
 */
export function explain(
	scenario: Scenario,
	variantId: string | null,
	participant: string,
	year: number,
	options: { method?: MethodId; changes?: readonly Change[]; locale?: Locale } = {}
): TraceNode {
	const resolved = resolveVariant(scenario, variantId, options.changes ?? []);
	if (!resolved.ok) throw new ScenarioError(resolved.issues);
	return explainScenario(resolved.value, participant, year, {
		...(options.method ? { method: options.method } : {}),
		...(options.locale ? { locale: options.locale } : {})
	});
}
