// Chart: the difference (alternative minus base) per municipality over the years, one line each.
import * as Plot from '@observablehq/plot';
import type { ComparisonRow } from '@sp71/model';
import { formatEuro, formatEuroTick, toNumber } from '../../format.ts';
import { nameOf, yearFormat, type Chart, type ChartHeaders, type Names } from '../chart.ts';
import { colors } from '../tokens.ts';

export interface DeltaInput {
	readonly rows: readonly ComparisonRow[];
	readonly names: Names;
	readonly order: readonly string[];
	readonly width?: number;
}

export interface DeltaPoint {
	readonly participant: string;
	readonly year: number;
	readonly delta: number;
	readonly value: string;
	readonly text: string;
}

/** Difference per participant per year, in the order of the rows. */
export function deltaPoints(rows: readonly ComparisonRow[], names: Names): DeltaPoint[] {
	return rows.map((row) => ({
		participant: nameOf(names, row.participant),
		year: row.year,
		delta: toNumber(row.delta),
		value: row.delta,
		text: formatEuro(row.delta)
	}));
}

/** The difference over the years: one line per municipality, zero line for "same as the base". */
export function deltaOverYears(input: DeltaInput): Plot.PlotOptions {
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

/** The difference-over-years chart with its table (municipality, year, exact difference). */
export function deltaChart(input: DeltaInput & { readonly headers: ChartHeaders; readonly name: string }): Chart {
	const h = input.headers;
	return {
		options: deltaOverYears(input),
		table: {
			name: input.name,
			columns: [
				{ header: h.participant, type: 'text' },
				{ header: h.year, type: 'int' },
				{ header: h.difference, type: 'money' }
			],
			rows: deltaPoints(input.rows, input.names).map((d) => [d.participant, d.year, d.value])
		}
	};
}
