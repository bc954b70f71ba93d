// The detail of one computed year: what every rule module produces and what runs, comparisons and
// explanations read. Amounts are Decimals in euros, rounded to cents where the rules say so.
import type { Component, LegalForm } from '../domain/result.ts';
import { ZERO, sum, toFixed2, type Decimal } from '../money/decimal.ts';
import type { MethodId } from '../problem/types.ts';
import type { UsedInput } from '../scenario/resolve.ts';
import type { Key } from '../scenario/types.ts';
import type { Message } from '../vocabulary/messages.ts';
import type { YearAllocation } from './engine.ts';
import type { KeyWeights } from './keys/weights.ts';

/** A figure with the rule that produced it and the inputs it used. */
export interface Figure {
	readonly value: Decimal;
	readonly rule: Message;
	readonly inputs: readonly UsedInput[];
}

/** A key in force in a year, turned into weights, with the inputs it read. */
export interface KeyUse extends KeyWeights {
	readonly key: Key;
	readonly from: string;
	readonly inputs: readonly UsedInput[];
}

export interface PoolYear {
	readonly id: string;
	readonly name: string;
	readonly kind: 'service' | 'support';
	/** Cost (lasten) in force or indexed, in cents. */
	readonly cost: Figure;
	readonly revenue: Figure;
	/** Structural saving applied in the centrumgemeente (0 in the GR). */
	readonly efficiency: Decimal;
	/** Cost − revenue, × (1 − efficiency), in cents: what is allocated. */
	readonly net: Decimal;
	readonly taxableShare: Figure;
	readonly key: KeyUse;
}

/** Per participant: components, per-pool service charges, and the rule and inputs behind each component. */
export interface ParticipantDetail {
	readonly components: Record<Component, Decimal>;
	/** Per pool: the service charge (the engine's map itself where the rule takes it as it is; never modified). */
	pools: ReadonlyMap<string, Decimal>;
	readonly notes: Partial<Record<Component, { rule: Message; inputs: UsedInput[] }>>;
	/** Under the GR: the participant's own owner costs (part of governance, not of the GR's contribution). */
	ownerCost: Decimal;
}

/** How a partner's DVO fee came about in a centrumgemeente year. */
export interface DvoFee {
	readonly phase: 'transition' | 'price-quantity';
	readonly fee: Decimal;
	readonly rule: Message;
}

export interface DvoDetail {
	/** The host municipality, which bears the residual. */
	readonly host: string;
	readonly switchYear: number;
	/** In the transition phase: the GR year before the switch, whose contribution the fee is indexed from. */
	readonly prior?: YearDetail;
	readonly transitionYears: Figure;
	readonly markup: Figure;
	/** Per partner: the phase and how the fee came about. */
	readonly partners: ReadonlyMap<string, DvoFee>;
	readonly partnerFees: Decimal;
	readonly residual: Decimal;
	readonly totalServiceCost: Decimal;
}

/** One item of everything that has to be paid in a year. */
export interface CostItem {
	readonly label: string;
	readonly amount: Decimal;
}

export interface YearDetail {
	readonly year: number;
	readonly legalForm: LegalForm;
	readonly method: MethodId;
	readonly methodFrom: string;
	readonly pools: readonly PoolYear[];
	readonly allocation: YearAllocation | undefined;
	readonly participants: ReadonlyMap<string, ParticipantDetail>;
	readonly inhabitants: ReadonlyMap<string, Figure>;
	readonly governance?: {
		readonly items: readonly (Figure & { id: string; label: string })[];
		readonly total: Decimal;
		readonly key?: KeyUse;
	};
	readonly vatRate: Figure;
	readonly transition?: { readonly amount: Figure; readonly key?: KeyUse };
	readonly dvo?: DvoDetail;
	/** Everything that has to be paid this year, by item; its sum is `costs`. */
	readonly costItems: readonly CostItem[];
	readonly costs: Decimal;
	readonly charged: Decimal;
}

/** Every component at zero: where each participant's year starts. */
export function emptyComponents(): Record<Component, Decimal> {
	const zeros: Record<Component, Decimal> = {
		service: ZERO,
		governance: ZERO,
		vat: ZERO,
		transition: ZERO,
		markup: ZERO,
		contractManagement: ZERO
	};
	return zeros;
}

/** The sum of amounts (components, charges): sum() adds amounts in cents as integers, zeros included. */
export function addUp(values: readonly Decimal[]): Decimal {
	return sum(values);
}

/** An amount with two decimals, as rules print it. */
export function fmt(d: Decimal): string {
	return toFixed2(d);
}
