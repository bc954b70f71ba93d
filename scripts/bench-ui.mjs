// Benchmark of the web app in a real browser (Debian's chromium via playwright-core):
//  1. first contentful paint of every page, cold (no cache), with the CPU slowed 4× (CDP
//     Emulation.setCPUThrottlingRate), against the target ≤ 1.5 s;
//  2. the gzipped JavaScript the overview page fetches before any interaction ("initial JS": until the network
//     is idle, its charts and headline range are shown and a second has passed), of it what came after the
//     load event, and the time until the headline range was shown;
//  3. input-to-updated-chart latency: typing a new value into a key field on "Sleutels en methoden" and
//     committing it with Enter, until the chart on that page has been redrawn and painted, over many
//     distinct edits (p50/p95/max), at full speed and with the CPU slowed 4× (target p95 ≤ 200 ms).
// Uses the build in packages/ui/build (rebuilt when missing or older than the sources), serves it
// with vite preview on a free port, prints the figures and exits.
// Usage: node scripts/bench-ui.mjs [--edits N] [--latency-only] (the latter skips 1 and 2)
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { ensureBuild, launchChromium, servePreview } from './lib-browser.mjs';

const editsArg = process.argv.indexOf('--edits');
const EDITS = editsArg > 0 ? Number(process.argv[editsArg + 1]) : 40;
const LATENCY_ONLY = process.argv.includes('--latency-only');
const WARMUP = 5;
const CPU_SLOWDOWN = 4;
const FCP_TARGET_MS = 1500;
const LATENCY_TARGET_MS = 200;
const FCP_LOADS = 3;
const PAGES = [
	'/',
	'/sleutels',
	'/uitleg',
	'/gegevens',
	'/onzekerheid',
	'/eerlijke-verdeling',
	'/wijzigingen',
	'/import-export',
	'/samenvatting',
	'/rapport'
];

ensureBuild();
const { base, stop } = await servePreview();
const browser = await launchChromium();

/** First contentful paint (ms) of one cold load of `path` with the CPU slowed down. */
async function firstPaint(path) {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
	await page.goto(base + path, { waitUntil: 'load' });
	const fcp = await page.evaluate(
		() =>
			new Promise((resolve) => {
				new PerformanceObserver((list) => {
					const entry = list.getEntriesByName('first-contentful-paint')[0];
					if (entry) resolve(entry.startTime);
				}).observe({ type: 'paint', buffered: true });
			})
	);
	await context.close();
	return fcp;
}

