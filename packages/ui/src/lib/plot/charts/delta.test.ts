import { describe, expect, it } from 'vitest';
import { deltaChart, deltaOverYears } from './delta.ts';
import { headers, names, rows, snapshot } from './fixture.ts';

describe('difference-over-years chart', () => {
	it('draws one line per municipality, years shown without thousands separators', () => {
		const svg = snapshot(deltaOverYears({ rows, names, order: ['a', 'b'], width: 480 }));
		expect(svg.match(/<path [^>]*stroke="#1f5f99"|<path [^>]*stroke="#b5462a"/g)?.length).toBe(2);
		expect(svg).toContain('>2024</text>');
		expect(svg).not.toContain('2.024');
	});

	it('carries the exact difference per municipality and year in its table', () => {
		const { table } = deltaChart({ rows, names, order: ['a', 'b'], headers, name: 'verschil' });
		expect(table.rows).toEqual([
			['Alfa', 2024, '300.00'],
			['Beta', 2024, '-100.00'],
			['Alfa', 2025, '-100.00'],
			['Beta', 2025, '-50.00']
		]);
	});

	it('renders the same SVG as its saved snapshot', async () => {
		const svg = snapshot(deltaOverYears({ rows, names, order: ['a', 'b'], width: 480 }), 'Verschil per jaar');
		await expect(svg).toMatchFileSnapshot('__snapshots__/delta.svg');
	});
});
