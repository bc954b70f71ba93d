// Plot options for the fair-shares chart: per municipality four bars (charge, alone, Shapley value,
// nucleolus). Floats only for bar lengths; every amount shown as text comes from the model's strings.
import * as Plot from '@observablehq/plot';
import type { FairnessReport } from '@sp71/model';
import { formatEuro, formatEuroTick, toNumber } from '$lib/format';

export interface FairBar {
	readonly municipality: string;
	readonly measure: string;
	readonly amount: number;
	readonly text: string;
}

/** The bars: one per municipality and measure, in the order of `labels`. */
export function fairBars(
	report: FairnessReport,
	labels: { charge: string; standAlone: string; shapley: string; nucleolus: string }
): FairBar[] {
	return report.players.flatMap(({ id, name }) =>
		(
			[
				[labels.charge, report.charges[id]],
				[labels.standAlone, report.standAlone[id]],
				[labels.shapley, report.shapley[id]],
				[labels.nucleolus, report.nucleolus[id]]
			] as const
		).map(([measure, amount]) => ({ municipality: name, measure, amount: toNumber(amount), text: formatEuro(amount) }))
	);
}

/** Grouped bars per municipality. */
export function fairSharesChart(bars: readonly FairBar[], measures: readonly string[]): Plot.PlotOptions {
	return {
		height: 320,
		marginLeft: 80,
		fx: { label: null, padding: 0.12 },
		x: { axis: null, domain: measures },
		y: { grid: true, label: null, tickFormat: formatEuroTick },
		color: { domain: measures, range: ['#1f5f99', '#6b6b6b', '#c4661f', '#2f7d4f'], legend: true },
		marks: [
			Plot.barY(bars, {
				fx: 'municipality',
				x: 'measure',
				y: 'amount',
				fill: 'measure',
				title: (d: FairBar) => `${d.municipality}, ${d.measure}: ${d.text}`
			}),
			Plot.ruleY([0])
		]
	};
}
