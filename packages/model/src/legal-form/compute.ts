// One year of a scenario under its legal form, in full detail: pool costs (indexed after their last
// dated value), the service allocation by the engine, and the components that differ between the GR
// and the centrumgemeente (governance, VAT, DVO fees with mark-up, contract management, transition
// costs). The detail is what runs, comparisons and explanations are made of.
import { COMPONENTS, type Component, type LegalForm } from '../domain/result.ts';
import { allocateByWeights } from '../money/allocate.ts';
import { Decimal, ZERO, roundToCents, sum, toDecimal, weightToDecimal } from '../money/decimal.ts';
import { keyWeights, type KeyWeights } from './keys/weights.ts';
import { allocateYear, type YearAllocation } from './engine.ts';
import { entryAt, yearDate, type UsedInput } from '../scenario/resolve.ts';
import { Env } from './env.ts';
import type { Key, Leaf, MethodId, Pool, Scenario, Series } from '../scenario/types.ts';

const ONE = new Decimal(1);

/** A figure with the rule that produced it and the inputs it used. */
export interface Figure {
	readonly value: Decimal;
	readonly rule: string;
	readonly inputs: readonly UsedInput[];
}

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
	readonly pools: Map<string, Decimal>;
	readonly notes: Partial<Record<Component, { rule: string; inputs: UsedInput[] }>>;
	/** Under the GR: the participant's own owner costs (part of governance, not of the GR's contribution). */
	ownerCost: Decimal;
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
	readonly partners: ReadonlyMap<string, { phase: 'transition' | 'price-quantity'; fee: Decimal; rule: string }>;
	readonly partnerFees: Decimal;
	readonly residual: Decimal;
	readonly totalServiceCost: Decimal;
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
	readonly costItems: readonly { readonly label: string; readonly amount: Decimal }[];
	readonly costs: Decimal;
	readonly charged: Decimal;
}

function firstIndexedYear(from: string): number {
	const year = Number(from.slice(0, 4));
	return from.endsWith('-01-01') ? year + 1 : year + 2;
}

function emptyComponents(): Record<Component, Decimal> {
	return Object.fromEntries(COMPONENTS.map((c) => [c, ZERO])) as Record<Component, Decimal>;
}

function fmt(d: Decimal): string {
	return d.toFixed(2);
}

/** The computation of a scenario's years, with memoised pool costs and GR years. */
export class ScenarioModel {
	readonly env = new Env();
	private readonly amountMemo = new Map<string, Figure>();
	private readonly yearMemo = new Map<string, YearDetail>();
	readonly participantIds: readonly string[];
	readonly poolIds: readonly string[];
	/** Whether the centrumgemeente is in force in some year of the horizon (then transition costs are incurred). */
	readonly moves: boolean;

	constructor(
		readonly scenario: Scenario,
		readonly methodOverride?: MethodId
	) {
		this.participantIds = scenario.participants.map((p) => p.id);
		this.poolIds = scenario.pools.map((p) => p.id);
		let moves = false;
		for (let y = scenario.horizon.from; y <= scenario.horizon.to; y++)
			if (entryAt(scenario.legalForm, yearDate(y))?.value === 'centrumgemeente') moves = true;
		this.moves = moves;
	}

	/** 1 + wageShare × wage index + (1 − wageShare) × price index, for `year`. */
	indexFactor(year: number, wageShare: Decimal, inputs: UsedInput[]): Decimal {
		const { wage, price } = this.scenario.indexation;
		const w = wageShare.isZero()
			? ZERO
			: wage
				? this.env.number(wage, year, 'wage index', inputs)
				: (this.env.issue('required', 'indexation.wage', `a wage index is needed to index costs in ${year}`), ZERO);
		const p = wageShare.equals(ONE)
			? ZERO
			: price
				? this.env.number(price, year, 'price index', inputs)
				: (this.env.issue('required', 'indexation.price', `a price index is needed to index costs in ${year}`), ZERO);
		return ONE.plus(wageShare.times(w)).plus(ONE.minus(wageShare).times(p));
	}

