import { describe, expect, it } from 'vitest';
import { componentBars, componentDeltas, componentsChart } from './components.ts';
import { componentLabels, components, headers, names, rows, snapshot } from './fixture.ts';

const input = {
	rows,
	year: 2024,
	names,
	components,
	componentLabels,
	kindLabels: { increase: 'Duurder', decrease: 'Goedkoper' }
};

describe('per-component difference chart', () => {
	it('shows one bar per component that differs, left out when zero for every municipality', () => {
		const bars = componentBars(input);
		expect(bars.filter((b) => b.participant === 'Alfa').map((b) => [b.component, b.delta, b.kind])).toEqual([
			['Dienstverlening', 200, 'increase'],
			['Bestuur', -100, 'decrease'],
			['Transitie', 200, 'increase']
		]);
		expect(bars.filter((b) => b.participant === 'Beta').map((b) => b.value)).toEqual(['-100.00', '0.00', '0.00']);
	});

	it('has per municipality component differences that add up to its total difference', () => {
		const { table } = componentsChart({ ...input, headers, name: 'onderdelen' });
		for (const r of rows.filter((r) => r.year === 2024)) {
			const cents = table.rows
				.filter((t) => t[0] === names[r.participant as 'a' | 'b'])
				.reduce((s, t) => s + Math.round(Number(t[3]) * 100), 0);
			expect(cents).toBe(Math.round(Number(r.delta) * 100));
		}
	});

	it('renders the same SVG as its saved snapshot', async () => {
		await expect(snapshot(componentDeltas({ ...input, width: 480 }), 'Onderdelen')).toMatchFileSnapshot(
			'__snapshots__/components.svg'
		);
	});
});
