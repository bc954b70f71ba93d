import { expect, test, type Locator, type Page } from '@playwright/test';
import { go, open, overviewRow, PARTICIPANTS, screenshot } from './helpers.ts';

// Edits say which side they apply to, are listed and undoable; tables have totals; every option side by side;
// links are compressed and links of the first format still open.

async function commitNumber(field: Locator, text: string) {
	await field.click();
	await field.press('ControlOrMeta+a');
	await field.pressSequentially(text);
	await field.press('Enter');
}

/** Sum of decimal strings, exact (in cents). */
function sumCents(values: readonly (string | null)[]): string {
	const cents = values.reduce((a, v) => a + BigInt(Math.round(Number(v) * 100)), 0n);
	const sign = cents < 0n ? '-' : '';
	const abs = cents < 0n ? -cents : cents;
	return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

async function summaryCells(page: Page, participant: string) {
	const row = page.locator(`[data-testid=summary-table] tr[data-participant=${participant}]`);
	return {
		base: await row.locator('td').nth(0).locator('a').getAttribute('data-value'),
		variant: await row.locator('td').nth(1).locator('a').getAttribute('data-value'),
		row
	};
}

test('an edit applies to the side the user chose, shown on the field and in the list; undo and redo', async ({
	page
}) => {
	await open(page, '/?y=2023');
	const before = await summaryCells(page, 'leiderdorp');
	await expect(page.getByTestId('edit-banner')).toContainText('geen eigen wijzigingen');
	await expect(page.getByTestId('edit-banner')).toContainText('basis en alternatief'); // the visible default

	await go(page, 'Sleutels en methoden');
	await expect(page.getByTestId('edit-side')).toHaveValue('both');
	await expect(page.getByTestId('edit-side').locator('option:checked')).toContainText('standaard');
	await page.getByTestId('edit-side').selectOption('variant');
	await commitNumber(page.getByTestId('share-ict-leiderdorp'), '20');
	await expect(page.getByTestId('edit-count')).toContainText('1 eigen wijziging');
	await expect(page.locator('article[data-pool=ict]').getByTestId('edit-mark')).toHaveText(
		'gewijzigd · alleen het alternatief'
	);

	await go(page, 'Overzicht');
	const variantOnly = await summaryCells(page, 'leiderdorp');
	expect(variantOnly.base).toBe(before.base);
	expect(variantOnly.variant).not.toBe(before.variant);
	await expect(variantOnly.row.locator('td').nth(1)).toHaveClass(/changed/);
	await expect(variantOnly.row.locator('td').nth(0)).not.toHaveClass(/changed/);
	await screenshot(page, 'edit-variant-only');

	await page.getByTestId('edit-list-link').click();
	await expect(page).toHaveURL(/\/wijzigingen/);
	const item = page.getByTestId('edit-list').locator('tbody tr');
	await expect(item).toHaveCount(1);
	await expect(item).toHaveAttribute('data-side', 'variant');
	await expect(item).toContainText('Sleutel van ICT');
	await expect(item).toContainText('Vaste percentages');
	await item.getByTestId('edit-side-select').selectOption('both');
	await expect(item).toHaveAttribute('data-side', 'both');
	await screenshot(page, 'edit-list');

	await go(page, 'Overzicht');
	const both = await summaryCells(page, 'leiderdorp');
	expect(both.base).not.toBe(before.base);
	expect(both.variant).toBe(variantOnly.variant);

	// Undo the side change, then redo it: the session's history.
	await page.getByTestId('banner-undo').click();
	await expect.poll(async () => (await summaryCells(page, 'leiderdorp')).base).toBe(before.base);
	await page.getByTestId('banner-redo').click();
	await expect.poll(async () => (await summaryCells(page, 'leiderdorp')).base).toBe(both.base);

	// Undo this one edit from the list: back to the reference figures.
	await page.getByTestId('edit-list-link').click();
	await page.getByTestId('undo-edit').click();
	await expect(page.getByTestId('no-edits')).toBeVisible();
	await go(page, 'Overzicht');
	expect((await summaryCells(page, 'leiderdorp')).variant).toBe(before.variant);
	await expect(page.getByTestId('edit-count')).toContainText('geen eigen wijzigingen');
});

test('the edit banner is on every page', async ({ page }) => {
	await open(page, '/gegevens');
	await page.getByTestId('input-filter').fill('werkplekken');
	await commitNumber(
		page.locator('tr[data-path="drivers.werkplekken.values.leiderdorp"]').first().getByRole('textbox'),
		'300'
	);
	for (const name of [
		'Overzicht',
		'Sleutels en methoden',
		'Uitleg',
		'Gegevens en bronnen',
		'Import en export',
		'Samenvatting',
		'Wijzigingen'
	] as const) {
		await go(page, name);
		await expect(page.getByTestId('edit-banner')).toContainText('1 eigen wijziging');
		await expect(page.getByTestId('edit-list-link')).toBeVisible();
	}
});

test('every table of the overview and the keys page has a Samen line that adds up; the balance reconciles', async ({
	page
}) => {
	await open(page, '/');
	const summary = page.getByTestId('summary-table');
	const bases = await Promise.all(
		PARTICIPANTS.map((p) =>
			summary.locator(`tr[data-participant=${p}] td`).nth(0).locator('a').getAttribute('data-value')
		)
	);
	const total = summary.locator('tr.total');
	await expect(total.locator('th')).toHaveText('Samen');
	await expect(total.locator('td').nth(0)).toHaveAttribute('data-value', sumCents(bases));
	const cumulative = await Promise.all(PARTICIPANTS.map(async (p) => (await overviewRow(page, p)).cumulative));
	await expect(total.locator('td').nth(3)).toHaveAttribute('data-value', sumCents(cumulative));
	for (const table of await page.locator('main table').all())
		await expect(table.locator('tr.total')).not.toHaveCount(0);

	const balance = page.getByTestId('balance').locator('p').first();
	await expect(balance).toContainText(/kosten € [\d.]+,\d\d = doorberekend € [\d.]+,\d\d/);
	expect(await balance.getAttribute('data-costs')).toBe(await balance.getAttribute('data-charged'));

	// A method switch: the sentence says whether the total changes, and through what.
	await page.getByTestId('method-select').selectOption('direct');
	await expect(page.getByTestId('method-total-sentence')).toBeVisible();
	await expect(page.getByTestId('method-total-sentence')).toContainText(/totaal/);

	await go(page, 'Sleutels en methoden');
	for (const table of await page.locator('main table').all())
		await expect(table.locator('tr.total')).not.toHaveCount(0);
	const methods = page.getByTestId('methods-table');
	const column = await methods
		.locator('tbody tr')
		.evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[0]!.textContent));
	expect(column).toHaveLength(4);
	await expect(page.getByTestId('methods-total-sentence')).toContainText(/totaal/);
	await screenshot(page, 'keys-totals');
});

