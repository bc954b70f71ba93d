// Chart: the cost of each municipality under the base (GR) and the alternative in one year, as grouped bars.
import * as Plot from '@observablehq/plot';
import type { ComparisonRow } from '@sp71/model';
import { formatEuro, formatEuroTick, toNumber } from '../../format.ts';
import { nameOf, type Chart, type ChartHeaders, type Names } from '../chart.ts';
import { colors } from '../tokens.ts';

export interface CostsInput {
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
	/** The exact amount (decimal string) the bar stands for. */
	readonly value: string;
	readonly text: string;
}

/** Grouped bars data: per municipality one bar for the base and one for the variant in `year`. */
export function costBars({ rows, year, names, labels }: CostsInput): CostBar[] {
	return rows
		.filter((row) => row.year === year)
		.flatMap((row) =>
			(
				[
					[labels.base, row.base],
					[labels.variant, row.variant]
				] as const
			).map(([form, value]) => ({
				participant: nameOf(names, row.participant),
				form,
				amount: toNumber(value),
				value,
				text: formatEuro(value)
			}))
		);
}

/** Grouped bars: base versus variant per municipality in one year. */
export function costsByParticipant(input: CostsInput): Plot.PlotOptions {
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

/** The costs chart with its table (municipality, legal form, exact amount). */
export function costsChart(input: CostsInput & { readonly headers: ChartHeaders; readonly name: string }): Chart {
	const h = input.headers;
	return {
		options: costsByParticipant(input),
		table: {
			name: input.name,
			columns: [
				{ header: h.participant, type: 'text' },
				{ header: h.year, type: 'int' },
				{ header: h.form, type: 'text' },
				{ header: h.amount, type: 'money' }
			],
			rows: costBars(input).map((d) => [d.participant, input.year, d.form, d.value])
		}
	};
}
