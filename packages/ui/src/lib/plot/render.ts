// Drawing a chart: Observable Plot renders the options; this module then makes the result accessible (one
// labelled image whose inner groups carry no stray ARIA names) and serialises it for downloads.
import * as Plot from '@observablehq/plot';

/** Render Plot options into an element (an <svg>, or a <figure> when Plot adds a legend), labelled `label`. */
export function renderChart(
	options: Plot.PlotOptions,
	{ label, width, document: doc }: { label: string; width?: number; document?: Document }
): SVGSVGElement | HTMLElement {
	const element = Plot.plot({
		...options,
		...(width !== undefined ? { width } : {}),
		...(doc ? { document: doc } : {})
	});
	makeAccessible(element, label);
	return element;
}

/**
 * Plot names every mark group (`<g aria-label="bar">`), which is not allowed on an element without a role.
 * The chart is one image with a name (its table is the accessible alternative), so the inner names go and the
 * svg gets role="img"; legends built as HTML keep their text.
 */
export function makeAccessible(element: Element, label: string): void {
	const svgs = element.tagName.toLowerCase() === 'svg' ? [element] : [...element.querySelectorAll('svg')];
	for (const svg of svgs) {
		for (const g of svg.querySelectorAll('[aria-label]')) {
			g.setAttribute('data-mark', g.getAttribute('aria-label')!);
			g.removeAttribute('aria-label');
		}
		for (const g of svg.querySelectorAll('[aria-description]')) g.removeAttribute('aria-description');
	}
	const main = mainSvg(element);
	if (main) {
		main.setAttribute('role', 'img');
		main.setAttribute('aria-label', label);
	}
	// Swatch legends: small svgs inside the legend are decoration next to their text.
	for (const svg of svgs) if (svg !== main) svg.setAttribute('aria-hidden', 'true');
}

/** The chart's own svg (not a legend swatch). */
export function mainSvg(element: Element): SVGSVGElement | null {
	if (element.tagName.toLowerCase() === 'svg') return element as SVGSVGElement;
	const svgs = [...element.querySelectorAll('svg')];
	return (svgs.find((s) => !s.closest('[class$="-swatches"], [class*="-swatches-"]')) ??
		svgs.at(-1) ??
		null) as SVGSVGElement | null;
}

/** A standalone SVG file of the chart (namespaced, with Plot's inline style and a white background). */
export function chartSvgFile(element: Element): string {
	const svg = mainSvg(element);
	if (!svg) throw new Error('chart has no svg');
	const copy = svg.cloneNode(true) as SVGSVGElement;
	// No xmlns attribute by hand: XMLSerializer writes the svg namespace of the element itself.
	copy.style.background = '#fff';
	return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** A PNG of the chart at `scale` × its size (drawn from the SVG file onto a canvas). */
export async function chartPng(element: Element, scale = 2): Promise<Blob> {
	const svg = mainSvg(element);
	if (!svg) throw new Error('chart has no svg');
	const width = Number(svg.getAttribute('width')) || svg.clientWidth;
	const height = Number(svg.getAttribute('height')) || svg.clientHeight;
	const url = URL.createObjectURL(new Blob([chartSvgFile(element)], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		await new Promise<void>((resolve, reject) => {
			image.onload = () => resolve();
			image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
			image.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const context = canvas.getContext('2d')!;
		context.fillStyle = '#fff';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
