// The reciprocal (simultaneous equations, matrix) method: every pool's total is its own cost plus
// its share of every other pool's total, T = c + Sᵀ·T, with S[i][j] the share of pool i's service
// that goes to pool j (its normalised weights). All totals are solved at once; then each total is
// allocated to the recipients and to the other pools by the same shares.
import { Decimal, sum } from '../money/decimal.ts';
import type { NormalisedProblem } from '../problem/types.ts';
import {
	FIXED_PLACES,
	FIXED_SCALE,
	powerOfTen,
	scaleDecimal,
	toFixedPoint,
	weightsToIntegers
} from '../money/fixed.ts';
import { buildResult, weightsOf, type Plan, type PlannedStep, type PoolWeights } from './build.ts';
import {
	invertIntegerExact,
	solveIdentityMinus,
	solveIntegerExact,
	type RationalInverse,
	type RationalSolution,
	type SparseEntry
} from './linear.ts';
import type { AllocationResult, SolveReport } from './types.ts';

/**
 * The pools are split into blocks that serve each other (strongly connected components of "serves");
 * each block of at most this many pools is solved exactly in rationals, whatever the number of weight
 * decimals. A larger block is solved exactly too when its integers stay small (pools × digits of the
 * largest weight sum ≤ EXACT_SOLVE_MAX_DIGITS, up to EXACT_SOLVE_LARGE_POOLS pools): fraction-free
 * elimination costs about pools³ products of numbers of that many digits. Otherwise the whole system
 * goes to the float LU refined in Decimal.
 */
export const EXACT_SOLVE_MAX_POOLS = 12;
export const EXACT_SOLVE_LARGE_POOLS = 64;
export const EXACT_SOLVE_MAX_DIGITS = 250;

/** Decimals to which block totals are carried from one block to the next (far below the 10⁻³⁰ of the result). */
const CARRY_PLACES = 60;
const TO_FIXED = powerOfTen(CARRY_PLACES - FIXED_PLACES);

/**
 * Allocate by solving all pool totals at once, then splitting each total by its weights.
 * @param solver 'refined' forces the float LU refined in Decimal, 'whole' the exact solve of the whole
 *   system at once (tests hold every path to one result)
 */
export function allocateReciprocal(
	problem: NormalisedProblem,
	solver: 'auto' | 'refined' | 'whole' = 'auto'
): AllocationResult {
	return buildResult(problem, planReciprocal(problem, solver));
}

/** The reciprocal plan: every pool's total solved at once, each split over all its drivers. */
export function planReciprocal(problem: NormalisedProblem, solver: 'auto' | 'refined' | 'whole' = 'auto'): Plan {
	const solved =
		solver === 'auto' ? solveByBlocks(problem) : solver === 'whole' ? solveWholeExactly(problem) : undefined;
	const { totals, solve } = solved ?? solveRefined(problem);
	const steps: PlannedStep[] = problem.pools.map((pool, i) => ({
		pool,
		total: totals[i]!,
		targets: weightsOf(pool).ids
	}));
	return { method: 'reciprocal', steps, solve };
}

interface Solved {
	/** Each pool's total in fixed point (10⁻³⁰ euro, rounded half-even). */
	readonly totals: readonly bigint[];
	readonly solve: SolveReport | (() => SolveReport);
}

/** Float LU seeding an exact Decimal refinement (any size). */
function solveRefined(problem: NormalisedProblem): Solved {
	const index = new Map(problem.pools.map((pool, i) => [pool.id, i]));
	const entries: SparseEntry[] = [];
	for (const [i, pool] of problem.pools.entries()) {
		const weightSum = sum(pool.drivers.values());
		for (const [target, weight] of pool.drivers) {
			const j = index.get(target);
			// T_j = c_j + Σ_i S[i][j]·T_i: row j, column i of Sᵀ.
			if (j !== undefined && !weight.isZero()) entries.push({ row: j, col: i, value: weight.dividedBy(weightSum) });
		}
	}
	const solution = solveIdentityMinus(
		problem.pools.length,
		entries,
		problem.pools.map((pool) => pool.cost)
	);
	return {
		totals: solution.x.map(toFixedPoint),
		solve: {
			size: problem.pools.length,
			solver: solution.solver,
			refinements: solution.refinements,
			residual: solution.residual.toExponential(3)
		}
	};
}

