// Pure builders of Observable Plot options: model results in, plain Plot options out. Shaping (stacking the
// waterfall, laying out the flow) uses floats for pixel positions only; every euro shown as text comes from
// the model's decimal strings.
import * as Plot from '@observablehq/plot';
import type { ComparisonRow, Component, ParticipantYear } from '@sp71/model';
import { formatEuro, formatEuroTick, toNumber } from '../format.ts';
import { colors } from './tokens.ts';

type Names = Readonly<Record<string, string>>;
const nameOf = (names: Names, id: string) => names[id] ?? id;
const yearFormat = (d: number) => String(d);

export interface CostsByParticipantInput {
	readonly rows: readonly ComparisonRow[];
	readonly year: number;
	readonly names: Names;
	readonly labels: { readonly base: string; readonly variant: string };
	readonly width?: number;
}

export interface CostBar {
	readonly participant: string;
	readonly form: string;
	readonly amount: number;
	readonly text: string;
}

/** Grouped bars data: per municipality one bar for the base and one for the variant in `year`. */
export function costBars({ rows, year, names, labels }: CostsByParticipantInput): CostBar[] {
	return rows
		.filter((row) => row.year === year)
		.flatMap((row) => [
			{
				participant: nameOf(names, row.participant),
				form: labels.base,
				amount: toNumber(row.base),
				text: formatEuro(row.base)
			},
			{
				participant: nameOf(names, row.participant),
				form: labels.variant,
				amount: toNumber(row.variant),
				text: formatEuro(row.variant)
			}
		]);
}

/** Grouped bars: base versus variant per municipality in one year. */
export function costsByParticipant(input: CostsByParticipantInput): Plot.PlotOptions {
	const data = costBars(input);
	return {
		width: input.width ?? 720,
		height: 300,
		marginLeft: 70,
		fx: { label: null, padding: 0.15 },
		x: { axis: null, domain: [input.labels.base, input.labels.variant] },
		y: { grid: true, label: null, tickFormat: formatEuroTick },
		color: { domain: [input.labels.base, input.labels.variant], range: [colors.base, colors.variant], legend: true },
		marks: [
			Plot.barY(data, {
				fx: 'participant',
				x: 'form',
				y: 'amount',
				fill: 'form',
				title: (d: CostBar) => `${d.participant}, ${d.form}: ${d.text}`,
				tip: true
			}),
			Plot.ruleY([0], { stroke: colors.rule })
		]
	};
}

export interface DeltaPoint {
	readonly participant: string;
	readonly year: number;
	readonly delta: number;
	readonly text: string;
}

/** Difference per participant per year, in participant order. */
export function deltaPoints(rows: readonly ComparisonRow[], names: Names): DeltaPoint[] {
	return rows.map((row) => ({
		participant: nameOf(names, row.participant),
		year: row.year,
		delta: toNumber(row.delta),
		text: formatEuro(row.delta)
	}));
}

/** The difference over the years: one line per municipality, zero line for "same as the base". */
export function deltaOverYears(input: {
	readonly rows: readonly ComparisonRow[];
	readonly names: Names;
	readonly order: readonly string[];
	readonly width?: number;
}): Plot.PlotOptions {
	const data = deltaPoints(input.rows, input.names);
	const domain = input.order.map((id) => nameOf(input.names, id));
	return {
		width: input.width ?? 720,
		height: 280,
		marginLeft: 70,
		x: { label: null, tickFormat: yearFormat, ticks: [...new Set(data.map((d) => d.year))] },
		y: { grid: true, label: null, tickFormat: formatEuroTick },
		color: { domain, range: colors.participants.slice(0, domain.length), legend: true },
		marks: [
			Plot.ruleY([0], { stroke: colors.rule }),
			Plot.line(data, { x: 'year', y: 'delta', stroke: 'participant', strokeWidth: 2, marker: 'circle' }),
			Plot.tip(
				data,
				Plot.pointer({
					x: 'year',
					y: 'delta',
					title: (d: DeltaPoint) => `${d.participant} ${d.year}: ${d.text}`
				})
			)
		]
	};
}

export type StepKind = 'increase' | 'decrease' | 'total';

export interface WaterfallStep {
	readonly participant: string;
	readonly step: string;
	readonly kind: StepKind;
	readonly y1: number;
	readonly y2: number;
	readonly text: string;
}

