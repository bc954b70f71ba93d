// Variance-based sensitivity (Sobol indices) by the Saltelli design: two independent sample
// matrices A and B and, for each input i, A with column i taken from B. First-order indices by the
// Saltelli (2010) estimator, total indices by Jansen's (1999); N·(k + 2) evaluations in all.
import type { Random } from './random.ts';
import { sampleUniform, type SamplingDesign } from './sampling.ts';

/** A model of k inputs given as uniforms u ∈ (0, 1)ᵏ, returning m outputs (e.g. one per municipality). */
export type VectorModel = (u: Float64Array, out: Float64Array) => void;

export interface SobolResult {
	/** first[o][i]: the first-order index of input i for output o. */
	readonly first: readonly Float64Array[];
	readonly total: readonly Float64Array[];
	/** The variance of each output over the A and B draws. */
	readonly variance: Float64Array;
	readonly evaluations: number;
}

/**
 * Estimate first-order and total Sobol indices of every input for every output.
 * @param model evaluates one point (k uniforms) into m outputs
 * @param k number of inputs; m number of outputs; n base sample size (cost n·(k + 2))
 */
export function sobolIndices(
	model: VectorModel,
	k: number,
	m: number,
	n: number,
	random: Random,
	design: SamplingDesign = 'lhs'
): SobolResult {
	const a = sampleUniform(n, k, design, random);
	const b = sampleUniform(n, k, design, random);
	const point = new Float64Array(k);
	const out = new Float64Array(m);
	const fa = Array.from({ length: m }, () => new Float64Array(n));
	const fb = Array.from({ length: m }, () => new Float64Array(n));
	const run = (pick: (j: number, row: number) => number, row: number, dest: Float64Array[]) => {
		for (let j = 0; j < k; j++) point[j] = pick(j, row);
		model(point, out);
		for (let o = 0; o < m; o++) dest[o]![row] = out[o]!;
	};
	for (let r = 0; r < n; r++) {
		run((j, row) => a.u[j * n + row]!, r, fa);
		run((j, row) => b.u[j * n + row]!, r, fb);
	}
	const variance = new Float64Array(m);
	for (let o = 0; o < m; o++) {
		let mean = 0;
		for (let r = 0; r < n; r++) mean += fa[o]![r]! + fb[o]![r]!;
		mean /= 2 * n;
		let ss = 0;
		for (let r = 0; r < n; r++) ss += (fa[o]![r]! - mean) ** 2 + (fb[o]![r]! - mean) ** 2;
		variance[o] = ss / (2 * n - 1);
	}
	const first = Array.from({ length: m }, () => new Float64Array(k));
	const total = Array.from({ length: m }, () => new Float64Array(k));
	const fab = Array.from({ length: m }, () => new Float64Array(n));
	for (let i = 0; i < k; i++) {
		for (let r = 0; r < n; r++) run((j, row) => (j === i ? b.u[j * n + row]! : a.u[j * n + row]!), r, fab);
		for (let o = 0; o < m; o++) {
			const v = variance[o]!;
			let s1 = 0;
			let st = 0;
			for (let r = 0; r < n; r++) {
				s1 += fb[o]![r]! * (fab[o]![r]! - fa[o]![r]!);
				st += (fa[o]![r]! - fab[o]![r]!) ** 2;
			}
			first[o]![i] = v > 0 ? s1 / n / v : 0;
			total[o]![i] = v > 0 ? st / (2 * n) / v : 0;
		}
	}
	return { first, total, variance, evaluations: n * (k + 2) };
}