/** One pool-to-pool flow: pool `from` gives weight `weight` (of its weight sum) to pool `to`. */
interface PoolEdge {
	readonly from: number;
	readonly to: number;
	readonly weight: bigint;
}

/** The problem as integers: each pool's weight sum and its positive weights to other pools. */
interface IntegerSystem {
	readonly weightSums: readonly bigint[];
	readonly edges: readonly PoolEdge[];
	/** Per pool, the indices in `edges` of its outgoing flows. */
	readonly outgoing: readonly number[][];
}

function integerSystem(problem: NormalisedProblem): IntegerSystem {
	const index = new Map(problem.pools.map((pool, i) => [pool.id, i]));
	const edges: PoolEdge[] = [];
	const outgoing: number[][] = problem.pools.map(() => []);
	const weightSums = problem.pools.map((pool, from) => {
		const weights = weightsOf(pool);
		weights.ids.forEach((id, k) => {
			const to = index.get(id);
			if (to === undefined || weights.values[k] === 0n) return;
			outgoing[from]!.push(edges.length);
			edges.push({ from, to, weight: weights.values[k]! });
		});
		return weights.sum;
	});
	return { weightSums, edges, outgoing };
}

/** One block of pools that serve each other, as the solve of a system meets it again and again. */
interface BlockSolver {
	readonly pools: readonly number[];
	/** A single pool that does not serve itself: its total is what flows into it. */
	readonly trivial: boolean;
	/** How often the block was solved. */
	uses: number;
	/** The block's exact inverse, made at its second solve; null when the block is singular. */
	inverse?: RationalInverse | null;
}

/** What a reciprocal system's weights decide: its integers and its blocks (undefined when a block is too large). */
interface SystemSolver {
	readonly system: IntegerSystem;
	readonly blocks: readonly BlockSolver[] | undefined;
}

// The systems met, by their pools and weights (content, not objects: every year and every scenario
// derived from another brings new weight maps with, mostly, the same weights). Bounded.
const SYSTEMS_KEPT = 2_000;
const systems = new Map<string, SystemSolver>();
// A number per distinct weights content; numbers are never given twice, so a number kept by a
// PoolWeights stays its own even after the table below starts afresh.
const contentNumbers = new Map<string, number>();
const numberOf = new WeakMap<PoolWeights, number>();
let nextNumber = 0;

function contentNumber(weights: PoolWeights): number {
	let number = numberOf.get(weights);
	if (number !== undefined) return number;
	const content = `${weights.ids.join('\u0001')}\u0002${weights.values.join(',')}\u0002${weights.places}`;
	number = contentNumbers.get(content);
	if (number === undefined) {
		if (contentNumbers.size >= SYSTEMS_KEPT * 8) contentNumbers.clear();
		contentNumbers.set(content, (number = nextNumber++));
	}
	numberOf.set(weights, number);
	return number;
}

function systemSolver(problem: NormalisedProblem): SystemSolver {
	const key = problem.pools.map((pool) => `${pool.id}\u0001${contentNumber(weightsOf(pool))}`).join('\u0002');
	let solver = systems.get(key);
	if (solver) return solver;
	const system = integerSystem(problem);
	const blocks = servingOrder(problem.pools.length, system);
	solver = {
		system,
		blocks: blocks.every((block) => exactlySolvable(block, system))
			? blocks.map((pools) => ({ pools, trivial: pools.length === 1 && !selfServing(pools[0]!, system), uses: 0 }))
			: undefined
	};
	if (systems.size >= SYSTEMS_KEPT) systems.clear();
	systems.set(key, solver);
	return solver;
}

/**
 * The exact solution, block by block: the blocks of pools that serve each other come in an order
 * where each block is served only by blocks before it; each block's totals are solved exactly in
 * rationals with what the earlier blocks gave it, and carried on to 10⁻⁶⁰ euro. Undefined when a
 * block is too large to solve exactly, or singular.
 */
