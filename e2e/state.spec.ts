import { expect, test, type Page } from '@playwright/test';
import { collectErrors, go, open, overviewRow, screenshot } from './helpers.ts';

/** Switch the ICT pool's key to an even split on the keys page (a change every municipality feels). */
async function evenSplitForIct(page: Page) {
	await go(page, 'Sleutels en methoden');
	const ict = page.locator('article[data-pool=ict]');
	await ict.getByLabel('Soort sleutel').selectOption('even');
	await expect(page.getByTestId('edit-count')).toContainText('1 eigen wijziging');
	await expect(ict.getByText('gewijzigd')).toBeVisible();
}

test('a key change updates the figures, and an invalid formula shows its issue and changes nothing', async ({
	page
}) => {
	const errors = collectErrors(page);
	await open(page, '/');
	const before = await overviewRow(page, 'zoeterwoude');
	await evenSplitForIct(page);
	await go(page, 'Overzicht');
	const after = await overviewRow(page, 'zoeterwoude');
	expect(after.cells[0]).not.toBe(before.cells[0]);
	expect(after.cumulative).not.toBe(before.cumulative);

	// A formula that does not parse: the issue appears next to the field, the figures stay as they were.
	await go(page, 'Sleutels en methoden');
	const ict = page.locator('article[data-pool=ict]');
	await ict.getByLabel('Soort sleutel').selectOption('formula');
	const formula = page.getByTestId('formula-ict');
	await formula.fill('werkplekken * (');
	await expect(page.getByTestId('key-issues-ict')).not.toBeEmpty();
	await expect(formula).toHaveAttribute('aria-invalid', 'true');
	await screenshot(page, 'keys-invalid-formula');
	await formula.fill('werkplekken * 2 + inwoners / 1000');
	await expect(page.getByTestId('key-issues-ict')).toBeEmpty();
	await go(page, 'Overzicht');
	const withFormula = await overviewRow(page, 'zoeterwoude');
	expect(withFormula.cumulative).not.toBe(after.cumulative);

	await page.getByTestId('reset').click();
	await expect(page.getByTestId('edit-count')).toContainText('geen eigen wijzigingen');
	expect((await overviewRow(page, 'zoeterwoude')).cumulative).toBe(before.cumulative);
	expect(errors).toEqual([]);
});

test('a copied URL reopens the same view in a fresh browser', async ({ page, browser }) => {
	await open(page, '/');
	await evenSplitForIct(page);
	await page.getByTestId('year-select').selectOption('2027');
	await page.getByTestId('method-select').selectOption('direct');
	await go(page, 'Overzicht');
	await expect(page).toHaveURL(/m=direct/);
	const url = page.url();
	const expected = await overviewRow(page, 'leiderdorp');

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await open(other, url);
	await expect(other.getByTestId('year-select')).toHaveValue('2027');
	await expect(other.getByTestId('method-select')).toHaveValue('direct');
	await expect(other.getByTestId('edit-count')).toContainText('1 eigen wijziging');
	expect(await overviewRow(other, 'leiderdorp')).toEqual(expected);
	await screenshot(other, 'reopened-link');
	await fresh.close();
});

test('a reload keeps an edit (autosaved in the browser)', async ({ page }) => {
	await open(page, '/');
	await evenSplitForIct(page);
	await go(page, 'Overzicht');
	const edited = await overviewRow(page, 'oegstgeest');
	await page.goto('/'); // the bare address: no state in the URL, only what the browser saved
	await expect(page.getByTestId('edit-count')).toContainText('1 eigen wijziging');
	expect(await overviewRow(page, 'oegstgeest')).toEqual(edited);
});

test('a broken link shows a clear message and keeps the current work', async ({ page }) => {
	await open(page, '/');
	await evenSplitForIct(page);
	await go(page, 'Overzicht');
	const edited = await overviewRow(page, 'leiden');
	await page.goto('/?s=servicepunt71&c=bm90LWpzb24');
	await expect(page.getByTestId('notice')).toContainText('Deze link kan niet worden geopend');
	await expect(page.getByTestId('edit-count')).toContainText('1 eigen wijziging');
	expect(await overviewRow(page, 'leiden')).toEqual(edited);
	await screenshot(page, 'broken-link');
});