	/**
	 * A money series in `year`: the value in force, or after the last dated value the previous
	 * year's amount × the index factor of this year (rounded to cents each year).
	 */
	amount(
		series: Series<Leaf>,
		year: number,
		label: string,
		wageShare: (year: number, inputs: UsedInput[]) => Decimal
	): Figure {
		const memoKey = `${series.path}|${year}`;
		const cached = this.amountMemo.get(memoKey);
		if (cached) return cached;
		const last = series.entries[series.entries.length - 1];
		let figure: Figure;
		if (!last || last.value === null || year < firstIndexedYear(last.from)) {
			const inputs: UsedInput[] = [];
			const value = this.env.number(series, year, label, inputs);
			figure = { value: roundToCents(value), rule: `${label}: value in force on ${yearDate(year)}`, inputs };
		} else {
			const previous = this.amount(series, year - 1, label, wageShare);
			const inputs: UsedInput[] = [];
			const ws = wageShare(year, inputs);
			const factor = this.indexFactor(year, ws, inputs);
			const value = roundToCents(previous.value.times(factor));
			const baseInput = previous.inputs.find((i) => i.path === series.path.replace(/\.\d{4}-\d{2}-\d{2}$/, ''));
			figure = {
				value,
				rule: `${label}: € ${fmt(previous.value)} (${year - 1}) × (1 + ${ws.toString()} × wage index + ${ONE.minus(ws).toString()} × price index) = € ${fmt(previous.value)} × ${factor.toString()}, indexed after the last dated value (${last.from})`,
				inputs: [...(baseInput ? [baseInput] : []), ...inputs]
			};
		}
		this.amountMemo.set(memoKey, figure);
		return figure;
	}

	private ratio(
		series: Series<Leaf> | undefined,
		year: number,
		label: string,
		fallback: string,
		inputs: UsedInput[]
	): Decimal {
		return this.env.optional(series, year, label, fallback, inputs);
	}

	poolWageShare(pool: Pool): (year: number, inputs: UsedInput[]) => Decimal {
		return (year, inputs) => {
			if (!pool.wageShare) {
				this.env.issue(
					'required',
					`pools[id=${pool.id}].wageShare`,
					`pool ${pool.id} needs a wageShare to index its cost after the last dated value`
				);
				return ZERO;
			}
			return this.env.number(pool.wageShare, year, `wage share of ${pool.id}`, inputs);
		};
	}

	legalFormIn(year: number): LegalForm {
		return this.env.value(this.scenario.legalForm, year, 'legal form')?.value ?? 'gr';
	}

	/** The first year of the uninterrupted centrumgemeente period that contains `year`. */
	switchYear(year: number): number {
		let s = year;
		while (s - 1 >= year - 100 && entryAt(this.scenario.legalForm, yearDate(s - 1))?.value === 'centrumgemeente') s--;
		return s;
	}

	keyUse(
		series: Series<Key>,
		year: number,
		label: string,
		ctx: { self?: string; participantsOnly?: boolean; cost?: Decimal }
	): KeyUse | undefined {
		const found = this.env.value(series, year, label);
		if (!found) return undefined;
		const inputs: UsedInput[] = [];
		const weights = keyWeights(found.value, {
			year,
			participants: this.participantIds,
			pools: ctx.participantsOnly ? [] : this.poolIds,
			...(ctx.self ? { self: ctx.self } : {}),
			...(ctx.cost ? { cost: ctx.cost } : {}),
			drivers: this.scenario.drivers,
			env: this.env,
			used: inputs
		});
		return { ...weights, key: found.value, from: found.from, inputs };
	}

	private splitByKey(total: Decimal, key: KeyUse | undefined): Map<string, Decimal> {
		const weights = new Map(
			[...(key?.weights ?? new Map<string, Decimal>())].filter(
				([id, w]) => this.participantIds.includes(id) && !w.isNegative()
			)
		);
		if (total.isZero() || sum(weights.values()).isZero()) return new Map(this.participantIds.map((p) => [p, ZERO]));
		const parts = allocateByWeights(total, weights);
		return new Map(this.participantIds.map((p) => [p, parts.get(p) ?? ZERO]));
	}

