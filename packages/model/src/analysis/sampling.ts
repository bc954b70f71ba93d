// Sampling designs over k uncertain inputs: plain Monte Carlo or a Latin hypercube (each input's
// range cut into n equally likely strata, one draw in each), and rank correlations imposed by the
// Iman–Conover method (1982), which reorders the draws and so keeps every marginal, strata included.
import { symmetricEigen } from '../numeric/eigen.ts';
import { normalQuantile } from './normal.ts';
import { shuffle, type Random } from './random.ts';

export type SamplingDesign = 'lhs' | 'plain';

/** n × k uniforms in (0, 1), column-major: column j (input j) is `u.subarray(j * n, (j + 1) * n)`. */
export interface UniformSample {
	readonly n: number;
	readonly k: number;
	readonly u: Float64Array;
}

/** Draw n points for k inputs with the given design. */
export function sampleUniform(n: number, k: number, design: SamplingDesign, random: Random): UniformSample {
	const u = new Float64Array(n * k);
	for (let j = 0; j < k; j++) {
		const col = u.subarray(j * n, (j + 1) * n);
		if (design === 'plain') for (let i = 0; i < n; i++) col[i] = random.next();
		else {
			for (let i = 0; i < n; i++) col[i] = (i + random.next()) / n;
			shuffle(col, random);
		}
	}
	return { n, k, u };
}

/** A factor L with L·Lᵀ = C for a positive semi-definite C (through its eigen decomposition, so a singular C works too). */
export function psdFactor(c: readonly (readonly number[])[]): number[][] {
	const { values, vectors } = symmetricEigen(c);
	const n = c.length;
	return Array.from({ length: n }, (_, i) =>
		Array.from({ length: n }, (_, j) => vectors[i]![j]! * Math.sqrt(Math.max(values[j]!, 0)))
	);
}

/** Cholesky factor of a positive definite matrix (lower triangular), or undefined when it is not. */
function cholesky(c: readonly (readonly number[])[]): number[][] | undefined {
	const n = c.length;
	const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (let i = 0; i < n; i++)
		for (let j = 0; j <= i; j++) {
			let s = c[i]![j]!;
			for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
			if (i === j) {
				if (s <= 1e-12) return undefined;
				l[i]![i] = Math.sqrt(s);
			} else l[i]![j] = s / l[j]![j]!;
		}
	return l;
}

function ranks(values: ArrayLike<number>): Int32Array {
	const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
	const r = new Int32Array(values.length);
	order.forEach((idx, rank) => (r[idx] = rank));
	return r;
}

/** Pearson correlation matrix of the columns of an n × m column-major matrix. */
function correlationMatrix(cols: readonly Float64Array[]): number[][] {
	const m = cols.length;
	const n = cols[0]?.length ?? 0;
	const centred = cols.map((c) => {
		let mean = 0;
		for (let i = 0; i < n; i++) mean += c[i]!;
		mean /= n;
		const out = new Float64Array(n);
		let ss = 0;
		for (let i = 0; i < n; i++) {
			out[i] = c[i]! - mean;
			ss += out[i]! ** 2;
		}
		const sd = Math.sqrt(ss) || 1;
		for (let i = 0; i < n; i++) out[i]! /= sd;
		return out;
	});
	return Array.from({ length: m }, (_, a) =>
		Array.from({ length: m }, (_, b) => {
			let s = 0;
			for (let i = 0; i < n; i++) s += centred[a]![i]! * centred[b]![i]!;
			return s;
		})
	);
}

/**
 * Impose the target rank correlation `target` on the columns `columns` of `sample` (Iman–Conover):
 * build van der Waerden scores in random order, decorrelate them (Cholesky of their own correlation),
 * correlate them by a factor of the target, and reorder each input's draws to the scores' ranks.
 */
export function imanConover(
	sample: UniformSample,
	columns: readonly number[],
	target: readonly (readonly number[])[],
	random: Random
): void {
	const { n, u } = sample;
	const m = columns.length;
	if (m < 2 || n < 3) return;
	const base = new Float64Array(n);
	for (let i = 0; i < n; i++) base[i] = normalQuantile((i + 1) / (n + 1));
	const scores = columns.map(() => {
		const s = Float64Array.from(base);
		shuffle(s, random);
		return s;
	});
	const q = cholesky(correlationMatrix(scores));
	const p = psdFactor(target);
	// T = S · (Q⁻¹)ᵀ · Pᵀ: first whiten each row by solving Q·w = s, then colour it with P.
	const out = columns.map(() => new Float64Array(n));
	const row = new Float64Array(m);
	const white = new Float64Array(m);
	for (let i = 0; i < n; i++) {
		for (let a = 0; a < m; a++) row[a] = scores[a]![i]!;
		if (q)
			for (let a = 0; a < m; a++) {
				let s = row[a]!;
				for (let b = 0; b < a; b++) s -= q[a]![b]! * white[b]!;
				white[a] = s / q[a]![a]!;
			}
		else white.set(row);
		for (let a = 0; a < m; a++) {
			let s = 0;
			for (let b = 0; b < m; b++) s += p[a]![b]! * white[b]!;
			out[a]![i] = s;
		}
	}
	columns.forEach((col, a) => {
		const values = Float64Array.from(u.subarray(col * n, (col + 1) * n)).sort();
		const r = ranks(out[a]!);
		const dest = u.subarray(col * n, (col + 1) * n);
		for (let i = 0; i < n; i++) dest[i] = values[r[i]!]!;
	});
}

/** Spearman rank correlation of two equally long series (for tests and reports). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
	const rx = ranks(x);
	const ry = ranks(y);
	return correlationMatrix([Float64Array.from(rx), Float64Array.from(ry)])[0]![1]!;
}
