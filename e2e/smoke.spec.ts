import { expect, test } from '@playwright/test';

test('the app opens and shows an exact split computed by the model', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Servicepunt71');
	await expect(page.getByTestId('placeholder')).toBeVisible();
	await expect(page.getByText('leiderdorp: 33.33')).toBeVisible();
	expect(errors).toEqual([]);
});
