// Result types of the scenario model: a run of one scenario (or variant), a comparison of two runs,
// and the trace that explains each figure. Amounts are decimal strings with two decimals ("1234.56").
import type { Message } from './message.ts';

/** The parts of a participant's yearly cost that differ between the legal forms. */
export const COMPONENTS = ['service', 'governance', 'vat', 'transition', 'markup', 'contractManagement'] as const;
export type Component = (typeof COMPONENTS)[number];

export type LegalForm = 'gr' | 'centrumgemeente';
/** The form under which one participant gets its bedrijfsvoering in a year: a legal form, or in-house (eigen organisatie). */
export type RowForm = LegalForm | 'inhouse';
export type Basis = 'measured' | 'derived' | 'estimate';
/** How sure an estimate is; sets the width of its default range (docs/scenario-format.md). */
export type Confidence = 'low' | 'medium' | 'high';
/** The shape of an input's uncertainty over its range (normal and lognormal truncated to the range). */
export type DistributionName = 'uniform' | 'triangular' | 'normal' | 'lognormal' | 'fixed';

/** Where a number comes from. */
export interface Provenance {
	readonly basis: Basis;
	readonly source?: { readonly id?: string; readonly title: string; readonly url: string };
	readonly note?: string;
	readonly range?: readonly [string, string];
	readonly confidence?: Confidence;
	readonly distribution?: DistributionName;
}

/** One input value in force on a date, with its provenance (what the "Gegevens en bronnen" page lists). */
export interface InputValue {
	/** Path into the scenario, as used by variant changes: "pools[id=ict].cost". */
	readonly path: string;
	readonly label: string;
	/** The date from which this value holds (ISO), or the year for yearly amounts. */
	readonly from: string;
	readonly value: string;
	readonly unit?: string;
	readonly provenance: Provenance;
}

/** One participant's cost in one year, split by component. */
export interface ParticipantYear {
	readonly participant: string;
	readonly year: number;
	readonly legalForm: RowForm;
	readonly total: string;
	readonly components: Readonly<Record<Component, string>>;
	/** Per service/support pool: what this participant is charged for it (service component only). */
	readonly pools: Readonly<Record<string, string>>;
	readonly perInhabitant: string;
	/** Inhabitants on 1 January of the year (the driver `inwoners`), as used for perInhabitant. */
	readonly inhabitants?: string;
}

/** Per year: everything that has to be paid, and everything charged to someone; equal to the cent. */
export interface Reconciliation {
	readonly year: number;
	readonly costs: string;
	readonly charged: string;
}

/** The computed result of one scenario or variant over its horizon. */
export interface RunResult {
	readonly scenarioId: string;
	readonly variantId: string | null;
	readonly years: readonly number[];
	readonly participants: readonly { readonly id: string; readonly name: string }[];
	readonly rows: readonly ParticipantYear[];
	readonly reconciliation: readonly Reconciliation[];
	readonly warnings: readonly import('./issue.ts').Issue[];
	/** Baseline id followed by the applied variant ids (and "edit" for inline changes). */
	readonly lineage?: readonly string[];
	/** Number of changes applied over the baseline. */
	readonly changeCount?: number;
	/** The allocation method per year (after any override). */
	readonly methods?: readonly { readonly year: number; readonly method: string }[];
}

/** One participant-year of a comparison: total cost to that participant under base and variant. */
export interface ComparisonRow {
	readonly participant: string;
	readonly year: number;
	readonly base: string;
	readonly variant: string;
	readonly delta: string;
	readonly cumulativeDelta: string;
	readonly components: Readonly<
		Record<Component, { readonly base: string; readonly variant: string; readonly delta: string }>
	>;
}

/** Per participant over the horizon. paybackYear: first year from which the cumulative delta stays ≤ 0 (null: never). */
export interface ComparisonSummary {
	readonly participant: string;
	readonly cumulativeDelta: string;
	readonly npv: string;
	readonly paybackYear: number | null;
	readonly deltaPerInhabitant: string;
}

/** A comparison of a variant against a base, with sentences and no-op detection. */
export interface Comparison {
	readonly scenarioId: string;
	readonly baseId: string;
	readonly variantId: string;
	readonly discountRate: string;
	readonly rows: readonly ComparisonRow[];
	readonly summary: readonly ComparisonSummary[];
	/** Whether nothing differs, and why, as a message (render it with `noOpReasonIn` or `renderMessage`). */
	readonly noOp: { readonly noOp: boolean; readonly reason?: Message };
	/** Years compared, and the year the headline sentences speak about. */
	readonly years?: readonly number[];
	readonly headlineYear?: number;
	readonly tolerance?: string;
	/** Headline sentences, one per participant, in Dutch and English. */
	readonly sentences: { readonly nl: readonly string[]; readonly en: readonly string[] };
}

/** What a trace node's value is. */
export type TraceValueKind = 'euro' | 'share' | 'count';

/** One node of an explanation: a figure, how it was computed, the inputs it used and their sources. */
export interface TraceNode {
	readonly id: string;
	readonly label: string;
	readonly value?: string;
	/** What `value` is: euros ("1234.56"), a share ("11.5 %") or a count, so it is formatted without guessing. */
	readonly kind?: TraceValueKind;
	/** How this value follows from its children/inputs, in words or a formula. */
	readonly rule?: string;
	readonly inputs?: readonly (InputValue & { readonly asOf?: string })[];
	readonly children?: readonly TraceNode[];
}
