// Benchmark of the web app in a real browser (Debian's chromium via playwright-core):
//  1. the gzipped JavaScript the overview page loads before any interaction ("initial JS");
//  2. input-to-updated-chart latency: typing a new value into a key field on "Sleutels en methoden" until the
//     chart on that page has been redrawn and painted, over many distinct edits (p50/p95/max).
// Uses the existing build in packages/ui/build (runs `npm run build -w @sp71/ui` when there is none), serves it
// with vite preview on a free port, prints the figures and exits. Usage: node scripts/bench-ui.mjs [--edits N]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const ui = join(root, 'packages', 'ui');
const editsArg = process.argv.indexOf('--edits');
const EDITS = editsArg > 0 ? Number(process.argv[editsArg + 1]) : 40;
const WARMUP = 5;

if (!existsSync(join(ui, 'build', 'index.html'))) {
	console.log('no build found: npm run build -w @sp71/ui');
	const build = spawnSync('npm', ['run', 'build', '-w', '@sp71/ui'], { cwd: root, stdio: 'inherit' });
	if (build.status !== 0) process.exit(1);
}

const port = await new Promise((resolve) => {
	const server = createServer();
	server.listen(0, '127.0.0.1', () => {
		const { port } = server.address();
		server.close(() => resolve(port));
	});
});
const base = `http://127.0.0.1:${port}`;
const preview = spawn(
	process.execPath,
	[
		join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
		'preview',
		'--host',
		'127.0.0.1',
		'--port',
		String(port),
		'--strictPort'
	],
	{ cwd: ui, detached: true, stdio: 'ignore' }
);
const stop = () => {
	try {
		process.kill(-preview.pid);
	} catch {
		// already gone
	}
};
process.on('exit', stop);

for (let i = 0; ; i++) {
	try {
		if ((await fetch(base)).ok) break;
	} catch {
		// not up yet
	}
	if (i > 100) throw new Error(`vite preview did not start on ${base}`);
	await new Promise((r) => setTimeout(r, 100));
}

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	headless: true,
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-dev-shm-usage',
		'--disable-background-networking',
		'--no-first-run'
	]
});

try {
	// 1. Initial JavaScript of the overview page.
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	const scripts = new Map();
	page.on('response', async (response) => {
		if (response.request().resourceType() !== 'script') return;
		try {
			scripts.set(response.url(), gzipSync(await response.body(), { level: 9 }).length);
		} catch {
			// a response without a body (redirect): nothing to count
		}
	});
	await page.goto(base + '/', { waitUntil: 'networkidle' });
	await page.getByTestId('chart-costs').locator('svg').first().waitFor();
	await page.waitForTimeout(300);
	const totalGzip = [...scripts.values()].reduce((s, n) => s + n, 0);
	const largest = [...scripts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);

	// 2. Input → updated chart on the keys page: the fixed-base share of the overhead pool, a new value per edit.
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
	const errors = await page.getByTestId('key-issues-directie').innerText();
	if (errors.trim()) console.log(`warning: the model reported issues during the edits: ${errors.trim()}`);

	console.log(`ui initial JS (overview page): ${(totalGzip / 1024).toFixed(1)} KB gzipped in ${scripts.size} files`);
	for (const [url, size] of largest) console.log(`  ${(size / 1024).toFixed(1)} KB  ${url.replace(base, '')}`);
	console.log(`ui input→updated chart (keys page, result chart): ${stats(result)}`);
	const load = loadavg()
		.map((l) => l.toFixed(1))
		.join(' ');
	console.log(`ui input→updated chart (keys page, three-methods chart, deferred): ${stats(methods)}`);
	console.log(
		`ui machine: ${cpus().length} cores, load average ${load} (other work on the machine inflates the latencies)`
	);
} finally {
	await browser.close();
	stop();
}