/** Waterfall steps: for each municipality, each component's delta stacked from where the previous ended, then the total. */
export function waterfallSteps(input: {
	readonly rows: readonly ComparisonRow[];
	readonly year: number;
	readonly names: Names;
	readonly components: readonly Component[];
	readonly componentLabels: Readonly<Record<Component, string>>;
	readonly totalLabel: string;
}): WaterfallStep[] {
	const rows = input.rows.filter((row) => row.year === input.year);
	// Leave out components that are zero for every municipality that year: they only add empty slots.
	const used = input.components.filter((c) => rows.some((row) => toNumber(row.components[c]?.delta) !== 0));
	return rows.flatMap((row) => {
		const participant = nameOf(input.names, row.participant);
		let level = 0;
		const steps: WaterfallStep[] = used.map((c) => {
			const delta = toNumber(row.components[c]?.delta ?? '0');
			const step: WaterfallStep = {
				participant,
				step: input.componentLabels[c],
				kind: delta >= 0 ? 'increase' : 'decrease',
				y1: level,
				y2: level + delta,
				text: formatEuro(row.components[c]?.delta ?? '0')
			};
			level += delta;
			return step;
		});
		steps.push({
			participant,
			step: input.totalLabel,
			kind: 'total',
			y1: 0,
			y2: toNumber(row.delta),
			text: formatEuro(row.delta)
		});
		return steps;
	});
}

/** A waterfall per municipality (one panel each, side by side) breaking the year's difference into components. */
export function waterfall(
	input: Parameters<typeof waterfallSteps>[0] & {
		readonly kindLabels: Readonly<Record<StepKind, string>>;
		readonly width?: number;
	}
): Plot.PlotOptions {
	const data = waterfallSteps(input);
	const steps = [...new Set(data.map((d) => d.step))];
	const participants = [...new Set(data.map((d) => d.participant))];
	return {
		width: input.width ?? 720,
		height: 80 + steps.length * 34,
		marginLeft: 175,
		marginRight: 20,
		marginBottom: 40,
		fx: { label: null, domain: participants, padding: 0.12 },
		y: { label: null, domain: steps, padding: 0.2 },
		x: { grid: true, label: null, tickFormat: formatEuroTick, ticks: 3 },
		color: {
			domain: ['increase', 'decrease', 'total'],
			range: [colors.increase, colors.decrease, colors.total],
			tickFormat: (k: StepKind) => input.kindLabels[k],
			legend: true
		},
		marks: [
			Plot.barX(data, {
				fx: 'participant',
				y: 'step',
				x1: 'y1',
				x2: 'y2',
				fill: 'kind',
				title: (d: WaterfallStep) => `${d.participant}, ${d.step}: ${d.text}`,
				tip: true
			}),
			Plot.ruleX([0], { stroke: colors.rule })
		]
	};
}

export interface MethodResult {
	readonly participant: string;
	readonly method: string;
	readonly total: number;
	readonly text: string;
}

/**
 * Dots per method on one line per municipality, placed at the distance from that municipality's lowest
 * outcome (the totals themselves differ by orders of magnitude between municipalities), with a rule for the spread.
 */
export function methodSpread(input: {
	readonly results: readonly MethodResult[];
	readonly methods: readonly string[];
	readonly width?: number;
	readonly xLabel?: string;
}): Plot.PlotOptions {
	const participants = [...new Set(input.results.map((r) => r.participant))];
	const lowest = new Map(
		participants.map((p) => [p, Math.min(...input.results.filter((r) => r.participant === p).map((r) => r.total))])
	);
	const data = input.results.map((r) => ({ ...r, above: r.total - lowest.get(r.participant)! }));
	const ranges = participants.map((participant) => ({
		participant,
		max: Math.max(...data.filter((r) => r.participant === participant).map((r) => r.above))
	}));
	return {
		width: input.width ?? 720,
		height: 70 + participants.length * 46,
		marginLeft: 100,
		marginRight: 30,
		y: { label: null, domain: participants },
		x: { grid: true, label: input.xLabel ?? null, tickFormat: formatEuroTick },
		color: { domain: input.methods, range: colors.methods.slice(0, input.methods.length), legend: true },
		symbol: { domain: input.methods, range: ['circle', 'triangle', 'square'] },
		marks: [
			Plot.ruleY(ranges, { y: 'participant', x1: 0, x2: 'max', stroke: colors.rule, strokeWidth: 3 }),
			Plot.dot(data, {
				y: 'participant',
				x: 'above',
				fill: 'method',
				symbol: 'method',
				r: 6,
				title: (d: MethodResult) => `${d.participant}, ${d.method}: ${d.text}`,
				tip: true
			})
		]
	};
}

export interface FlowInput {
	readonly rows: readonly ParticipantYear[];
	readonly year: number;
	readonly names: Names;
	readonly poolNames: Names;
	readonly width?: number;
	readonly height?: number;
}

export interface FlowNode {
	readonly id: string;
	readonly label: string;
	readonly side: 'pool' | 'participant';
	readonly y1: number;
	readonly y2: number;
	readonly text: string;
}

export interface FlowLink {
	readonly pool: string;
	readonly participant: string;
	readonly y1: number;
	readonly y2: number;
	readonly width: number;
	readonly text: string;
}

/**
 * Sankey-style layout in pixel units: pools on the left, municipalities on the right, node heights and
 * link widths proportional to the amounts charged (ParticipantYear.pools) in `year`.
 */
