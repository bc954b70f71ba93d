// Sensitivity read from Monte Carlo draws that were made anyway ("given data"): the first-order index
// of an input as the correlation ratio of the output over equal-count bins of the input (with the
// small-sample bias removed), and the probability that the output is below zero when the input lies
// in its lowest and in its highest fifth. No extra model evaluations.

/**
 * First-order index of one input: Var(E[Y | X in bin]) / Var(Y) over `bins` equally filled bins of
 * the input's draws, less the (bins − 1)/n that pure noise would give, floored at 0.
 */
export function firstOrderFromDraws(x: ArrayLike<number>, y: ArrayLike<number>, bins = 0): number {
	const n = x.length;
	const b = bins > 0 ? bins : Math.max(2, Math.min(50, Math.round(Math.sqrt(n) / 2)));
	const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => x[i]! - x[j]!);
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

/** P(y < 0) when x is in its lowest fifth and in its highest fifth of the draws (by rank). */
export function probabilityBelowZeroAtEnds(x: ArrayLike<number>, y: ArrayLike<number>): { low: number; high: number } {
	const n = x.length;
	const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => x[i]! - x[j]!);
	const fifth = Math.max(1, Math.floor(n / 5));
	let low = 0;
	let high = 0;
	for (let i = 0; i < fifth; i++) {
		if (y[order[i]!]! < 0) low++;
		if (y[order[n - 1 - i]!]! < 0) high++;
	}
	return { low: low / fifth, high: high / fifth };
}
