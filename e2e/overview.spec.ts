import { expect, test } from '@playwright/test';
import { collectErrors, go, open, overviewRow, PARTICIPANTS, screenshot } from './helpers.ts';

test('the overview shows all four municipalities with euro figures, sentences and charts', async ({ page }) => {
	const errors = collectErrors(page);
	await open(page, '/');
	for (const participant of PARTICIPANTS) {
		const { cells, cumulative } = await overviewRow(page, participant);
		expect(cells[0]).toMatch(/^€ \d{1,3}(\.\d{3})+$/); // base cost in the year, nl-NL: € 40.950.843
		expect(cells[1]).toMatch(/^€ \d{1,3}(\.\d{3})+$/);
		expect(cumulative).toMatch(/^-?\d+\.\d{2}$/);
	}
	await expect(page.getByTestId('headlines').locator('li')).toHaveCount(4);
	await expect(page.getByTestId('headlines')).toContainText('Leiderdorp');
	for (const chart of ['chart-costs', 'chart-delta', 'chart-waterfall'])
		await expect(page.getByTestId(chart).locator('svg').first()).toBeVisible();
	await expect(page.getByTestId('chart-costs').locator('g[data-mark="bar"] rect')).toHaveCount(8);
	await screenshot(page, 'overview');
	expect(errors).toEqual([]);
});

test('every page renders without errors and switches to English', async ({ page }) => {
	const errors = collectErrors(page);
	await open(page, '/');
	for (const [link, name] of [
		['Sleutels en methoden', 'keys'],
		['Uitleg', 'explain'],
		['Gegevens en bronnen', 'data'],
		['Import en export', 'import-export'],
		['Wijzigingen', 'edits'],
		['Samenvatting', 'summary']
	] as const) {
		await go(page, link);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await screenshot(page, name);
	}
	await expect(page.getByTestId('print-table').locator('tbody tr')).toHaveCount(4);
	await page.getByTestId('language').click();
	await expect(page.getByRole('link', { name: 'Overview', exact: true })).toBeVisible();
	await go(page, 'Overview');
	await expect(page.getByTestId('headlines')).toContainText('Leiden');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByTestId('edit-banner')).toContainText('new edits apply to baseline and alternative');
	await expect(page.getByTestId('options-table')).toContainText('best option');
	// The language is part of the address: a reload keeps it.
	await expect(page).toHaveURL(/lang=en/);
	await page.reload();
	await expect(page.getByRole('link', { name: 'Overview', exact: true })).toBeVisible({ timeout: 20_000 });
	expect(errors).toEqual([]);
});

test('clicking a figure opens its trace down to the inputs and their sources', async ({ page }) => {
	await open(page, '/');
	await page.locator('[data-testid=summary-table] tr[data-participant=oegstgeest] td').nth(1).getByRole('link').click();
	await expect(page).toHaveURL(/\/uitleg\?.*p=oegstgeest/);
	await expect(page.getByTestId('trace')).toBeVisible();
	await expect(page.getByTestId('trace-node').first()).toContainText('€');
	// The trace speaks the page's language.
	await expect(page.getByTestId('trace')).toContainText('Dienstverlening');
	await expect(page.getByTestId('trace')).not.toContainText('Service costs');
	await expect(page.getByTestId('chart-flow').locator('g[data-mark="link"] path').first()).toBeVisible();
	await screenshot(page, 'explain-oegstgeest');

	// A figure of another year opens the trace of that year.
	await go(page, 'Overzicht');
	const row = page.locator('[data-testid=year-table] tbody tr', { hasText: 'Leiderdorp' }).filter({ hasText: '2022' });
	const value = await row.locator('a').first().getAttribute('data-value');
	await row.locator('a').first().click();
	await expect(page.getByTestId('year-select')).toHaveValue('2022');
	await expect(page.getByTestId('explain-side')).toHaveValue('base');
	await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('Leiderdorp, 2022');
	const total = Number(value).toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	await expect(page.getByTestId('trace-node').first()).toContainText(total);
});

test("each municipality's difference by component adds up to its difference, in whole euros as shown", async ({
	page
}) => {
	// Rounded one by one, Leiden's components for 2023 added up to −€ 100.810 beside a difference of −€ 100.811.
	await open(page, '/?y=2023');
	const cell = page.locator('section.cell', { has: page.getByTestId('chart-components') });
	await cell.locator('details.table summary').click();
	const rows = cell.locator('details.table tbody tr');
	await expect(rows).toHaveCount(4);
	const euros = (text: string) => Number(text.replace(/[^\d−-]/g, '').replace('−', '-'));
	for (const row of await rows.all()) {
		const figures = (await row.locator('td').allInnerTexts()).map(euros);
		expect(figures).toHaveLength(7);
		const name = await row.locator('th').innerText();
		expect(
			figures.slice(0, -1).reduce((a, b) => a + b, 0),
			name
		).toBe(figures.at(-1));
	}
});

test('the overview tables add up as shown: columns to Samen, variant − base to the difference, years to their total', async ({
	page
}) => {
	// Rounded one by one, the 2029 differences of the four municipalities added up to −€ 636.279 beside a
	// Samen of −€ 636.280, and Leiden's ten yearly differences to a euro off its cumulative difference.
	await open(page, '/?y=2029');
	const euros = (text: string) => Number(text.replace(/[^\d−-]/g, '').replace('−', '-'));
	const summary = page.getByTestId('summary-table');
	const rows = await Promise.all(
		(await summary.locator('tbody tr').all()).map(async (row) => (await row.locator('td').allInnerTexts()).map(euros))
	);
	expect(rows).toHaveLength(4);
	const total = (await summary.getByTestId('total-row').locator('td').allInnerTexts()).map(euros);
	for (const column of [0, 1, 2, 3, 4])
		expect(
			rows.reduce((a, row) => a + row[column]!, 0),
			`column ${column}`
		).toBe(total[column]);
	for (const row of [...rows, total]) expect(row[1]! - row[0]!).toBe(row[2]);
	// The table of all years: every year's Samen adds up, and each municipality's differences add up to
	// its cumulative difference in the summary.
	const years = page.getByTestId('year-table');
	const figures = async (locator: ReturnType<typeof page.locator>) =>
		(await locator.locator('td.num').allInnerTexts()).map(euros);
	const byParticipant = new Map<string, number[][]>();
	for (const row of await years.locator('tbody tr').all()) {
		const name = await row.locator('th').innerText();
		byParticipant.set(name, [...(byParticipant.get(name) ?? []), await figures(row)]);
	}
	const samen = await Promise.all((await years.locator('tfoot tr').all()).map(figures));
	samen.forEach((line, i) => {
		for (const column of [0, 1, 2])
			expect(
				[...byParticipant.values()].reduce((a, list) => a + list[i]![column]!, 0),
				`year ${i}`
			).toBe(line[column]);
		expect(line[1]! - line[0]!).toBe(line[2]);
	});
	const names = [...byParticipant.keys()];
	names.forEach((name, j) => {
		const list = byParticipant.get(name)!;
		for (const [base, variant, delta] of list) expect(variant! - base!, name).toBe(delta);
		expect(
			list.reduce((a, line) => a + line[2]!, 0),
			name
		).toBe(rows[j]![3]);
		expect(list.at(-1)![3], name).toBe(rows[j]![3]);
	});
});