export function flowLayout(input: FlowInput): { nodes: FlowNode[]; links: FlowLink[]; height: number } {
	const height = input.height ?? 420;
	const gap = 12;
	const rows = input.rows.filter((r) => r.year === input.year);
	const flows = rows.flatMap((r) =>
		Object.entries(r.pools)
			.map(([pool, amount]) => ({ pool, participant: r.participant, amount: toNumber(amount), text: amount }))
			.filter((f) => f.amount > 0)
	);
	const pools = [...new Set(flows.map((f) => f.pool))];
	const participants = rows.map((r) => r.participant).filter((p) => flows.some((f) => f.participant === p));
	const total = flows.reduce((s, f) => s + f.amount, 0);
	if (total <= 0) return { nodes: [], links: [], height };
	const scaleFor = (count: number) => (height - gap * Math.max(count - 1, 0)) / total;
	const scale = Math.min(scaleFor(pools.length), scaleFor(participants.length));
	const place = (
		ids: string[],
		side: FlowNode['side'],
		sizeOf: (id: string) => number,
		label: (id: string) => string
	) => {
		let y = 0;
		const used = ids.reduce((s, id) => s + sizeOf(id) * scale, 0) + gap * Math.max(ids.length - 1, 0);
		y = (height - used) / 2;
		return ids.map((id) => {
			const size = sizeOf(id) * scale;
			const node = { id, label: label(id), side, y1: y, y2: y + size, text: formatEuro(sizeOf(id)) };
			y += size + gap;
			return node;
		});
	};
	const poolTotal = (id: string) => flows.filter((f) => f.pool === id).reduce((s, f) => s + f.amount, 0);
	const participantTotal = (id: string) => flows.filter((f) => f.participant === id).reduce((s, f) => s + f.amount, 0);
	const poolNodes = place(pools, 'pool', poolTotal, (id) => nameOf(input.poolNames, id));
	const participantNodes = place(participants, 'participant', participantTotal, (id) => nameOf(input.names, id));
	const poolOffset = new Map(poolNodes.map((n) => [n.id, n.y1]));
	const participantOffset = new Map(participantNodes.map((n) => [n.id, n.y1]));
	const links = flows.map((f) => {
		const width = f.amount * scale;
		const y1 = poolOffset.get(f.pool)! + width / 2;
		const y2 = participantOffset.get(f.participant)! + width / 2;
		poolOffset.set(f.pool, poolOffset.get(f.pool)! + width);
		participantOffset.set(f.participant, participantOffset.get(f.participant)! + width);
		return {
			pool: nameOf(input.poolNames, f.pool),
			participant: nameOf(input.names, f.participant),
			y1,
			y2,
			width,
			text: formatEuro(f.text)
		};
	});
	return { nodes: [...poolNodes, ...participantNodes], links, height };
}

/** The flow from pools to municipalities drawn with links (bump curves) and rects, in pixel units. */
export function flow(input: FlowInput): Plot.PlotOptions {
	const { nodes, links, height } = flowLayout(input);
	const nodeWidth = 0.015;
	const left = 0.32;
	const right = 0.74;
	const xOf = (n: FlowNode) => (n.side === 'pool' ? left - nodeWidth : right);
	return {
		width: input.width ?? 720,
		height: height + 20,
		marginTop: 10,
		marginBottom: 10,
		marginLeft: 0,
		marginRight: 0,
		x: { domain: [0, 1], axis: null },
		y: { domain: [0, height], range: [10, height + 10], axis: null },
		marks: [
			Plot.link(links, {
				x1: left,
				x2: right,
				y1: 'y1',
				y2: 'y2',
				curve: 'bump-x',
				stroke: (l: FlowLink) => l.participant,
				strokeOpacity: 0.45,
				strokeWidth: (l: FlowLink) => Math.max(l.width, 1),
				title: (l: FlowLink) => `${l.pool} → ${l.participant}: ${l.text}`,
				tip: true
			}),
			Plot.rect(nodes, {
				x1: (n: FlowNode) => xOf(n),
				x2: (n: FlowNode) => xOf(n) + nodeWidth,
				y1: 'y1',
				y2: 'y2',
				fill: (n: FlowNode) => (n.side === 'pool' ? colors.pool : colors.total),
				title: (n: FlowNode) => `${n.label}: ${n.text}`
			}),
			Plot.text(
				nodes.filter((n) => n.side === 'pool'),
				{
					x: left - nodeWidth - 0.01,
					y: (n: FlowNode) => (n.y1 + n.y2) / 2,
					// Long pool names wrap instead of running off the left edge.
					text: (n: FlowNode) => `${n.label}\n${n.text}`,
					textAnchor: 'end',
					lineWidth: 18,
					fontSize: 11
				}
			),
			Plot.text(
				nodes.filter((n) => n.side === 'participant'),
				{
					x: right + nodeWidth + 0.01,
					y: (n: FlowNode) => (n.y1 + n.y2) / 2,
					text: (n: FlowNode) => `${n.label} ${n.text}`,
					textAnchor: 'start',
					fontSize: 11
				}
			)
		],
		color: { type: 'categorical', range: colors.participants as unknown as string[] }
	};
}
