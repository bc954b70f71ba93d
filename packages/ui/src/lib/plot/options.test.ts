import * as Plot from '@observablehq/plot';
import type { ComparisonRow, Component, ParticipantYear } from '@sp71/model';
import { describe, expect, it } from 'vitest';
import {
	costBars,
	costsByParticipant,
	deltaOverYears,
	flow,
	flowLayout,
	methodSpread,
	waterfall,
	waterfallSteps
} from './options.ts';

// A tiny hand-made comparison: two municipalities, two years. Sample data for the builders only.
const zero = { base: '0.00', variant: '0.00', delta: '0.00' };
function row(
	participant: string,
	year: number,
	base: string,
	variant: string,
	parts: Partial<Record<Component, string>>
): ComparisonRow {
	const components = Object.fromEntries(
		(['service', 'governance', 'vat', 'transition', 'markup', 'contractManagement'] as const).map((c) => [
			c,
			parts[c] === undefined ? zero : { base: '0.00', variant: parts[c], delta: parts[c] }
		])
	) as ComparisonRow['components'];
	const delta = (Number(variant) - Number(base)).toFixed(2);
	return { participant, year, base, variant, delta, cumulativeDelta: delta, components };
}
const rows = [
	row('a', 2024, '1000.00', '1300.00', { service: '200.00', governance: '-100.00', transition: '200.00' }),
	row('b', 2024, '500.00', '400.00', { service: '-100.00' }),
	row('a', 2025, '1000.00', '900.00', { service: '-100.00' }),
	row('b', 2025, '500.00', '450.00', { service: '-50.00' })
];
const names = { a: 'Alfa', b: 'Beta' };
const componentLabels: Record<Component, string> = {
	service: 'Dienstverlening',
	governance: 'Bestuur',
	vat: 'Btw',
	transition: 'Transitie',
	markup: 'Opslag',
	contractManagement: 'Contractbeheer'
};
const components = Object.keys(componentLabels) as Component[];

function render(options: Plot.PlotOptions): Element {
	return Plot.plot({ ...options, document }) as Element;
}

describe('chart option builders', () => {
	it('groups one base and one variant bar per municipality for the chosen year, with nl-NL labels', () => {
		const data = costBars({ rows, year: 2024, names, labels: { base: 'GR', variant: 'Centrumgemeente' } });
		expect(data).toEqual([
			{ participant: 'Alfa', form: 'GR', amount: 1000, text: '€ 1.000' },
			{ participant: 'Alfa', form: 'Centrumgemeente', amount: 1300, text: '€ 1.300' },
			{ participant: 'Beta', form: 'GR', amount: 500, text: '€ 500' },
			{ participant: 'Beta', form: 'Centrumgemeente', amount: 400, text: '€ 400' }
		]);
		const svg = render(
			costsByParticipant({ rows, year: 2024, names, labels: { base: 'GR', variant: 'Centrumgemeente' } })
		);
		expect(svg.querySelectorAll('rect[aria-label], g[aria-label="bar"] rect').length).toBe(4);
	});

	it('stacks each component of the difference where the previous one ended and closes with the total', () => {
		const steps = waterfallSteps({ rows, year: 2024, names, components, componentLabels, totalLabel: 'Totaal' });
		const alfa = steps.filter((s) => s.participant === 'Alfa');
		// vat, markup and contract management are zero for both municipalities and are left out
		expect(alfa.map((s) => [s.step, s.y1, s.y2, s.kind])).toEqual([
			['Dienstverlening', 0, 200, 'increase'],
			['Bestuur', 200, 100, 'decrease'],
			['Transitie', 100, 300, 'increase'],
			['Totaal', 0, 300, 'total']
		]);
		const svg = render(
			waterfall({
				rows,
				year: 2024,
				names,
				components,
				componentLabels,
				totalLabel: 'Totaal',
				kindLabels: { increase: 'Hoger', decrease: 'Lager', total: 'Totaal' }
			})
		);
		expect(svg.querySelectorAll('g[aria-label="bar"] rect').length).toBe(8);
	});

	it('draws one line per municipality over the years with years shown without thousands separators', () => {
		const svg = render(deltaOverYears({ rows, names, order: ['a', 'b'] }));
		expect(svg.querySelectorAll('g[aria-label="line"] path').length).toBe(2);
		const ticks = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
		expect(ticks).toEqual(['2024', '2025']);
	});

	it('shows every method as a dot and the spread per municipality as a rule', () => {
		const results = [
			{ participant: 'Alfa', method: 'Direct', total: 100, text: '€ 100' },
			{ participant: 'Alfa', method: 'Wederzijds', total: 120, text: '€ 120' },
			{ participant: 'Beta', method: 'Direct', total: 80, text: '€ 80' },
			{ participant: 'Beta', method: 'Wederzijds', total: 60, text: '€ 60' }
		];
		const svg = render(methodSpread({ results, methods: ['Direct', 'Wederzijds'] }));
		expect(svg.querySelectorAll('g[aria-label="dot"] path').length).toBe(4);
		expect(svg.querySelectorAll('g[aria-label="rule"] line').length).toBe(2);
	});

	it('lays out the flow so that link widths add up to the node heights on both sides', () => {
		const py = (participant: string, pools: Record<string, string>): ParticipantYear => ({
			participant,
			year: 2024,
			legalForm: 'gr',
			total: '0.00',
			components: {
				service: '0.00',
				governance: '0.00',
				vat: '0.00',
				transition: '0.00',
				markup: '0.00',
				contractManagement: '0.00'
			},
			pools,
			perInhabitant: '0.00'
		});
		const input = {
			rows: [py('a', { ict: '300.00', hrm: '100.00' }), py('b', { ict: '100.00', hrm: '0.00' })],
			year: 2024,
			names,
			poolNames: { ict: 'ICT', hrm: 'HRM' },
			height: 200
		};
		const { nodes, links } = flowLayout(input);
		expect(links).toHaveLength(3); // the zero flow is left out
		for (const node of nodes) {
			const width = links
				.filter((l) => (node.side === 'pool' ? l.pool : l.participant) === node.label)
				.reduce((s, l) => s + l.width, 0);
			expect(width).toBeCloseTo(node.y2 - node.y1, 6);
		}
		const svg = render(flow(input));
		expect(svg.querySelectorAll('g[aria-label="link"] path').length).toBe(3);
		expect(svg.querySelectorAll('g[aria-label="rect"] rect').length).toBe(4);
	});
});
