// The marginal distribution of one uncertain input over its range [low, high], as an inverse CDF
// from a uniform number u in (0, 1): uniform; triangular with the value as its mode; normal centred
// on the value and lognormal with the value as its median, each with σ a quarter of the range (the
// range spans ±2σ) and truncated to it; fixed (always the value).
import type { DistributionName } from '../domain/result.ts';
import { normalCdf, normalQuantile } from './normal.ts';

/** An input's distribution in numbers: its value (mode / centre / median), range and shape. */
export interface Marginal {
	readonly distribution: DistributionName;
	readonly value: number;
	readonly low: number;
	readonly high: number;
}

/** The value of `m` at probability u ∈ (0, 1) (its inverse CDF); always inside [low, high]. */
export function inverseCdf(m: Marginal, u: number): number {
	const { low, high, value } = m;
	if (m.distribution === 'fixed' || high <= low) return value;
	switch (m.distribution) {
		case 'uniform':
			return low + u * (high - low);
		case 'triangular': {
			const mode = Math.min(Math.max(value, low), high);
			const cut = (mode - low) / (high - low);
			return u < cut
				? low + Math.sqrt(u * (high - low) * (mode - low))
				: high - Math.sqrt((1 - u) * (high - low) * (high - mode));
		}
		case 'normal':
			return clamp(
				truncated(u, value, (high - low) / 4, low, high, (x) => x),
				low,
				high
			);
		case 'lognormal': {
			const sigma = Math.log(high / low) / 4;
			return clamp(truncated(u, Math.log(value), sigma, Math.log(low), Math.log(high), Math.exp), low, high);
		}
	}
}

/** A normal(μ, σ) truncated to [a, b], drawn by inverting the CDF between Φ(a) and Φ(b), then mapped by `out`. */
function truncated(u: number, mu: number, sigma: number, a: number, b: number, out: (x: number) => number): number {
	const pa = normalCdf((a - mu) / sigma);
	const pb = normalCdf((b - mu) / sigma);
	return out(mu + sigma * normalQuantile(pa + u * (pb - pa)));
}

function clamp(x: number, low: number, high: number): number {
	return Math.min(Math.max(x, low), high);
}

/** The mean of a marginal, by numeric integration of its inverse CDF (for tests and the linear reference). */
export function marginalMean(m: Marginal, steps = 20000): number {
	let total = 0;
	for (let i = 0; i < steps; i++) total += inverseCdf(m, (i + 0.5) / steps);
	return total / steps;
}
