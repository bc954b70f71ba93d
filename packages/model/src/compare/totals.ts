// The "Samen" (total) line of a comparison: the sums over participants of a year's figures and of the
// summary over the horizon, exact to the cent; and the one-line balance of costs against charges.
import type { Comparison, RunResult } from '../domain/result.ts';
import { formatAmount, sum, toDecimal } from '../money/decimal.ts';

const total = (values: readonly string[]) => formatAmount(sum(values.map((v) => toDecimal(v))));

/** Sum over participants of one year's base, variant and difference. */
export function yearTotal(
	comparison: Comparison,
	year: number
): { readonly base: string; readonly variant: string; readonly delta: string; readonly cumulativeDelta: string } {
	const rows = comparison.rows.filter((r) => r.year === year);
	return {
		base: total(rows.map((r) => r.base)),
		variant: total(rows.map((r) => r.variant)),
		delta: total(rows.map((r) => r.delta)),
		cumulativeDelta: total(rows.map((r) => r.cumulativeDelta))
	};
}

/** Sum over participants of one year's difference per component. */
export function componentTotals(comparison: Comparison, year: number): Readonly<Record<string, string>> {
	const rows = comparison.rows.filter((r) => r.year === year);
	const components = Object.keys(rows[0]?.components ?? {});
	return Object.fromEntries(
		components.map((c) => [c, total(rows.map((r) => r.components[c as keyof typeof r.components].delta))])
	);
}

/**
 * Sum over participants of the summary: cumulative difference and NPV; the difference per inhabitant of the
 * whole (the total difference over all inhabitants, not a sum of per-inhabitant figures).
 */
export function summaryTotal(
	comparison: Comparison,
	inhabitants: Readonly<Record<string, string | undefined>>
): { readonly cumulativeDelta: string; readonly npv: string; readonly deltaPerInhabitant: string | null } {
	const cumulative = sum(comparison.summary.map((s) => toDecimal(s.cumulativeDelta)));
	const people = comparison.summary.map((s) => inhabitants[s.participant]);
	const known = people.every((p) => p !== undefined);
	const count = known ? sum(people.map((p) => toDecimal(p!))) : null;
	return {
		cumulativeDelta: formatAmount(cumulative),
		npv: total(comparison.summary.map((s) => s.npv)),
		deltaPerInhabitant: count && !count.isZero() ? formatAmount(cumulative.dividedBy(count)) : null
	};
}

/** Inhabitants per participant in a year, as the run used them for its per-inhabitant figures. */
export function inhabitantsOf(run: RunResult, year: number): Readonly<Record<string, string | undefined>> {
	return Object.fromEntries(run.rows.filter((r) => r.year === year).map((r) => [r.participant, r.inhabitants]));
}

/** The year's balance of a run: everything that has to be paid and everything charged (equal to the cent). */
export function balanceOf(run: RunResult, year: number): { readonly costs: string; readonly charged: string } | null {
	const r = run.reconciliation.find((x) => x.year === year);
	return r ? { costs: r.costs, charged: r.charged } : null;
}