	/** The pools of a year with their (indexed) cost, revenue, efficiency and key. */
	private poolYears(year: number, centrum: boolean): PoolYear[] {
		const s = this.scenario;
		const effInputs: UsedInput[] = [];
		const efficiency = centrum ? this.ratio(s.centrumgemeente?.efficiency, year, 'efficiency', '0', effInputs) : ZERO;
		return s.pools.map((pool) => {
			const cost = this.amount(pool.cost, year, `cost of ${pool.name}`, this.poolWageShare(pool));
			const revInputs: UsedInput[] = [];
			const revenue = pool.revenue
				? roundToCents(this.env.number(pool.revenue, year, `revenue of ${pool.name}`, revInputs))
				: ZERO;
			const net = roundToCents(cost.value.minus(revenue).times(ONE.minus(efficiency)));
			if (net.isNegative())
				this.env.issue(
					'negative_value',
					`pools[id=${pool.id}].revenue`,
					`pool ${pool.id}: revenue exceeds cost in ${year}`
				);
			const taxInputs: UsedInput[] = [];
			const taxable = this.ratio(pool.vatTaxableShare, year, `VAT-taxable share of ${pool.id}`, '0', taxInputs);
			const key = this.keyUse(pool.key, year, `key of ${pool.id}`, { self: pool.id, cost: net }) ?? {
				weights: new Map(),
				rule: 'no key in force',
				key: { type: 'even', path: pool.key.path },
				from: '',
				inputs: []
			};
			return {
				id: pool.id,
				name: pool.name,
				kind: pool.kind,
				cost,
				revenue: {
					value: revenue,
					rule: `revenue of ${pool.name} (third parties), deducted before allocation`,
					inputs: revInputs
				},
				efficiency,
				net,
				taxableShare: {
					value: taxable,
					rule: `share of ${pool.name} charges outside the koepelvrijstelling`,
					inputs: taxInputs
				},
				key
			};
		});
	}

	private method(year: number): { method: MethodId; order?: readonly string[]; from: string } {
		const found = this.env.value(this.scenario.allocation, year, 'allocation method');
		const setting = found?.value ?? { method: 'direct' as MethodId };
		return {
			method: this.methodOverride ?? setting.method,
			...(setting.order ? { order: setting.order } : {}),
			from: found?.from ?? ''
		};
	}

	private allocateServices(year: number, pools: readonly PoolYear[]): YearAllocation | undefined {
		const { method, order } = this.method(year);
		if (
			pools.some((p) => sum(p.key.weights.values()).isZero() || [...p.key.weights.values()].some((w) => w.isNegative()))
		)
			return undefined;
		try {
			const allocation = allocateYear({
				method,
				...(order ? { order } : {}),
				pools: pools.map((p) => ({ id: p.id, cost: p.net, weights: p.key.weights })),
				participants: this.participantIds
			});
			// Everything that has to be paid is charged to someone: cost the engine could not allocate is an issue.
			for (const [pool, amount] of Object.entries(allocation.result.unallocated))
				if (amount !== '0.00')
					this.env.issue(
						'unallocated_cost',
						`pools[id=${pool}].key`,
						`${year}: € ${amount} of pool ${pool} reaches no participant with the ${method} method (its key names only pools)`
					);
			return allocation;
		} catch (error) {
			this.env.issue('allocation_failed', 'pools', `${year}: ${(error as Error).message.replace('[model] ', '')}`);
			return undefined;
		}
	}

	private inhabitants(year: number): Map<string, Figure> {
		const driver = this.scenario.drivers.inwoners;
		return new Map(
			this.participantIds.map((p) => {
				const inputs: UsedInput[] = [];
				const series = driver?.values[p];
				if (!series) this.env.issue('no_value_in_force', `drivers.inwoners.values`, `inwoners has no values for ${p}`);
				const value = series ? this.env.number(series, year, `inhabitants (${p})`, inputs) : ZERO;
				return [p, { value, rule: `inhabitants of ${p} on ${yearDate(year)}`, inputs }];
			})
		);
	}

