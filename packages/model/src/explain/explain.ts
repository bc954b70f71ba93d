// Explanation of one participant-year figure: a pure function from a year's detail (as the
// computation made it) to a TraceNode tree, from the total down to components, pools, keys, driver
// values, allocation-method steps and the sources behind every input. It never computes anything anew.
import { COMPONENTS, type Component, type InputValue, type TraceNode } from '../domain/result.ts';
import { Decimal, ZERO, formatAmount, sum } from '../money/decimal.ts';
import type { Figure, KeyUse, PoolYear, YearDetail } from '../legal-form/compute.ts';
import type { UsedInput } from '../scenario/resolve.ts';
import { formatEuro } from '../vocabulary/format.ts';
import { componentLabel, label, type Locale } from '../vocabulary/labels.ts';

/** What a trace needs besides the year's detail: the language and the participants' names. */
export interface TraceContext {
	readonly locale: Locale;
	/** Display name by participant id (the id is shown when absent). */
	readonly names: ReadonlyMap<string, string>;
}

function inputs(list: readonly UsedInput[]): (InputValue & { asOf?: string })[] {
	const seen = new Set<string>();
	const out: (InputValue & { asOf?: string })[] = [];
	for (const i of list) {
		const id = `${i.path}|${i.from}|${i.label}`;
		if (seen.has(id)) continue;
		seen.add(id);
		out.push(i);
	}
	return out;
}

function keyInput(key: KeyUse, label: string): UsedInput[] {
	if (!key.key.provenance) return [];
	return [
		{
			path: key.key.path.replace(/\.\d{4}-\d{2}-\d{2}$/, ''),
			label,
			from: key.from,
			value: key.rule,
			provenance: key.key.provenance,
			asOf: key.from
		}
	];
}

function figureNode(id: string, label: string, f: Figure): TraceNode {
	return {
		id,
		label,
		kind: 'euro',
		value: formatAmount(f.value),
		rule: f.rule,
		...(f.inputs.length ? { inputs: inputs(f.inputs) } : {})
	};
}

function share(weights: ReadonlyMap<string, Decimal>, participant: string): string {
	const total = sum(weights.values());
	const w = weights.get(participant) ?? ZERO;
	return total.isZero() ? '0 %' : `${w.dividedBy(total).times(100).toDecimalPlaces(4).toString()} %`;
}

function poolNode(locale: Locale, detail: YearDetail, pool: PoolYear, participant: string, amount: Decimal): TraceNode {
	const children: TraceNode[] = [];
	children.push(
		figureNode(`${pool.id}.cost`, label(locale, 'pool.cost', { pool: pool.name, year: detail.year }), pool.cost)
	);
	if (!pool.revenue.value.isZero())
		children.push(figureNode(`${pool.id}.revenue`, label(locale, 'pool.revenue', { pool: pool.name }), pool.revenue));
	const eff = pool.efficiency.isZero() ? '' : ` × (1 − efficiency ${pool.efficiency.toString()})`;
	children.push({
		id: `${pool.id}.net`,
		label: label(locale, 'pool.net', { pool: pool.name }),
		kind: 'euro',
		value: formatAmount(pool.net),
		rule: `cost − revenue${eff}`
	});
	children.push({
		id: `${pool.id}.key`,
		label: label(locale, 'pool.key', { pool: pool.name, type: pool.key.key.type, from: pool.key.from }),
		kind: 'share',
		value: share(pool.key.weights, participant),
		rule: `${pool.key.rule}; ${participant}'s weight ${formatWeight(pool.key.weights.get(participant))} of ${formatWeight(sum(pool.key.weights.values()))} in total (weights to other pools included)`,
		inputs: inputs([...keyInput(pool.key, label(locale, 'pool.keyInput', { pool: pool.name })), ...pool.key.inputs])
	});
	const trace = detail.allocation?.result.trace;
	const recipient = trace?.recipients.find((r) => r.recipient === participant);
	const shareRow = recipient?.shares.find((s) => s.pool === pool.id);
	const step = trace?.steps.find((s) => s.pool === pool.id);
	if (shareRow) {
		const received = step?.received.filter((r) => r.amount !== '0.00') ?? [];
		children.push({
			id: `${pool.id}.step`,
			label: label(locale, 'pool.step', { step: shareRow.step, method: detail.method }),
			kind: 'euro',
			value: shareRow.amount,
			rule: `pool total € ${shareRow.poolTotal} × weight ${shareRow.weight} ÷ ${shareRow.weightSum} = € ${shareRow.exact}, rounded so that the pool's parts add up to its total`,
			...(received.length
				? {
						children: [
							{
								id: `${pool.id}.total`,
								label: label(locale, 'pool.total', { pool: pool.name }),
								kind: 'euro',
								value: step?.total ?? shareRow.poolTotal,
								rule: `own € ${step?.own ?? formatAmount(pool.net)} + received ${received.map((r) => `€ ${r.amount} from ${r.from}`).join(' + ')}`
							}
						]
					}
				: {})
		});
	}
	return {
		id: `pool.${pool.id}`,
		label: `${pool.name}`,
		kind: 'euro',
		value: formatAmount(amount),
		rule: label(locale, 'pool.share', { participant, pool: pool.name }),
		children
	};
}

function formatWeight(w: Decimal | undefined): string {
	return (w ?? ZERO).toDecimalPlaces(6).toString();
}

