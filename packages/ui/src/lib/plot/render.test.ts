import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { chartSvgFile, mainSvg, renderChart } from './render.ts';

describe('renderChart', () => {
	it('labels the chart as one image and leaves no ARIA name on an element without a role', () => {
		const element = renderChart(
			{ color: { legend: true }, marks: [Plot.barY([1, 2], { x: ['a', 'b'], y: (d: number) => d, fill: ['a', 'b'] })] },
			{ label: 'Twee balken', document }
		);
		const svg = mainSvg(element)!;
		expect(svg.getAttribute('role')).toBe('img');
		expect(svg.getAttribute('aria-label')).toBe('Twee balken');
		for (const named of element.querySelectorAll('[aria-label]')) expect(named.getAttribute('role')).not.toBeNull();
		expect(element.querySelectorAll('[data-mark=bar] rect')).toHaveLength(2);
	});

	it('serialises the chart as a standalone SVG file', () => {
		const element = renderChart({ marks: [Plot.barY([1, 2, 3])] }, { label: 'Drie balken', document });
		const file = chartSvgFile(element);
		expect(file.startsWith('<?xml')).toBe(true);
		expect(file).toContain('xmlns="http://www.w3.org/2000/svg"');
		const parsed = new DOMParser().parseFromString(file, 'image/svg+xml');
		expect(parsed.querySelector('parsererror')).toBeNull();
		expect(parsed.querySelectorAll('rect')).toHaveLength(3);
	});
});
