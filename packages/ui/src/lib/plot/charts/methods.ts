// Chart: each municipality's bill under every allocation method, as dots on one line per municipality placed
// at the distance from that municipality's lowest outcome, with a rule for the spread.
import * as Plot from '@observablehq/plot';
import { formatEuroTick } from '../../format.ts';
import type { Chart, ChartHeaders } from '../chart.ts';
import { colors } from '../tokens.ts';

export interface MethodResult {
	readonly participant: string;
	readonly method: string;
	/** Display value for placing the dot. */
	readonly total: number;
	readonly text: string;
	/** The exact amount (decimal string). */
	readonly value: string;
}

export interface MethodsInput {
	readonly results: readonly MethodResult[];
	readonly methods: readonly string[];
	readonly width?: number;
	readonly xLabel?: string;
}

/**
 * Dots per method per municipality, placed at the distance from that municipality's lowest outcome (the totals
 * differ by orders of magnitude between municipalities), with a rule for the spread.
 */
export function methodSpread(input: MethodsInput): Plot.PlotOptions {
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

/** The methods chart with its table (municipality, method, exact amount). */
export function methodsChart(input: MethodsInput & { readonly headers: ChartHeaders; readonly name: string }): Chart {
	const h = input.headers;
	return {
		options: methodSpread(input),
		table: {
			name: input.name,
			columns: [
				{ header: h.participant, type: 'text' },
				{ header: h.method, type: 'text' },
				{ header: h.amount, type: 'money' }
			],
			rows: input.results.map((r) => [r.participant, r.method, r.value])
		}
	};
}
