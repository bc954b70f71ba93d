// The result of an allocation: amounts as decimal strings with two decimals, plus the proof
// (balance check) and the explanation (steps and a trace per recipient) that come with it.
import type { MethodId, NormalisedProblem } from '../problem/types.ts';

/** One flow of money: part of pool `from`'s total goes to recipient or pool `to`. */
export interface Allocation {
	readonly from: string;
	readonly to: string;
	readonly amount: string;
}

/** input = allocated + unallocated, to the cent. */
export interface BalanceCheck {
	readonly input: string;
	readonly allocated: string;
	readonly unallocated: string;
}

/** What one pool did, in processing order: its total and where it went. */
export interface AllocationStep {
	/** 1-based position in the processing order. */
	readonly step: number;
	readonly pool: string;
	readonly own: string;
	/** Rounded amounts received from other pools (see `allocations`). */
	readonly received: readonly { readonly from: string; readonly amount: string }[];
	/** The pool's total after service between pools (exact value rounded once). */
	readonly total: string;
	/** The sum of the weights over the targets this pool allocates to. */
	readonly weightSum: string;
	readonly targets: readonly { readonly to: string; readonly weight: string; readonly amount: string }[];
	/** What this pool could not allocate (no weight to anything it may allocate to). */
	readonly unallocated: string;
}

/** How one pool's total contributed to one recipient: poolTotal × weight / weightSum. */
export interface RecipientShare {
	readonly pool: string;
	readonly step: number;
	readonly weight: string;
	readonly weightSum: string;
	readonly poolTotal: string;
	/** The exact share, to six decimals. */
	readonly exact: string;
	/** The rounded allocation from this pool (it may differ by a cent from the exact share). */
	readonly amount: string;
}

/** Why a recipient's total is what it is. */
export interface RecipientTrace {
	readonly recipient: string;
	readonly total: string;
	/** The exact total (sum of the exact shares) to six decimals; `total` is it rounded once, preserving the grand total. */
	readonly exact: string;
	readonly shares: readonly RecipientShare[];
	/**
	 * `total` minus the sum of the rounded allocations to this recipient. Each pool's split and the
	 * recipient totals are rounded separately (each once, each exact in its own sum), so the two can
	 * differ by a few cents; the difference is shown here rather than hidden.
	 */
	readonly roundingDifference: string;
}

/** How the reciprocal system was solved and checked. */
export interface SolveReport {
	readonly size: number;
	/** exact-rational: solved exactly in integers, block by block of pools that serve each other (totals carried between blocks to 10⁻⁶⁰ euro); otherwise float LU refined in Decimal, or Decimal elimination. */
	readonly solver: 'exact-rational' | 'float-lu-refined' | 'decimal-elimination';
	readonly refinements: number;
	/** max |c + Sᵀ·T − T| over the pools, computed in Decimal, in euros (scientific notation). */
	readonly residual: string;
}

export interface AllocationTrace {
	readonly steps: readonly AllocationStep[];
	readonly recipients: readonly RecipientTrace[];
	readonly solve?: SolveReport;
}

/** The result of allocating a problem with one method. */
export interface AllocationResult {
	readonly method: MethodId;
	/** Each pool's total after service between pools, in the order of `pools`. */
	readonly poolTotals: Readonly<Record<string, string>>;
	readonly allocations: readonly Allocation[];
	/** Per recipient, in the order of `recipients`; they add up exactly to `check.allocated`. */
	readonly recipientTotals: Readonly<Record<string, string>>;
	readonly check: BalanceCheck;
	/** Per pool whatever stayed unallocated (only pools with something unallocated). */
	readonly unallocated: Readonly<Record<string, string>>;
	readonly trace: AllocationTrace;
}

/** The one signature every method shares: a validated problem in, a result out. */
export type AllocationMethod = (problem: NormalisedProblem) => AllocationResult;

/** A method in the registry. */
export interface MethodInfo {
	readonly id: MethodId;
	readonly label: string;
	readonly summary: string;
	readonly allocate: AllocationMethod;
}
