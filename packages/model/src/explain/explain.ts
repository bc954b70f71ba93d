// Explanation of one participant-year figure: a pure function from a year's detail (as the
// computation made it) to a TraceNode tree, from the total down to components, pools, keys, driver
// values, allocation-method steps and the sources behind every input. It never computes anything anew.
import { COMPONENTS, type Component, type InputValue, type TraceNode } from '../domain/result.ts';
import { Decimal, ZERO, formatAmount, sum } from '../money/decimal.ts';
import type { Figure, KeyUse, PoolYear, YearDetail } from '../legal-form/compute.ts';
import type { UsedInput } from '../scenario/resolve.ts';
import { componentLabel, label, type Locale } from '../vocabulary/labels.ts';
import { message, renderMessage, type Message } from '../vocabulary/messages.ts';
import { formName, keyTypeName, methodName, PHASE_NAMES } from '../vocabulary/names.ts';

/** What a trace needs besides the year's detail: the language and the participants' names. */
export interface TraceContext {
	readonly locale: Locale;
	/** Display name by participant or pool id (the id is shown when absent). */
	readonly names: ReadonlyMap<string, string>;
	/** Input labels by input path in the trace's language (the computation's own label when absent). */
	readonly inputLabels?: ReadonlyMap<string, string>;
}

/** What the node builders share: the context, and a message rendered in its language. */
interface Tracer extends TraceContext {
	/** A message the computation made (kept with the year: the trees of its participants repeat it). */
	say(m: Message): string;
	/** A message made here for one node (rendered, not kept: nothing else meets the same object). */
	render(m: Message): string;
	name(id: string): string;
	/** The trace context as a key of the nodes shared between trees (see shared()). */
	readonly key: string;
}

// What the trees of a computed year share, kept with the year (and dropped with it): rules rendered
// by message object and language (a pool's cost and a key's rule appear in the tree of every
// participant, a transition year repeats its prior GR year's notes), and the nodes no participant
// changes (a pool's cost, revenue and net, a pool's total after service between pools, the GR's
// governance items, a participant's component that a later year's tree repeats) by trace context:
// built once and shared by every tree that shows them (trace nodes are read-only).
interface YearTraces {
	readonly rendered: Record<Locale, Map<Message, string>>;
	readonly nodes: Map<string, Map<string, object>>;
}
const yearTraces = new WeakMap<YearDetail, YearTraces>();

function tracesOf(detail: YearDetail): YearTraces {
	let traces = yearTraces.get(detail);
	if (!traces) yearTraces.set(detail, (traces = { rendered: { nl: new Map(), en: new Map() }, nodes: new Map() }));
	return traces;
}

// The key of the labels a caller promised never to change (fixedTraceLabels), by their maps: the
// trees of a scenario then find their shared nodes by the very same key string (compared at once,
// not character by character), and the key is written once.
const fixedKeys = new WeakMap<ReadonlyMap<string, string>, Map<ReadonlyMap<string, string> | undefined, string>>();

/**
 * Declare a trace context's names and input labels read-only from now on, so that traceYear keeps
 * the key it makes of them (for the facade, which makes them once per scenario and language).
 */
export function fixedTraceLabels(names: ReadonlyMap<string, string>, inputLabels?: ReadonlyMap<string, string>): void {
	if (!fixedKeys.has(names)) fixedKeys.set(names, new Map());
	fixedKeys.get(names)!.set(inputLabels, '');
}

/** A trace context as a key: its language, its names and its input labels, by content. */
function contextKey(context: TraceContext): string {
	const byLabels = fixedKeys.get(context.names);
	const known = byLabels?.get(context.inputLabels);
	if (known === undefined) return contextText(context);
	if (known.startsWith(`${context.locale}|`)) return known;
	const key = contextText(context);
	byLabels!.set(context.inputLabels, key);
	return key;
}

