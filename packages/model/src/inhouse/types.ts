// The in-house option (eigen organisatie): a municipality, or a group of them, runs its own
// bedrijfsvoering. Its cost per service follows a cost function with economies of scale,
//   cost_s(F) = costPerFte_s × F_ref × (F / F_ref)^b,
// with F the size of the organisation served (a driver, e.g. own FTE), F_ref the size at which the
// benchmark figures hold and b ≤ 1 the scale exponent; and leaving a GR or DVO costs exit costs.
// Every number is a dated leaf with provenance, like the rest of the scenario.
import type { Leaf, Series } from '../scenario/types.ts';

/** Who runs in-house from when (a variant adds entries: "Oegstgeest alone from 2027"). */
export interface InHouseMember {
	readonly participant: string;
	/** The first day in-house (ISO date; the model works in whole years, so 1 January). */
	readonly from: string;
	readonly path: string;
}

/** The in-house settings of a scenario (`inHouse` in the file). */
export interface InHouseSettings {
	/** The driver that measures the size of the organisation served, e.g. ownFte. */
	readonly sizeDriver: string;
	/** F_ref: the size at which the per-FTE benchmark figures hold. */
	readonly referenceSize: Series<Leaf>;
	/** b: the scale exponent (1 = no economies of scale). */
	readonly exponent: Series<Leaf>;
	/** Share of in-house costs that are wages, for indexation from `priceYear` on. */
	readonly wageShare: Series<Leaf>;
	/** The year whose price level the per-FTE figures are in. */
	readonly priceYear: number;
	/** Per service pool id: cost per FTE served at the reference size, in `priceYear` prices. */
	readonly services: Readonly<Record<string, Series<Leaf>>>;
	/** Exit costs of a participant that leaves, as multiples, in the year it leaves. */
	readonly exitCosts: {
		/** × the leaver's charge for services in the year before it leaves; paid to those who stay. */
		readonly uittredingsvergoeding: Series<Leaf>;
		/** × its first year's in-house cost: building up the own organisation (recruitment, project). */
		readonly frictiekosten: Series<Leaf>;
		/** × its first year's in-house cost of `ictPool`: disentangling ICT (data, licences, migration). */
		readonly ictDisentangling: Series<Leaf>;
		readonly ictPool: string;
	};
	readonly members: readonly InHouseMember[];
}

/** The fairness settings of a scenario (`fairness` in the file). */
export interface FairnessSettings {
	/** Per service pool id: the driver of the pure usage key ("what each municipality takes"). */
	readonly usageDrivers: Readonly<Record<string, string>>;
}