function solveByBlocks(problem: NormalisedProblem): Solved | undefined {
	const n = problem.pools.length;
	const { system, blocks } = systemSolver(problem);
	if (!blocks) return undefined;
	// What each pool has, in units of 10⁻⁶⁰ euro: its own cost, plus the flows from earlier blocks as they come.
	const inflow = problem.pools.map((pool) => scaleDecimal(pool.cost, CARRY_PLACES));
	const totals: bigint[] = new Array<bigint>(n).fill(0n);
	for (const block of blocks) {
		const solved = block.trivial ? [inflow[block.pools[0]!]!] : solveBlock(block, system, inflow);
		if (!solved) return undefined;
		block.pools.forEach((i, k) => (totals[i] = solved[k]!));
		for (const i of block.pools)
			for (const e of system.outgoing[i]!) {
				const { to, weight } = system.edges[e]!;
				if (!block.pools.includes(to)) inflow[to]! += roundHalfEven(totals[i]! * weight, system.weightSums[i]!);
			}
	}
	return {
		totals: totals.map((t) => roundHalfEven(t, TO_FIXED)),
		solve: () => ({ size: n, solver: 'exact-rational', refinements: 0, residual: residualOf(problem, system, totals) })
	};
}

/** Whether a block is small enough, or its integers are, for exact elimination to beat refinement. */
function exactlySolvable(block: readonly number[], system: IntegerSystem): boolean {
	if (block.length <= EXACT_SOLVE_MAX_POOLS) return true;
	if (block.length > EXACT_SOLVE_LARGE_POOLS) return false;
	let largest = 0n;
	for (const i of block) if (system.weightSums[i]! > largest) largest = system.weightSums[i]!;
	return block.length * largest.toString().length <= EXACT_SOLVE_MAX_DIGITS;
}

function selfServing(i: number, system: IntegerSystem): boolean {
	return system.outgoing[i]!.some((e) => system.edges[e]!.to === i);
}

/**
 * One block's totals (10⁻⁶⁰ euro, rounded half-even) from what flows into it. With W_i the weight
 * sum of pool i and T_i = W_i·z_i, the block's equations T_j = inflow_j + Σ_i (w_ij / W_i)·T_i
 * become the integer system Σ_i (δ_ji·W_i − w_ij)·z_i = inflow_j, solved exactly: by elimination
 * the first time, by the block's exact inverse from the second on (the same rational solution, so
 * the same rounding).
 */
function solveBlock(block: BlockSolver, system: IntegerSystem, inflow: readonly bigint[]): bigint[] | undefined {
	const { pools } = block;
	const rhs = pools.map((i) => inflow[i]!);
	block.uses++;
	if (block.inverse === undefined && block.uses >= 2)
		block.inverse = invertIntegerExact(blockMatrix(pools, system)) ?? null;
	const solution =
		block.inverse === undefined ? solveIntegerExact(blockMatrix(pools, system), rhs) : applyInverse(block.inverse, rhs);
	if (!solution) return undefined;
	return pools.map((i, k) => roundHalfEven(system.weightSums[i]! * solution.numerators[k]!, solution.denominator));
}

function applyInverse(inverse: RationalInverse | null, rhs: readonly bigint[]): RationalSolution | undefined {
	if (!inverse) return undefined;
	const numerators = inverse.adjugate.map((row) => {
		let x = 0n;
		for (let j = 0; j < row.length; j++) x += row[j]! * rhs[j]!;
		return x;
	});
	return { numerators, denominator: inverse.denominator };
}

/** The block's integer matrix δ_ji·W_i − w_ij (rows: receiving pool, columns: serving pool). */
function blockMatrix(block: readonly number[], system: IntegerSystem): bigint[][] {
	const position = new Map(block.map((i, k) => [i, k]));
	const a = block.map((_, row) => block.map((i, col) => (row === col ? system.weightSums[i]! : 0n)));
	for (const [col, i] of block.entries())
		for (const e of system.outgoing[i]!) {
			const { to, weight } = system.edges[e]!;
			const row = position.get(to);
			if (row !== undefined) a[row]![col]! -= weight;
		}
	return a;
}