function contextText(context: TraceContext): string {
	let key = `${context.locale}|`;
	for (const [id, name] of context.names) key += `${id}\u0000${name}\u0001`;
	key += '|';
	// Input labels are made afresh for each explanation (in Dutch), so they are compared by content.
	if (context.inputLabels) for (const [path, text] of context.inputLabels) key += `${path}\u0000${text}\u0001`;
	return key;
}

// A year explained in more contexts than this keeps only the latest (the nodes stay in the trees given out).
const CONTEXTS_KEPT = 4;

function tracer(context: TraceContext, detail: YearDetail): Tracer {
	const key = contextKey(context);
	const rendered = tracesOf(detail).rendered[context.locale];
	return {
		...context,
		say: (m) => {
			let text = rendered.get(m);
			if (text === undefined) rendered.set(m, (text = renderMessage(m, context.locale)));
			return text;
		},
		render: (m) => renderMessage(m, context.locale),
		name: (id) => context.names.get(id) ?? id,
		key
	};
}

/** What `id` explains of `detail` in the tracer's context, built by `build` the first time. */
function shared<T extends object>(t: Tracer, detail: YearDetail, id: string, build: () => T): T {
	const byContext = tracesOf(detail).nodes;
	let nodes = byContext.get(t.key);
	if (!nodes) {
		if (byContext.size >= CONTEXTS_KEPT) byContext.delete(byContext.keys().next().value!);
		byContext.set(t.key, (nodes = new Map()));
	}
	let node = nodes.get(id) as T | undefined;
	if (!node) nodes.set(id, (node = build()));
	return node;
}

// The inputs of a figure as a trace lists them, relabelled, by the figure's list (read-only once
// computed) and the labels (kept only for labels a caller declared fixed): a tree repeats its
// figures' lists, and the trees of a year, and of the years after it, show the same figures.
const listedInputs = new WeakMap<readonly UsedInput[], Map<ReadonlyMap<string, string>, readonly TracedInput[]>>();

type TracedInput = InputValue & { asOf?: string };

function inputs(t: Tracer, list: readonly UsedInput[]): readonly TracedInput[] {
	const labels = t.inputLabels;
	// Without labels (English) a list is listed as it is, at no cost; labels a caller may still change are not kept by.
	if (!labels || !fixedKeys.get(t.names)?.has(labels)) return listInputsOf(list, labels);
	let byLabels = listedInputs.get(list);
	if (!byLabels) listedInputs.set(list, (byLabels = new Map()));
	let out = byLabels.get(labels);
	if (!out) byLabels.set(labels, (out = listInputsOf(list, labels)));
	return out;
}

// Up to this length a list finds its repeated inputs by comparing them, beyond it by a set of their keys.
const SHORT_LIST = 32;

/** Every input of `list` once (by path, date and label), relabelled; the list itself when that changes nothing. */
function listInputsOf(
	list: readonly UsedInput[],
	labels: ReadonlyMap<string, string> | undefined
): readonly TracedInput[] {
	const seen = list.length > SHORT_LIST ? new Set<string>() : undefined;
	let out: TracedInput[] | undefined;
	for (let k = 0; k < list.length; k++) {
		const i = list[k]!;
		const repeated = seen ? seenBefore(seen, i) : listedBefore(list, k);
		const relabel = labels?.get(i.path);
		if (!out && !repeated && !relabel) continue;
		out ??= list.slice(0, k);
		if (!repeated) out.push(relabel ? { ...i, label: relabel } : i);
	}
	return out ?? list;
}

function sameInput(a: UsedInput, b: UsedInput): boolean {
	return a.path === b.path && a.from === b.from && a.label === b.label;
}

function listedBefore(list: readonly UsedInput[], k: number): boolean {
	for (let j = 0; j < k; j++) if (sameInput(list[j]!, list[k]!)) return true;
	return false;
}

function seenBefore(seen: Set<string>, i: UsedInput): boolean {
	const id = `${i.path}|${i.from}|${i.label}`;
	if (seen.has(id)) return true;
	seen.add(id);
	return false;
}

