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
		expect(parsed.querySelectorAll('svg svg rect')).toHaveLength(3);
	});

	it('carries the colour legend into the SVG file as text above the chart', () => {
		const element = renderChart(
			{
				color: { legend: true },
				marks: [Plot.barY([1, 2], { x: ['a', 'b'], y: (d: number) => d, fill: ['Alfa', 'Beta'] })]
			},
			{ label: 'Twee balken', document }
		);
		const parsed = new DOMParser().parseFromString(chartSvgFile(element), 'image/svg+xml');
		const texts = [...parsed.documentElement.children].filter((e) => e.tagName === 'text').map((t) => t.textContent);
		expect(texts).toEqual(['Alfa', 'Beta']);
		expect(parsed.documentElement.getAttribute('height')).toBe(
			String(Number(mainSvg(element)!.getAttribute('height')) + 24)
		);
	});
});
