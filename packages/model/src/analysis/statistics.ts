// Summaries of Monte Carlo draws with the standard error of each figure, so a reader sees whether
// the draws were enough: quantiles (linear interpolation, Hyndman–Fan type 7) with a distribution-free
// standard error from the order statistics around them, the mean with s/√n, and a probability with √(p(1−p)/n).

export const QUANTILES = [0.05, 0.1, 0.5, 0.9, 0.95] as const;
export type QuantileName = 'p5' | 'p10' | 'p50' | 'p90' | 'p95';
export const QUANTILE_NAMES: readonly QuantileName[] = ['p5', 'p10', 'p50', 'p90', 'p95'];

/** The p-quantile of sorted values (type 7: linear between order statistics). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const h = (n - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.min(lo + 1, n - 1);
	return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Standard error of the p-quantile from the order statistics: the ranks n·p ± √(n·p·(1−p)) bound a
 * one-standard-error interval of the quantile (binomial argument), so half its width is the error.
 */
export function quantileStdError(sorted: ArrayLike<number>, p: number): number {
	const n = sorted.length;
	if (n < 2) return NaN;
	const spread = Math.sqrt(n * p * (1 - p));
	const at = (rank: number) => sorted[Math.min(n - 1, Math.max(0, Math.round(rank)))]!;
	return (at(n * p + spread) - at(n * p - spread)) / 2;
}

export interface Summary {
	readonly p5: number;
	readonly p10: number;
	readonly p50: number;
	readonly p90: number;
	readonly p95: number;
	readonly mean: number;
	/** Standard error of each figure. */
	readonly stderr: Readonly<Record<QuantileName | 'mean', number>>;
}

/** Mean, standard deviation (n − 1) of values. */
export function meanAndSd(values: ArrayLike<number>): { mean: number; sd: number } {
	const n = values.length;
	let mean = 0;
	for (let i = 0; i < n; i++) mean += values[i]!;
	mean /= n;
	let ss = 0;
	for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
	return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
}

/** Quantiles P5…P95, the mean, and the standard error of each. */
export function summarize(values: ArrayLike<number>): Summary {
	const sorted = Float64Array.from(values as ArrayLike<number>).sort();
	const { mean, sd } = meanAndSd(sorted);
	const q = QUANTILES.map((p) => quantileSorted(sorted, p));
	const se = QUANTILES.map((p) => quantileStdError(sorted, p));
	return {
		p5: q[0]!,
		p10: q[1]!,
		p50: q[2]!,
		p90: q[3]!,
		p95: q[4]!,
		mean,
		stderr: { p5: se[0]!, p10: se[1]!, p50: se[2]!, p90: se[3]!, p95: se[4]!, mean: sd / Math.sqrt(sorted.length) }
	};
}

/** The share of values below zero (the alternative cheaper), with its standard error √(p(1−p)/n). */
export function probabilityBelowZero(values: ArrayLike<number>): { p: number; stderr: number } {
	const n = values.length;
	let below = 0;
	for (let i = 0; i < n; i++) if (values[i]! < 0) below++;
	const p = below / n;
	return { p, stderr: Math.sqrt((p * (1 - p)) / n) };
}

/** The variance of values (n − 1). */
export function variance(values: ArrayLike<number>): number {
	return meanAndSd(values).sd ** 2;
}
