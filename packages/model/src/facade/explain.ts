// Explaining a figure end to end: resolve the variant, compute the year, and turn its detail into a
// trace (explain/ itself only reads a computed year; this module is where the two meet).
import { computeYear, ScenarioError, tryRunScenario } from '../legal-form/run.ts';
import { inHouseCost } from '../legal-form/in-house.ts';
import { hasInHouseMembers, inHouseIn, sharedScenario } from '../legal-form/in-house-run.ts';
import { formatAmount, toDecimal } from '../money/decimal.ts';
import type { TraceNode } from '../domain/result.ts';
import { fixedTraceLabels, traceYear } from '../explain/explain.ts';
import type { Change, MethodId, Scenario } from '../scenario/types.ts';
import type { Locale } from '../vocabulary/format.ts';
import { resolveVariant } from './load.ts';
import { listInputs } from '../scenario/inputs.ts';
import { message, renderMessage } from '../vocabulary/messages.ts';

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
	if (hasInHouseMembers(scenario) && inHouseIn(scenario, year).length > 0)
		return explainInHouseYear(scenario, participant, year, options);
	const { detail, issues } = computeYear(scenario, year, options.method ? { method: options.method } : {});
	if (issues.length > 0) throw new ScenarioError(issues);
	const locale = options.locale ?? 'en';
	const { names, inputLabels } = traceLabels(scenario, locale);
	return traceYear(detail, participant, { locale, names, ...(inputLabels ? { inputLabels } : {}) });
}

/** A scenario's display names and input labels, for the traces of its years in one language. */
interface TraceLabels {
	readonly names: ReadonlyMap<string, string>;
	readonly inputLabels?: ReadonlyMap<string, string>;
}

// Per scenario (read-only once validated) and language: every tree of every year reads the same
// labels, and the trace's shared nodes are kept by them (explain/explain.ts contextKey).
const labelsByScenario = new WeakMap<Scenario, Partial<Record<Locale, TraceLabels>>>();

function traceLabels(scenario: Scenario, locale: Locale): TraceLabels {
	let byLocale = labelsByScenario.get(scenario);
	if (!byLocale) labelsByScenario.set(scenario, (byLocale = {}));
	let labels = byLocale[locale];
	if (!labels) {
		const names =
			byLocale.en?.names ?? new Map([...scenario.pools, ...scenario.participants].map((r) => [r.id, r.name]));
		// Inputs are labelled in the trace's language as the data page lists them; English keeps the computation's own labels.
		labels =
			locale === 'en'
				? { names }
				: { names, inputLabels: new Map(listInputs(scenario, { locale }).map((i) => [i.path, i.label])) };
		fixedTraceLabels(labels.names, labels.inputLabels);
		byLocale[locale] = labels;
	}
	return labels;
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

/**
 * A year in which someone is in-house: the in-house participant's cost function and exit costs, or,
 * for those who stay, the smaller shared back office (and the uittredingsvergoeding they receive).
 */
function explainInHouseYear(
	scenario: Scenario,
	participant: string,
	year: number,
	options: { method?: MethodId; locale?: Locale }
): TraceNode {
	const run = tryRunScenario(scenario, options.method ? { method: options.method } : {});
	if (!run.ok) throw new ScenarioError(run.issues);
	const row = run.value.rows.find((r) => r.participant === participant && r.year === year)!;
	const nameOf = (id: string) => scenario.participants.find((p) => p.id === id)?.name ?? id;
	const name = nameOf(participant);
	const say = (m: Parameters<typeof renderMessage>[0]) => renderMessage(m, options.locale ?? 'en');
	const away = inHouseIn(scenario, year);
	const id = `${participant}.${year}`;
	if (away.includes(participant)) {
		const cost = inHouseCost(scenario, [participant], year, options.locale ?? 'en');
		const exit = toDecimal(row.components.transition);
		return {
			id,
			label: `${name} ${year}`,
			value: row.total,
			kind: 'euro',
			rule: say(message('rule.inHouseYear', { services: formatAmount(cost.total), exit: formatAmount(exit) })),
			children: [
				cost.trace,
				...(exit.isZero()
					? []
					: [
							{
								id: `${id}.exit`,
								label: say(message('label.exitCosts')),
								value: row.components.transition,
								kind: 'euro' as const
							}
						])
			]
		};
	}
	const shared = sharedScenario(
		scenario,
		scenario.participants.map((p) => p.id).filter((p) => !away.includes(p))
	);
	if (!shared.ok) throw new ScenarioError(shared.issues);
	const inner = explainScenario(shared.value, participant, year, options);
	if (inner.value === row.total) return inner;
	return {
		id,
		label: `${name} ${year}`,
		value: row.total,
		kind: 'euro',
		rule: say(message('rule.staying', { away: away.map(nameOf) })),
		children: [
			inner,
			{
				id: `${id}.uittredingsvergoeding`,
				label: say(message('label.exitReceived')),
				value: formatAmount(toDecimal(row.total).minus(toDecimal(inner.value ?? '0'))),
				kind: 'euro'
			}
		]
	};
}
