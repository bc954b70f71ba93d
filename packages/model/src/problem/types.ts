// The generic allocation problem: cost pools with their own cost and driver weights over
// recipients and other pools. `AllocationProblem` is the file format (plain JSON data);
// `NormalisedProblem` is what the methods compute on, after validation.
import type { Decimal } from '../money/decimal.ts';

export { METHOD_IDS, type MethodId } from '../domain/format.ts';
import type { MethodId } from '../domain/format.ts';

/** One cost pool as written in a problem file. */
export interface ProblemPool {
	readonly id: string;
	/** Own cost before any allocation, a decimal string with at most two decimals ("1700000.00"). */
	readonly cost: string;
	/** Non-negative weights over recipients and other pools (numbers or decimal strings), normalised per pool. */
	readonly drivers: Readonly<Record<string, string | number>>;
	readonly label?: string;
}

/** A source that a problem reproduces, e.g. a textbook example. */
export interface ProblemSource {
	readonly title: string;
	readonly url?: string;
	readonly note?: string;
}

/** An allocation problem as written in a problem file (see docs/problem-format.md). */
export interface AllocationProblem {
	readonly method?: MethodId;
	readonly order?: readonly string[];
	readonly pools: readonly ProblemPool[];
	readonly recipients: readonly string[];
	readonly title?: string;
	readonly description?: string;
	readonly source?: ProblemSource;
}

/** A validated pool: exact cost and weights (zero weights kept, so a zero weight visibly gets zero). */
export interface NormalisedPool {
	readonly id: string;
	readonly cost: Decimal;
	/**
	 * Weights by target id, targets in the order written. Never changed once given to the engine:
	 * the engine keeps what it derives from a weights map (its integer weights) with the map itself.
	 */
	readonly drivers: ReadonlyMap<string, Decimal>;
}

/** A validated problem, ready for any method. */
export interface NormalisedProblem {
	readonly method: MethodId;
	/** The step-down order: every pool exactly once (the order of `pools` when the file gives none). */
	readonly order: readonly string[];
	readonly pools: readonly NormalisedPool[];
	readonly recipients: readonly string[];
}
