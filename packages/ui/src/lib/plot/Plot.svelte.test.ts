import { flushSync, mount, unmount } from 'svelte';
import * as PlotLib from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import Plot from './Plot.svelte';

// jsdom has no layout and no ResizeObserver: this one reports a box 640 px wide as soon as it observes it.
globalThis.ResizeObserver ??= class {
	constructor(private readonly callback: ResizeObserverCallback) {}
	observe(target: Element) {
		this.callback([{ target, contentRect: { width: 640 } } as ResizeObserverEntry], this as never);
	}
	unobserve() {}
	disconnect() {}
} as unknown as typeof ResizeObserver;

/** Each chart is drawn in a task of its own: let the pending ones run. */
const drawn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Plot.svelte', () => {
	it('mounts the chart built from the options, labelled, and redraws it when the options change', async () => {
		const target = document.createElement('div');
		document.body.append(target);
		const props = $state({
			label: 'Kosten per gemeente',
			options: { marks: [PlotLib.barY([1, 2, 3])] } as PlotLib.PlotOptions
		});
		const component = mount(Plot, { target, props });
		flushSync();
		await drawn();
		const chart = target.querySelector('[data-testid=chart]')!;
		expect(chart.querySelectorAll('g[data-mark="bar"] rect')).toHaveLength(3);
		expect(chart.querySelector('svg')?.getAttribute('aria-label')).toBe('Kosten per gemeente');
		expect(chart.querySelector('svg')?.getAttribute('role')).toBe('img');
		const renders = Number(chart.getAttribute('data-render'));
		expect(chart.querySelector('svg')?.getAttribute('width')).toBe('640');
		props.options = { marks: [PlotLib.barY([1, 2, 3, 4, 5])] };
		flushSync();
		expect(
			chart.querySelectorAll('g[data-mark="bar"] rect'),
			'the old chart stays until the new one is drawn'
		).toHaveLength(3);
		await drawn();
		expect(chart.querySelectorAll('g[data-mark="bar"] rect')).toHaveLength(5);
		expect(chart.querySelectorAll('svg')).toHaveLength(1);
		expect(Number(chart.getAttribute('data-render'))).toBe(renders + 1);
		// Plain options offer SVG and PNG; CSV needs the chart's table.
		expect(target.querySelector('[data-testid=chart-svg]')).not.toBeNull();
		expect(target.querySelector('[data-testid=chart-csv]')).toBeNull();
		// A redraw dropped before it ran (the options changed again at once) draws only the latest options.
		props.options = { marks: [PlotLib.barY([1])] };
		flushSync();
		props.options = { marks: [PlotLib.barY([1, 2])] };
		flushSync();
		await drawn();
		await drawn();
		expect(chart.querySelectorAll('g[data-mark="bar"] rect')).toHaveLength(2);
		expect(Number(chart.getAttribute('data-render'))).toBe(renders + 2);
		unmount(component);
		target.remove();
	});
});