	private vat(year: number, participant: string, base: Decimal, rate: Decimal, inputs: UsedInput[]): Decimal {
		const bcfSeries = this.scenario.vat.bcfCompensable[participant];
		const bcf = this.ratio(bcfSeries, year, `BCF-compensable share (${participant})`, '0', inputs);
		return roundToCents(base.times(rate).times(ONE.minus(bcf)));
	}

	private transition(year: number): YearDetail['transition'] {
		const tc = this.scenario.centrumgemeente?.transitionCosts;
		const leaf = tc?.amounts[String(year)];
		if (!this.moves || !tc || !leaf) return undefined;
		const amount: Figure = {
			value: roundToCents(toDecimal(leaf.value)),
			rule: `frictiekosten budgeted for ${year}`,
			inputs: [
				{
					path: 'centrumgemeente.transitionCosts.amounts',
					label: `transition costs ${year}`,
					from: String(year),
					value: leaf.value,
					provenance: leaf.provenance,
					asOf: yearDate(year)
				}
			]
		};
		const key = tc.key ? this.keyUse(tc.key, year, 'transition cost key', { participantsOnly: true }) : undefined;
		return { amount, ...(key ? { key } : {}) };
	}

	/** The full detail of one year (memoised). */
	year(year: number): YearDetail {
		const memoKey = String(year);
		const cached = this.yearMemo.get(memoKey);
		if (cached) return cached;
		const detail = this.legalFormIn(year) === 'centrumgemeente' ? this.centrumYear(year) : this.grYear(year);
		this.yearMemo.set(memoKey, detail);
		return detail;
	}

	/** What every year starts from: the pools, the method in force, the engine's allocation, empty participant details and the pools as cost items. */
	private startYear(year: number, centrum: boolean) {
		const pools = this.poolYears(year, centrum);
		const { method, from: methodFrom } = this.method(year);
		const allocation = this.allocateServices(year, pools);
		const participants = new Map<string, ParticipantDetail>(
			this.participantIds.map((p) => [
				p,
				{ components: emptyComponents(), pools: new Map(), notes: {}, ownerCost: ZERO }
			])
		);
		const costItems: { label: string; amount: Decimal }[] = pools.map((p) => ({
			label: `pool ${p.id}`,
			amount: p.net
		}));
		return { pools, method, methodFrom, allocation, participants, costItems };
	}

