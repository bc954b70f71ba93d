import { expect, test } from '@playwright/test';
import { collectErrors, go, open, overviewRow, screenshot } from './helpers.ts';

// The second real case runs through the same app without code of its own: two participants, a
// host other than Leiden, another horizon.
test('the scenario picker opens Duivenvoorde, and every page works with its two municipalities', async ({ page }) => {
	const errors = collectErrors(page);
	await open(page, '/');
	await page.getByTestId('scenario-select').selectOption('duivenvoorde');
	await expect(page.locator('header .subtitle')).toHaveText(
		'Kosten van de bedrijfsvoering van Wassenaar en Voorschoten'
	);
	await page.getByTestId('variant-select').selectOption('sleutel-inwoners');
	for (const participant of ['wassenaar', 'voorschoten']) {
		const { cells, cumulative } = await overviewRow(page, participant);
		expect(cells[0]).toMatch(/^€ \d{1,3}(\.\d{3})+$/);
		expect(cumulative).toMatch(/^-?\d+\.\d{2}$/);
	}
	await expect(page.getByTestId('headlines').locator('li')).toHaveCount(2);
	await expect(page.getByTestId('headlines')).toContainText('Wassenaar');
	await expect(page.getByTestId('headlines')).not.toContainText('Leiden');
	await screenshot(page, 'duivenvoorde-overview');
	await page.getByTestId('variant-select').selectOption('centrumgemeente-wassenaar');
	await expect(page.getByTestId('headlines')).toContainText('Voorschoten');
	for (const link of ['Sleutels en methoden', 'Uitleg', 'Gegevens en bronnen', 'Samenvatting'] as const) {
		await go(page, link);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	}
	await expect(page.getByTestId('print-table').locator('tbody tr')).toHaveCount(2);
	await screenshot(page, 'duivenvoorde-summary');
	expect(errors).toEqual([]);
});
