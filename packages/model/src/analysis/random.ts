// A seeded random source for the analysis: xoroshiro128+ from pure-rand, so the same seed gives
// byte-identical draws on every machine (Math.random is never used).
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

/** A stream of uniform numbers in the open interval (0, 1), reproducible from its seed. */
export interface Random {
	/** The next number in (0, 1): never 0, so inverse CDFs stay finite. */
	next(): number;
	/** A whole number in [0, n). */
	int(n: number): number;
}

/** A seeded random stream (the seed is any 32-bit integer; larger values are reduced modulo 2³²). */
export function createRandom(seed: number): Random {
	if (!Number.isInteger(seed)) throw new RangeError(`[model] a seed is a whole number, got ${seed}`);
	const rng = xoroshiro128plus(seed | 0);
	const next = () => {
		let u = uniformFloat64(rng);
		while (u === 0) u = uniformFloat64(rng);
		return u;
	};
	return { next, int: (n: number) => Math.floor(next() * n) };
}

/** Shuffle `values` in place (Fisher–Yates) with `random`. */
export function shuffle<T>(values: T[] | Float64Array | Int32Array, random: Random): void {
	for (let i = values.length - 1; i > 0; i--) {
		const j = random.int(i + 1);
		const t = values[i]!;
		values[i] = values[j]!;
		values[j] = t as never;
	}
}
