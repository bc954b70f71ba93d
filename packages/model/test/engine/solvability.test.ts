// The engine seam of the scenario computation refuses a reciprocal year whose pools serve only each
// other (solvabilityIssues), and leaves the weights maps it was given as they were.
import { describe, expect, it } from 'vitest';
import { allocateYear } from '../../src/legal-form/engine.ts';
import { Decimal } from '../../src/money/decimal.ts';
import { solvabilityIssues } from '../../src/problem/validate.ts';
import type { NormalisedProblem } from '../../src/problem/types.ts';

const d = (x: string) => new Decimal(x);

function problem(drivers: Record<string, Record<string, string>>): NormalisedProblem {
	const pools = Object.entries(drivers).map(([id, weights]) => ({
		id,
		cost: d('100.00'),
		drivers: new Map(Object.entries(weights).map(([to, w]) => [to, d(w)]))
	}));
	return { method: 'reciprocal', order: pools.map((p) => p.id), pools, recipients: ['a', 'b'] };
}

describe('solvabilityIssues', () => {
	it('names each pool whose cost never reaches a recipient', () => {
		const issues = solvabilityIssues(
			problem({ ict: { hrm: '1' }, hrm: { ict: '2', x: '0' }, fin: { a: '1', ict: '1' } })
		);
		expect(issues.map((i) => [i.code, i.path])).toEqual([
			['singular_system', 'pools[0].drivers'],
			['singular_system', 'pools[1].drivers']
		]);
		expect(issues[1]!.message).toContain('serves only ict');
	});

	it('finds none when every pool reaches a recipient, directly or through other pools', () => {
		expect(solvabilityIssues(problem({ ict: { hrm: '1' }, hrm: { ict: '1', b: '1' } }))).toEqual([]);
		expect(solvabilityIssues({ ...problem({ ict: { hrm: '1' }, hrm: { ict: '1' } }), method: 'direct' })).toEqual([]);
	});

	it('leaves the weights maps it reads unchanged', () => {
		const p = problem({ ict: { hrm: '1' }, hrm: { ict: '1' } });
		const before = p.pools.map((pool) => [...pool.drivers]);
		solvabilityIssues(p);
		expect(p.pools.map((pool) => [...pool.drivers])).toEqual(before);
	});
});

describe('allocateYear', () => {
	it('throws, naming the pools, for a reciprocal year with no path to a participant', () => {
		const weights = (to: string) => new Map([[to, d('1')]]);
		expect(() =>
			allocateYear({
				method: 'reciprocal',
				pools: [
					{ id: 'ict', cost: d('10.00'), weights: weights('hrm') },
					{ id: 'hrm', cost: d('5.00'), weights: weights('ict') }
				],
				participants: ['a']
			})
		).toThrow(/rejected a scenario year: pools\[0\]\.drivers: .*pools\[1\]\.drivers/);
	});

	it('charges every participant it is given, in their order, and keeps the list as given', () => {
		const participants = Object.freeze(['b', 'a']);
		const allocation = allocateYear({
			method: 'reciprocal',
			pools: [
				{
					id: 'ict',
					cost: d('10.00'),
					weights: new Map([
						['a', d('1')],
						['b', d('3')]
					])
				}
			],
			participants
		});
		expect([...allocation.totals].map(([p, t]) => [p, t.toFixed(2)])).toEqual([
			['b', '7.50'],
			['a', '2.50']
		]);
		expect(participants).toEqual(['b', 'a']);
	});
});