test('every alternative side by side, the best per municipality marked; the chosen one explained', async ({ page }) => {
	await open(page, '/');
	const variants = await page
		.getByTestId('variant-select')
		.locator('option')
		.evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
	const options = page.getByTestId('options-table');
	await expect(options.locator('tbody tr')).toHaveCount(variants.length);
	for (const p of PARTICIPANTS) {
		const npvs = await Promise.all(
			variants.map(async (v) => ({
				v,
				npv: Number(
					await options.locator(`tr[data-variant="${v}"] td[data-participant=${p}] .npv`).getAttribute('data-value')
				)
			}))
		);
		const lowest = npvs.reduce((a, b) => (b.npv < a.npv ? b : a));
		const marked = await options.locator(`td[data-participant=${p}][data-best=true]`).count();
		if (lowest.npv < 0) {
			expect(marked).toBe(1);
			await expect(options.locator(`tr[data-variant="${lowest.v}"] td[data-participant=${p}]`)).toHaveAttribute(
				'data-best',
				'true'
			);
		} else {
			expect(marked).toBe(0);
			await expect(page.getByTestId(`best-${p}`)).toHaveText('basis (GR) blijft het goedkoopst');
		}
	}
	await expect(page.getByTestId('variant-description')).toContainText('centrumgemeente');
	await expect(page.getByTestId('variant-changes')).toContainText('The four councils agreed to the centrumregeling');
	await screenshot(page, 'options');

	const other = variants[1]!;
	await options.locator(`tr[data-variant="${other}"]`).getByRole('button').click();
	await expect(page.getByTestId('variant-select')).toHaveValue(other);
	await expect(page).toHaveURL(new RegExp(`v=${other}`));
});

test('a link is compressed, and a link in the first (uncompressed) format still opens', async ({ page, browser }) => {
	await open(page, '/sleutels?y=2023');
	await commitNumber(page.getByTestId('share-ict-leiderdorp'), '20');
	await expect(page.getByTestId('edit-count')).toContainText('1 eigen wijziging');
	await go(page, 'Overzicht');
	await expect(page).toHaveURL(/c=z1\./);
	const url = new URL(page.url());
	const expected = await overviewRow(page, 'leiderdorp');

	// The same edits in today's uncompressed format (base64url JSON, no version prefix).
	const edits = await page.evaluate(() => JSON.parse(localStorage.getItem('sp71-ui/v1')!).view.changes);
	const old = Buffer.from(JSON.stringify(edits)).toString('base64url');
	expect(url.searchParams.get('c')!.length).toBeLessThan(old.length);
	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await open(other, `/?s=servicepunt71&v=centrumgemeente-leiden&y=2023&c=${old}`);
	await expect(other.getByTestId('edit-count')).toContainText('1 eigen wijziging');
	expect(await overviewRow(other, 'leiderdorp')).toEqual(expected);
	await fresh.close();
});
