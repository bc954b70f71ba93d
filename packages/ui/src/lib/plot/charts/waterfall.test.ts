import { describe, expect, it } from 'vitest';
import { waterfall, waterfallChart, waterfallSteps } from './waterfall.ts';
import { componentLabels, components, headers, rows, snapshot } from './fixture.ts';

const input = {
	row: rows[0]!,
	participantName: 'Alfa',
	components,
	componentLabels,
	labels: { base: 'GR', variant: 'Centrumgemeente' },
	kindLabels: { increase: 'Duurder', decrease: 'Goedkoper', total: 'Totaal' }
};

describe('waterfall chart', () => {
	it('runs from the base total through each component that differs to the alternative total', () => {
		expect(waterfallSteps(input).map((s) => [s.step, s.x1, s.x2, s.kind, s.value])).toEqual([
			['GR', 0, 1000, 'total', '1000.00'],
			['Dienstverlening', 1000, 1200, 'increase', '200.00'],
			['Bestuur', 1200, 1100, 'decrease', '-100.00'],
			['Transitie', 1100, 1300, 'increase', '200.00'],
			['Centrumgemeente', 0, 1300, 'total', '1300.00']
		]);
	});

	it('ends its last component step exactly where the alternative total ends', () => {
		const steps = waterfallSteps(input);
		expect(steps.at(-2)!.x2).toBe(steps.at(-1)!.x2);
	});

	it('carries every step with its exact amount in its table', () => {
		const { table } = waterfallChart({ ...input, headers, name: 'waterval-alfa' });
		expect(table.rows[0]).toEqual(['Alfa', 2024, 'GR', '1000.00']);
		expect(table.rows.at(-1)).toEqual(['Alfa', 2024, 'Centrumgemeente', '1300.00']);
	});

	it('renders the same SVG as its saved snapshot', async () => {
		const svg = snapshot(waterfall({ ...input, width: 480 }), 'Van GR naar centrumgemeente');
		expect(svg.match(/<rect /g)?.length).toBeGreaterThanOrEqual(5);
		await expect(svg).toMatchFileSnapshot('__snapshots__/waterfall.svg');
	});
});