try {
	// 1. First contentful paint of every page, CPU slowed 4×, median of FCP_LOADS cold loads each.
	const paints = [];
	for (const path of LATENCY_ONLY ? [] : PAGES) {
		const samples = [];
		for (let i = 0; i < FCP_LOADS; i++) samples.push(await firstPaint(path));
		samples.sort((a, b) => a - b);
		paints.push([path, samples[Math.floor(samples.length / 2)]]);
	}
	const worst = Math.max(...paints.map(([, ms]) => ms));

	// 2. Initial JavaScript of the overview page: every script in the page's and its workers' resource timing (a
	// worker's requests do not always reach page.on('response')), each fetched again here and gzipped.
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	await page.goto(base + '/', { waitUntil: 'networkidle' });
	await page.getByTestId('chart-costs').locator('svg').first().waitFor();
	await page.locator('[data-testid=headline-range][data-ready=true]').waitFor({ timeout: 120_000 });
	const rangeMs = await page.evaluate(() => performance.now());
	await page.waitForTimeout(1000);
	const resources = () =>
		performance
			.getEntriesByType('resource')
			.filter((e) => /\.m?js(\?|$)/.test(new URL(e.name).pathname))
			.map((e) => [e.name, e.startTime]);
	const loadEvent = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
	// When each script was requested against the page's load event (a worker's own imports come after it).
	const startedAt = new Map(await page.evaluate(resources));
	for (const worker of page.workers())
		for (const [url] of await worker.evaluate(resources).catch(() => [])) startedAt.set(url, Infinity);
	const scripts = new Map();
	for (const url of startedAt.keys())
		scripts.set(url, gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length);
	const later = [...scripts.entries()].filter(([url]) => startedAt.get(url) > loadEvent);
	const totalGzip = [...scripts.values()].reduce((s, n) => s + n, 0);
	const laterGzip = later.reduce((s, [, n]) => s + n, 0);
	const largest = [...scripts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);

	// 3. Input → updated chart on the keys page: the fixed-base share of the overhead pool, a new value per edit.
	await page.getByRole('link', { name: 'Sleutels en methoden', exact: true }).click();
	const field = page.locator('article[data-pool=directie] input').first();
	await field.waitFor();
	await page.getByTestId('chart-methods').locator('svg').first().waitFor();
	/** Type `edits` new values into the field and time each until `chartId` has been redrawn and painted. */
	const measure = (chartId, first) =>
		page.evaluate(
			async ({ edits, warmup, chartId, first }) => {
				const input = document.querySelector('article[data-pool=directie] input');
				const chart = document.querySelector(`[data-testid=${chartId}]`);
				const times = [];
				for (let i = 0; i < edits + warmup; i++) {
					const value = `0,${String(first + i * 3).padStart(3, '0')}`; // every edit is new to the model
					const before = chart.getAttribute('data-render');
					const redrawn = new Promise((resolve) => {
						const observer = new MutationObserver(() => {
							if (chart.getAttribute('data-render') !== before) {
								observer.disconnect();
								resolve();
							}
						});
						observer.observe(chart, { attributes: true, attributeFilter: ['data-render'] });
					});
					const t0 = performance.now();
					input.value = value;
					input.dispatchEvent(new Event('input', { bubbles: true }));
					// Commit with Enter, as an advisor does (a field also commits after a pause in typing, which would
					// time the pause rather than the page).
					input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
					await redrawn;
					await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); // until painted
					if (i >= warmup) times.push(performance.now() - t0);
					await new Promise((r) => setTimeout(r, 50)); // let deferred work finish before the next edit
				}
				return times;
			},
			{ edits: EDITS, warmup: WARMUP, chartId, first }
		);
	const stats = (samples) => {
		const sorted = [...samples].sort((a, b) => a - b);
		const pct = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
		return `p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms (${samples.length} edits)`;
	};
	const result = await measure('chart-keys-result', 150);
	const methods = await measure('chart-methods', 400);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
	const slowed = await measure('chart-keys-result', 650);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	const errors = await page.getByTestId('key-issues-directie').innerText();
	if (errors.trim()) console.log(`warning: the model reported issues during the edits: ${errors.trim()}`);

	if (paints.length > 0) {
		console.log(
			`ui first contentful paint, CPU ${CPU_SLOWDOWN}× slower, cold load at 390×844 (median of ${FCP_LOADS}): ` +
				`worst page ${worst.toFixed(0)} ms (target ≤ ${FCP_TARGET_MS} ms) ${worst <= FCP_TARGET_MS ? 'met' : 'NOT met'}`
		);
		for (const [path, ms] of paints) console.log(`  ${ms.toFixed(0).padStart(5)} ms  ${path}`);
	}
	console.log(
		`ui initial JS (overview page, all it fetches before any interaction): ${(totalGzip / 1024).toFixed(1)} KB gzipped in ${scripts.size} files; ` +
			`headline range shown ${(rangeMs / 1000).toFixed(1)} s after navigation`
	);
	for (const [url, size] of largest) console.log(`  ${(size / 1024).toFixed(1)} KB  ${url.replace(base, '')}`);
	console.log(
		`  of which requested after the load event: ${(laterGzip / 1024).toFixed(1)} KB in ${later.length} files`
	);
	for (const [url, size] of later) console.log(`    ${(size / 1024).toFixed(1)} KB  ${url.replace(base, '')}`);
	console.log(`ui input→updated chart (keys page, result chart): ${stats(result)}`);
	const load = loadavg()
		.map((l) => l.toFixed(1))
		.join(' ');
	console.log(`ui input→updated chart (keys page, three-methods chart, deferred): ${stats(methods)}`);
	const p95 = [...slowed].sort((a, b) => a - b)[Math.ceil(0.95 * slowed.length) - 1];
	console.log(
		`ui input→updated chart, CPU ${CPU_SLOWDOWN}× slower (keys page, result chart): ${stats(slowed)}; ` +
			`target p95 ≤ ${LATENCY_TARGET_MS} ms ${p95 <= LATENCY_TARGET_MS ? 'met' : 'NOT met'}`
	);
	console.log(
		`ui machine: ${cpus().length} cores, load average ${load} (other work on the machine inflates the latencies)`
	);
} finally {
	await browser.close();
	stop();
}
