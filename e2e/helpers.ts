import { expect, type Page } from '@playwright/test';

export const PARTICIPANTS = ['leiden', 'leiderdorp', 'oegstgeest', 'zoeterwoude'];

/** Open a page of the app and wait until the model's figures are on screen. */
export async function open(page: Page, path = '/'): Promise<void> {
	await page.goto(path);
	await expect(page.getByTestId('scenario-select')).toBeVisible({ timeout: 20_000 }); // a cold browser on a busy machine
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

const PAGES: Record<string, RegExp> = {
	Overzicht: /\/(\?|$)/,
	Overview: /\/(\?|$)/,
	'Sleutels en methoden': /\/sleutels/,
	Uitleg: /\/uitleg/,
	'Gegevens en bronnen': /\/gegevens/,
	'Import en export': /\/import-export/,
	Samenvatting: /\/samenvatting/,
	Wijzigingen: /\/wijzigingen/
};

/** Follow a link in the navigation bar and wait until that page is shown. */
export async function go(page: Page, name: keyof typeof PAGES): Promise<void> {
	await page.getByRole('link', { name, exact: true }).click();
	await expect(page).toHaveURL(PAGES[name]!);
	await expect(page.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
}