	/** A year as if the GR were in force (used for the GR itself and for the DVO transition fee). */
	grYear(year: number): YearDetail {
		const memoKey = `gr|${year}`;
		const cached = this.yearMemo.get(memoKey);
		if (cached) return cached;
		const s = this.scenario;
		const { pools, method, methodFrom, allocation, participants, costItems } = this.startYear(year, false);

		// Service: the engine's allocation of the pools by their keys.
		for (const [p, d] of participants) {
			d.components.service = allocation?.totals.get(p) ?? ZERO;
			for (const [pool, amount] of allocation?.charges.get(p) ?? []) d.pools.set(pool, amount);
			d.notes.service = {
				rule: `the GR's pools allocated to the participants by their keys, ${method} method`,
				inputs: []
			};
		}

		// Governance inside the GR, by governanceKey; owners' costs at each municipality.
		const items = s.gr.governance.map((g) => ({
			id: g.id,
			label: g.label,
			...this.amount(g.cost, year, `GR governance: ${g.label}`, (y, inputs) =>
				this.ratio(g.wageShare, y, `wage share of ${g.id}`, '1', inputs)
			)
		}));
		const govTotal = sum(items.map((i) => i.value));
		const govKey = s.gr.governanceKey
			? this.keyUse(s.gr.governanceKey, year, 'governance key', { participantsOnly: true })
			: undefined;
		const govSplit = this.splitByKey(govTotal, govKey);
		for (const item of items) costItems.push({ label: `GR governance ${item.id}`, amount: item.value });
		for (const [p, d] of participants) {
			const owner = s.gr.ownerCosts[p];
			const ownerFigure = owner
				? this.amount(owner, year, `owner costs (${p})`, (y, inputs) => this.ratio(undefined, y, '', '1', inputs))
				: undefined;
			const share = govSplit.get(p) ?? ZERO;
			d.ownerCost = ownerFigure?.value ?? ZERO;
			d.components.governance = share.plus(d.ownerCost);
			if (ownerFigure) costItems.push({ label: `owner costs ${p}`, amount: ownerFigure.value });
			d.notes.governance = {
				rule: `share of GR governance (€ ${fmt(govTotal)} by the governance key) € ${fmt(share)} + own owner costs € ${fmt(ownerFigure?.value ?? ZERO)}`,
				inputs: [...(govKey?.inputs ?? []), ...(ownerFigure?.inputs ?? [])]
			};
		}

		// VAT: the GR charges all four; VAT on the taxable share of each pool's charge; the non-BCF part is a real cost.
		const rateInputs: UsedInput[] = [];
		const rate = this.ratio(s.vat.rate, year, 'VAT rate', '0', rateInputs);
		for (const [p, d] of participants) {
			const inputs: UsedInput[] = [...rateInputs];
			const base = sum(pools.map((pool) => (d.pools.get(pool.id) ?? ZERO).times(pool.taxableShare.value)));
			for (const pool of pools) inputs.push(...pool.taxableShare.inputs);
			d.components.vat = this.vat(year, p, base, rate, inputs);
			costItems.push({ label: `VAT not compensated (${p})`, amount: d.components.vat });
			d.notes.vat = {
				rule: `${rate.toString()} × taxable base € ${fmt(base)} (Σ pool charge × taxable share) × (1 − BCF-compensable share)`,
				inputs
			};
		}

		const transition = this.transition(year);
		this.applyTransition(participants, transition, costItems);

		const detail = this.finish(year, 'gr', method, methodFrom, pools, allocation, participants, costItems, {
			governance: { items, total: govTotal, ...(govKey ? { key: govKey } : {}) },
			vatRate: { value: rate, rule: 'VAT rate', inputs: rateInputs },
			...(transition ? { transition } : {})
		});
		this.yearMemo.set(memoKey, detail);
		return detail;
	}

	private applyTransition(
		participants: Map<string, ParticipantDetail>,
		transition: YearDetail['transition'],
		costItems: { label: string; amount: Decimal }[]
	): void {
		if (!transition) return;
		const split = this.splitByKey(transition.amount.value, transition.key);
		costItems.push({ label: 'transition costs (frictiekosten)', amount: transition.amount.value });
		for (const [p, d] of participants) {
			d.components.transition = split.get(p) ?? ZERO;
			d.notes.transition = {
				rule: `share of € ${fmt(transition.amount.value)} frictiekosten by the transition key (${transition.key?.rule ?? 'no key'})`,
				inputs: [...transition.amount.inputs, ...(transition.key?.inputs ?? [])]
			};
		}
	}

