// Every page on a phone and on a laptop: no sideways page scrolling at 390 px, the answer on the first phone
// screen, no serious or critical accessibility finding (axe-core), and screenshots of each for review.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, open } from './helpers.ts';

const PAGES = [
	['overview', '/'],
	['keys', '/sleutels'],
	['explain', '/uitleg'],
	['data', '/gegevens'],
	['uncertainty', '/onzekerheid'],
	['fair-shares', '/eerlijke-verdeling'],
	['import-export', '/import-export'],
	['summary', '/samenvatting'],
	['report', '/rapport'],
	['edits', '/wijzigingen']
] as const;

const VIEWPORTS = [
	['laptop', { width: 1366, height: 768 }],
	['phone', { width: 390, height: 844 }]
] as const;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

/** Run axe-core (WCAG 2.x A and AA rules) on the page; the serious and critical findings, one line each. */
async function seriousFindings(page: Page): Promise<string[]> {
	// Evaluated through the debugging protocol, so the page's Content-Security-Policy (no inline script) does not block it.
	await page.evaluate(axeSource);
	const violations = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } })
			.axe;
		const result = await axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }
		});
		return result.violations;
	});
	return (violations as AxeViolation[])
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Wait until the page shows its figures (a chart, a table or the report). */
async function settled(page: Page): Promise<void> {
	await expect(page.locator('main h1').first()).toBeVisible();
	await expect(page.getByText('Bezig met laden…')).toHaveCount(0);
	await page.waitForTimeout(300);
}

for (const [viewport, size] of VIEWPORTS) {
	for (const [name, path] of PAGES) {
		test(`${name} on a ${viewport} (${size.width}×${size.height}): fits, has no serious accessibility finding, screenshot saved`, async ({
			page
		}) => {
			const errors = collectErrors(page);
			await page.setViewportSize(size);
			await open(page, path);
			await settled(page);
			const { scrollWidth, clientWidth } = await page.evaluate(() => ({
				scrollWidth: document.documentElement.scrollWidth,
				clientWidth: document.documentElement.clientWidth
			}));
			expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(clientWidth);
			await page.screenshot({ path: `e2e/test-results/screenshots/${viewport}/${name}.png`, fullPage: true });
			expect(await seriousFindings(page)).toEqual([]);
			expect(errors).toEqual([]);
		});
	}
}

test('on a phone the first screen shows the answer, not only the controls', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await open(page, '/');
	const first = page.getByTestId('headlines').locator('li').first();
	await expect(first).toBeVisible();
	const box = (await first.boundingBox())!;
	expect(box.y + Math.min(box.height, 60)).toBeLessThanOrEqual(844);
});

test('every chart keeps its table alternative and can be downloaded as SVG, PNG and CSV', async ({ page }) => {
	await open(page, '/');
	await settled(page);
	const charts = page.locator('[data-testid^=chart-] svg[role=img]');
	expect(await charts.count()).toBeGreaterThanOrEqual(6);
	for (const cell of await page.locator('section.cell').all()) {
		if ((await cell.locator('svg[role=img]').count()) === 0) continue;
		await expect(cell.locator('details.table table')).toHaveCount(1);
	}
	const downloads: Record<string, string> = {};
	for (const kind of ['svg', 'png', 'csv']) {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId(`chart-costs-${kind}`).click()
		]);
		const path = await download.path();
		downloads[kind] = readFileSync(path, kind === 'png' ? 'latin1' : 'utf8');
		expect(download.suggestedFilename()).toBe(`kosten-2025.${kind}`);
	}
	expect(downloads.svg).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
	expect(downloads.png!.slice(1, 4)).toBe('PNG');
	const csv = downloads.csv!.replace(/^\ufeff/, '').split('\r\n');
	expect(csv[0]).toBe('Gemeente;Jaar;Rechtsvorm;Bedrag');
	expect(csv).toHaveLength(1 + 8 + 1); // header, two forms × four municipalities, final newline
	expect(csv[1]).toMatch(/^Leiden;2025;GR \(basis\);\d+,\d{2}$/);
});

test('the waterfall runs from the GR total through the components to the alternative total', async ({ page }) => {
	await open(page, '/');
	await settled(page);
	const leiderdorp = page.getByTestId('chart-waterfall-leiderdorp');
	await expect(leiderdorp.locator('svg[role=img]')).toBeVisible();
	const labels = await leiderdorp.locator('svg[role=img] [data-mark=text] text').allTextContents();
	const base = await page.locator('[data-testid=summary-table] tr[data-participant=leiderdorp] td').nth(0).innerText();
	const variant = await page
		.locator('[data-testid=summary-table] tr[data-participant=leiderdorp] td')
		.nth(1)
		.innerText();
	expect(labels[0]).toBe(base);
	expect(labels.at(-1)).toBe(variant);
	expect(labels.slice(1, -1).every((l) => /^[+−]€ /.test(l))).toBe(true);
});

test('without JavaScript the prerendered pages already show the reference answer, and say so', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.getByTestId('prerendered')).toBeVisible();
	await expect(page.getByTestId('headlines').locator('li')).toHaveCount(4);
	await expect(page.getByTestId('headlines')).toContainText('Leiderdorp');
	await page.goto('/rapport');
	await expect(page.getByTestId('report-answers').locator('li')).toHaveCount(4);
	await context.close();
});
