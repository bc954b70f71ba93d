// Every option side by side: for each variant of a scenario (in-house options included, they are ordinary
// variants) and each participant, the cumulative difference, NPV, payback year and difference per inhabitant
// against the baseline, with the best option per participant: the lowest NPV of its cost, the baseline
// (difference zero) included, so an option is only "best" when it beats staying as is.
import type { Comparison, ComparisonSummary } from '../domain/result.ts';
import { toDecimal } from '../money/decimal.ts';

export interface OptionCell extends ComparisonSummary {
	readonly variantId: string;
	/** True for the option with the lowest NPV for this participant (ties: the earlier option). */
	readonly best: boolean;
}

export interface OptionsOverview {
	/** Option ids in the order given. */
	readonly variants: readonly string[];
	readonly participants: readonly string[];
	readonly cells: readonly OptionCell[];
	/** Per participant: the best option's id, or null when no option beats the baseline. */
	readonly best: Readonly<Record<string, string | null>>;
}

/** Lay out comparisons of several variants against one baseline as variant × participant. */
export function optionsOverview(
	comparisons: readonly { readonly variantId: string; readonly comparison: Comparison }[]
): OptionsOverview {
	const participants = comparisons[0]?.comparison.summary.map((s) => s.participant) ?? [];
	const best: Record<string, string | null> = {};
	for (const p of participants) {
		let bestId: string | null = null;
		let bestNpv = toDecimal('0');
		for (const { variantId, comparison } of comparisons) {
			const s = comparison.summary.find((x) => x.participant === p);
			if (s && toDecimal(s.npv).lessThan(bestNpv)) {
				bestNpv = toDecimal(s.npv);
				bestId = variantId;
			}
		}
		best[p] = bestId;
	}
	const cells = comparisons.flatMap(({ variantId, comparison }) =>
		comparison.summary.map((s) => ({ ...s, variantId, best: best[s.participant] === variantId }))
	);
	return { variants: comparisons.map((c) => c.variantId), participants, cells, best };
}