	/** A centrumgemeente year: partners pay DVO fees; the host bears the residual. */
	centrumYear(year: number): YearDetail {
		const s = this.scenario;
		const c = s.centrumgemeente!;
		const host = c.host;
		const partners = this.participantIds.filter((p) => p !== host);
		const { pools, method, methodFrom, allocation, participants, costItems } = this.startYear(year, true);
		const totalServiceCost = sum(pools.map((p) => p.net));

		const switchYear = this.switchYear(year);
		const tyInputs: UsedInput[] = [];
		const transitionYears = this.ratio(c.transitionYears, year, 'DVO transition years', '0', tyInputs);
		const mInputs: UsedInput[] = [];
		const markup = this.ratio(c.markup, year, 'mark-up (opslag)', '0', mInputs);
		const inTransition = new Decimal(year).lessThan(transitionYears.plus(switchYear));
		const rateInputs: UsedInput[] = [];
		const rate = this.ratio(s.vat.rate, year, 'VAT rate', '0', rateInputs);

		const dvoPartners = new Map<string, { phase: 'transition' | 'price-quantity'; fee: Decimal; rule: string }>();
		let prior: YearDetail | undefined;
		let indexChain: { factor: Decimal; inputs: UsedInput[]; rule: string } | undefined;
		if (inTransition) {
			prior = this.grYear(switchYear - 1);
			indexChain = this.costIndexSince(switchYear, year);
		}
		for (const p of partners) {
			const d = participants.get(p)!;
			if (inTransition && prior && indexChain) {
				const before = prior.participants.get(p)!;
				const govShare = before.components.governance.minus(this.ownerCostIn(prior, p));
				const contribution = before.components.service.plus(govShare);
				const fee = roundToCents(contribution.times(indexChain.factor));
				d.components.service = fee;
				// Break the fee down by pool in proportion to last year's GR charges.
				const weights = new Map([...before.pools].filter(([, v]) => v.isPositive()));
				const parts = weights.size > 0 && !fee.isZero() ? allocateByWeights(fee, weights) : new Map<string, Decimal>();
				for (const [pool, v] of parts) d.pools.set(pool, v);
				const rule = `DVO transition phase (${switchYear}–${switchYear + transitionYears.toNumber() - 1}): last GR contribution of ${switchYear - 1} (service € ${fmt(before.components.service)} + GR governance € ${fmt(govShare)} = € ${fmt(contribution)}) × cost index ${indexChain.rule} = € ${fmt(fee)}`;
				d.notes.service = { rule, inputs: [...tyInputs, ...indexChain.inputs] };
				dvoPartners.set(p, { phase: 'transition', fee, rule });
			} else {
				const share = allocation?.totals.get(p) ?? ZERO;
				const m = roundToCents(share.times(markup));
				d.components.service = share;
				d.components.markup = m;
				for (const [pool, v] of allocation?.charges.get(p) ?? []) d.pools.set(pool, v);
				const rule = `DVO price × quantity: cost price share € ${fmt(share)} (pools by their keys, ${method} method) + mark-up ${markup.toString()} × € ${fmt(share)} = € ${fmt(share.plus(m))}`;
				d.notes.service = { rule, inputs: [...tyInputs] };
				d.notes.markup = {
					rule: `opslag ${markup.toString()} on the cost price share € ${fmt(share)}`,
					inputs: mInputs
				};
				dvoPartners.set(p, { phase: 'price-quantity', fee: share.plus(m), rule });
			}
			// VAT on the DVO fee (taxable share per pool); the non-compensable part is a real cost.
			const inputs: UsedInput[] = [...rateInputs];
			const feeFactor = d.components.service.isZero()
				? ONE
				: d.components.service.plus(d.components.markup).dividedBy(d.components.service);
			const base = sum(pools.map((pool) => (d.pools.get(pool.id) ?? ZERO).times(pool.taxableShare.value))).times(
				feeFactor
			);
			for (const pool of pools) inputs.push(...pool.taxableShare.inputs);
			d.components.vat = this.vat(year, p, base, rate, inputs);
			costItems.push({ label: `VAT not compensated (${p})`, amount: d.components.vat });
			d.notes.vat = {
				rule: `${rate.toString()} × taxable part of the DVO fee € ${fmt(base)} × (1 − BCF-compensable share); Leiden's own use is in-house, without VAT`,
				inputs
			};
			// Contract management (opdrachtgeverschap) at the partner.
			const cm = c.partnerContractManagement[p];
			if (cm) {
				const f = this.amount(cm, year, `contract management (${p})`, (y, i) => this.ratio(undefined, y, '', '1', i));
				d.components.contractManagement = f.value;
				d.notes.contractManagement = { rule: f.rule, inputs: [...f.inputs] };
				costItems.push({ label: `contract management ${p}`, amount: f.value });
			}
		}

		// The host bears the residual: total service cost − partner fees.
		const partnerFees = sum(
			partners.map((p) => participants.get(p)!.components.service.plus(participants.get(p)!.components.markup))
		);
		const residual = totalServiceCost.minus(partnerFees);
		const h = participants.get(host)!;
		h.components.service = totalServiceCost.minus(sum(partners.map((p) => participants.get(p)!.components.service)));
		h.components.markup = sum(partners.map((p) => participants.get(p)!.components.markup)).negated();
		for (const pool of pools)
			h.pools.set(pool.id, pool.net.minus(sum(partners.map((p) => participants.get(p)!.pools.get(pool.id) ?? ZERO))));
		h.notes.service = {
			rule: `${host} bears the residual: total service cost € ${fmt(totalServiceCost)} − partners' DVO fees € ${fmt(partnerFees)} = € ${fmt(residual)} (service € ${fmt(h.components.service)}, mark-up received € ${fmt(h.components.markup.negated())})`,
			inputs: []
		};
		h.notes.vat = { rule: `${host}'s own use of the services is in-house: no VAT is charged to the host`, inputs: [] };
		if (!h.components.markup.isZero())
			h.notes.markup = {
				rule: `mark-up received from the partners: −€ ${fmt(h.components.markup.negated())}`,
				inputs: mInputs
			};
		if (c.hostContractManagement) {
			const f = this.amount(c.hostContractManagement, year, `host contract management (${host})`, (y, i) =>
				this.ratio(undefined, y, '', '1', i)
			);
			h.components.contractManagement = f.value;
			h.notes.contractManagement = { rule: f.rule, inputs: [...f.inputs] };
			costItems.push({ label: `host contract management ${host}`, amount: f.value });
		}

		const transition = this.transition(year);
		this.applyTransition(participants, transition, costItems);

		return this.finish(year, 'centrumgemeente', method, methodFrom, pools, allocation, participants, costItems, {
			vatRate: { value: rate, rule: 'VAT rate', inputs: rateInputs },
			...(transition ? { transition } : {}),
			dvo: {
				host,
				switchYear,
				...(prior ? { prior } : {}),
				transitionYears: {
					value: transitionYears,
					rule: 'length of the DVO transition phase in years',
					inputs: tyInputs
				},
				markup: { value: markup, rule: 'opslag on the cost price after the transition phase', inputs: mInputs },
				partners: dvoPartners,
				partnerFees,
				residual,
				totalServiceCost
			}
		});
	}

