// Chart: the year's difference of each municipality split into its components, one bar per component starting
// at zero (increase red, decrease green), one panel per municipality.
import * as Plot from '@observablehq/plot';
import { directionOf, type ComparisonRow, type Component } from '@sp71/model';
import { formatDelta, formatEuroTick, toNumber } from '../../format.ts';
import { nameOf, type Chart, type ChartHeaders, type Names } from '../chart.ts';
import { colors } from '../tokens.ts';

export type DeltaKind = 'increase' | 'decrease';

export interface ComponentsInput {
	readonly rows: readonly ComparisonRow[];
	readonly year: number;
	readonly names: Names;
	readonly components: readonly Component[];
	readonly componentLabels: Readonly<Record<Component, string>>;
	readonly kindLabels: Readonly<Record<DeltaKind, string>>;
	readonly width?: number;
}

export interface ComponentBar {
	readonly participant: string;
	readonly component: string;
	readonly kind: DeltaKind;
	readonly delta: number;
	readonly value: string;
	readonly text: string;
}

/** One bar per municipality and component that differs in `year` (components zero everywhere are left out). */
export function componentBars(input: ComponentsInput): ComponentBar[] {
	const rows = input.rows.filter((row) => row.year === input.year);
	const used = input.components.filter((c) => rows.some((row) => toNumber(row.components[c]?.delta) !== 0));
	return rows.flatMap((row) =>
		used.map((c) => {
			const value = row.components[c]?.delta ?? '0.00';
			return {
				participant: nameOf(input.names, row.participant),
				component: input.componentLabels[c],
				// The model's verdict on the exact amount; a zero bar (another municipality differs) reads as a decrease of 0.
				kind: directionOf(value) === 'dearer' ? 'increase' : 'decrease',
				delta: toNumber(value),
				value,
				text: formatDelta(value)
			} satisfies ComponentBar;
		})
	);
}

/** Per-component difference bars, one panel per municipality. */
export function componentDeltas(input: ComponentsInput): Plot.PlotOptions {
	const data = componentBars(input);
	const steps = [...new Set(data.map((d) => d.component))];
	const participants = [...new Set(data.map((d) => d.participant))];
	return {
		width: input.width ?? 720,
		height: 60 + participants.length * (20 + steps.length * 22),
		marginLeft: 165,
		// Room for the municipality names of the panels, on the right.
		marginRight: 100,
		fy: { label: null, domain: participants, padding: 0.15 },
		y: { label: null, domain: steps, padding: 0.15 },
		x: { grid: true, label: null, tickFormat: formatEuroTick, ticks: 4 },
		color: {
			domain: ['increase', 'decrease'],
			range: [colors.increase, colors.decrease],
			tickFormat: (k: DeltaKind) => input.kindLabels[k],
			legend: true
		},
		marks: [
			Plot.barX(data, {
				fy: 'participant',
				y: 'component',
				x: 'delta',
				fill: 'kind',
				title: (d: ComponentBar) => `${d.participant}, ${d.component}: ${d.text}`,
				tip: true
			}),
			Plot.ruleX([0], { stroke: colors.rule })
		]
	};
}

/** The per-component chart with its table (municipality, component, exact difference). */
export function componentsChart(
	input: ComponentsInput & { readonly headers: ChartHeaders; readonly name: string }
): Chart {
	const h = input.headers;
	return {
		options: componentDeltas(input),
		table: {
			name: input.name,
			columns: [
				{ header: h.participant, type: 'text' },
				{ header: h.year, type: 'int' },
				{ header: h.component, type: 'text' },
				{ header: h.difference, type: 'money' }
			],
			rows: componentBars(input).map((d) => [d.participant, input.year, d.component, d.value])
		}
	};
}
