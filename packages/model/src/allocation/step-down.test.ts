import { describe, expect, it } from 'vitest';
import { flows, run } from '../../test/engine/helpers.ts';
import type { AllocationProblem } from '../problem/types.ts';

const problem: AllocationProblem = {
	method: 'step-down',
	pools: [
		{ id: 'hr', cost: '1000.00', drivers: { ict: 20, north: 40, south: 40 } },
		{ id: 'ict', cost: '2000.00', drivers: { hr: 50, north: 25, south: 25 } }
	],
	recipients: ['north', 'south']
};

describe('the step-down method', () => {
	it('passes the first pool on to the later pool, which then allocates its own cost plus what it received', () => {
		const result = run(problem);
		// hr: 1000 → ict 200, north 400, south 400; ict: 2200, its weight to hr (earlier) is dropped → 1100 each.
		expect(flows(result)).toEqual({
			'hr→ict': '200.00',
			'hr→north': '400.00',
			'hr→south': '400.00',
			'ict→north': '1100.00',
			'ict→south': '1100.00'
		});
		expect(result.poolTotals).toEqual({ hr: '1000.00', ict: '2200.00' });
		expect(result.recipientTotals).toEqual({ north: '1500.00', south: '1500.00' });
	});

	it('follows the given order rather than the order of the pools', () => {
		const result = run({ ...problem, order: ['ict', 'hr'] });
		// ict: 2000 → hr 1000, north 500, south 500; hr: 2000, ict is earlier → north 1000, south 1000.
		expect(result.poolTotals).toEqual({ hr: '2000.00', ict: '2000.00' });
		expect(result.recipientTotals).toEqual({ north: '1500.00', south: '1500.00' });
		expect(result.trace.steps.map((s) => s.pool)).toEqual(['ict', 'hr']);
		expect(result.trace.steps[1]!.received).toEqual([{ from: 'ict', amount: '1000.00' }]);
	});

	it('leaves the cost of a last pool that serves only earlier pools unallocated and says so', () => {
		const result = run({
			method: 'step-down',
			pools: [
				{ id: 'a', cost: '100.00', drivers: { b: 1, x: 1 } },
				{ id: 'b', cost: '100.00', drivers: { a: 1 } }
			],
			recipients: ['x']
		});
		expect(result.check).toEqual({ input: '200.00', allocated: '50.00', unallocated: '150.00' });
		expect(result.unallocated).toEqual({ b: '150.00' });
	});

	it('keeps exact precision between steps and rounds each figure once', () => {
		const result = run({
			method: 'step-down',
			pools: [
				{ id: 'a', cost: '100.00', drivers: { b: 1, x: 1, y: 1 } },
				{ id: 'b', cost: '0.00', drivers: { x: 1, y: 2 } }
			],
			recipients: ['x', 'y']
		});
		// b receives 33.333…; x = 33.333… + 11.111… = 44.444…, y = 33.333… + 22.222… = 55.555….
		expect(result.poolTotals.b).toBe('33.33');
		expect(result.recipientTotals).toEqual({ x: '44.44', y: '55.56' });
	});
});
