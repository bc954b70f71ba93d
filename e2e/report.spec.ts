import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { collectErrors, open, screenshot } from './helpers.ts';

const PDF = 'e2e/test-results/rapport-centrumgemeente-leiden.pdf';
const SECTIONS = ['answer', 'range', 'differences', 'sensitivity', 'fair-shares', 'assumptions', 'method', 'sources'];

test('the report page answers per municipality and says honestly what is not computed yet', async ({ page }) => {
	const errors = collectErrors(page);
	await open(page, '/rapport');
	await expect(page.getByTestId('report-answers').locator('li')).toHaveCount(4);
	for (const id of SECTIONS) await expect(page.getByTestId(`section-${id}`)).toBeVisible();
	await expect(page.getByTestId('section-range').getByTestId('pending')).toContainText('Nog niet berekend');
	await expect(page.getByTestId('section-fair-shares').getByTestId('pending')).toContainText('Nog niet berekend');
	await expect(page.getByTestId('report-model-version')).toHaveText(/^@sp71\/model \d+\.\d+\.\d+$/);
	await expect(page.getByTestId('report-data-version')).toHaveText(/^servicepunt71@[0-9a-f]{12}$/);
	await expect(page.getByTestId('report-estimate-share')).toContainText('op schattingen');
	// The link reopens the same view: another variant chosen here comes back through it.
	await page.getByTestId('variant-select').selectOption('centrumgemeente-zonder-opslag');
	const link = await page.getByTestId('report-link').getAttribute('href');
	expect(link).toContain('/rapport');
	await page.goto(link!);
	await expect(page.getByTestId('variant-select')).toHaveValue('centrumgemeente-zonder-opslag');
	await page.getByTestId('language').click();
	await expect(page.getByTestId('section-range').getByTestId('pending')).toContainText('Not computed yet');
	expect(errors).toEqual([]);
});

test('printed on A4 portrait, no table of the report is wider than the page', async ({ page }) => {
	await page.setViewportSize({ width: 794, height: 1123 });
	await open(page, '/rapport');
	await expect(page.getByTestId('report-answers').locator('li')).toHaveCount(4);
	await page.emulateMedia({ media: 'print' });
	const overflow = await page.evaluate(() =>
		[...document.querySelectorAll('.report table')].flatMap((table) => {
			const box = table.closest('.table-box') ?? table.parentElement!;
			const cells = [...table.querySelectorAll('th, td')].filter(
				(cell) => cell.getBoundingClientRect().right > box.getBoundingClientRect().right + 0.5
			);
			const clipped = table.scrollWidth > box.clientWidth + 0.5;
			return clipped || cells.length > 0 ? [`${table.getAttribute('data-testid')}: ${cells.length} cells outside`] : [];
		})
	);
	expect(overflow).toEqual([]);
	await screenshot(page, 'report-print');
});

test('npm run report writes a PDF with date, versions, every section and every table column', async ({ baseURL }) => {
	execFileSync(
		process.execPath,
		['scripts/report.mjs', '--variant', 'centrumgemeente-leiden', '--out', PDF, '--base-url', baseURL!],
		{ stdio: 'inherit', timeout: 60_000 }
	);
	const doc = await getDocument({ data: new Uint8Array(readFileSync(PDF)), useSystemFonts: false }).promise;
	// The head and the answer share the first page; every other section starts on a page of its own.
	expect(doc.numPages).toBeGreaterThanOrEqual(SECTIONS.length);
	expect(doc.numPages).toBeLessThanOrEqual(20);
	let text = '';
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		const [, , width, height] = page.view;
		const content = await page.getTextContent();
		for (const item of content.items) {
			if (!('str' in item) || item.str.trim() === '') continue;
			const x = item.transform[4];
			const y = item.transform[5];
			// Nothing printed off the page: a clipped column would run past the right edge.
			expect(x, `"${item.str}" on page ${n}`).toBeGreaterThanOrEqual(0);
			expect(x + item.width, `"${item.str}" on page ${n}`).toBeLessThanOrEqual(width + 0.5);
			expect(y).toBeGreaterThanOrEqual(0);
			expect(y).toBeLessThanOrEqual(height);
		}
		text += `${content.items.map((i) => ('str' in i ? i.str : '')).join(' ')}\n`;
	}
	const today = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long' }).format(new Date());
	expect(text).toContain(today);
	expect(text).toMatch(/@sp71\/model \d+\.\d+\.\d+/);
	expect(text).toMatch(/servicepunt71@[0-9a-f]{12}/);
	expect(text).toContain('Centrumgemeente Leiden vanaf 2023');
	// The last column of every table is in the PDF.
	for (const header of ['Per inwoner', 'Zoeterwoude', 'Waarom', 'Bron of toelichting']) expect(text).toContain(header);
	expect(text).toContain('Nog niet berekend');
});
