// A tiny hand-made comparison for the chart tests: two municipalities, two years, figures small enough to
// check by eye. Sample data only, not the reference scenario.
import type { ComparisonRow, Component, ParticipantYear } from '@sp71/model';
import type { ChartHeaders } from '../chart.ts';
import { renderChart } from '../render.ts';
import type * as Plot from '@observablehq/plot';

const zero = { base: '0.00', variant: '0.00', delta: '0.00' };
export const COMPONENT_IDS = ['service', 'governance', 'vat', 'transition', 'markup', 'contractManagement'] as const;

/** A comparison row whose component differences are `parts` (all others zero). */
export function row(
	participant: string,
	year: number,
	base: string,
	variant: string,
	parts: Partial<Record<Component, string>>
): ComparisonRow {
	const components = Object.fromEntries(
		COMPONENT_IDS.map((c) => [c, parts[c] === undefined ? zero : { base: '0.00', variant: parts[c], delta: parts[c] }])
	) as ComparisonRow['components'];
	const cents = Math.round(Number(variant) * 100) - Math.round(Number(base) * 100);
	const delta = (cents / 100).toFixed(2);
	return { participant, year, base, variant, delta, cumulativeDelta: delta, components } as ComparisonRow;
}

export const rows = [
	row('a', 2024, '1000.00', '1300.00', { service: '200.00', governance: '-100.00', transition: '200.00' }),
	row('b', 2024, '500.00', '400.00', { service: '-100.00' }),
	row('a', 2025, '1000.00', '900.00', { service: '-100.00' }),
	row('b', 2025, '500.00', '450.00', { service: '-50.00' })
];
export const names = { a: 'Alfa', b: 'Beta' };
export const componentLabels: Record<Component, string> = {
	service: 'Dienstverlening',
	governance: 'Bestuur',
	vat: 'Btw',
	transition: 'Transitie',
	markup: 'Opslag',
	contractManagement: 'Contractbeheer'
};
export const components = [...COMPONENT_IDS] as Component[];
export const headers: ChartHeaders = {
	participant: 'Gemeente',
	year: 'Jaar',
	form: 'Rechtsvorm',
	amount: 'Bedrag',
	difference: 'Verschil',
	component: 'Onderdeel',
	method: 'Methode',
	pool: 'Kostenpool',
	step: 'Stap',
	from: 'Van',
	to: 'Naar'
};

/** A participant-year of a run with the given amounts per pool. */
export function poolYear(participant: string, pools: Record<string, string>): ParticipantYear {
	return {
		participant,
		year: 2024,
		legalForm: 'gr',
		total: '0.00',
		components: Object.fromEntries(COMPONENT_IDS.map((c) => [c, '0.00'])) as ParticipantYear['components'],
		pools,
		perInhabitant: '0.00'
	} as ParticipantYear;
}

/** The chart as SVG text, one element per line, for a saved snapshot (as Plot's own tests keep theirs). */
export function snapshot(options: Plot.PlotOptions, label = 'chart'): string {
	const element = renderChart(options, { label, document });
	return `${element.outerHTML.replace(/></g, '>\n<')}\n`;
}
