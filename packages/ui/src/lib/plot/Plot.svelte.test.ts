import { flushSync, mount, unmount } from 'svelte';
import * as PlotLib from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import Plot from './Plot.svelte';

// jsdom has no layout: bind:clientWidth needs a ResizeObserver, which never reports here (width stays 0).
globalThis.ResizeObserver ??= class {
	observe() {}
	unobserve() {}
	disconnect() {}
} as unknown as typeof ResizeObserver;

describe('Plot.svelte', () => {
	it('mounts the chart built from the options, labelled, and redraws it when the options change', () => {
		const target = document.createElement('div');
		document.body.append(target);
		const props = $state({
			label: 'Kosten per gemeente',
			options: { marks: [PlotLib.barY([1, 2, 3])] } as PlotLib.PlotOptions
		});
		const component = mount(Plot, { target, props });
		flushSync();
		const chart = target.querySelector('[data-testid=chart]')!;
		expect(chart.querySelectorAll('g[data-mark="bar"] rect')).toHaveLength(3);
		expect(chart.querySelector('svg')?.getAttribute('aria-label')).toBe('Kosten per gemeente');
		expect(chart.querySelector('svg')?.getAttribute('role')).toBe('img');
		const renders = Number(chart.getAttribute('data-render'));
		props.options = { marks: [PlotLib.barY([1, 2, 3, 4, 5])] };
		flushSync();
		expect(chart.querySelectorAll('g[data-mark="bar"] rect')).toHaveLength(5);
		expect(chart.querySelectorAll('svg')).toHaveLength(1);
		expect(Number(chart.getAttribute('data-render'))).toBe(renders + 1);
		// Plain options offer SVG and PNG; CSV needs the chart's table.
		expect(target.querySelector('[data-testid=chart-svg]')).not.toBeNull();
		expect(target.querySelector('[data-testid=chart-csv]')).toBeNull();
		unmount(component);
		target.remove();
	});
});
