// Chart: the flow of one year's charges from cost pools (left) to municipalities (right), Sankey-style, drawn
// with Plot's link and rect marks. Node heights and link widths are proportional to the amounts charged.
import * as Plot from '@observablehq/plot';
import type { ParticipantYear } from '@sp71/model';
import { formatEuro, toNumber } from '../../format.ts';
import { nameOf, type Chart, type ChartHeaders, type Names } from '../chart.ts';
import { colors } from '../tokens.ts';

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
	/** The exact amount (decimal string). */
	readonly value: string;
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
			value: f.text,
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

/** The flow chart with its table (pool, municipality, exact amount). */
export function flowChart(input: FlowInput & { readonly headers: ChartHeaders; readonly name: string }): Chart {
	const h = input.headers;
	return {
		options: flow(input),
		table: {
			name: input.name,
			columns: [
				{ header: h.pool, type: 'text' },
				{ header: h.participant, type: 'text' },
				{ header: h.year, type: 'int' },
				{ header: h.amount, type: 'money' }
			],
			rows: flowLayout(input).links.map((l) => [l.pool, l.participant, input.year, l.value])
		}
	};
}
