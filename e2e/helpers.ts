import { expect, type Page } from '@playwright/test';

export const PARTICIPANTS = ['leiden', 'leiderdorp', 'oegstgeest', 'zoeterwoude'];

/** Open a page of the app and wait until the model's figures are on screen. */
export async function open(page: Page, path = '/'): Promise<void> {
	await page.goto(path);
	await expect(page.getByTestId('scenario-select')).toBeVisible();
}

/** The overview's summary row of one municipality: the year columns as text and the cumulative delta as decimal. */
export async function overviewRow(page: Page, participant: string) {
	const row = page.locator(`[data-testid=summary-table] tr[data-participant=${participant}]`);
	await expect(row).toBeVisible();
	const cells = await row.locator('td').allInnerTexts();
	const cumulative = await row.getByTestId('cumulative').getAttribute('data-value');
	return { cells, cumulative };
}

export async function screenshot(page: Page, name: string): Promise<void> {
	await page.screenshot({ path: `e2e/test-results/screenshots/${name}.png`, fullPage: true });
}

/** Collect uncaught page errors so a test can assert there were none. */
export function collectErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	return errors;
}
