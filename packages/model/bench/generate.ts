// Deterministic synthetic problems for the benchmark: n pools, m recipients, every pool weighted
// over all recipients (about one weight in ten zero) and over about 10 % of the other pools.
import type { AllocationProblem } from '../src/problem/types.ts';

/** mulberry32: a small seeded PRNG, so every run benchmarks the same problems. */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function generateProblem(poolCount: number, recipientCount: number, seed = 71): AllocationProblem {
	const next = random(seed + poolCount);
	const poolIds = Array.from({ length: poolCount }, (_, i) => `pool-${String(i).padStart(3, '0')}`);
	const recipients = Array.from({ length: recipientCount }, (_, i) => `recipient-${String(i).padStart(3, '0')}`);
	const pools = poolIds.map((id) => {
		const drivers: Record<string, number> = {};
		for (const r of recipients) drivers[r] = next() < 0.1 ? 0 : 1 + Math.floor(next() * 1000);
		drivers[recipients[Math.floor(next() * recipientCount)]!] = 500; // at least one positive weight
		for (const other of poolIds) if (other !== id && next() < 0.1) drivers[other] = 1 + Math.floor(next() * 100);
		const cents = BigInt(Math.floor(next() * 100_000_000_00));
		return { id, cost: `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`, drivers };
	});
	return { pools, recipients, order: poolIds };
}
