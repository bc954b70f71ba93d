import { describe, expect, it } from 'vitest';
import { headers, snapshot } from './fixture.ts';
import { methodSpread, methodsChart } from './methods.ts';

const results = [
	{ participant: 'Alfa', method: 'Direct', total: 100, value: '100.00', text: '€ 100' },
	{ participant: 'Alfa', method: 'Wederzijds', total: 120, value: '120.00', text: '€ 120' },
	{ participant: 'Beta', method: 'Direct', total: 80, value: '80.00', text: '€ 80' },
	{ participant: 'Beta', method: 'Wederzijds', total: 60, value: '60.00', text: '€ 60' }
];

describe('methods chart', () => {
	it('shows every method as a dot and the spread per municipality as a rule', () => {
		const svg = snapshot(methodSpread({ results, methods: ['Direct', 'Wederzijds'], width: 480 }));
		expect(svg.match(/<line /g)?.length).toBeGreaterThanOrEqual(2);
		expect(svg.match(/<path [^>]*d="M/g)?.length).toBeGreaterThanOrEqual(4);
	});

	it('carries the exact bill per method in its table', () => {
		const { table } = methodsChart({ results, methods: ['Direct', 'Wederzijds'], headers, name: 'methoden' });
		expect(table.rows).toEqual(results.map((r) => [r.participant, r.method, r.value]));
	});

	it('renders the same SVG as its saved snapshot', async () => {
		const svg = snapshot(methodSpread({ results, methods: ['Direct', 'Wederzijds'], width: 480 }), 'Methoden');
		await expect(svg).toMatchFileSnapshot('__snapshots__/methods.svg');
	});
});
