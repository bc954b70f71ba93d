// Solve (I − M)·x = b for the reciprocal method. The matrix is factored once in floating point
// (dense LU with partial pivoting on a Float64Array); the answer is then refined in exact Decimal
// arithmetic (residual r = b − (I − M)·x in Decimal, correction solved with the same factors) until
// the Decimal residual is negligible. An ill-conditioned system falls back to Gaussian elimination
// in Decimal. The LU is a few lines here rather than mathjs's, which costs a second to load and
// works on arrays of arrays: the float factors only seed the exact refinement. Blocks of pools with
// small integers are solved exactly in rationals instead (fraction-free elimination in bigint, see
// reciprocal.ts), which is cheaper than seeding and refining.
import { Decimal, ZERO } from '../money/decimal.ts';

/** One off-diagonal coefficient of M: row i, column j. */
export interface SparseEntry {
	readonly row: number;
	readonly col: number;
	readonly value: Decimal;
}

export interface LinearSolution {
	readonly x: Decimal[];
	readonly solver: 'float-lu-refined' | 'decimal-elimination';
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

/**
 * Solve (I − M)·x = b. The tolerance on the Decimal residual is 1e-42 (or 55 digits below the
 * largest |b|), far below a cent, so rounding the solution to cents is exact.
 * @throws Error when the system is singular or cannot be solved to that tolerance.
 */
export function solveIdentityMinus(n: number, entries: readonly SparseEntry[], b: readonly Decimal[]): LinearSolution {
	const bMax = maxAbs(b);
	const tolerance = Decimal.max(new Decimal('1e-42'), bMax.times('1e-55'));
	const dense = new Float64Array(n * n);
	for (let i = 0; i < n; i++) dense[i * n + i] = 1;
	for (const { row, col, value } of entries) dense[row * n + col]! -= toNumber(value);
	const factors = factorLu(dense, n);
	if (factors) {
		const solve = (rhs: readonly Decimal[]): Decimal[] =>
			Array.from(solveLu(factors, Float64Array.from(rhs, toNumber)), fromNumber);
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
	}
	return solveBig(n, entries, b, tolerance);
}

interface LuFactors {
	readonly n: number;
	/** L (unit diagonal, below) and U (on and above the diagonal) in one row-major array. */
	readonly lu: Float64Array;
	/** Row i of the factors is row perm[i] of the matrix. */
	readonly perm: Int32Array;
}

/** PA = LU with partial pivoting, in place on `a` (row-major n×n); undefined when a pivot is zero or not finite. */
function factorLu(a: Float64Array, n: number): LuFactors | undefined {
	const perm = Int32Array.from({ length: n }, (_, i) => i);
	for (let k = 0; k < n; k++) {
		let pivotRow = k;
		let largest = Math.abs(a[k * n + k]!);
		for (let i = k + 1; i < n; i++) {
			const v = Math.abs(a[i * n + k]!);
			if (v > largest) [largest, pivotRow] = [v, i];
		}
		if (!(largest > 0) || !Number.isFinite(largest)) return undefined;
		if (pivotRow !== k) {
			for (let j = 0; j < n; j++) [a[k * n + j], a[pivotRow * n + j]] = [a[pivotRow * n + j]!, a[k * n + j]!];
			[perm[k], perm[pivotRow]] = [perm[pivotRow]!, perm[k]!];
		}
		const pivot = a[k * n + k]!;
		for (let i = k + 1; i < n; i++) {
			const factor = (a[i * n + k]! /= pivot);
			if (factor !== 0) for (let j = k + 1; j < n; j++) a[i * n + j]! -= factor * a[k * n + j]!;
		}
	}
	return { n, lu: a, perm };
}

/** x with (LU)·x = P·b: forward then back substitution. */
function solveLu({ n, lu, perm }: LuFactors, b: Float64Array): Float64Array {
	const x = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		let s = b[perm[i]!]!;
		for (let j = 0; j < i; j++) s -= lu[i * n + j]! * x[j]!;
		x[i] = s;
	}
	for (let i = n - 1; i >= 0; i--) {
		let s = x[i]!;
		for (let j = i + 1; j < n; j++) s -= lu[i * n + j]! * x[j]!;
		x[i] = s / lu[i * n + i]!;
	}
	return x;
}

