// Chart: a real waterfall for one municipality and year — from its cost in the base (GR) through each
// component's difference to its cost in the alternative. Every step floats where the previous one ended.
import * as Plot from '@observablehq/plot';
import { directionOf, type ComparisonRow, type Component, type Direction } from '@sp71/model';
import { formatDelta, formatEuro, formatEuroTick, toNumber } from '../../format.ts';
import type { Chart, ChartHeaders } from '../chart.ts';
import { colors } from '../tokens.ts';

export type StepKind = 'increase' | 'decrease' | 'total';

export interface WaterfallInput {
	/** The comparison row of one municipality in one year. */
	readonly row: ComparisonRow;
	/** The municipality's display name. */
	readonly participantName: string;
	readonly components: readonly Component[];
	readonly componentLabels: Readonly<Record<Component, string>>;
	/** Names of the two end bars (e.g. "GR (basis)" and the alternative's name). */
	readonly labels: { readonly base: string; readonly variant: string };
	readonly kindLabels: Readonly<Record<StepKind, string>>;
	readonly width?: number;
}

/** The colour of a component's step by the model's direction; a step that changes nothing is not drawn. */
const STEP_KIND: Readonly<Record<Direction, StepKind | null>> = { dearer: 'increase', cheaper: 'decrease', same: null };

export interface WaterfallStep {
	readonly step: string;
	readonly kind: StepKind;
	/** Pixel-scale positions (floats, for drawing only). */
	readonly x1: number;
	readonly x2: number;
	/** The exact amount of the step: the total for the end bars, the component's difference otherwise. */
	readonly value: string;
	readonly text: string;
}

/**
 * The steps: the base total, then each component whose difference is not zero (starting where the previous
 * step ended), then the alternative's total. The last step ends where the components took the first one.
 */
export function waterfallSteps({ row, components, componentLabels, labels }: WaterfallInput): WaterfallStep[] {
	const steps: WaterfallStep[] = [
		{ step: labels.base, kind: 'total', x1: 0, x2: toNumber(row.base), value: row.base, text: formatEuro(row.base) }
	];
	let level = toNumber(row.base);
	for (const c of components) {
		const value = row.components[c]?.delta ?? '0.00';
		// The model's verdict on the exact amount (no tolerance: a step is drawn whenever it is not zero).
		const kind = STEP_KIND[directionOf(value)];
		if (!kind) continue;
		const delta = toNumber(value);
		steps.push({
			step: componentLabels[c],
			kind,
			x1: level,
			x2: level + delta,
			value,
			text: formatDelta(value)
		});
		level += delta;
	}
	steps.push({
		step: labels.variant,
		kind: 'total',
		x1: 0,
		x2: toNumber(row.variant),
		value: row.variant,
		text: formatEuro(row.variant)
	});
	return steps;
}

/** The waterfall as horizontal bars, top to bottom, each labelled with its amount. */
export function waterfall(input: WaterfallInput): Plot.PlotOptions {
	const data = waterfallSteps(input);
	// Dotted connectors from the end of one step to the start of the next, as in a printed waterfall.
	const connectors = data.slice(0, -1).map((d, i) => ({ from: d.step, to: data[i + 1]!.step, x: d.x2 }));
	return {
		// The municipality's name above its waterfall: several stand side by side.
		title: input.participantName,
		width: input.width ?? 720,
		height: 50 + data.length * 32,
		marginLeft: 165,
		marginRight: 90,
		y: { label: null, domain: data.map((d) => d.step), padding: 0.25 },
		x: { grid: true, label: null, tickFormat: formatEuroTick, ticks: 4 },
		color: {
			domain: ['total', 'increase', 'decrease'],
			range: [colors.total, colors.increase, colors.decrease],
			tickFormat: (k: StepKind) => input.kindLabels[k],
			legend: true
		},
		marks: [
			Plot.barX(data, {
				y: 'step',
				x1: 'x1',
				x2: 'x2',
				fill: 'kind',
				title: (d: WaterfallStep) => `${d.step}: ${d.text}`
			}),
			Plot.link(connectors, { x1: 'x', x2: 'x', y1: 'from', y2: 'to', stroke: colors.rule, strokeDasharray: '2,2' }),
			Plot.text(data, {
				y: 'step',
				x: (d: WaterfallStep) => Math.max(d.x1, d.x2),
				text: 'text',
				textAnchor: 'start',
				dx: 4,
				fontSize: 11,
				fill: colors.total
			})
		]
	};
}

/** The waterfall with its table (step, from, to, exact amount). */
export function waterfallChart(
	input: WaterfallInput & { readonly headers: ChartHeaders; readonly name: string }
): Chart {
	const h = input.headers;
	return {
		options: waterfall(input),
		table: {
			name: input.name,
			columns: [
				{ header: h.participant, type: 'text' },
				{ header: h.year, type: 'int' },
				{ header: h.step, type: 'text' },
				{ header: h.amount, type: 'money' }
			],
			rows: waterfallSteps(input).map((d) => [input.participantName, input.row.year, d.step, d.value])
		}
	};
}
