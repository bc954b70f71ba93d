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
		const chart = target.querySelector('[data-testid=chart]')!;
		expect(chart.querySelector('svg'), 'a new chart is drawn in a task of its own').toBeNull();
		await drawn();
		expect(chart.querySelectorAll('g[data-mark="bar"] rect')).toHaveLength(3);
		expect(chart.querySelector('svg')?.getAttribute('aria-label')).toBe('Kosten per gemeente');
		expect(chart.querySelector('svg')?.getAttribute('role')).toBe('img');
		expect(chart.querySelector('svg')?.getAttribute('width')).toBe('640');
		const renders = Number(chart.getAttribute('data-render'));
		await drawn();
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

	it('redraws the first chart of a task at once and each further one in a task of its own, the latest options only', async () => {
		await drawn();
		const target = document.createElement('div');
		document.body.append(target);
		const first = $state({ label: 'Eerste', testid: 'chart-a', options: { marks: [PlotLib.barY([1])] } });
		const second = $state({ label: 'Tweede', testid: 'chart-b', options: { marks: [PlotLib.barY([1, 2])] } });
		const a = mount(Plot, { target, props: first });
		const b = mount(Plot, { target, props: second });
		flushSync();
		const rects = (id: string) => target.querySelectorAll(`[data-testid=${id}] g[data-mark="bar"] rect`).length;
		expect([rects('chart-a'), rects('chart-b')], 'new charts wait for tasks of their own').toEqual([0, 0]);
		await drawn();
		expect([rects('chart-a'), rects('chart-b')]).toEqual([1, 2]);
		// Both change in one task: the first is redrawn at once; the second keeps its chart until its turn, and an
		// update dropped before it ran draws only the latest options.
		first.options = { marks: [PlotLib.barY([1, 2, 3])] };
		second.options = { marks: [PlotLib.barY([1, 2, 3, 4])] };
		flushSync();
		second.options = { marks: [PlotLib.barY([1, 2, 3, 4, 5])] };
		flushSync();
		expect([rects('chart-a'), rects('chart-b')]).toEqual([3, 2]);
		const renders = Number(target.querySelector('[data-testid=chart-b]')!.getAttribute('data-render'));
		await drawn();
		await drawn();
		expect([rects('chart-a'), rects('chart-b')]).toEqual([3, 5]);
		expect(Number(target.querySelector('[data-testid=chart-b]')!.getAttribute('data-render'))).toBe(renders + 1);
		unmount(a);
		unmount(b);
		target.remove();
	});
});
