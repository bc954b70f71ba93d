import { describe, expect, it } from 'vitest';
import { costBars, costsChart, costsByParticipant } from './costs.ts';
import { headers, names, rows, snapshot } from './fixture.ts';

const labels = { base: 'GR', variant: 'Centrumgemeente' };

describe('costs chart', () => {
	it('groups one base and one variant bar per municipality for the chosen year, with nl-NL labels', () => {
		expect(costBars({ rows, year: 2024, names, labels })).toEqual([
			{ participant: 'Alfa', form: 'GR', amount: 1000, value: '1000.00', text: '€ 1.000' },
			{ participant: 'Alfa', form: 'Centrumgemeente', amount: 1300, value: '1300.00', text: '€ 1.300' },
			{ participant: 'Beta', form: 'GR', amount: 500, value: '500.00', text: '€ 500' },
			{ participant: 'Beta', form: 'Centrumgemeente', amount: 400, value: '400.00', text: '€ 400' }
		]);
	});

	it('carries the exact amounts of its bars in its table', () => {
		const { table } = costsChart({ rows, year: 2025, names, labels, headers, name: 'kosten' });
		expect(table.columns.map((c) => c.header)).toEqual(['Gemeente', 'Jaar', 'Rechtsvorm', 'Bedrag']);
		expect(table.rows).toEqual([
			['Alfa', 2025, 'GR', '1000.00'],
			['Alfa', 2025, 'Centrumgemeente', '900.00'],
			['Beta', 2025, 'GR', '500.00'],
			['Beta', 2025, 'Centrumgemeente', '450.00']
		]);
	});

	it('renders the same SVG as its saved snapshot', async () => {
		const svg = snapshot(costsByParticipant({ rows, year: 2024, names, labels, width: 480 }), 'Kosten 2024');
		expect(svg.match(/<rect /g)?.length).toBeGreaterThanOrEqual(4);
		await expect(svg).toMatchFileSnapshot('__snapshots__/costs.svg');
	});
});
