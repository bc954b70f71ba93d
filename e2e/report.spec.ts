import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { collectErrors, open, screenshot } from './helpers.ts';

const PDF = 'e2e/test-results/rapport-centrumgemeente-leiden.pdf';
const SECTIONS = ['answer', 'range', 'differences', 'sensitivity', 'fair-shares', 'assumptions', 'method', 'sources'];

// The range and the inputs that matter most wait for the app's Monte Carlo run (in the worker); the fair
// shares for the cooperative game (every coalition's NPV).
const ANALYSIS = { timeout: 180_000 };

test('the report page answers per municipality, with the range, the inputs that matter most and fair shares', async ({
	page
}) => {
	test.setTimeout(300_000);
	const errors = collectErrors(page);
	await open(page, '/rapport');
	await expect(page.getByTestId('report-answers').locator('li')).toHaveCount(4);
	for (const id of SECTIONS) await expect(page.getByTestId(`section-${id}`)).toBeVisible();
	const range = page.getByTestId('range-table');
	await expect(range.locator('tbody tr')).toHaveCount(4, ANALYSIS);
	await expect(page.getByTestId('section-range')).toContainText('trekkingen');
	// P10 ≤ median ≤ P90 in every row, and P(cheaper) a percentage.
	for (const row of await range.locator('tbody tr').all()) {
		const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
		const euros = cells.slice(0, 3).map((t) =>
			Number(
				t
					.replace(/[^\d,−-]/g, '')
					.replace('−', '-')
					.replace(',', '.')
			)
		);
		expect(euros[0]!).toBeLessThanOrEqual(euros[1]!);
		expect(euros[1]!).toBeLessThanOrEqual(euros[2]!);
		expect(cells[3]).toMatch(/^\d{1,3}(,\d)?\s?%$/);
	}
	const sensitivity = page.getByTestId('sensitivity-table');
	await expect(sensitivity.locator('tbody tr').first()).toBeVisible(ANALYSIS);
	await expect(sensitivity).toContainText('%');
	const fair = page.getByTestId('fair-table');
	await expect(fair.locator('tbody tr')).toHaveCount(4, ANALYSIS);
	await expect(page.getByTestId('section-fair-shares')).toContainText(/kern/);
	await expect(page.getByTestId('section-range').getByTestId('pending')).toHaveCount(0);
	await expect(page.getByTestId('section-fair-shares').getByTestId('pending')).toHaveCount(0);
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
	await expect(page.getByTestId('section-range')).toContainText('Range and the probability');
	await expect(page.getByTestId('range-table').locator('tbody tr')).toHaveCount(4, ANALYSIS);
	await expect(page.getByTestId('fair-table')).toContainText('Shapley value', ANALYSIS);
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
	test.setTimeout(300_000);
	execFileSync(
		process.execPath,
		['scripts/report.mjs', '--variant', 'centrumgemeente-leiden', '--out', PDF, '--base-url', baseURL!],
		{ stdio: 'inherit', timeout: 240_000 }
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
	for (const header of [
		'Per inwoner',
		'Zoeterwoude',
		'Waarom',
		'Bron of toelichting',
		'Kans goedkoper',
		'Deel van de onzekerheid',
		'Nucleolus'
	])
		expect(text).toContain(header);
	// The analyses were finished before printing: no section says it is still to be computed.
	expect(text).not.toContain('Nog niet berekend');
	expect(text).not.toContain('wordt berekend');
});

test("the report's table by component adds up to each municipality's total, in thousands as shown", async ({
	page
}) => {
	// Rounded one by one to thousands, Leiden's components for 2025 added up to −768 above a total of −769.
	await open(page, '/rapport');
	const table = page.getByTestId('report-components');
	await expect(table.locator('tbody tr')).toHaveCount(7);
	const number = (text: string) => Number(text.trim().replaceAll('.', '').replace('−', '-'));
	const rows = await table.locator('tbody tr').all();
	const cells = await Promise.all(rows.map(async (r) => (await r.locator('td').allInnerTexts()).map(number)));
	const total = cells.at(-1)!;
	// Four municipalities and their Samen; each component's row adds up to its Samen too.
	expect(total).toHaveLength(5);
	total.forEach((value, column) => {
		const parts = cells.slice(0, -1).map((row) => row[column]!);
		expect(
			parts.reduce((a, b) => a + b, 0),
			`column ${column}`
		).toBe(value);
	});
	for (const row of cells) expect(row.slice(0, 4).reduce((a, b) => a + b, 0)).toBe(row[4]);
	// The summary's differences, cumulative differences and NPVs add up to their Samen, and each
	// municipality's components to its difference of the year there.
	const summary = page.getByTestId('report-summary');
	const body = await Promise.all(
		(await summary.locator('tbody tr').all()).map(async (r) => (await r.locator('td').allInnerTexts()).map(number))
	);
	const foot = (await summary.locator('tfoot td').allInnerTexts()).slice(0, 3).map(number);
	expect(body).toHaveLength(4);
	foot.forEach((value, column) =>
		expect(
			body.reduce((a, row) => a + row[column]!, 0),
			`summary column ${column}`
		).toBe(value)
	);
	body.forEach((row, i) => expect(row[0]).toBe(total[i]));
	expect(foot[0]).toBe(total[4]);
});