/** Gaussian elimination with partial pivoting in Decimal (60 digits), for systems the float factors cannot seed. */
export function solveBig(
	n: number,
	entries: readonly SparseEntry[],
	b: readonly Decimal[],
	tolerance: Decimal
): LinearSolution {
	const a: Decimal[][] = Array.from({ length: n }, (_, i) =>
		Array.from({ length: n }, (_, j) => (i === j ? new Decimal(1) : ZERO))
	);
	for (const { row, col, value } of entries) a[row]![col] = a[row]![col]!.minus(value);
	const rhs = [...b];
	for (let k = 0; k < n; k++) {
		let pivotRow = k;
		for (let i = k + 1; i < n; i++) if (a[i]![k]!.abs().greaterThan(a[pivotRow]![k]!.abs())) pivotRow = i;
		if (a[pivotRow]![k]!.isZero()) throw new Error('[model] the reciprocal system is singular');
		[a[k], a[pivotRow]] = [a[pivotRow]!, a[k]!];
		[rhs[k], rhs[pivotRow]] = [rhs[pivotRow]!, rhs[k]!];
		for (let i = k + 1; i < n; i++) {
			const factor = a[i]![k]!.dividedBy(a[k]![k]!);
			if (factor.isZero()) continue;
			for (let j = k; j < n; j++) a[i]![j] = a[i]![j]!.minus(factor.times(a[k]![j]!));
			rhs[i] = rhs[i]!.minus(factor.times(rhs[k]!));
		}
	}
	const x: Decimal[] = new Array<Decimal>(n).fill(ZERO);
	for (let i = n - 1; i >= 0; i--) {
		let s = rhs[i]!;
		for (let j = i + 1; j < n; j++) s = s.minus(a[i]![j]!.times(x[j]!));
		x[i] = s.dividedBy(a[i]![i]!);
	}
	const residual = maxAbs(residualOf(entries, b, x));
	if (residual.greaterThan(tolerance.times('1e12')))
		throw new Error(
			`[model] the reciprocal system could not be solved accurately (residual ${residual.toExponential(3)})`
		);
	return { x, solver: 'decimal-elimination', refinements: 0, residual };
}

/** The exact solution of an integer system: x_i = numerators[i] / denominator (denominator > 0). */
export interface RationalSolution {
	readonly numerators: readonly bigint[];
	readonly denominator: bigint;
}

/**
 * Fraction-free Gauss–Jordan elimination (Bareiss) of the n×n matrix on the left of `m` (its rows are
 * [A | B], B any number of columns), in place: every division is exact. After it every diagonal
 * entry is the determinant up to the sign of the row swaps, and column n + j holds det·(A⁻¹B)ⱼ up to
 * that sign. Returns the last pivot (the determinant, up to sign), or undefined when A is singular.
 */
function eliminate(m: bigint[][], n: number): bigint | undefined {
	const width = m[0]?.length ?? 0;
	let previous = 1n;
	for (let k = 0; k < n; k++) {
		let pivotRow = k;
		while (pivotRow < n && m[pivotRow]![k] === 0n) pivotRow++;
		if (pivotRow === n) return undefined;
		if (pivotRow !== k) [m[k], m[pivotRow]] = [m[pivotRow]!, m[k]!];
		const pivot = m[k]!;
		const p = pivot[k]!;
		for (let i = 0; i < n; i++) {
			if (i === k) continue;
			const row = m[i]!;
			const f = row[k]!;
			for (let j = 0; j < width; j++) if (j !== k) row[j] = (p * row[j]! - f * pivot[j]!) / previous;
			row[k] = 0n;
		}
		previous = p;
	}
	return previous;
}

/**
 * Solve A·x = b exactly for a small integer matrix (row-major, n×n) by fraction-free Gauss–Jordan
 * elimination (Bareiss): every division is exact, and the result is checked by A·x = b in integers.
 * @returns undefined when A is singular
 */
export function solveIntegerExact(
	a: readonly (readonly bigint[])[],
	b: readonly bigint[]
): RationalSolution | undefined {
	const n = b.length;
	const m = a.map((row, i) => [...row, b[i]!]);
	const previous = eliminate(m, n);
	if (previous === undefined) return undefined;
	const sign = previous < 0n ? -1n : 1n;
	const denominator = previous * sign;
	const numerators = m.map((row, i) => (row[n]! * sign * previous) / row[i]!);
	for (let i = 0; i < n; i++) {
		let lhs = 0n;
		for (let j = 0; j < n; j++) lhs += a[i]![j]! * numerators[j]!;
		if (lhs !== b[i]! * denominator) return undefined;
	}
	return { numerators, denominator };
}

/** The exact inverse of an integer matrix: A⁻¹ = adjugate / denominator (denominator > 0). */
export interface RationalInverse {
	/** Row-major n×n: x = adjugate·b / denominator solves A·x = b for every b. */
	readonly adjugate: readonly (readonly bigint[])[];
	readonly denominator: bigint;
}

/**
 * The exact inverse of a small integer matrix, by the same fraction-free Gauss–Jordan elimination as
 * `solveIntegerExact` on the identity's columns at once, checked by A·adjugate = denominator·I.
 * For a matrix that has many right-hand sides: each is then a matrix-vector product.
 * @returns undefined when A is singular
 */
export function invertIntegerExact(a: readonly (readonly bigint[])[]): RationalInverse | undefined {
	const n = a.length;
	const m = a.map((row, i) => [...row, ...a.map((_, j) => (i === j ? 1n : 0n))]);
	const previous = eliminate(m, n);
	if (previous === undefined) return undefined;
	const sign = previous < 0n ? -1n : 1n;
	const denominator = previous * sign;
	const adjugate = m.map((row, i) => row.slice(n).map((x) => (x * sign * previous) / row[i]!));
	for (let i = 0; i < n; i++)
		for (let j = 0; j < n; j++) {
			let product = 0n;
			for (let k = 0; k < n; k++) product += a[i]![k]! * adjugate[k]![j]!;
			if (product !== (i === j ? denominator : 0n)) return undefined;
		}
	return { adjugate, denominator };
}
