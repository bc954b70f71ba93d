// Random allocation problems for the property tests of the exact and the float engine.
import fc from 'fast-check';
import type { AllocationProblem } from '../../src/problem/types.ts';

/** Amounts in cents, written as decimal strings. */
const money = fc.bigInt({ min: 0n, max: 10_000_000_000n }).map((cents) => {
	const text = cents.toString().padStart(3, '0');
	return `${text.slice(0, -2)}.${text.slice(-2)}`;
});
/** Weights as integers, decimal numbers or decimal strings; zero included. */
const weight = fc.oneof(
	fc.integer({ min: 0, max: 1000 }),
	fc.constantFrom(0, 0.5, 1.25, 3),
	fc.integer({ min: 0, max: 99_999 }).map((n) => (n / 1000).toFixed(3))
);

export interface Shape {
	readonly problem: AllocationProblem;
}

/**
 * A random valid problem: 1–5 pools, 1–5 recipients. Every pool has a positive weight to the first
 * recipient, so nothing is unallocated and the reciprocal system is regular; `serveEachOther`
 * decides whether pools also have weights to other pools.
 */
export function problems(serveEachOther: boolean): fc.Arbitrary<Shape> {
	return fc
		.record({
			poolCount: fc.integer({ min: 1, max: 5 }),
			recipientCount: fc.integer({ min: 1, max: 5 }),
			seed: fc.array(fc.tuple(money, fc.array(weight, { minLength: 10, maxLength: 10 })), {
				minLength: 5,
				maxLength: 5
			}),
			firstWeight: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 5, maxLength: 5 })
		})
		.map(({ poolCount, recipientCount, seed, firstWeight }) => {
			const recipients = Array.from({ length: recipientCount }, (_, i) => `r${i}`);
			const poolIds = Array.from({ length: poolCount }, (_, i) => `p${i}`);
			const pools = poolIds.map((id, i) => {
				const [cost, weights] = seed[i]!;
				const drivers: Record<string, string | number> = {};
				recipients.forEach((r, j) => (drivers[r] = j === 0 ? firstWeight[i]! : weights[j]!));
				if (serveEachOther) poolIds.forEach((other, j) => other !== id && (drivers[other] = weights[5 + j]!));
				return { id, cost, drivers };
			});
			return { problem: { pools, recipients, order: [...poolIds].reverse() } };
		});
}
