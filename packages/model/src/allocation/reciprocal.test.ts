import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { flows, run } from '../../test/engine/helpers.ts';
import { readProblem } from '../problem/validate.ts';
import { allocateNormalised } from './index.ts';
import { allocateReciprocal, EXACT_SOLVE_MAX_POOLS } from './reciprocal.ts';
import { validateProblem } from '../problem/validate.ts';
import { generateProblem } from '../../bench/generate.ts';

describe('the reciprocal method', () => {
	it('solves two pools that serve each other: T1 = 100 + ½·T2, T2 = 50 + ⅓·T1', () => {
		const result = run({
			method: 'reciprocal',
			pools: [
				{ id: 'p1', cost: '100.00', drivers: { p2: 1, x: 2 } },
				{ id: 'p2', cost: '50.00', drivers: { p1: 1, x: 1 } }
			],
			recipients: ['x']
		});
		// T1 = 100 + (50 + T1/3)/2 → T1 = 150, T2 = 100.
		expect(result.poolTotals).toEqual({ p1: '150.00', p2: '100.00' });
		expect(flows(result)).toEqual({ 'p1→p2': '50.00', 'p1→x': '100.00', 'p2→p1': '50.00', 'p2→x': '50.00' });
		expect(result.recipientTotals).toEqual({ x: '150.00' });
		expect(result.trace.solve!.size).toBe(2);
	});

	it('reproduces the example of issue 2 to the cent: Administration 1987169.57, Machining 1109506.63', () => {
		const text = readFileSync(
			new URL('../../test/engine/examples/four-service-departments.json', import.meta.url),
			'utf8'
		);
		const problem = readProblem(text);
		if (!problem.ok) throw new Error('example invalid');
		const result = allocateNormalised(problem.value);
		expect(result.poolTotals.Administration).toBe('1987169.57');
		expect(flows(result)['Administration→Machining']).toBe('298075.44');
		expect(result.recipientTotals.Machining).toBe('1109506.63');
		expect(result.check).toEqual({ input: '2725000.00', allocated: '2725000.00', unallocated: '0.00' });
	});

	it('checks the residual of the solve in exact decimals', () => {
		const result = run({
			method: 'reciprocal',
			pools: [
				{ id: 'a', cost: '1.00', drivers: { b: 1, x: 2 } },
				{ id: 'b', cost: '1.00', drivers: { a: 3, x: 7 } }
			],
			recipients: ['x']
		});
		expect(Number(result.trace.solve!.residual)).toBeLessThan(1e-40);
	});

	it('handles a chain of pools where only the last reaches a recipient', () => {
		const result = run({
			method: 'reciprocal',
			pools: [
				{ id: 'a', cost: '10.00', drivers: { b: 1 } },
				{ id: 'b', cost: '10.00', drivers: { c: 1 } },
				{ id: 'c', cost: '10.00', drivers: { x: 1, y: 1 } }
			],
			recipients: ['x', 'y']
		});
		expect(result.poolTotals).toEqual({ a: '10.00', b: '20.00', c: '30.00' });
		expect(result.recipientTotals).toEqual({ x: '15.00', y: '15.00' });
	});

	it('solves small systems exactly with the same result, trace included, as the float LU refined in Decimal', () => {
		for (let pools = 2; pools <= EXACT_SOLVE_MAX_POOLS; pools++) {
			const validated = validateProblem({ ...generateProblem(pools, 9, pools * 31), method: 'reciprocal' });
			if (!validated.ok) throw new Error('generated problem invalid');
			const exact = allocateReciprocal(validated.value);
			const refined = allocateReciprocal(validated.value, 'refined');
			expect(exact.trace.solve!.solver).toBe('exact-rational');
			expect(refined.trace.solve!.solver).toBe('float-lu-refined');
			const { solve: exactSolve, ...exactTrace } = exact.trace;
			const { solve: refinedSolve, ...refinedTrace } = refined.trace;
			expect({ ...exact, trace: exactTrace }).toEqual({ ...refined, trace: refinedTrace });
			expect(exactSolve!.size).toBe(refinedSolve!.size);
		}
	});
});