/**
 * The blocks of pools that serve each other (Tarjan's strongly connected components), ordered so
 * that every block is served only by pools in itself or in blocks before it.
 */
function servingOrder(n: number, system: IntegerSystem): number[][] {
	const index = new Int32Array(n).fill(-1);
	const low = new Int32Array(n);
	const onStack = new Uint8Array(n);
	const stack: number[] = [];
	const blocks: number[][] = [];
	let counter = 0;
	const visit = (v: number): void => {
		index[v] = low[v] = counter++;
		stack.push(v);
		onStack[v] = 1;
		for (const e of system.outgoing[v]!) {
			const w = system.edges[e]!.to;
			if (index[w] === -1) {
				visit(w);
				low[v] = Math.min(low[v]!, low[w]!);
			} else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
		}
		if (low[v] !== index[v]) return;
		const block: number[] = [];
		let w: number;
		do {
			w = stack.pop()!;
			onStack[w] = 0;
			block.push(w);
		} while (w !== v);
		blocks.push(block.sort((x, y) => x - y));
	};
	for (let v = 0; v < n; v++) if (index[v] === -1) visit(v);
	// Tarjan closes a block after every block it serves: reversed, servers come first.
	return blocks.reverse();
}

/**
 * max_j |c_j + Σ_i (w_ij / W_i)·T_i − T_j| in euros, for the report: each quotient is split exactly
 * into its integer part and a remainder below one unit of 10⁻⁶⁰, so the whole-unit residual is exact.
 */
function residualOf(problem: NormalisedProblem, system: IntegerSystem, totals: readonly bigint[]): string {
	const whole = problem.pools.map((pool, j) => scaleDecimal(pool.cost, CARRY_PLACES) - totals[j]!);
	const fraction = new Float64Array(problem.pools.length);
	for (const { from, to, weight } of system.edges) {
		const product = totals[from]! * weight;
		const q = product / system.weightSums[from]!;
		whole[to]! += q;
		fraction[to]! += Number(product - q * system.weightSums[from]!) / Number(system.weightSums[from]!);
	}
	let max = 0;
	whole.forEach((w, j) => (max = Math.max(max, Math.abs(Number(w) + fraction[j]!))));
	return new Decimal(max).times(`1e-${CARRY_PLACES}`).toExponential(3);
}

/**
 * The exact rational solution of the whole system at once, rounded half-even to fixed point. With
 * integer weights w_ij and W_i = Σ_j w_ij, substituting T_i = W_i·z_i turns (I − Sᵀ)·T = c into the
 * integer system Σ_i (δ_ji·W_i − w_ij)·z_i = c_j (costs scaled to integers). Undefined when the
 * system is singular. (The reference the block solve is held to; slow when the pools are many.)
 */
function solveWholeExactly(problem: NormalisedProblem): Solved | undefined {
	const n = problem.pools.length;
	const system = integerSystem(problem);
	const a = problem.pools.map((_, i) => problem.pools.map((__, j) => (i === j ? system.weightSums[i]! || 1n : 0n)));
	for (const { from, to, weight } of system.edges) a[to]![from]! -= weight;
	const costs = weightsToIntegers(problem.pools.map((pool) => pool.cost));
	const solution = solveIntegerExact(a, costs.integers);
	if (!solution) return undefined;
	const denominator = solution.denominator * powerOfTen(costs.places);
	const scale = (i: number) => system.weightSums[i]! || 1n;
	const totals = solution.numerators.map((z, i) => roundHalfEven(scale(i) * z * FIXED_SCALE, denominator));
	return { totals, solve: { size: n, solver: 'exact-rational', refinements: 0, residual: ZERO_RESIDUAL } };
}

const ZERO_RESIDUAL = new Decimal(0).toExponential(3);

/** numerator / denominator (denominator > 0) rounded half-even to an integer. */
function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
	const negative = numerator < 0n;
	const magnitude = negative ? -numerator : numerator;
	let q = magnitude / denominator;
	const twice = (magnitude - q * denominator) * 2n;
	if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
	return negative ? -q : q;
}
