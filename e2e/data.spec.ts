import { expect, test } from '@playwright/test';
import { go, open, overviewRow, screenshot } from './helpers.ts';

test('replacing an estimate on the data page shows its effect and flows into the overview', async ({ page }) => {
	await open(page, '/');
	const before = await overviewRow(page, 'leiderdorp');
	await go(page, 'Gegevens en bronnen');
	await expect(page.getByTestId('estimate-share')).toContainText('€');
	await page.getByTestId('input-filter').fill('ict');
	const row = page.locator('tr[data-path="pools[id=ict].cost"]').first();
	const field = row.getByRole('textbox');
	const old = await field.inputValue();
	await field.fill('x');
	await field.press('Tab');
	await expect(row.locator('.field-issue')).toBeVisible(); // not a number: refused, nothing changed
	await expect(page.getByTestId('edit-count')).toContainText('geen eigen wijzigingen');
	await field.fill(`${old.replace(/\./g, '').replace(/,.*/, '')}0`); // ten times the cost
	await field.press('Tab');
	await expect(page.getByTestId('edit-count')).toContainText('1 eigen wijziging');
	await expect(row.getByText('gewijzigd')).toBeVisible();
	const effect = page.getByTestId('effect-table');
	await expect(effect.locator('tbody tr')).toHaveCount(4);
	await screenshot(page, 'data-edit');
	await go(page, 'Overzicht');
	const after = await overviewRow(page, 'leiderdorp');
	expect(after.cells[0]).not.toBe(before.cells[0]);
});

test('an edit carries the provenance the user gives it, and a measured value without a source is refused', async ({
	page
}) => {
	await open(page, '/gegevens');
	await page.getByTestId('input-filter').fill('ict');
	const row = page.locator('tr[data-path="pools[id=ict].cost"]').first();
	const field = row.getByRole('textbox');
	const old = await field.inputValue();
	const replacement = `${old.replace(/\./g, '').replace(/,.*/, '')}1`;

	await page.getByTestId('edit-basis').selectOption('measured');
	await field.fill(replacement);
	await field.press('Tab');
	await expect(row.locator('.field-issue')).toBeVisible(); // measured needs a source
	await expect(page.getByTestId('edit-count')).toContainText('geen eigen wijzigingen');

	await page.getByTestId('edit-source-title').fill('Jaarstukken 2022 Servicepunt71');
	await page.getByTestId('edit-source-url').fill('https://example.org/jaarstukken-2022');
	await field.fill(`${replacement}2`);
	await field.press('Tab');
	await expect(page.getByTestId('edit-count')).toContainText('1 eigen wijziging');
	await expect(row.locator('.basis')).toHaveText('Gemeten');
	await expect(row.getByRole('link', { name: 'Jaarstukken 2022 Servicepunt71' })).toHaveAttribute(
		'href',
		'https://example.org/jaarstukken-2022'
	);
});
