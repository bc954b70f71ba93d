// The allocation engine in float64: the same arithmetic as the exact engine (normalise weights,
// solve the reciprocal system, split every pool total, round to cents with largest remainders, round
// the recipient totals preserving the grand total) in plain Float64Array floating point. The numeric
// kernel of the uncertainty analysis evaluates its draws with it; the benchmarks use it as the floor.
import type { MethodId, NormalisedProblem } from '../problem/types.ts';

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

/** Scratch buffers of one problem size, reused across allocations (a kernel allocates thousands of times). */
export interface FloatWork {
	readonly idx: Int32Array;
	readonly remainder: Float64Array;
	readonly total: Float64Array;
	readonly allowed: Uint8Array;
	readonly flows: Float64Array;
	readonly rounded: Float64Array;
	readonly recipientExact: Float64Array;
	readonly position: Int32Array;
	readonly a: Float64Array;
	readonly b: Float64Array;
	readonly x: Float64Array;
	readonly result: FloatAllocation;
}

/** Scratch buffers for problems of n pools and m recipients. */
export function floatWork(n: number, m: number): FloatWork {
	const width = n + m;
	return {
		idx: new Int32Array(width),
		remainder: new Float64Array(width),
		total: new Float64Array(n),
		allowed: new Uint8Array(width),
		flows: new Float64Array(width),
		rounded: new Float64Array(width),
		recipientExact: new Float64Array(m),
		position: new Int32Array(n),
		a: new Float64Array(n * n),
		b: new Float64Array(n),
		x: new Float64Array(n),
		result: { flows: new Float64Array(n * m), totals: new Float64Array(m), unallocated: new Float64Array(n) }
	};
}

/** Round amounts to cents so that they add up to round(total): floor, then largest remainders (ties by index). */
function roundPreserving(amounts: Float64Array, from: number, to: number, out: Float64Array, work: FloatWork): void {
	let total = 0;
	let floored = 0;
	const { idx, remainder } = work;
	let count = 0;
	for (let j = from; j < to; j++) {
		total += amounts[j]!;
		const cents = Math.floor(amounts[j]! * 100);
		out[j] = cents;
		floored += cents;
		remainder[j - from] = amounts[j]! * 100 - cents;
		if (amounts[j]! !== 0) {
			// Insertion by remainder, largest first (ties: lower index first); the lists are short.
			let k = count++;
			while (k > 0 && remainder[idx[k - 1]! - from]! < remainder[j - from]!) {
				idx[k] = idx[k - 1]!;
				k--;
			}
			idx[k] = j;
		}
	}
	let leftover = Math.round(total * 100) - floored;
	for (let k = 0; leftover > 0 && count > 0; k = (k + 1) % count, leftover--) out[idx[k]!]! += 1;
}

function solveDense(a: Float64Array, b: Float64Array, n: number, x: Float64Array): Float64Array {
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
	for (let r = n - 1; r >= 0; r--) {
		let s = b[r]!;
		for (let c = r + 1; c < n; c++) s -= a[r * n + c]! * x[c]!;
		x[r] = s / a[r * n + r]!;
	}
	return x;
}

/** What a float allocation gives: per pool and recipient the rounded flow, per recipient the total, per pool the unallocated (all in cents). */
export interface FloatAllocation {
	/** flows[i * m + r]: pool i to recipient r. */
	readonly flows: Float64Array;
	readonly totals: Float64Array;
	readonly unallocated: Float64Array;
}

/** Allocate in floats; returns recipient totals in cents. */
export function allocateFloat(p: FloatProblem, method: MethodId): Float64Array {
	return allocateFloatDetail(p, method).totals;
}

/**
 * Allocate in floats with the flows from each pool to each recipient and what each pool left
 * unallocated; the result lives in `work` (pass one to reuse its buffers; it is overwritten next time).
 */
export function allocateFloatDetail(p: FloatProblem, method: MethodId, work = floatWork(p.n, p.m)): FloatAllocation {
	const { n, m, cost, weights } = p;
	const { total, allowed, flows, rounded, recipientExact, position, result } = work;
	const width = n + m;
	result.flows.fill(0);
	result.unallocated.fill(0);
	recipientExact.fill(0);
	p.order.forEach((pool, k) => (position[pool] = k));

	if (method === 'reciprocal') {
		const a = work.a;
		a.fill(0);
		for (let i = 0; i < n; i++) {
			let w = 0;
			for (let j = 0; j < width; j++) w += weights[i * width + j]!;
			for (let j = 0; j < n; j++) a[j * n + i] = -weights[i * width + j]! / w;
			a[i * n + i] = 1;
		}
		work.b.set(cost);
		total.set(solveDense(a, work.b, n, work.x));
	} else total.set(cost);

	for (let k = 0; k < n; k++) {
		const i = method === 'step-down' ? p.order[k]! : k;
		for (let j = 0; j < width; j++)
			allowed[j] =
				j >= n ? 1 : method === 'reciprocal' ? 1 : method === 'step-down' && position[j]! > position[i]! ? 1 : 0;
		let w = 0;
		for (let j = 0; j < width; j++) if (allowed[j]) w += weights[i * width + j]!;
		if (w === 0) {
			result.unallocated[i] = Math.round(total[i]! * 100);
			continue;
		}
		for (let j = 0; j < width; j++) flows[j] = allowed[j] ? (total[i]! * weights[i * width + j]!) / w : 0;
		roundPreserving(flows, 0, width, rounded, work);
		for (let j = 0; j < width; j++) {
			if (j < n && method === 'step-down' && allowed[j]) total[j]! += flows[j]!;
			if (j >= n) {
				recipientExact[j - n]! += flows[j]!;
				result.flows[i * m + j - n] = rounded[j]!;
			}
		}
	}
	roundPreserving(recipientExact, 0, m, result.totals, work);
	return result;
}
