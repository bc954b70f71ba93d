import { describe, expect, it } from 'vitest';
import { headers, names, poolYear, snapshot } from './fixture.ts';
import { flow, flowChart, flowLayout } from './flow.ts';

const input = {
	rows: [poolYear('a', { ict: '300.00', hrm: '100.00' }), poolYear('b', { ict: '100.00', hrm: '0.00' })],
	year: 2024,
	names,
	poolNames: { ict: 'ICT', hrm: 'HRM' },
	height: 200
};

describe('flow chart', () => {
	it('lays out the flow so that link widths add up to the node heights on both sides', () => {
		const { nodes, links } = flowLayout(input);
		expect(links).toHaveLength(3); // the zero flow is left out
		for (const node of nodes) {
			const width = links
				.filter((l) => (node.side === 'pool' ? l.pool : l.participant) === node.label)
				.reduce((s, l) => s + l.width, 0);
			expect(width).toBeCloseTo(node.y2 - node.y1, 6);
		}
	});

	it('carries every flow with its exact amount in its table', () => {
		expect(flowChart({ ...input, headers, name: 'stroom' }).table.rows).toEqual([
			['ICT', 'Alfa', 2024, '300.00'],
			['HRM', 'Alfa', 2024, '100.00'],
			['ICT', 'Beta', 2024, '100.00']
		]);
	});

	it('renders the same SVG as its saved snapshot', async () => {
		const svg = snapshot(flow({ ...input, width: 480 }), 'Stroom');
		expect(svg.match(/<path /g)?.length).toBeGreaterThanOrEqual(3);
		await expect(svg).toMatchFileSnapshot('__snapshots__/flow.svg');
	});
});
