// Properties every method in the registry must have, checked with fast-check on random problems.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METHODS } from '../../src/allocation/index.ts';
import type { AllocationResult } from '../../src/allocation/types.ts';
import { Decimal, sum, toDecimal } from '../../src/money/decimal.ts';
import type { AllocationProblem, MethodId } from '../../src/problem/types.ts';
import { problems } from './arbitraries.ts';
import { run } from './helpers.ts';

const RUNS = { numRuns: 120 };
const CENT = new Decimal('0.01');

const methods = Object.values(METHODS);
const cents = (amount: string): bigint => BigInt(amount.replace('.', ''));

function allAmounts(result: AllocationResult): string[] {
	return [
		...Object.values(result.poolTotals),
		...Object.values(result.recipientTotals),
		...result.allocations.map((a) => a.amount)
	];
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
	return items
		.map((item, i) => ({ item, key: (i * 7919 + seed * 104729) % 1000003 }))
		.sort((a, b) => a.key - b.key)
		.map(({ item }) => item);
}

describe.each(methods.map((m) => [m.id, m] as const))('the %s method', (id: MethodId) => {
	it('conserves every cent: recipient totals add up exactly to the input, each within a cent of its exact value', () => {
		fc.assert(
			fc.property(problems(true), ({ problem }) => {
				const result = run(problem, id);
				const input = sum(problem.pools.map((p) => toDecimal(p.cost)));
				expect(result.check.input).toBe(input.toFixed(2));
				expect(result.check.unallocated).toBe('0.00');
				expect(Object.values(result.recipientTotals).reduce((s, a) => s + cents(a), 0n)).toBe(
					cents(result.check.input)
				);
				for (const trace of result.trace.recipients)
					expect(toDecimal(trace.total).minus(trace.exact).abs().lessThanOrEqualTo(CENT)).toBe(true);
			}),
			RUNS
		);
	});

	it('never produces a negative amount', () => {
		fc.assert(
			fc.property(problems(true), ({ problem }) => {
				for (const amount of allAmounts(run(problem, id))) expect(amount.startsWith('-')).toBe(false);
			}),
			RUNS
		);
	});

	it('gives a zero share wherever the weight is zero', () => {
		fc.assert(
			fc.property(problems(true), ({ problem }) => {
				const withIdle = {
					...problem,
					recipients: [...problem.recipients, 'idle'],
					pools: problem.pools.map((p) => ({ ...p, drivers: { ...p.drivers, idle: 0 } }))
				};
				const result = run(withIdle, id);
				expect(result.recipientTotals.idle).toBe('0.00');
				for (const step of result.trace.steps)
					for (const target of step.targets) if (toDecimal(target.weight).isZero()) expect(target.amount).toBe('0.00');
			}),
			RUNS
		);
	});

	it('scales every result when all costs are scaled by k (within a cent)', () => {
		fc.assert(
			fc.property(problems(true), fc.integer({ min: 2, max: 1000 }), ({ problem }, k) => {
				const base = run(problem, id);
				const scaled = run(
					{ ...problem, pools: problem.pools.map((p) => ({ ...p, cost: toDecimal(p.cost).times(k).toFixed(2) })) },
					id
				);
				for (const trace of base.trace.recipients) {
					const expected = toDecimal(trace.exact).times(k);
					const got = toDecimal(scaled.recipientTotals[trace.recipient]!);
					// `exact` is printed to six decimals: allow k × 0.0000005 for that on top of the cent.
					expect(
						got
							.minus(expected)
							.abs()
							.lessThanOrEqualTo(CENT.plus(new Decimal(k).times('0.0000005')))
					).toBe(true);
				}
			}),
			RUNS
		);
	});

	it('does not depend on the order of pools, recipients or driver keys', () => {
		fc.assert(
			fc.property(problems(true), fc.nat(1000), ({ problem }, seed) => {
				const reordered: AllocationProblem = {
					...problem,
					recipients: shuffled(problem.recipients, seed),
					pools: shuffled(problem.pools, seed + 1).map((p) => ({
						...p,
						drivers: Object.fromEntries(shuffled(Object.entries(p.drivers), seed + 2))
					}))
				};
				const a = run(problem, id);
				const b = run(reordered, id);
				const byKey = (r: AllocationResult) => new Map(r.allocations.map((x) => [`${x.from}→${x.to}`, x.amount]));
				expect(b.recipientTotals).toEqual(a.recipientTotals);
				expect(b.poolTotals).toEqual(a.poolTotals);
				expect(byKey(b)).toEqual(byKey(a));
			}),
			RUNS
		);
	});

	it('gives byte-identical output for identical input', () => {
		fc.assert(
			fc.property(problems(true), ({ problem }) => {
				const copy = JSON.parse(JSON.stringify(problem)) as AllocationProblem;
				expect(JSON.stringify(run(copy, id))).toBe(JSON.stringify(run(problem, id)));
			}),
			{ numRuns: 60 }
		);
	});
});

describe('all methods together', () => {
	it('agree when no pool serves another', () => {
		fc.assert(
			fc.property(problems(false), ({ problem }) => {
				const [first, ...others] = methods.map((m) => run(problem, m.id));
				for (const other of others) {
					expect(other.recipientTotals).toEqual(first!.recipientTotals);
					expect(other.poolTotals).toEqual(first!.poolTotals);
					// Step-down lists allocations in its order; compare them as sets.
					expect(new Set(other.allocations.map((a) => JSON.stringify(a)))).toEqual(
						new Set(first!.allocations.map((a) => JSON.stringify(a)))
					);
				}
			}),
			RUNS
		);
	});
});