	private ownerCostIn(detail: YearDetail, participant: string): Decimal {
		const owner = this.scenario.gr.ownerCosts[participant];
		return owner
			? this.amount(owner, detail.year, `owner costs (${participant})`, (y, i) => this.ratio(undefined, y, '', '1', i))
					.value
			: ZERO;
	}

	/** Π over the years from..to of the cost index (wage share weighted by the pools' costs that year). */
	costIndexSince(from: number, to: number): { factor: Decimal; inputs: UsedInput[]; rule: string } {
		let factor = ONE;
		const inputs: UsedInput[] = [];
		const parts: string[] = [];
		for (let y = from; y <= to; y++) {
			const costs = this.scenario.pools.map((pool) => ({
				pool,
				cost: this.amount(pool.cost, y, `cost of ${pool.name}`, this.poolWageShare(pool)).value
			}));
			const total = sum(costs.map((c) => c.cost));
			const ws = total.isZero()
				? ZERO
				: sum(costs.map((c) => c.cost.times(this.poolWageShare(c.pool)(y, inputs)))).dividedBy(total);
			const f = this.indexFactor(y, ws, inputs);
			factor = factor.times(f);
			parts.push(`${y}: ${f.toDecimalPlaces(6).toString()}`);
		}
		return { factor, inputs, rule: `(${parts.join(', ')}; wage share weighted by pool cost)` };
	}

	private finish(
		year: number,
		legalForm: LegalForm,
		method: MethodId,
		methodFrom: string,
		pools: PoolYear[],
		allocation: YearAllocation | undefined,
		participants: Map<string, ParticipantDetail>,
		costItems: { label: string; amount: Decimal }[],
		extra: Pick<YearDetail, 'vatRate'> & Partial<Pick<YearDetail, 'governance' | 'transition' | 'dvo'>>
	): YearDetail {
		const costs = sum(costItems.map((i) => i.amount));
		const charged = sum([...participants.values()].flatMap((d) => COMPONENTS.map((c) => d.components[c])));
		return {
			year,
			legalForm,
			method,
			methodFrom,
			pools,
			allocation,
			participants,
			inhabitants: this.inhabitants(year),
			costItems,
			costs,
			charged,
			...extra
		};
	}
}

/** Format a weight for traces without trailing noise. */
export function formatWeight(value: Decimal): string {
	return value.toDecimalPlaces(6).toString();
}

export { weightToDecimal };
