// Compare two scenarios directly: run both and take the discount rate, reference year and tolerance
// from the base scenario.
import type { Comparison } from '../domain/result.ts';
import { runScenario, type RunOptions } from '../legal-form/run.ts';
import { valueAt } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { compare, type CompareOptions } from './compare.ts';

/** The comparison options a scenario implies: its discount rate (in force in the reference year), reference year and tolerance. */
export function comparisonOptions(scenario: Scenario): CompareOptions {
	const rate = scenario.comparison.discountRate
		? valueAt(scenario.comparison.discountRate, scenario.referenceYear)?.value
		: undefined;
	return { discountRate: rate ?? '0', referenceYear: scenario.referenceYear, tolerance: scenario.comparison.tolerance };
}

/**
 * Run base and variant and compare them, with the base scenario's comparison settings.
 * @param base e.g. resolveVariant(scenario, null)
 * @param variant e.g. resolveVariant(scenario, 'centrumgemeente-leiden')
 * @param options run options (method override) and compare options (overriding the scenario's)
 * @throws ScenarioError when either cannot be computed
 */
export function compareScenarios(
	base: Scenario,
	variant: Scenario,
	options: RunOptions & CompareOptions = {}
): Comparison {
	const run = options.method ? { method: options.method } : {};
	return compare(runScenario(base, run), runScenario(variant, run), { ...comparisonOptions(base), ...options });
}
