// The Shapley value (Shapley 1953), exact: each player's marginal contribution v(S ∪ i) − v(S)
// averaged over all orders in which the coalition can form, i.e. weighted by |S|!(n−|S|−1)!/n!.
// Linear in the game, so it serves cost and value games alike.
import Fraction from 'fraction.js';
import { grandMask, sizeOf } from './coalition.ts';

function factorial(k: number): bigint {
	let result = 1n;
	for (let i = 2n; i <= BigInt(k); i++) result *= i;
	return result;
}

/** The Shapley value of the game `worth` (indexed by coalition mask) of `n` players. */
export function shapley(n: number, worth: readonly Fraction[]): Fraction[] {
	const grand = grandMask(n);
	const weights = Array.from({ length: n }, (_, k) => new Fraction(factorial(k) * factorial(n - k - 1), factorial(n)));
	return Array.from({ length: n }, (_, i) => {
		const bit = 1 << i;
		// Sum the marginal contributions by coalition size first, so only n multiplications remain.
		const bySize = Array.from({ length: n }, () => new Fraction(0));
		for (let mask = 0; mask <= grand; mask++) {
			if (mask & bit) continue;
			const k = sizeOf(mask);
			bySize[k] = bySize[k]!.add(worth[mask | bit]!.sub(worth[mask]!));
		}
		return bySize.reduce((total, marginal, k) => total.add(marginal.mul(weights[k]!)), new Fraction(0));
	});
}