function keyInput(t: Tracer, key: KeyUse, label: string): UsedInput[] {
	if (!key.key.provenance) return [];
	return [
		{
			path: key.key.path.replace(/\.\d{4}-\d{2}-\d{2}$/, ''),
			label,
			from: key.from,
			value: t.say(key.rule),
			provenance: key.key.provenance,
			asOf: key.from
		}
	];
}

function figureNode(t: Tracer, id: string, label: string, f: Figure): TraceNode {
	const node: Writable<TraceNode> = { id, label, kind: 'euro', value: formatAmount(f.value), rule: t.say(f.rule) };
	if (f.inputs.length) node.inputs = inputs(t, f.inputs);
	return node;
}

// A node being built (the nodes given out are read-only): optional fields are set, not spread in, as
// every tree makes thousands of nodes.
type Writable<T> = { -readonly [K in keyof T]: T[K] };

function phaseName(phase: keyof typeof PHASE_NAMES, locale: Locale): string {
	return PHASE_NAMES[phase][locale];
}

// The sum of a key's weights, per weights map: every participant's tree of the year divides by it.
const weightTotals = new WeakMap<ReadonlyMap<string, Decimal>, Decimal>();
function weightTotal(weights: ReadonlyMap<string, Decimal>): Decimal {
	let total = weightTotals.get(weights);
	if (!total) weightTotals.set(weights, (total = sum(weights.values())));
	return total;
}

/** A participant's share of a key's weights, as a percentage with up to four decimals ("11.5"). */
function sharePercent(weights: ReadonlyMap<string, Decimal>, participant: string): string {
	const total = weightTotal(weights);
	const w = weights.get(participant) ?? ZERO;
	return total.isZero() ? '0' : w.dividedBy(total).times(100).toDecimalPlaces(4).toString();
}

function formatWeight(w: Decimal | undefined): string {
	return (w ?? ZERO).toDecimalPlaces(6).toString();
}

function poolKeyNode(t: Tracer, detail: YearDetail, pool: PoolYear, participant: string): TraceNode {
	// What the key node says for every participant: its label, its inputs and the key's rule and total.
	const key = shared(t, detail, `${pool.id}.key`, () => ({
		label: label(t.locale, 'pool.key', {
			pool: pool.name,
			type: keyTypeName(pool.key.key.type, t.locale),
			from: pool.key.from
		}),
		rule: t.say(pool.key.rule),
		total: formatWeight(weightTotal(pool.key.weights)),
		inputs: inputs(t, [
			...keyInput(t, pool.key, label(t.locale, 'pool.keyInput', { pool: pool.name })),
			...pool.key.inputs
		])
	}));
	return {
		id: `${pool.id}.key`,
		label: key.label,
		kind: 'share',
		value: `${sharePercent(pool.key.weights, participant)} %`,
		rule: t.render(
			message('rule.keyShare', {
				// The key's rule as rendered once for the year (a nested message renders to the same text).
				key: key.rule,
				participant: t.name(participant),
				weight: formatWeight(pool.key.weights.get(participant)),
				total: key.total
			})
		),
		inputs: key.inputs
	};
}

function stepNode(t: Tracer, detail: YearDetail, pool: PoolYear, participant: string): TraceNode | undefined {
	const trace = detail.allocation?.result.trace;
	const recipient = trace?.recipients.find((r) => r.recipient === participant);
	const shareRow = recipient?.shares.find((s) => s.pool === pool.id);
	const step = trace?.steps.find((s) => s.pool === pool.id);
	if (!shareRow) return undefined;
	const received = step?.received.filter((r) => r.amount !== '0.00') ?? [];
	const node: Writable<TraceNode> = {
		id: `${pool.id}.step`,
		label: label(t.locale, 'pool.step', { step: shareRow.step, method: methodName(detail.method, t.locale) }),
		kind: 'euro',
		value: shareRow.amount,
		rule: t.render(
			message('rule.allocationStep', {
				poolTotal: shareRow.poolTotal,
				weight: shareRow.weight,
				weightSum: shareRow.weightSum,
				exact: shareRow.exact
			})
		)
	};
	if (received.length === 0) return node;
	// The pool's total after service between pools: the same in every participant's tree.
	node.children = [
		shared(t, detail, `${pool.id}.total`, () => ({
			id: `${pool.id}.total`,
			label: label(t.locale, 'pool.total', { pool: pool.name }),
			kind: 'euro',
			value: step?.total ?? shareRow.poolTotal,
			rule: t.render(
				message('rule.poolTotal', {
					own: step?.own ?? formatAmount(pool.net),
					received: received.map((r) => message('rule.received', { amount: r.amount, from: t.name(r.from) }))
				})
			)
		}))
	];
	return node;
}

