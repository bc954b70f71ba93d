// Plot options of the uncertainty page: the fan chart of the yearly difference, the NPV intervals
// with P(cheaper), and the tornado. Floats only place marks; the figures in text come from the report.
import * as Plot from '@observablehq/plot';
import type { SensitivityRow, SimulationReport } from '@sp71/model';
import { formatEuro, formatEuroTick } from '../format.ts';
import { colors } from '../plot/tokens.ts';

type Names = Readonly<Record<string, string>>;

/** One band point of the fan: a participant's quantiles of the difference in one year. */
export interface FanPoint {
	readonly participant: string;
	readonly year: number;
	readonly p5: number;
	readonly p10: number;
	readonly p50: number;
	readonly p90: number;
	readonly p95: number;
}

export function fanPoints(report: SimulationReport, names: Names): FanPoint[] {
	return report.participants.flatMap((p) =>
		p.perYear.map((y) => ({
			participant: names[p.participant] ?? p.participant,
			year: y.year,
			p5: Number(y.p5),
			p10: Number(y.p10),
			p50: Number(y.p50),
			p90: Number(y.p90),
			p95: Number(y.p95)
		}))
	);
}

/** Fan chart: one panel per municipality, P5–P95 and P10–P90 bands around the median, zero line. */
export function fanChart(report: SimulationReport, names: Names, order: readonly string[]): Plot.PlotOptions {
	const data = fanPoints(report, names);
	const domain = order.map((id) => names[id] ?? id);
	return {
		height: 260,
		marginLeft: 70,
		fx: { label: null, domain },
		x: { label: null, tickFormat: (d: number) => String(d), ticks: 4 },
		y: { grid: true, label: null, tickFormat: formatEuroTick },
		marks: [
			Plot.ruleY([0], { stroke: colors.rule }),
			Plot.areaY(data, { fx: 'participant', x: 'year', y1: 'p5', y2: 'p95', fill: colors.variant, fillOpacity: 0.18 }),
			Plot.areaY(data, { fx: 'participant', x: 'year', y1: 'p10', y2: 'p90', fill: colors.variant, fillOpacity: 0.3 }),
			Plot.line(data, { fx: 'participant', x: 'year', y: 'p50', stroke: colors.variant, strokeWidth: 2 }),
			Plot.tip(
				data,
				Plot.pointerX({
					fx: 'participant',
					x: 'year',
					y: 'p50',
					title: (d: FanPoint) =>
						`${d.participant} ${d.year}\nP50 ${formatEuro(d.p50)}\nP10–P90 ${formatEuro(d.p10)} – ${formatEuro(d.p90)}`
				})
			)
		]
	};
}

/** NPV per municipality: P5–P95 as a thin bar, P10–P90 as a thick one, the median as a tick. */
export function npvChart(report: SimulationReport, names: Names): Plot.PlotOptions {
	const data = report.participants.map((p) => ({
		participant: names[p.participant] ?? p.participant,
		p5: Number(p.npv.p5),
		p10: Number(p.npv.p10),
		p50: Number(p.npv.p50),
		p90: Number(p.npv.p90),
		p95: Number(p.npv.p95),
		cheaper: p.probabilityCheaper
	}));
	return {
		height: 60 + 40 * data.length,
		marginLeft: 110,
		x: { grid: true, label: null, tickFormat: formatEuroTick },
		y: { label: null },
		marks: [
			Plot.ruleX([0], { stroke: colors.rule }),
			Plot.ruleY(data, { y: 'participant', x1: 'p5', x2: 'p95', stroke: colors.variant, strokeWidth: 2 }),
			Plot.ruleY(data, {
				y: 'participant',
				x1: 'p10',
				x2: 'p90',
				stroke: colors.variant,
				strokeWidth: 10,
				strokeOpacity: 0.5
			}),
			Plot.tickX(data, { y: 'participant', x: 'p50', stroke: colors.total, strokeWidth: 2 })
		]
	};
}

/** Tornado for one municipality: each input's bar from the value at its low end to the value at its high end. */
export function tornadoChart(rows: readonly SensitivityRow[], top: number): Plot.PlotOptions {
	const data = rows.slice(0, top).map((r) => ({
		input: r.input.length > 48 ? `${r.input.slice(0, 47)}…` : r.input,
		low: Number(r.deltaAtLow),
		high: Number(r.deltaAtHigh)
	}));
	return {
		height: 40 + 24 * data.length,
		marginLeft: 300,
		x: { grid: true, label: null, tickFormat: formatEuroTick },
		y: { label: null, domain: data.map((d) => d.input) },
		marks: [
			Plot.barX(data, { y: 'input', x1: 'low', x2: 'high', fill: colors.base, fillOpacity: 0.8 }),
			Plot.dot(data, { y: 'input', x: 'low', fill: colors.decrease, r: 3 }),
			Plot.dot(data, { y: 'input', x: 'high', fill: colors.increase, r: 3 })
		]
	};
}
