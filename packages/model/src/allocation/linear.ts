// The one adapter between decimal.js and mathjs: solve (I − M)·x = b for the reciprocal method.
// mathjs factors the matrix once in floating point (LU with partial pivoting); the answer is then
// refined in exact Decimal arithmetic (residual r = b − (I − M)·x in Decimal, correction solved
// with the same factors) until the Decimal residual is negligible. Values cross between the two
// libraries only as strings. An ill-conditioned system falls back to mathjs BigNumber LU.
import { create, bignumberDependencies, lupDependencies, lusolveDependencies, matrixDependencies } from 'mathjs';
import { Decimal, ZERO } from '../money/decimal.ts';

// Selective mathjs instances (factory API) keep the web app's bundle small.
// (The typings declare each dependency map as possibly undefined; they are always defined.)
const floatMath = create({
	lupDependencies: lupDependencies!,
	lusolveDependencies: lusolveDependencies!,
	matrixDependencies: matrixDependencies!
});
const bigMath = create(
	{
		lusolveDependencies: lusolveDependencies!,
		bignumberDependencies: bignumberDependencies!,
		matrixDependencies: matrixDependencies!
	},
	{ number: 'BigNumber', precision: 64 }
);

/** One off-diagonal coefficient of M: row i, column j. */
export interface SparseEntry {
	readonly row: number;
	readonly col: number;
	readonly value: Decimal;
}

export interface LinearSolution {
	readonly x: Decimal[];
	readonly solver: 'float-lu-refined' | 'bignumber-lu';
	readonly refinements: number;
	/** max_i |b_i − ((I − M)·x)_i|, exact in Decimal. */
	readonly residual: Decimal;
}

const MAX_REFINEMENTS = 10;

function toNumber(value: Decimal): number {
	return Number(value.toString());
}

function fromNumber(value: number): Decimal {
	return new Decimal(String(value));
}

/** r = b − (I − M)·x, in Decimal. */
function residualOf(entries: readonly SparseEntry[], b: readonly Decimal[], x: readonly Decimal[]): Decimal[] {
	const r = b.map((bi, i) => bi.minus(x[i]!));
	for (const { row, col, value } of entries) r[row] = r[row]!.plus(value.times(x[col]!));
	return r;
}

function maxAbs(values: readonly Decimal[]): Decimal {
	let max = ZERO;
	for (const v of values) if (v.abs().greaterThan(max)) max = v.abs();
	return max;
}

function column(result: unknown): unknown[] {
	const rows = (result as { valueOf(): unknown[] }).valueOf() as unknown[];
	return rows.map((row) => (Array.isArray(row) ? row[0] : row));
}

/**
 * Solve (I − M)·x = b. The tolerance on the Decimal residual is 1e-42 (or 55 digits below the
 * largest |b|), far below a cent, so rounding the solution to cents is exact.
 * @throws Error when the system is singular or cannot be solved to that tolerance.
 */
export function solveIdentityMinus(n: number, entries: readonly SparseEntry[], b: readonly Decimal[]): LinearSolution {
	const bMax = maxAbs(b);
	const tolerance = Decimal.max(new Decimal('1e-42'), bMax.times('1e-55'));
	const dense: number[][] = Array.from({ length: n }, (_, i) => {
		const row = new Array<number>(n).fill(0);
		row[i] = 1;
		return row;
	});
	for (const { row, col, value } of entries) dense[row]![col]! -= toNumber(value);

	try {
		const factors = floatMath.lup(dense);
		// mathjs treats values below its absolute tolerance as zero, so each right-hand side is scaled
		// to order 1 by a power of ten (exact in Decimal) and the answer scaled back.
		const solve = (rhs: readonly Decimal[]): Decimal[] => {
			const largest = maxAbs(rhs);
			const scale = largest.isZero() ? new Decimal(1) : new Decimal(10).pow(-largest.e);
			const solved = column(
				floatMath.lusolve(
					factors,
					rhs.map((v) => [toNumber(v.times(scale))])
				)
			);
			return solved.map((v) => fromNumber(v as number).dividedBy(scale));
		};
		let x = solve(b);
		let previous: Decimal | undefined;
		for (let refinements = 0; refinements <= MAX_REFINEMENTS; refinements++) {
			const r = residualOf(entries, b, x);
			const residual = maxAbs(r);
			if (residual.lessThanOrEqualTo(tolerance)) return { x, solver: 'float-lu-refined', refinements, residual };
			if (previous !== undefined && residual.greaterThan(previous.times('0.001'))) break; // not converging
			previous = residual;
			const correction = solve(r);
			x = x.map((xi, i) => xi.plus(correction[i]!));
		}
	} catch {
		// A float factorisation failure falls through to the BigNumber solve, which decides.
	}
	return solveBig(n, entries, b, tolerance);
}

function solveBig(
	n: number,
	entries: readonly SparseEntry[],
	b: readonly Decimal[],
	tolerance: Decimal
): LinearSolution {
	const big = (text: string): unknown => bigMath.bignumber(text);
	const dense: string[][] = Array.from({ length: n }, (_, i) => {
		const row = new Array<string>(n).fill('0');
		row[i] = '1';
		return row;
	});
	for (const { row, col, value } of entries) dense[row]![col] = new Decimal(dense[row]![col]!).minus(value).toString();
	let solution: unknown;
	try {
		solution = bigMath.lusolve(dense.map((row) => row.map(big)) as never, b.map((v) => [big(v.toString())]) as never);
	} catch (error) {
		throw new Error(`[model] the reciprocal system is singular: ${(error as Error).message}`, { cause: error });
	}
	const x = column(solution).map((v) => new Decimal(String(v)));
	const residual = maxAbs(residualOf(entries, b, x));
	if (residual.greaterThan(tolerance.times('1e12')))
		throw new Error(
			`[model] the reciprocal system could not be solved accurately (residual ${residual.toExponential(3)})`
		);
	return { x, solver: 'bignumber-lu', refinements: 0, residual };
}