/** A pool's cost, revenue and net in a year: the same nodes in every participant's tree. */
function poolCostNodes(t: Tracer, detail: YearDetail, pool: PoolYear): TraceNode[] {
	return shared(t, detail, `${pool.id}.cost`, () => {
		const locale = t.locale;
		const nodes: TraceNode[] = [
			figureNode(t, `${pool.id}.cost`, label(locale, 'pool.cost', { pool: pool.name, year: detail.year }), pool.cost)
		];
		if (!pool.revenue.value.isZero())
			nodes.push(figureNode(t, `${pool.id}.revenue`, label(locale, 'pool.revenue', { pool: pool.name }), pool.revenue));
		nodes.push({
			id: `${pool.id}.net`,
			label: label(locale, 'pool.net', { pool: pool.name }),
			kind: 'euro',
			value: formatAmount(pool.net),
			rule: t.render(
				pool.efficiency.isZero()
					? message('rule.net')
					: message('rule.netEfficiency', { efficiency: pool.efficiency.toString() })
			)
		});
		return nodes;
	});
}

function poolNode(t: Tracer, detail: YearDetail, pool: PoolYear, participant: string, amount: Decimal): TraceNode {
	const children: TraceNode[] = [...poolCostNodes(t, detail, pool), poolKeyNode(t, detail, pool, participant)];
	const step = stepNode(t, detail, pool, participant);
	if (step) children.push(step);
	return {
		id: `pool.${pool.id}`,
		label: `${pool.name}`,
		kind: 'euro',
		value: formatAmount(amount),
		rule: t.render(message('rule.poolShare', { participant: t.name(participant), pool: pool.name })),
		children
	};
}

/** The host's service in a centrumgemeente year: the total service cost less the partners' fees. */
function hostServiceNode(t: Tracer, detail: YearDetail, base: TraceNode): TraceNode {
	const dvo = detail.dvo!;
	const partnerNodes: TraceNode[] = [...dvo.partners].map(([p, f]) => ({
		id: `fee.${p}`,
		label: label(t.locale, 'dvo.fee', { participant: t.name(p), phase: phaseName(f.phase, t.locale) }),
		kind: 'euro',
		value: formatAmount(f.fee),
		rule: t.say(f.rule)
	}));
	return {
		...base,
		children: [
			{
				id: 'total-service-cost',
				label: label(t.locale, 'dvo.totalServiceCost', { year: detail.year }),
				kind: 'euro',
				value: formatAmount(dvo.totalServiceCost),
				rule: t.render(message('rule.totalServiceCost')),
				children: detail.pools.map((p) => ({
					id: `pool.${p.id}`,
					label: p.name,
					kind: 'euro',
					value: formatAmount(p.net),
					rule: t.say(p.cost.rule),
					inputs: inputs(t, [...p.cost.inputs, ...p.revenue.inputs])
				}))
			},
			{
				id: 'partner-fees',
				label: label(t.locale, 'dvo.partnerFees'),
				kind: 'euro',
				value: formatAmount(dvo.partnerFees),
				rule: t.render(message('rule.partnerFees')),
				children: partnerNodes
			}
		]
	};
}

