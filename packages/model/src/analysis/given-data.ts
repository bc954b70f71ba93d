// Sensitivity read from Monte Carlo draws that were made anyway ("given data"): the first-order index
// of an input as the correlation ratio of the output over equal-count bins of the input (with the
// small-sample bias removed), and the probability that the output is below zero when the input lies
// in its lowest and in its highest fifth. No extra model evaluations.

/**
 * The indices of x (no NaN) in ascending order of value, equal values in index order (as a stable sort
 * by value). Draws are uniforms in [0, 1): a bucket per 1/n (x·n is monotone in x, so the buckets are in
 * order) with a stable insertion sort inside each, linear for a Latin hypercube column; other values by
 * a native numeric sort and a binary search per index. Both beat sorting indices through a comparator
 * by far (the measure-first list needs one order per input).
 */
export function rankOrder(x: ArrayLike<number>): Uint32Array {
	const n = x.length;
	let unit = true;
	for (let i = 0; i < n && unit; i++) unit = x[i]! >= 0 && x[i]! < 1;
	return unit ? bucketOrder(x) : searchOrder(x);
}

function bucketOrder(x: ArrayLike<number>): Uint32Array {
	const n = x.length;
	const start = new Uint32Array(n + 1);
	for (let i = 0; i < n; i++) start[Math.floor(x[i]! * n) + 1]!++;
	for (let b = 0; b < n; b++) start[b + 1]! += start[b]!;
	const fill = start.slice(0, n);
	const order = new Uint32Array(n);
	for (let i = 0; i < n; i++) order[fill[Math.floor(x[i]! * n)]!++] = i;
	for (let b = 0; b < n; b++) {
		for (let k = start[b]! + 1; k < start[b + 1]!; k++) {
			const i = order[k]!;
			let j = k;
			for (; j > start[b]! && x[order[j - 1]!]! > x[i]!; j--) order[j] = order[j - 1]!;
			order[j] = i;
		}
	}
	return order;
}

function searchOrder(x: ArrayLike<number>): Uint32Array {
	const n = x.length;
	const sorted = Float64Array.from(x as ArrayLike<number>).sort();
	const taken = new Uint32Array(n);
	const order = new Uint32Array(n);
	for (let i = 0; i < n; i++) {
		const v = x[i]!;
		let lo = 0;
		let hi = n;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (sorted[mid]! < v) lo = mid + 1;
			else hi = mid;
		}
		order[lo + taken[lo]!++] = i;
	}
	return order;
}

/**
 * First-order index of one input: Var(E[Y | X in bin]) / Var(Y) over `bins` equally filled bins of
 * the input's draws, less the (bins − 1)/n that pure noise would give, floored at 0.
 */
export function firstOrderFromDraws(
	x: ArrayLike<number>,
	y: ArrayLike<number>,
	bins = 0,
	order: ArrayLike<number> = rankOrder(x)
): number {
	const n = x.length;
	const b = bins > 0 ? bins : Math.max(2, Math.min(50, Math.round(Math.sqrt(n) / 2)));
	let mean = 0;
	for (let i = 0; i < n; i++) mean += y[i]!;
	mean /= n;
	let total = 0;
	for (let i = 0; i < n; i++) total += (y[i]! - mean) ** 2;
	if (total === 0) return 0;
	let between = 0;
	for (let k = 0; k < b; k++) {
		const from = Math.floor((k * n) / b);
		const to = Math.floor(((k + 1) * n) / b);
		if (to <= from) continue;
		let m = 0;
		for (let i = from; i < to; i++) m += y[order[i]!]!;
		m /= to - from;
		between += (to - from) * (m - mean) ** 2;
	}
	const eta2 = between / total;
	return Math.max(0, eta2 - (b - 1) / n);
}

/** P(y < 0) when x is in its lowest fifth and in its highest fifth of the draws (by rank; `order` from rankOrder). */
export function probabilityBelowZeroAtEnds(
	x: ArrayLike<number>,
	y: ArrayLike<number>,
	order: ArrayLike<number> = rankOrder(x)
): { low: number; high: number } {
	const n = x.length;
	const fifth = Math.max(1, Math.floor(n / 5));
	let low = 0;
	let high = 0;
	for (let i = 0; i < fifth; i++) {
		if (y[order[i]!]! < 0) low++;
		if (y[order[n - 1 - i]!]! < 0) high++;
	}
	return { low: low / fifth, high: high / fifth };
}
