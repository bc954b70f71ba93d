// The float allocation engine (the numeric kernel's twin of the exact engine) against the exact
// engine on random problems: every recipient total and every flow from a pool to a recipient within
// a cent per pool of the exact figure, and the recipient totals adding up to the same grand total.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateFloatDetail, floatWork, toFloatProblem } from '../../src/allocation/float.ts';
import { allocateNormalised } from '../../src/allocation/index.ts';
import { METHOD_IDS } from '../../src/scenario/types.ts';
import { problems } from './arbitraries.ts';
import { normalise } from './helpers.ts';

const cents = (amount: string): number => Math.round(Number(amount) * 100);

describe.each(METHOD_IDS)('the float %s engine', (method) => {
	it('gives the exact engine’s recipient totals and pool flows within a cent per pool', () => {
		let worst = 0;
		fc.assert(
			fc.property(problems(method !== 'direct'), ({ problem }) => {
				const normalised = normalise(problem, method);
				const exact = allocateNormalised(normalised);
				const p = toFloatProblem(normalised);
				const float = allocateFloatDetail(p, method, floatWork(p.n, p.m));
				const bound = p.n;
				let grandExact = 0;
				let grandFloat = 0;
				normalised.recipients.forEach((r, j) => {
					const e = cents(exact.recipientTotals[r]!);
					grandExact += e;
					grandFloat += float.totals[j]!;
					worst = Math.max(worst, Math.abs(float.totals[j]! - e));
					expect(Math.abs(float.totals[j]! - e), `${r}`).toBeLessThanOrEqual(bound);
				});
				expect(grandFloat).toBe(grandExact);
				normalised.pools.forEach((pool, i) =>
					normalised.recipients.forEach((r, j) => {
						const e = exact.allocations
							.filter((a) => a.from === pool.id && a.to === r)
							.reduce((s, a) => s + cents(a.amount), 0);
						expect(Math.abs(float.flows[i * p.m + j]! - e), `${pool.id} → ${r}`).toBeLessThanOrEqual(bound);
					})
				);
			}),
			{ numRuns: 150 }
		);
		expect(worst).toBeLessThanOrEqual(5);
	});
});
