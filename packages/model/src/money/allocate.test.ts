import { describe, expect, it } from 'vitest';
import { allocateByWeights, splitEvenly } from './allocate.ts';

describe('allocateByWeights', () => {
	it('gives the leftover cent of 100.00 / 3 to the first id in order', () => {
		expect(splitEvenly('100.00', ['c', 'a', 'b'])).toEqual({ c: '33.33', a: '33.34', b: '33.33' });
	});

	it('never gives a cent to a zero weight', () => {
		const parts = allocateByWeights('0.05', { a: 0, b: 1, c: 1 });
		expect(parts.get('a')!.toFixed(2)).toBe('0.00');
		expect(parts.get('b')!.plus(parts.get('c')!).toFixed(2)).toBe('0.05');
	});

	it('splits a negative total symmetrically', () => {
		const parts = allocateByWeights('-100.00', { a: 1, b: 1, c: 1 });
		expect([...parts.values()].map((d) => d.toFixed(2))).toEqual(['-33.34', '-33.33', '-33.33']);
	});

	it('rejects weights that sum to zero', () => {
		expect(() => allocateByWeights('1.00', { a: 0 })).toThrow(/sum to zero/);
	});
});
