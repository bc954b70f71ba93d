// A centrumgemeente year. Rule: the host municipality runs the services; each partner pays a DVO
// fee. In the transition phase (the first `transitionYears` years after the switch) the fee is the
// partner's last GR contribution (service + share of the GR's governance) × the cost index since;
// afterwards it is price × quantity: the partner's cost-price share of the pools by their keys plus
// the mark-up (opslag). VAT on the taxable part of the fee is a real cost for the part the BCF does
// not compensate; the partner pays its own contract management. The host bears the residual: the
// total service cost − the partners' fees, and receives the mark-up.
import { Decimal, ZERO, roundToCents, sum } from '../money/decimal.ts';
import { allocateByWeights, splitByCents } from '../money/allocate.ts';
import { CentsMap, sumAt } from '../money/cents-map.ts';
import { traceOnly } from '../money/tape.ts';
import type { UsedInput } from '../scenario/resolve.ts';
import type { Computation } from './context.ts';
import { fmt, type DvoFee, type Figure, type ParticipantDetail, type YearDetail } from './detail.ts';
import { costIndexSince, ratio, wagesOnly } from './indexation.ts';
import { ownerCost } from './gr-year.ts';
import { applyTransition, transitionCosts } from './transition.ts';
import { nonCompensatedVat, taxableBase, vatRate } from './vat.ts';
import { finishYear, startYear, type YearStart } from './year-frame.ts';
import { message } from '../vocabulary/messages.ts';

const ONE = new Decimal(1);

/** The first year of the uninterrupted centrumgemeente period that contains `year`. */
export function switchYear(ctx: Computation, year: number): number {
	let s = year;
	while (s - 1 >= year - 100 && ctx.env.peek(ctx.scenario.legalForm, s - 1)?.value === 'centrumgemeente') s--;
	return s;
}

/** The DVO terms of a year: the phase lengths, the mark-up, and (in the transition phase) the GR year indexed from. */
interface DvoTerms {
	readonly switchYear: number;
	readonly transitionYears: Figure;
	readonly markup: Figure;
	readonly transition?: { readonly prior: YearDetail; readonly index: ReturnType<typeof costIndexSince> };
}

function dvoTerms(ctx: Computation, year: number): DvoTerms {
	const c = ctx.scenario.centrumgemeente!;
	const start = switchYear(ctx, year);
	const tyInputs: UsedInput[] = [];
	const transitionYears = ratio(ctx, c.transitionYears, year, 'DVO transition years', '0', tyInputs);
	const mInputs: UsedInput[] = [];
	const markup = ratio(ctx, c.markup, year, 'mark-up (opslag)', '0', mInputs);
	return {
		switchYear: start,
		transitionYears: { value: transitionYears, rule: message('rule.transitionYears'), inputs: tyInputs },
		markup: { value: markup, rule: message('rule.markupTerm'), inputs: mInputs }
	};
}

/** In the transition phase: the GR year before the switch and the cost index since. */
function withTransition(ctx: Computation, year: number, terms: DvoTerms): DvoTerms {
	const inTransition = new Decimal(year).lessThan(terms.transitionYears.value.plus(terms.switchYear));
	if (!inTransition) return terms;
	const prior = ctx.grYear(terms.switchYear - 1);
	return { ...terms, transition: { prior, index: costIndexSince(ctx, terms.switchYear, year) } };
}

/** Transition phase: the partner's last GR contribution × the cost index since, broken down by last year's pools. */
function transitionFee(ctx: Computation, p: string, d: ParticipantDetail, terms: DvoTerms): DvoFee {
	const { prior, index } = terms.transition!;
	const before = prior.participants.get(p)!;
	const govShare = before.components.governance.minus(ownerCost(ctx, p, prior.year)?.value ?? ZERO);
	const contribution = before.components.service.plus(govShare);
	const fee = roundToCents(contribution.times(index.factor));
	d.components.service = fee;
	// Break the fee down by pool in proportion to last year's GR charges (in cents when they are kept so).
	const inCents = before.pools instanceof CentsMap && !fee.isZero() ? splitByCents(fee, before.pools) : undefined;
	if (inCents) d.pools = inCents;
	else {
		const weights = new Map([...before.pools].filter(([, v]) => v.isPositive()));
		d.pools = weights.size > 0 && !fee.isZero() ? allocateByWeights(fee, weights) : new Map<string, Decimal>();
	}
	const s = terms.switchYear;
	const rule = message('rule.dvoTransition', {
		from: s,
		to: terms.transitionYears.value.plus(s - 1).toString(),
		prior: s - 1,
		service: fmt(before.components.service),
		governance: fmt(govShare),
		contribution: fmt(contribution),
		index: index.rule,
		fee: fmt(fee)
	});
	d.notes.service = { rule, inputs: [...terms.transitionYears.inputs, ...index.inputs] };
	return { phase: 'transition', fee, rule };
}

/** After the transition phase: the cost-price share of the pools by their keys plus the mark-up. */
function priceQuantityFee(p: string, d: ParticipantDetail, start: YearStart, terms: DvoTerms): DvoFee {
	const markup = terms.markup.value;
	const share = start.allocation?.totals.get(p) ?? ZERO;
	const m = roundToCents(share.times(markup));
	d.components.service = share;
	d.components.markup = m;
	const charges = start.allocation?.charges.get(p);
	if (charges) d.pools = charges;
	const rule = message('rule.dvoPriceQuantity', {
		share: fmt(share),
		method: start.method,
		markup: markup.toString(),
		fee: fmt(share.plus(m))
	});
	d.notes.service = { rule, inputs: [...terms.transitionYears.inputs] };
	d.notes.markup = {
		rule: message('rule.markup', { markup: markup.toString(), share: fmt(share) }),
		inputs: [...terms.markup.inputs]
	};
	return { phase: 'price-quantity', fee: share.plus(m), rule };
}

