// The validated scenario: the shape every computation reads. Produced by validateScenario from raw
// data (parsed YAML/JSON); all numbers are decimal strings, all dated series sorted by date.
import type { LegalForm, Provenance } from '../domain/result.ts';
import type { UncertaintySettings } from './uncertainty.ts';
import type { FairnessSettings, InHouseSettings } from './in-house.ts';

/** A number with its provenance, as found at `path` in the scenario. */
export interface Leaf {
	readonly value: string;
	readonly provenance: Provenance;
	readonly path: string;
	readonly unit?: string;
	/** What the number is (money, a share, a count, a rate): bounds its uncertainty range. */
	readonly kind?: LeafKind;
}

export type LeafKind = 'money' | 'ratio' | 'count' | 'rate';

/** One entry of a dated series: `value` holds from `from` (ISO date) until the next entry; null ends it. */
export interface DatedEntry<T> {
	readonly from: string;
	readonly value: T | null;
}

/** A dated series, sorted by date, at `path` in the scenario. */
export interface Series<T> {
	readonly path: string;
	readonly entries: readonly DatedEntry<T>[];
}

/** A key (verdeelsleutel): how a pool's cost is divided over recipients. */
export type Key =
	| (KeyBase & { readonly type: 'fixed'; readonly shares: Readonly<Record<string, string>> })
	| (KeyBase & { readonly type: 'driver'; readonly driver: string })
	| (KeyBase & { readonly type: 'even' })
	| (KeyBase & {
			readonly type: 'price-quantity';
			readonly driver: string;
			readonly price?: string;
			readonly settlement?: Key;
	  })
	| (KeyBase & {
			readonly type: 'base-plus-usage';
			readonly baseShare: string;
			readonly base: Key;
			readonly usage: Key;
	  })
	| (KeyBase & { readonly type: 'formula'; readonly expression: string });

interface KeyBase {
	readonly path: string;
	/** Provenance of the numbers inside the key (absent for keys without numbers, such as `even`). */
	readonly provenance?: Provenance;
}

export type KeyType = Key['type'];
export { KEY_TYPES, METHOD_IDS, type MethodId } from '../domain/format.ts';
import type { MethodId } from '../domain/format.ts';

export interface AllocationSetting {
	readonly method: MethodId;
	readonly order?: readonly string[];
}

export interface Participant {
	readonly id: string;
	readonly name: string;
	readonly cbsCode?: string;
}

export interface Driver {
	readonly id: string;
	readonly label: { readonly nl: string; readonly en: string };
	readonly unit?: string;
	/** Per recipient (participant or pool id): a dated series of counts. */
	readonly values: Readonly<Record<string, Series<Leaf>>>;
}

export interface Pool {
	readonly id: string;
	readonly name: string;
	readonly kind: 'service' | 'support';
	readonly cost: Series<Leaf>;
	readonly revenue?: Series<Leaf>;
	readonly wageShare?: Series<Leaf>;
	readonly vatTaxableShare?: Series<Leaf>;
	readonly key: Series<Key>;
}

export interface GovernanceItem {
	readonly id: string;
	readonly label: string;
	readonly cost: Series<Leaf>;
	/** Share of the cost that is wages, for indexation after the last dated value (default 1). */
	readonly wageShare?: Series<Leaf>;
}

export interface GrSettings {
	readonly governance: readonly GovernanceItem[];
	readonly governanceKey?: Series<Key>;
	readonly ownerCosts: Readonly<Record<string, Series<Leaf>>>;
}

export interface CentrumgemeenteSettings {
	readonly host: string;
	readonly transitionYears?: Series<Leaf>;
	readonly markup?: Series<Leaf>;
	readonly efficiency?: Series<Leaf>;
	readonly hostContractManagement?: Series<Leaf>;
	readonly partnerContractManagement: Readonly<Record<string, Series<Leaf>>>;
	readonly transitionCosts?: {
		readonly amounts: Readonly<Record<string, Leaf>>;
		readonly key?: Series<Key>;
	};
}

export interface VatSettings {
	readonly rate?: Series<Leaf>;
	readonly bcfCompensable: Readonly<Record<string, Series<Leaf>>>;
}

export interface Source {
	readonly id: string;
	readonly title: string;
	readonly url: string;
	readonly accessed?: string;
}

/**
 * One change of a variant: set the field at `set` (from a date, or replace it entirely). With `until`
 * the dated value holds up to that date only; from `until` on the baseline's values apply again.
 */
export interface Change {
	readonly set: string;
	readonly from?: string;
	/** The first date on which the value no longer holds (needs `from`, and lies after it). */
	readonly until?: string;
	readonly value: unknown;
	readonly rationale?: string;
}

/** A variant: a delta over a baseline (or over another variant). */
export interface Variant {
	readonly id: string;
	readonly title: { readonly nl: string; readonly en: string };
	readonly description?: string;
	readonly base: string;
	readonly changes: readonly Change[];
	readonly file?: string;
}

/** A validated scenario (a baseline, or a baseline with a variant applied). */
export interface Scenario {
	readonly id: string;
	readonly title: { readonly nl: string; readonly en: string };
	readonly description?: string;
	readonly horizon: { readonly from: number; readonly to: number };
	readonly referenceYear: number;
	readonly sources: Readonly<Record<string, Source>>;
	readonly participants: readonly Participant[];
	readonly drivers: Readonly<Record<string, Driver>>;
	readonly pools: readonly Pool[];
	readonly allocation: Series<AllocationSetting>;
	readonly legalForm: Series<LegalForm>;
	readonly indexation: { readonly wage?: Series<Leaf>; readonly price?: Series<Leaf> };
	readonly gr: GrSettings;
	readonly centrumgemeente?: CentrumgemeenteSettings;
	readonly vat: VatSettings;
	readonly comparison: { readonly discountRate?: Series<Leaf>; readonly tolerance: string };
	/** Correlations between uncertain inputs (the top-level `uncertainty` section). */
	readonly uncertainty?: UncertaintySettings;
	/** The in-house option (eigen organisatie): its cost function, exit costs and who is in-house when. */
	readonly inHouse?: InHouseSettings;
	/** Fairness settings: the drivers of the pure usage key. */
	readonly fairness?: FairnessSettings;
	/** Variants listed inline (single-file scenarios) or loaded from variants/*.yaml. */
	readonly variants: readonly Variant[];
	/**
	 * The plain data this scenario was validated from (variants apply their changes to it, sharing what
	 * the changes leave alone). Data that loadScenarioFromTexts parsed is frozen, all the way down;
	 * to change it, apply changes (applyVariant) or work on a copy (structuredClone).
	 */
	readonly raw: Readonly<Record<string, unknown>>;
	/** null for the baseline; the id of the applied variant otherwise. */
	readonly variantId: string | null;
	/** Baseline id followed by the ids of the applied variants: ["servicepunt71", "centrumgemeente-leiden"]. */
	readonly lineage: readonly string[];
	/** Number of changes applied over the baseline (0 for the baseline itself). */
	readonly changeCount: number;
}
