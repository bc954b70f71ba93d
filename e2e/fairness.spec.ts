import { expect, test } from '@playwright/test';
import { collectErrors, open, screenshot } from './helpers.ts';

test('Eerlijke verdeling shows per municipality charge, alone, Shapley value and nucleolus, in Dutch and English', async ({
	page
}) => {
	test.setTimeout(120_000);
	const errors = collectErrors(page);
	await open(page, '/');
	await page.getByRole('link', { name: 'Eerlijke verdeling', exact: true }).click();
	await expect(page).toHaveURL(/\/eerlijke-verdeling/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Eerlijke verdeling');
	const table = page.getByTestId('fair-table');
	await expect(table).toBeVisible({ timeout: 90_000 });
	await expect(table.locator('tbody tr')).toHaveCount(4);
	await expect(table.locator('tbody tr').first()).toContainText(/Leiden.*€ \d{1,3}(\.\d{3})+/s);
	await expect(table.locator('tfoot')).toContainText('Samen');
	// Every column adds up as shown: rounded one by one, the charges of 2030 added up to € 64.381.064
	// beside a Samen of € 64.381.063.
	const euros = (text: string) =>
		Number(
			text
				.split('\n')[0]!
				.replace(/[^\d−-]/g, '')
				.replace('−', '-')
		);
	const body = await Promise.all(
		(await table.locator('tbody tr').all()).map(async (row) => (await row.locator('td').allInnerTexts()).map(euros))
	);
	const foot = (await table.locator('tfoot td').allInnerTexts()).map(euros);
	for (let column = 0; column < 8; column++)
		expect(
			body.reduce((a, row) => a + row[column]!, 0),
			`column ${column}`
		).toBe(foot[column]);
	for (const [charge, alone, shapley, , , saving, vsShapley] of body) {
		expect(alone! - charge!).toBe(saving);
		expect(charge! - shapley!).toBe(vsShapley);
	}
	await expect(page.getByTestId('fair-rounding')).toContainText('binnen een euro');
	await expect(page.getByTestId('fair-sentences').locator('li')).toHaveCount(4);
	// Each sentence quotes its saving and its difference from Shapley as the table shows them.
	const grouped = (x: number) => `€ ${new Intl.NumberFormat('nl-NL').format(Math.abs(x))} `;
	const sentences = await page.getByTestId('fair-sentences').locator('li').allInnerTexts();
	body.forEach(([, , , , , saving, vsShapley], i) => {
		if (saving !== 0) expect(sentences[i]).toContain(grouped(saving!));
		if (vsShapley !== 0) expect(sentences[i]).toContain(grouped(vsShapley!));
	});
	await expect(page.getByTestId('fair-sentences')).toContainText(
		/Zoeterwoude betaalt .* dan alleen; naar de Shapley-waarde/
	);
	await expect(page.getByTestId('fair-verdict')).toContainText(/kern/);
	await expect(page.getByTestId('chart-fair').locator('g[data-mark="bar"] rect')).toHaveCount(16);
	await expect(page.getByTestId('fair-coalitions').locator('tbody tr')).toHaveCount(15);
	await screenshot(page, 'fair-shares');

	await page.getByTestId('fair-basis').selectOption('2025');
	await expect(page.getByTestId('fair-sentences')).toContainText('in 2025', { timeout: 90_000 });

	await page.getByTestId('language').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fair shares');
	await expect(page.getByTestId('fair-sentences')).toContainText(
		/Zoeterwoude pays .* than alone; by the Shapley value/,
		{
			timeout: 90_000
		}
	);
	await expect(page.getByTestId('fair-verdict')).toContainText(/core/);
	expect(errors).toEqual([]);
});

test('the in-house variants are alternatives on the overview', async ({ page }) => {
	await open(page, '/');
	const select = page.getByTestId('variant-select');
	for (const name of ['Leiden', 'Leiderdorp', 'Oegstgeest', 'Zoeterwoude'])
		await expect(select.locator('option', { hasText: `${name} in eigen beheer vanaf 2027` })).toHaveCount(1);
	await select.selectOption('eigen-organisatie-oegstgeest');
	await expect(page.getByTestId('headlines')).toContainText('Oegstgeest', { timeout: 60_000 });
});
