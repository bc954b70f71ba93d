import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { go, open, overviewRow } from './helpers.ts';

// Nothing lost: autosaved work survives a browser restart, a second tab never silently overwrites the first,
// and a failed upload changes nothing.

async function editWorkstations(page: Page, participant: string, text: string) {
	await go(page, 'Gegevens en bronnen');
	await page.getByTestId('input-filter').fill('werkplekken');
	const field = page.locator(`tr[data-path="drivers.werkplekken.values.${participant}"]`).first().getByRole('textbox');
	await field.click();
	await field.press('ControlOrMeta+a');
	await field.pressSequentially(text);
	await field.press('Enter');
	await expect(field).toHaveAttribute('data-value', text);
}

const saved = (page: Page) => page.evaluate(() => localStorage.getItem('sp71-ui/v1'));
const savedEdits = async (page: Page) => JSON.parse((await saved(page))!).view.changes as { set: string }[];

test('autosaved work survives closing and restarting the browser', async ({ baseURL }, testInfo) => {
	const dir = mkdtempSync(join(tmpdir(), 'sp71-profile-'));
	const use = testInfo.project.use;
	const launch = () => chromium.launchPersistentContext(dir, { ...use.launchOptions, baseURL, headless: true });
	try {
		let context = await launch();
		let page = context.pages()[0] ?? (await context.newPage());
		await open(page, '/');
		await editWorkstations(page, 'leiderdorp', '300');
		await go(page, 'Overzicht');
		const edited = await overviewRow(page, 'leiderdorp');
		await context.close(); // the browser is closed: nothing but its profile on disk remains

		context = await launch();
		page = context.pages()[0] ?? (await context.newPage());
		await open(page, '/'); // the bare address: no state in the link
		await expect(page.getByTestId('edit-count')).toContainText('1 eigen wijziging');
		expect(await overviewRow(page, 'leiderdorp')).toEqual(edited);
		await context.close();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('two tabs editing at once: the later one is told and overwrites nothing until the user chooses', async ({
	context
}) => {
	const first = await context.newPage();
	const second = await context.newPage();
	await open(first, '/');
	await open(second, '/');
	await editWorkstations(first, 'leiderdorp', '300');
	expect((await savedEdits(first)).map((c) => c.set)).toEqual(['drivers.werkplekken.values.leiderdorp']);

	await editWorkstations(second, 'zoeterwoude', '100');
	await expect(second.getByTestId('save-conflict')).toBeVisible();
	await expect(second.getByTestId('save-conflict')).toContainText('Een ander tabblad');
	// The first tab's work is still what is saved.
	expect((await savedEdits(second)).map((c) => c.set)).toEqual(['drivers.werkplekken.values.leiderdorp']);

	// The user chooses to open the other tab's work: this tab now shows it.
	await second.getByTestId('open-theirs').click();
	await expect(second.getByTestId('save-conflict')).toHaveCount(0);
	await expect(second.getByTestId('edit-count')).toContainText('1 eigen wijziging');
	await go(second, 'Wijzigingen');
	await expect(second.getByTestId('edit-list').locator('tbody tr')).toHaveAttribute(
		'data-set',
		'drivers.werkplekken.values.leiderdorp'
	);

	// Now the first tab is behind: its next edit is held back in turn, and "keep mine" saves it deliberately.
	await editWorkstations(second, 'zoeterwoude', '100');
	expect((await savedEdits(second)).length).toBe(2);
	await editWorkstations(first, 'oegstgeest', '150');
	await expect(first.getByTestId('save-conflict')).toBeVisible();
	expect((await savedEdits(first)).length).toBe(2);
	await first.getByTestId('keep-mine').click();
	await expect(first.getByTestId('save-conflict')).toHaveCount(0);
	expect((await savedEdits(first)).map((c) => c.set)).toEqual([
		'drivers.werkplekken.values.leiderdorp',
		'drivers.werkplekken.values.oegstgeest'
	]);
});

test('a failed upload changes nothing: not the edits, not the figures, not the saved work', async ({ page }) => {
	await open(page, '/');
	await editWorkstations(page, 'leiderdorp', '300');
	await go(page, 'Overzicht');
	const figures = await overviewRow(page, 'leiderdorp');
	const url = page.url();
	const before = await saved(page);

	await go(page, 'Import en export');
	for (const [name, text] of [
		['kapot.yaml', 'format: sp71-scenario/1\nid: [unclosed\n'],
		['leeg.json', '{}'],
		['variant.yaml', 'format: sp71-scenario-variant/1\nid: kapot\nbase: bestaat-niet\nchanges: []\n']
	]) {
		await page.getByTestId('upload').setInputFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
		await expect(page.getByTestId('upload-result')).toContainText(name);
		await expect(page.getByTestId('upload-result')).toHaveAttribute('role', 'alert');
	}
	expect(await saved(page)).toBe(before);
	await expect(page.getByTestId('edit-count')).toContainText('1 eigen wijziging');
	await go(page, 'Overzicht');
	expect(new URL(page.url()).search).toBe(new URL(url).search);
	expect(await overviewRow(page, 'leiderdorp')).toEqual(figures);
});
