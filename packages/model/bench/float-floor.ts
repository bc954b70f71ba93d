// The physical floor: the same arithmetic as the exact engine (normalise weights, solve the
// reciprocal system, split every pool total, round to cents with largest remainders, round the
// recipient totals preserving the grand total) in plain Float64Array floating point.
import type { MethodId, NormalisedProblem } from '../src/problem/types.ts';

export interface FloatProblem {
	readonly n: number;
	readonly m: number;
	readonly cost: Float64Array;
	/** weights[i * (n + m) + j]: pool i to pool j (j < n) or to recipient j − n. */
	readonly weights: Float64Array;
	readonly order: Int32Array;
}

/** Convert once, outside the timed region (the exact engine's validation is not timed either). */
export function toFloatProblem(problem: NormalisedProblem): FloatProblem {
	const n = problem.pools.length;
	const m = problem.recipients.length;
	const index = new Map<string, number>();
	problem.pools.forEach((p, i) => index.set(p.id, i));
	problem.recipients.forEach((r, j) => index.set(r, n + j));
	const cost = new Float64Array(n);
	const weights = new Float64Array(n * (n + m));
	problem.pools.forEach((pool, i) => {
		cost[i] = Number(pool.cost.toString());
		for (const [target, w] of pool.drivers) weights[i * (n + m) + index.get(target)!] = Number(w.toString());
	});
	return { n, m, cost, weights, order: Int32Array.from(problem.order.map((id) => index.get(id)!)) };
}

/** Round amounts to cents so that they add up to round(total): floor, then largest remainders (ties by index). */
function roundPreserving(amounts: Float64Array, from: number, to: number, out: Float64Array): void {
	let total = 0;
	let floored = 0;
	const idx: number[] = [];
	const remainder = new Float64Array(to - from);
	for (let j = from; j < to; j++) {
		total += amounts[j]!;
		const cents = Math.floor(amounts[j]! * 100);
		out[j] = cents;
		floored += cents;
		remainder[j - from] = amounts[j]! * 100 - cents;
		if (amounts[j]! !== 0) idx.push(j);
	}
	let leftover = Math.round(total * 100) - floored;
	idx.sort((a, b) => remainder[b - from]! - remainder[a - from]! || a - b);
	for (let k = 0; leftover > 0 && idx.length > 0; k = (k + 1) % idx.length, leftover--) out[idx[k]!]! += 1;
}

function solveDense(a: Float64Array, b: Float64Array, n: number): Float64Array {
	for (let col = 0; col < n; col++) {
		let pivot = col;
		for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = r;
		if (pivot !== col) {
			for (let c = 0; c < n; c++) {
				const t = a[col * n + c]!;
				a[col * n + c] = a[pivot * n + c]!;
				a[pivot * n + c] = t;
			}
			const t = b[col]!;
			b[col] = b[pivot]!;
			b[pivot] = t;
		}
		for (let r = col + 1; r < n; r++) {
			const f = a[r * n + col]! / a[col * n + col]!;
			if (f === 0) continue;
			for (let c = col; c < n; c++) a[r * n + c]! -= f * a[col * n + c]!;
			b[r]! -= f * b[col]!;
		}
	}
	const x = new Float64Array(n);
	for (let r = n - 1; r >= 0; r--) {
		let s = b[r]!;
		for (let c = r + 1; c < n; c++) s -= a[r * n + c]! * x[c]!;
		x[r] = s / a[r * n + r]!;
	}
	return x;
}

/** Allocate in floats; returns recipient totals in cents. */
export function allocateFloat(p: FloatProblem, method: MethodId): Float64Array {
	const { n, m, cost, weights } = p;
	const width = n + m;
	const total = new Float64Array(n);
	const allowed = new Uint8Array(width);
	const flows = new Float64Array(width);
	const rounded = new Float64Array(width);
	const recipientExact = new Float64Array(m);
	const position = new Int32Array(n);
	p.order.forEach((pool, k) => (position[pool] = k));

	if (method === 'reciprocal') {
		const a = new Float64Array(n * n);
		for (let i = 0; i < n; i++) {
			let w = 0;
			for (let j = 0; j < width; j++) w += weights[i * width + j]!;
			for (let j = 0; j < n; j++) a[j * n + i] = -weights[i * width + j]! / w;
			a[i * n + i] = 1;
		}
		total.set(solveDense(a, Float64Array.from(cost), n));
	} else total.set(cost);

	const sequence = method === 'step-down' ? p.order : Int32Array.from({ length: n }, (_, i) => i);
	for (const i of sequence) {
		for (let j = 0; j < width; j++)
			allowed[j] =
				j >= n ? 1 : method === 'reciprocal' ? 1 : method === 'step-down' && position[j]! > position[i]! ? 1 : 0;
		let w = 0;
		for (let j = 0; j < width; j++) if (allowed[j]) w += weights[i * width + j]!;
		if (w === 0) continue;
		for (let j = 0; j < width; j++) flows[j] = allowed[j] ? (total[i]! * weights[i * width + j]!) / w : 0;
		roundPreserving(flows, 0, width, rounded);
		for (let j = 0; j < width; j++) {
			if (j < n && method === 'step-down' && allowed[j]) total[j]! += flows[j]!;
			if (j >= n) recipientExact[j - n]! += flows[j]!;
		}
	}
	const recipientCents = new Float64Array(m);
	roundPreserving(recipientExact, 0, m, recipientCents);
	return recipientCents;
}
