import { describe, expect, it } from 'vitest';
import { flows, run } from '../../test/engine/helpers.ts';

describe('the direct method', () => {
	it('splits each pool over the recipients by its weights to them', () => {
		const result = run({
			method: 'direct',
			pools: [
				{ id: 'ict', cost: '1000.00', drivers: { north: 3, south: 1 } },
				{ id: 'hr', cost: '300.00', drivers: { north: '1', south: '2' } }
			],
			recipients: ['north', 'south']
		});
		expect(result.recipientTotals).toEqual({ north: '850.00', south: '450.00' });
		expect(flows(result)).toEqual({
			'ict→north': '750.00',
			'ict→south': '250.00',
			'hr→north': '100.00',
			'hr→south': '200.00'
		});
		expect(result.check).toEqual({ input: '1300.00', allocated: '1300.00', unallocated: '0.00' });
	});

	it('ignores weights to other pools and re-normalises over the recipients', () => {
		const result = run({
			method: 'direct',
			pools: [
				{ id: 'ict', cost: '900.00', drivers: { hr: 50, north: 25, south: 25 } },
				{ id: 'hr', cost: '100.00', drivers: { ict: 10, north: 90 } }
			],
			recipients: ['north', 'south']
		});
		expect(result.poolTotals).toEqual({ ict: '900.00', hr: '100.00' });
		expect(result.recipientTotals).toEqual({ north: '550.00', south: '450.00' });
		expect(result.allocations.some((a) => a.to === 'hr' || a.to === 'ict')).toBe(false);
	});

	it('shows the cost of a pool that serves only pools as unallocated instead of sweeping it away', () => {
		const result = run({
			method: 'direct',
			pools: [
				{ id: 'directie', cost: '500.00', drivers: { ict: 1 } },
				{ id: 'ict', cost: '200.00', drivers: { north: 1, south: 1 } }
			],
			recipients: ['north', 'south']
		});
		expect(result.check).toEqual({ input: '700.00', allocated: '200.00', unallocated: '500.00' });
		expect(result.unallocated).toEqual({ directie: '500.00' });
		expect(result.recipientTotals).toEqual({ north: '100.00', south: '100.00' });
	});

	it('gives the leftover cent of 100.00 over three equal recipients to the first id', () => {
		const result = run({
			pools: [{ id: 'p', cost: '100.00', drivers: { c: 1, a: 1, b: 1 } }],
			recipients: ['c', 'a', 'b']
		});
		expect(result.recipientTotals).toEqual({ c: '33.33', a: '33.34', b: '33.33' });
	});

	it('gives a recipient with weight zero exactly nothing', () => {
		const result = run({
			pools: [{ id: 'p', cost: '0.05', drivers: { a: 0, b: 1, c: 1 } }],
			recipients: ['a', 'b', 'c']
		});
		expect(result.recipientTotals.a).toBe('0.00');
		expect(result.trace.recipients.find((r) => r.recipient === 'a')!.shares).toEqual([]);
	});
});

describe('allocate', () => {
	it('returns an unknown_method issue instead of throwing for a method that is not in the registry', async () => {
		const { allocate } = await import('./index.ts');
		const result = allocate(
			{ pools: [{ id: 'p', cost: '1.00', drivers: { x: 1 } }], recipients: ['x'] },
			'matrix' as never
		);
		expect(result.ok ? [] : result.issues).toEqual([
			expect.objectContaining({ code: 'unknown_method', path: 'method' })
		]);
	});
});