function serviceNode(locale: Locale, detail: YearDetail, participant: string): TraceNode {
	const d = detail.participants.get(participant)!;
	const note = d.notes.service;
	const value = formatAmount(d.components.service);
	const base = {
		id: 'service',
		label: componentLabel(locale, 'service'),
		kind: 'euro' as const,
		value,
		rule: note?.rule ?? ''
	};
	const dvo = detail.dvo;
	if (dvo && participant === dvo.host) {
		const partnerNodes: TraceNode[] = [...dvo.partners].map(([p, f]) => ({
			id: `fee.${p}`,
			label: label(locale, 'dvo.fee', { participant: p, phase: f.phase }),
			kind: 'euro',
			value: formatAmount(f.fee),
			rule: f.rule
		}));
		return {
			...base,
			children: [
				{
					id: 'total-service-cost',
					label: label(locale, 'dvo.totalServiceCost', { year: detail.year }),
					kind: 'euro',
					value: formatAmount(dvo.totalServiceCost),
					rule: 'sum of the pools’ net costs',
					children: detail.pools.map((p) => ({
						id: `pool.${p.id}`,
						label: p.name,
						kind: 'euro',
						value: formatAmount(p.net),
						rule: p.cost.rule,
						inputs: inputs([...p.cost.inputs, ...p.revenue.inputs])
					}))
				},
				{
					id: 'partner-fees',
					label: label(locale, 'dvo.partnerFees'),
					kind: 'euro',
					value: formatAmount(dvo.partnerFees),
					rule: 'service + mark-up of each partner',
					children: partnerNodes
				}
			]
		};
	}
	const phase = dvo?.partners.get(participant)?.phase;
	const prior = dvo?.prior;
	if (phase === 'transition' && prior) {
		const before = prior.participants.get(participant)!;
		const governance = componentNode(locale, prior, participant, 'governance');
		return {
			...base,
			inputs: inputs(note?.inputs ?? []),
			children: [
				{
					id: 'last-gr-contribution',
					label: label(locale, 'dvo.lastContribution', { participant, year: prior.year }),
					rule: "GR service charges + share of the GR's governance costs (owners' own costs, VAT and transition costs are not part of the contribution)",
					children: [serviceNode(locale, prior, participant), governance],
					kind: 'euro',
					value: formatAmount(before.components.service.plus(before.components.governance).minus(before.ownerCost))
				}
			]
		};
	}
	const pools = detail.pools.filter((p) => !(d.pools.get(p.id) ?? ZERO).isZero());
	return { ...base, children: pools.map((p) => poolNode(locale, detail, p, participant, d.pools.get(p.id)!)) };
}

function componentNode(locale: Locale, detail: YearDetail, participant: string, component: Component): TraceNode {
	if (component === 'service') return serviceNode(locale, detail, participant);
	const d = detail.participants.get(participant)!;
	const note = d.notes[component];
	const node: TraceNode = {
		id: component,
		label: componentLabel(locale, component),
		kind: 'euro',
		value: formatAmount(d.components[component]),
		rule:
			note?.rule ??
			(d.components[component].isZero()
				? `none under ${detail.legalForm === 'gr' ? 'the GR' : 'the centrumgemeente'} in ${detail.year}`
				: ''),
		...(note?.inputs.length ? { inputs: inputs(note.inputs) } : {})
	};
	if (component === 'governance' && detail.governance && detail.legalForm === 'gr') {
		return {
			...node,
			children: [
				{
					id: 'gr-governance',
					label: label(locale, 'gr.governance'),
					kind: 'euro',
					value: formatAmount(detail.governance.total),
					rule: `divided by the governance key: ${detail.governance.key?.rule ?? 'no key'}; ${participant}'s share ${detail.governance.key ? share(detail.governance.key.weights, participant) : '0 %'}`,
					children: detail.governance.items.map((i) => figureNode(`gov.${i.id}`, i.label, i))
				}
			]
		};
	}
	return node;
}

/**
 * The trace of one participant's figure in a computed year.
 * @param detail a year as the computation made it (computeYears / ScenarioModel.year)
 * @throws Error for a participant the year does not know
 */
export function traceYear(detail: YearDetail, participant: string, context: TraceContext): TraceNode {
	const locale = context.locale;
	const d = detail.participants.get(participant);
	if (!d) throw new Error(`[model] unknown participant: ${participant}`);
	// Every component is listed at the top, zero or not, so the sum reads in full.
	const parts = COMPONENTS;
	const total = sum(COMPONENTS.map((c) => d.components[c]));
	return {
		id: `${participant}.${detail.year}`,
		label: label(locale, 'total', {
			name: context.names.get(participant) ?? participant,
			year: detail.year,
			form: label(locale, detail.legalForm === 'gr' ? 'form.gr' : 'form.centrumgemeente'),
			method: detail.method
		}),
		kind: 'euro',
		value: formatAmount(total),
		rule:
			locale === 'nl'
				? parts
						.map((c) => `${componentLabel(locale, c)} ${formatEuro(d.components[c], 'nl', { decimals: 2 })}`)
						.join(' + ')
				: parts.map((c) => `${c} € ${formatAmount(d.components[c])}`).join(' + '),
		children: parts.map((c) => componentNode(locale, detail, participant, c))
	};
}
