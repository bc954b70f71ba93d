// The plain data the report's analysis sections take. Each section shows an honest "not yet computed" note
// when it gets null, and its table and sentences when it gets data; amounts are exact decimal strings.

/** The range of one municipality's NPV difference over the Monte Carlo draws (from the uncertainty analysis). */
export interface RangeRow {
	readonly participant: string;
	readonly p10: string;
	readonly p50: string;
	readonly p90: string;
	/** The probability that the alternative is cheaper, 0–1 as a decimal string. */
	readonly probabilityCheaper: string;
}

export interface RangeData {
	readonly draws: number;
	readonly seed: number;
	readonly rows: readonly RangeRow[];
}

/** One estimated input and the share of the uncertainty in one municipality's NPV difference that it explains. */
export interface SensitivityRow {
	readonly participant: string;
	readonly input: string;
	readonly basis: 'measured' | 'derived' | 'estimate';
	/** Share of the variance of the NPV difference, 0–1. */
	readonly share: number;
}

export interface SensitivityData {
	readonly rows: readonly SensitivityRow[];
}

/** One municipality's charge beside its stand-alone cost, Shapley value and nucleolus (fair-shares analysis). */
export interface FairShareRow {
	readonly participant: string;
	readonly charge: string;
	readonly standAlone: string;
	readonly shapley: string;
	readonly nucleolus: string;
}

export interface FairShareData {
	readonly rows: readonly FairShareRow[];
	readonly inCore: boolean;
}
