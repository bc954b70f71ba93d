// The allocation methods side by side: each participant's bill in one year under every method, the spread
// between the highest and the lowest, and whether the choice of method changes the total (and through which
// component), so that a method switch that moves money in or out of the total is explained, not hidden.
import { COMPONENTS, type Component, type RunResult } from '../domain/result.ts';
import { Decimal, formatAmount, sum, toDecimal } from '../money/decimal.ts';

export interface MethodSpreadRow {
	readonly participant: string;
	/** The participant's total under each method, in the order the methods were given. */
	readonly totals: readonly { readonly method: string; readonly total: string }[];
	/** Highest minus lowest total. */
	readonly spread: string;
}

export interface MethodSpread {
	readonly year: number;
	readonly rows: readonly MethodSpreadRow[];
	/** The sum over participants under each method (the "Samen" row). */
	readonly totals: readonly { readonly method: string; readonly total: string }[];
	/** Highest minus lowest sum: zero when the method only moves money between participants. */
	readonly totalSpread: string;
	/** The components whose sum differs between methods (e.g. non-compensable VAT). */
	readonly componentsChangingTotal: readonly Component[];
}

/** Compare runs of the same scenario under different methods for one year. */
export function methodSpread(
	runs: readonly { readonly method: string; readonly run: RunResult }[],
	year: number
): MethodSpread {
	const participants = runs[0]?.run.participants.map((p) => p.id) ?? [];
	const rowOf = (run: RunResult, participant: string) =>
		run.rows.find((r) => r.participant === participant && r.year === year);
	const spreadOf = (values: readonly Decimal[]) =>
		values.length === 0 ? '0.00' : formatAmount(Decimal.max(...values).minus(Decimal.min(...values)));

	const rows = participants.map((participant) => {
		const totals = runs.map(({ method, run }) => ({ method, total: rowOf(run, participant)?.total ?? '0.00' }));
		return { participant, totals, spread: spreadOf(totals.map((t) => toDecimal(t.total))) };
	});
	const yearRows = (run: RunResult) => run.rows.filter((r) => r.year === year);
	const totals = runs.map(({ method, run }) => ({
		method,
		total: formatAmount(sum(yearRows(run).map((r) => toDecimal(r.total))))
	}));
	const componentsChangingTotal = COMPONENTS.filter((c) => {
		const sums = runs.map(({ run }) => formatAmount(sum(yearRows(run).map((r) => toDecimal(r.components[c])))));
		return new Set(sums).size > 1;
	});
	return { year, rows, totals, totalSpread: spreadOf(totals.map((t) => toDecimal(t.total))), componentsChangingTotal };
}
