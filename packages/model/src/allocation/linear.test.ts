// The reciprocal system's solver: the float-seeded refinement and the Decimal elimination agree
// with a system solved by hand.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../money/decimal.ts';
import { invertIntegerExact, solveBig, solveIdentityMinus, solveIntegerExact, type SparseEntry } from './linear.ts';

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

describe('solveIntegerExact', () => {
	it('solves an integer system exactly: 3x + y = 5, x + 2y = 5 ⇒ x = 1, y = 2', () => {
		const solution = solveIntegerExact(
			[
				[3n, 1n],
				[1n, 2n]
			],
			[5n, 5n]
		);
		expect(solution).toEqual({ numerators: [5n, 10n], denominator: 5n });
	});

	it('needs a row swap for a zero pivot and keeps the denominator positive', () => {
		const solution = solveIntegerExact(
			[
				[0n, 2n],
				[3n, 0n]
			],
			[4n, 9n]
		)!;
		expect(solution.numerators.map((x) => x / solution.denominator)).toEqual([3n, 2n]);
		expect(solution.denominator > 0n).toBe(true);
	});

	it('agrees with the float-seeded Decimal refinement on random systems', () => {
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		for (let trial = 0; trial < 50; trial++) {
			const n = 2 + (trial % 9);
			// Diagonally dominant integer systems W·(I − S) with W the row sums, as the reciprocal method builds them.
			const a = Array.from({ length: n }, (_, i) =>
				Array.from({ length: n }, (_, j) => (i === j ? 0n : next() < 0.4 ? BigInt(Math.floor(next() * 50)) : 0n))
			);
			for (let i = 0; i < n; i++) {
				let off = 0n;
				for (let j = 0; j < n; j++) off += a[i]![j]!;
				for (let j = 0; j < n; j++) a[i]![j] = -a[i]![j]!;
				a[i]![i] = off + 1n + BigInt(Math.floor(next() * 100));
			}
			const rhs = Array.from({ length: n }, () => BigInt(Math.floor(next() * 1e9)));
			const exact = solveIntegerExact(a, rhs)!;
			const entries: SparseEntry[] = [];
			for (let i = 0; i < n; i++)
				for (let j = 0; j < n; j++)
					if (i !== j && a[i]![j] !== 0n)
						entries.push({ row: i, col: j, value: new Decimal(String(-a[i]![j]!)).dividedBy(String(a[i]![i])) });
			const scaled = rhs.map((r, i) => new Decimal(String(r)).dividedBy(String(a[i]![i])));
			const refined = solveIdentityMinus(n, entries, scaled);
			for (let i = 0; i < n; i++) {
				const x = new Decimal(String(exact.numerators[i])).dividedBy(String(exact.denominator));
				expect(x.minus(refined.x[i]!).abs().lessThan('1e-35')).toBe(true);
			}
		}
	});

	it('reports a singular system as undefined', () => {
		expect(
			solveIntegerExact(
				[
					[1n, 1n],
					[2n, 2n]
				],
				[1n, 2n]
			)
		).toBeUndefined();
	});

	it('inverts exactly: the inverse times any right-hand side is the solution of the elimination', () => {
		let seed = 11;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		for (let trial = 0; trial < 40; trial++) {
			const n = 1 + (trial % 8);
			// Some rows swapped in, so the elimination has to pivot.
			const a = Array.from({ length: n }, (_, i) =>
				Array.from({ length: n }, (_, j) => (i === j && trial % 3 !== 0 ? 0n : BigInt(Math.floor(next() * 21) - 10)))
			);
			const inverse = invertIntegerExact(a);
			const rhs = Array.from({ length: n }, () => BigInt(Math.floor(next() * 1e9) - 5e8));
			const exact = solveIntegerExact(a, rhs);
			if (!exact) {
				expect(inverse).toBeUndefined();
				continue;
			}
			expect(inverse!.denominator > 0n).toBe(true);
			const numerators = inverse!.adjugate.map((row) => row.reduce((s, x, j) => s + x * rhs[j]!, 0n));
			// The same rationals: x·d' = x'·d for each component.
			numerators.forEach((x, i) => expect(x * exact.denominator).toBe(exact.numerators[i]! * inverse!.denominator));
		}
	});

	it('reports a singular matrix as having no inverse', () => {
		expect(
			invertIntegerExact([
				[1n, 1n],
				[2n, 2n]
			])
		).toBeUndefined();
	});
});
