// The reciprocal method solves block by block (pools that serve each other), exactly in rationals;
// these property tests hold it to the exact solve of the whole system at once and to the float LU
// refined in Decimal, on generated problems: chains, cycles and dense blocks, weights with up to 60
// decimals (as the reference scenario's directie key has) and small integers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AllocationProblem } from '../problem/types.ts';
import { validateProblem } from '../problem/validate.ts';
import { allocateReciprocal, EXACT_SOLVE_LARGE_POOLS } from './reciprocal.ts';
import type { AllocationResult } from './types.ts';

/** A weight as text: a small integer, or a number with up to 60 significant digits (57 decimals). */
const weight = fc.oneof(
	fc.integer({ min: 1, max: 1000 }).map(String),
	fc
		.tuple(
			fc.integer({ min: 1, max: 999 }),
			fc.bigInt({ min: 1n, max: 10n ** 57n - 1n }),
			fc.integer({ min: 1, max: 57 })
		)
		.map(
			([whole, fraction, places]) => `${whole}.${(fraction % 10n ** BigInt(places)).toString().padStart(places, '0')}`
		)
);

/** n pools, each serving every recipient it names and, with probability `density`, each other pool. */
function problems(maxPools: number, density: number): fc.Arbitrary<AllocationProblem> {
	return fc.integer({ min: 1, max: maxPools }).chain((n) =>
		fc
			.record({
				recipients: fc.integer({ min: 1, max: 4 }),
				pools: fc.array(
					fc.record({
						cost: fc.bigInt({ min: 0n, max: 10n ** 11n }),
						toRecipient: weight,
						toPools: fc.array(fc.option(weight, { freq: Math.round(1 / density) }), { minLength: n, maxLength: n })
					}),
					{ minLength: n, maxLength: n }
				)
			})
			.map(({ recipients, pools }) => {
				const recipientIds = Array.from({ length: recipients }, (_, r) => `r${r}`);
				return {
					recipients: recipientIds,
					pools: pools.map((pool, i) => {
						// Every pool reaches a recipient, so no block serves only itself and the system is regular.
						const drivers: Record<string, string> = { [recipientIds[i % recipients]!]: pool.toRecipient };
						pool.toPools.forEach((w, j) => {
							if (w !== null && j !== i) drivers[`p${j}`] = w;
						});
						const cents = pool.cost < 0n ? -pool.cost : pool.cost;
						const text = `${pool.cost < 0n ? '-' : ''}${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
						return { id: `p${i}`, cost: text, drivers };
					})
				};
			})
	);
}

/** A result without its solve report (which names the solver). */
function figures(result: AllocationResult): unknown {
	const { solve, ...trace } = result.trace;
	expect(solve!.size).toBe(result.trace.steps.length);
	return { ...result, trace };
}

function solveAll(problem: AllocationProblem) {
	const validated = validateProblem({ ...problem, method: 'reciprocal' });
	if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
	return (solver: 'auto' | 'whole' | 'refined') => allocateReciprocal(validated.value, solver);
}

describe('the reciprocal method, block by block', () => {
	it('gives the figures of the exact whole-system solve and of the refined float solve (small systems)', () => {
		fc.assert(
			fc.property(problems(8, 0.3), (problem) => {
				const solve = solveAll(problem);
				const blocks = solve('auto');
				expect(blocks.trace.solve!.solver).toBe('exact-rational');
				expect(Number(blocks.trace.solve!.residual)).toBeLessThan(1e-40);
				expect(figures(blocks)).toEqual(figures(solve('whole')));
				expect(figures(blocks)).toEqual(figures(solve('refined')));
			}),
			{ numRuns: 150 }
		);
	});

	it('gives the figures of the whole-system solve when the same weights come back with other costs (the inverse kept per block)', () => {
		const costs = fc.array(fc.bigInt({ min: 0n, max: 10n ** 11n }), { minLength: 30, maxLength: 30 });
		fc.assert(
			fc.property(problems(8, 0.4), costs, costs, (problem, first, second) => {
				// The first solve of a system eliminates; the next ones multiply by the block inverses kept from the second on.
				for (const other of [undefined, first, second, first]) {
					const pools = problem.pools.map((pool, i) => {
						const cents = other ? other[i]! : undefined;
						return cents === undefined
							? pool
							: { ...pool, cost: `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}` };
					});
					const solve = solveAll({ ...problem, pools });
					expect(figures(solve('auto'))).toEqual(figures(solve('whole')));
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('gives the figures of the refined float solve for chains and sparse graphs of up to 30 pools', () => {
		fc.assert(
			fc.property(problems(30, 0.05), (problem) => {
				const solve = solveAll(problem);
				expect(figures(solve('auto'))).toEqual(figures(solve('refined')));
			}),
			{ numRuns: 40 }
		);
	});

	it('solves a large block of small integer weights exactly, with the figures of the refined solve', () => {
		// 40 pools that all serve each other: one block, beyond the small-block size, with small integers.
		const pools = Array.from({ length: 40 }, (_, i) => ({
			id: `p${i}`,
			cost: `${1000 + i * 37}.${String(i % 100).padStart(2, '0')}`,
			drivers: Object.fromEntries([
				['r0', 1 + (i % 7)],
				['r1', 1 + (i % 5)],
				...Array.from({ length: 40 }, (_, j) => [`p${j}`, 1 + ((i * j) % 11)]).filter((_, j) => j !== i)
			])
		}));
		const solve = solveAll({ pools, recipients: ['r0', 'r1'] });
		const blocks = solve('auto');
		expect(pools.length).toBeLessThanOrEqual(EXACT_SOLVE_LARGE_POOLS);
		expect(blocks.trace.solve!.solver).toBe('exact-rational');
		expect(figures(blocks)).toEqual(figures(solve('refined')));
	});
});
