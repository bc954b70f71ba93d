// A GR year. Rule: the GR charges each participant its share of the pools by their keys (service);
// the GR's governance costs are divided by the governance key, and each municipality bears its own
// owner costs (governance); VAT on the taxable share of each pool charge is a real cost for the part
// the BCF does not compensate (vat); transition costs, when incurred, by the transition key.
import { ZERO, sum, type Decimal } from '../money/decimal.ts';
import type { UsedInput } from '../scenario/resolve.ts';
import type { Computation } from './context.ts';
import { fmt, type Figure, type YearDetail } from './detail.ts';
import { ratio, wagesOnly } from './indexation.ts';
import { keyUse, splitByKey } from './key-use.ts';
import { applyTransition, transitionCosts } from './transition.ts';
import { nonCompensatedVat, taxableBase, vatRate } from './vat.ts';
import { finishYear, startYear, type YearStart } from './year-frame.ts';
import { message } from '../vocabulary/messages.ts';

/** Service: the engine's allocation of the pools by their keys. */
function grService(start: YearStart): void {
	for (const [p, d] of start.participants) {
		d.components.service = start.allocation?.totals.get(p) ?? ZERO;
		const charges = start.allocation?.charges.get(p);
		if (charges) d.pools = charges;
		d.notes.service = {
			rule: message('rule.grService', { method: start.method }),
			inputs: []
		};
	}
}

/** The owner costs a participant bears itself in `year` (zero when the scenario gives none). */
export function ownerCost(ctx: Computation, participant: string, year: number): Figure | undefined {
	const owner = ctx.scenario.gr.ownerCosts[participant];
	return owner ? ctx.amount(owner, year, `owner costs (${participant})`, wagesOnly(ctx)) : undefined;
}

/** The GR's governance in a year: its items, their total, the key, each participant's share and owner costs. */
export interface GovernanceYear {
	readonly detail: NonNullable<YearDetail['governance']>;
	readonly shares: ReadonlyMap<string, Decimal>;
	readonly owners: ReadonlyMap<string, Figure | undefined>;
}

/**
 * Governance inside the GR, by the governance key; owners' costs at each municipality. It reads no
 * pool, charge or DVO term, so a computation may keep it while those change (Computation.governanceYear).
 */
export function governanceYear(ctx: Computation, year: number): GovernanceYear {
	const s = ctx.scenario;
	const items = s.gr.governance.map((g) => ({
		id: g.id,
		label: g.label,
		...ctx.amount(g.cost, year, `GR governance: ${g.label}`, (y, inputs) =>
			ratio(ctx, g.wageShare, y, `wage share of ${g.id}`, '1', inputs)
		)
	}));
	const total = sum(items.map((i) => i.value));
	const key = s.gr.governanceKey
		? keyUse(ctx, s.gr.governanceKey, year, 'governance key', { participantsOnly: true })
		: undefined;
	const shares = splitByKey(ctx, total, key);
	const owners = new Map(ctx.participantIds.map((p) => [p, ownerCost(ctx, p, year)]));
	return { detail: { items, total, ...(key ? { key } : {}) }, shares, owners };
}

/** The year's governance written into each participant's detail and the year's cost items. */
function grGovernance(ctx: Computation, year: number, start: YearStart): NonNullable<YearDetail['governance']> {
	const { detail, shares, owners } = ctx.governanceYear ? ctx.governanceYear(year) : governanceYear(ctx, year);
	const { items, total, key } = detail;
	for (const item of items) start.costItems.push({ label: `GR governance ${item.id}`, amount: item.value });
	for (const [p, d] of start.participants) {
		const owner = owners.get(p);
		const share = shares.get(p) ?? ZERO;
		d.ownerCost = owner?.value ?? ZERO;
		d.components.governance = share.plus(d.ownerCost);
		if (owner) start.costItems.push({ label: `owner costs ${p}`, amount: owner.value });
		d.notes.governance = {
			rule: message('rule.grGovernanceShare', {
				total: fmt(total),
				share: fmt(share),
				owner: fmt(owner?.value ?? ZERO)
			}),
			inputs: [...(key?.inputs ?? []), ...(owner?.inputs ?? [])]
		};
	}
	return detail;
}

/** VAT: the GR charges every participant; the non-BCF part of the VAT on the taxable base is a real cost. */
function grVat(ctx: Computation, year: number, start: YearStart, rate: Figure): void {
	for (const [p, d] of start.participants) {
		const inputs: UsedInput[] = [...rate.inputs];
		const base = taxableBase(start.pools, d.pools, inputs);
		d.components.vat = nonCompensatedVat(ctx, year, p, base, rate.value, inputs);
		start.costItems.push({ label: `VAT not compensated (${p})`, amount: d.components.vat });
		d.notes.vat = {
			rule: message('rule.grVat', { rate: rate.value.toString(), base: fmt(base) }),
			inputs
		};
	}
}

/** A year as if the GR were in force (used for the GR itself and for the DVO transition fee). */
export function grYear(ctx: Computation, year: number): YearDetail {
	const start = startYear(ctx, year, false);
	grService(start);
	const governance = grGovernance(ctx, year, start);
	const rate = vatRate(ctx, year);
	grVat(ctx, year, start, rate);
	const transition = transitionCosts(ctx, year);
	applyTransition(ctx, start.participants, transition, start.costItems);
	return finishYear(ctx, year, 'gr', start, {
		governance,
		vatRate: rate,
		...(transition ? { transition } : {})
	});
}