/** VAT on the partner's DVO fee (taxable share per pool); the non-compensable part is a real cost. */
function partnerVat(ctx: Computation, year: number, p: string, start: YearStart, rate: Figure, hostName: string): void {
	const d = start.participants.get(p)!;
	const inputs: UsedInput[] = [...rate.inputs];
	const feeFactor = d.components.service.isZero()
		? ONE
		: d.components.service.plus(d.components.markup).dividedBy(d.components.service);
	const base = taxableBase(start.pools, d.pools, inputs, feeFactor);
	d.components.vat = nonCompensatedVat(ctx, year, p, base, rate.value, inputs);
	start.costItems.push({ label: `VAT not compensated (${p})`, amount: d.components.vat });
	d.notes.vat = {
		rule: message('rule.partnerVat', { rate: rate.value.toString(), base: fmt(base), host: hostName }),
		inputs
	};
}

/** Contract management (opdrachtgeverschap) at a partner, or at the host. */
function contractManagement(
	ctx: Computation,
	year: number,
	d: ParticipantDetail,
	start: YearStart,
	figure: { series: Parameters<Computation['amount']>[0]; label: string; item: string } | undefined
): void {
	if (!figure) return;
	const f = ctx.amount(figure.series, year, figure.label, wagesOnly(ctx));
	d.components.contractManagement = f.value;
	d.notes.contractManagement = { rule: f.rule, inputs: [...f.inputs] };
	start.costItems.push({ label: figure.item, amount: f.value });
}

/** The host bears the residual: total service cost − partner fees, and receives the mark-up. */
function hostResidual(host: string, hostName: string, partners: readonly string[], start: YearStart, terms: DvoTerms) {
	const { participants, pools } = start;
	const totalServiceCost = sum(pools.map((p) => p.net));
	const partnerFees = sum(
		partners.map((p) => participants.get(p)!.components.service.plus(participants.get(p)!.components.markup))
	);
	const residual = totalServiceCost.minus(partnerFees);
	const h = participants.get(host)!;
	h.components.service = totalServiceCost.minus(sum(partners.map((p) => participants.get(p)!.components.service)));
	h.components.markup = sum(partners.map((p) => participants.get(p)!.components.markup)).negated();
	const hostPools = new Map<string, Decimal>();
	const partnerPools = partners.map((p) => participants.get(p)!.pools);
	for (const pool of pools) hostPools.set(pool.id, pool.net.minus(sumAt(partnerPools, pool.id)));
	h.pools = hostPools;
	h.notes.service = {
		rule: message('rule.hostResidual', {
			host: hostName,
			total: fmt(totalServiceCost),
			fees: fmt(partnerFees),
			residual: fmt(residual),
			service: fmt(h.components.service),
			markup: fmt(h.components.markup.negated())
		}),
		inputs: []
	};
	h.notes.vat = { rule: message('rule.hostVat', { host: hostName }), inputs: [] };
	// Whether a mark-up line appears is wording only: no guard in the fast path's kernel.
	if (!traceOnly(() => h.components.markup.isZero()))
		h.notes.markup = {
			rule: message('rule.markupReceived', { amount: fmt(h.components.markup) }),
			inputs: [...terms.markup.inputs]
		};
	return { totalServiceCost, partnerFees, residual };
}

/** A centrumgemeente year: partners pay DVO fees; the host bears the residual. */
export function centrumYear(ctx: Computation, year: number): YearDetail {
	const c = ctx.scenario.centrumgemeente!;
	const host = c.host;
	const hostName = ctx.scenario.participants.find((p) => p.id === host)?.name ?? host;
	const partners = ctx.participantIds.filter((p) => p !== host);
	const start = startYear(ctx, year, true);
	const basic = dvoTerms(ctx, year);
	const rate = vatRate(ctx, year);
	const terms = withTransition(ctx, year, basic);
	const fees = new Map<string, DvoFee>();
	for (const p of partners) {
		const d = start.participants.get(p)!;
		fees.set(p, terms.transition ? transitionFee(ctx, p, d, terms) : priceQuantityFee(p, d, start, terms));
		partnerVat(ctx, year, p, start, rate, hostName);
		const cm = c.partnerContractManagement[p];
		contractManagement(
			ctx,
			year,
			d,
			start,
			cm && { series: cm, label: `contract management (${p})`, item: `contract management ${p}` }
		);
	}
	const residual = hostResidual(host, hostName, partners, start, terms);
	const hc = c.hostContractManagement;
	contractManagement(
		ctx,
		year,
		start.participants.get(host)!,
		start,
		hc && {
			series: hc,
			label: `host contract management (${host})`,
			item: `host contract management ${host}`
		}
	);
	const transition = transitionCosts(ctx, year);
	applyTransition(ctx, start.participants, transition, start.costItems);
	return finishYear(ctx, year, 'centrumgemeente', start, {
		vatRate: rate,
		...(transition ? { transition } : {}),
		dvo: {
			host,
			switchYear: terms.switchYear,
			...(terms.transition ? { prior: terms.transition.prior } : {}),
			transitionYears: terms.transitionYears,
			markup: terms.markup,
			partners: fees,
			...residual
		}
	});
}
