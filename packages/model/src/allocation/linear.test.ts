// The reciprocal system's solver: the float-seeded refinement and the Decimal elimination agree
// with a system solved by hand.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../money/decimal.ts';
import { solveBig, solveIdentityMinus, type SparseEntry } from './linear.ts';

// Two support pools that serve each other: x₁ = 100 + 0.2·x₂, x₂ = 50 + 0.5·x₁
// ⇒ x₁ = 110 / 0.9 = 122.2…, x₂ = 50 + 0.5·x₁ = 111.1…
const entries: SparseEntry[] = [
	{ row: 0, col: 1, value: new Decimal('0.2') },
	{ row: 1, col: 0, value: new Decimal('0.5') }
];
const b = [new Decimal('100'), new Decimal('50')];
const x1 = new Decimal(110).dividedBy('0.9');
const x2 = new Decimal(50).plus(x1.times('0.5'));

describe('solveIdentityMinus', () => {
	it('solves (I − M)·x = b to far below a cent with float LU and Decimal refinement', () => {
		const solution = solveIdentityMinus(2, entries, b);
		expect(solution.solver).toBe('float-lu-refined');
		expect(solution.x[0]!.minus(x1).abs().lessThan('1e-40')).toBe(true);
		expect(solution.x[1]!.minus(x2).abs().lessThan('1e-40')).toBe(true);
	});

	it('falls back to elimination in Decimal with the same answer', () => {
		const solution = solveBig(2, entries, b, new Decimal('1e-42'));
		expect(solution.solver).toBe('decimal-elimination');
		expect(solution.x[0]!.minus(x1).abs().lessThan('1e-40')).toBe(true);
		expect(solution.x[1]!.minus(x2).abs().lessThan('1e-40')).toBe(true);
	});

	it('reports a singular system', () => {
		const loop: SparseEntry[] = [
			{ row: 0, col: 1, value: new Decimal(1) },
			{ row: 1, col: 0, value: new Decimal(1) }
		];
		expect(() => solveIdentityMinus(2, loop, b)).toThrow(/singular/);
	});
});