function serviceNode(t: Tracer, detail: YearDetail, participant: string): TraceNode {
	const d = detail.participants.get(participant)!;
	const note = d.notes.service;
	const base: TraceNode = {
		id: 'service',
		label: componentLabel(t.locale, 'service'),
		kind: 'euro',
		value: formatAmount(d.components.service),
		rule: note ? t.say(note.rule) : ''
	};
	const dvo = detail.dvo;
	if (dvo && participant === dvo.host) return hostServiceNode(t, detail, base);
	const phase = dvo?.partners.get(participant)?.phase;
	const prior = dvo?.prior;
	if (phase === 'transition' && prior) {
		const before = prior.participants.get(participant)!;
		const governance = componentNode(t, prior, participant, 'governance');
		return {
			...base,
			inputs: inputs(t, note?.inputs ?? []),
			children: [
				{
					id: 'last-gr-contribution',
					label: label(t.locale, 'dvo.lastContribution', { participant: t.name(participant), year: prior.year }),
					rule: t.render(message('rule.lastContribution')),
					children: [componentNode(t, prior, participant, 'service'), governance],
					kind: 'euro',
					value: formatAmount(before.components.service.plus(before.components.governance).minus(before.ownerCost))
				}
			]
		};
	}
	const pools = detail.pools.filter((p) => !(d.pools.get(p.id) ?? ZERO).isZero());
	return { ...base, children: pools.map((p) => poolNode(t, detail, p, participant, d.pools.get(p.id)!)) };
}

/** A participant's component in a year (a GR year's reappear in the trees of the transition years after it). */
function componentNode(t: Tracer, detail: YearDetail, participant: string, component: Component): TraceNode {
	return shared(t, detail, `${component}|${participant}`, () => buildComponentNode(t, detail, participant, component));
}

function buildComponentNode(t: Tracer, detail: YearDetail, participant: string, component: Component): TraceNode {
	if (component === 'service') return serviceNode(t, detail, participant);
	const d = detail.participants.get(participant)!;
	const note = d.notes[component];
	const node: Writable<TraceNode> = {
		id: component,
		label: componentLabel(t.locale, component),
		kind: 'euro',
		value: formatAmount(d.components[component]),
		rule: note
			? t.say(note.rule)
			: d.components[component].isZero()
				? t.render(message('rule.noneUnder', { form: detail.legalForm, year: detail.year }))
				: ''
	};
	if (note?.inputs.length) node.inputs = inputs(t, note.inputs);
	const governance = detail.governance;
	if (component === 'governance' && governance && detail.legalForm === 'gr') {
		const keyRule = t.say(governance.key?.rule ?? message('key.none'));
		return {
			...node,
			children: [
				{
					id: 'gr-governance',
					label: label(t.locale, 'gr.governance'),
					kind: 'euro',
					value: formatAmount(governance.total),
					rule: t.render(
						message('rule.governanceKey', {
							key: keyRule,
							participant: t.name(participant),
							share: governance.key ? sharePercent(governance.key.weights, participant) : '0'
						})
					),
					children: shared(t, detail, 'gov.items', () =>
						governance.items.map((i) => figureNode(t, `gov.${i.id}`, i.label, i))
					)
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
	const t = tracer(context, detail);
	const d = detail.participants.get(participant);
	if (!d) throw new Error(`[model] unknown participant: ${participant}`);
	// Every component is listed at the top, zero or not, so the sum reads in full.
	const total = sum(COMPONENTS.map((c) => d.components[c]));
	return {
		id: `${participant}.${detail.year}`,
		label: label(t.locale, 'total', {
			name: t.name(participant),
			year: detail.year,
			form: formName(detail.legalForm, t.locale, true),
			method: methodName(detail.method, t.locale)
		}),
		kind: 'euro',
		value: formatAmount(total),
		rule: t.render(
			message('rule.components', {
				parts: COMPONENTS.map((c) => message('rule.component', { component: c, amount: formatAmount(d.components[c]) }))
			})
		),
		children: COMPONENTS.map((c) => componentNode(t, detail, participant, c))
	};
}
