import { expect, test, type Locator, type Page } from '@playwright/test';
import { open, screenshot } from './helpers.ts';

// Inputs that never lie: every kind of number field keeps what is typed until it is committed, reads it with the
// model's nl-NL parser, shows back what was stored, and refuses ambiguous or invalid text without changing anything.

/** Type `text` key by key, checking that the field shows exactly what was typed so far; then press Enter. */
async function typeAndCommit(field: Locator, text: string) {
	await field.click();
	await field.press('ControlOrMeta+a');
	await field.press('Delete');
	for (let i = 0; i < text.length; i++) {
		await field.press(text[i]!);
		await expect(field).toHaveValue(text.slice(0, i + 1)); // never reformatted while typing
	}
	await field.press('Enter');
}

/** The value the model holds for a field (its data-value), after a commit has settled. */
const stored = (field: Locator) => field.getAttribute('data-value');

interface Case {
	readonly text: string;
	/** The decimal the model stores, or null when the text must be refused (the stored value stays as it was). */
	readonly value: string | null;
	/** What the field shows once committed. */
	readonly shown?: string;
}

const CASES: readonly Case[] = [
	{ text: '0,05', value: '0.05', shown: '0,05' },
	{ text: '10,05', value: '10.05', shown: '10,05' },
	{ text: '25000', value: '25000', shown: '25.000' },
	{ text: '1.234,56', value: '1234.56', shown: '1.234,56' },
	{ text: 'abc', value: null },
	{ text: '1,234.56', value: null } // ambiguous on a Dutch page
];

async function checkField(page: Page, field: () => Locator, cases: readonly Case[]) {
	for (const c of cases) {
		const before = await stored(field());
		const edits = await page.getByTestId('edit-count').innerText();
		await typeAndCommit(field(), c.text);
		if (c.value === null) {
			await expect(field()).toHaveAttribute('aria-invalid', 'true');
			await expect(field().locator('xpath=..').getByRole('alert')).toBeVisible();
			expect(await stored(field())).toBe(before);
			await expect(page.getByTestId('edit-count')).toHaveText(edits);
			await field().press('Escape');
			await expect(field()).toHaveAttribute('aria-invalid', 'false');
		} else {
			await expect(field()).toHaveAttribute('data-value', c.value);
			await expect(field()).toHaveValue(c.shown!);
			await expect(field()).toHaveAttribute('aria-invalid', 'false');
		}
	}
}

test('a value on the data page stores exactly what was typed', async ({ page }) => {
	await open(page, '/gegevens');
	await page.getByTestId('input-filter').fill('werkplekken');
	const field = () =>
		page.locator('tr[data-path="drivers.werkplekken.values.leiderdorp"]').first().getByRole('textbox');
	await checkField(page, field, [...CASES, { text: '-3', value: null }]);
	await screenshot(page, 'inputs-data');

	// An amount the model refuses (ICT's revenue would exceed its cost): its message beside the field, nothing stored.
	await page.getByTestId('input-filter').fill('ict');
	const cost = () => page.locator('tr[data-path="pools[id=ict].cost"]').first().getByRole('textbox');
	await checkField(page, cost, [{ text: '25000', value: null }]);
	await typeAndCommit(cost(), '25000');
	await expect(page.locator('tr[data-path="pools[id=ict].cost"]').first().getByRole('alert')).not.toBeEmpty();
	await expect(cost()).toHaveValue('25000'); // what the user typed stays, to be corrected
	await expect(cost()).toHaveAttribute('data-value', '18240000.00');
});

test('a fixed key share stores exactly what was typed (10,05 stays 10,05)', async ({ page }) => {
	await open(page, '/sleutels?y=2022');
	const field = () => page.getByTestId('share-ict-leiderdorp');
	await checkField(page, field, [...CASES, { text: '-3', value: null }]);
	// The reported bug: typing 10,05 in Leiderdorp's share stored 105. Now the share is 10,05 exactly.
	await typeAndCommit(field(), '10,05');
	await expect(field()).toHaveAttribute('data-value', '10.05');
	await screenshot(page, 'inputs-key-share');
});

test('a price and a base share store exactly what was typed', async ({ page }) => {
	await open(page, '/sleutels?y=2022');
	const ict = page.locator('article[data-pool=ict]');
	await ict.getByLabel('Soort sleutel').selectOption('price-quantity');
	const price = () => page.getByTestId('price-ict');
	await checkField(page, price, [...CASES, { text: '-3', value: null }]);

	await ict.getByLabel('Soort sleutel').selectOption('base-plus-usage');
	const baseShare = () => page.getByTestId('baseshare-ict');
	await checkField(page, baseShare, [
		{ text: '0,05', value: '0.05', shown: '0,05' },
		{ text: '25000', value: null }, // a base share above 1 is refused by the model, with its message
		{ text: '-3', value: null },
		{ text: 'abc', value: null }
	]);
});

test('a pause in typing commits the text without rewriting it; leaving the field shows the stored value', async ({
	page
}) => {
	await open(page, '/sleutels?y=2022');
	const field = page.getByTestId('share-ict-leiderdorp');
	await field.click();
	await field.press('ControlOrMeta+a');
	await field.pressSequentially('25000', { delay: 40 });
	await expect(field).toHaveAttribute('data-value', '25000', { timeout: 10_000 });
	await expect(field).toHaveValue('25000'); // still what the user typed
	await expect(page.getByTestId('share-ict-leiderdorp-stored')).toHaveText('= 25.000');
	await expect(page.getByTestId('edit-count')).toContainText('1 eigen wijziging');
	await field.press('Tab');
	await expect(field).toHaveValue('25.000');
	await expect(page.getByTestId('edit-count')).toContainText('1 eigen wijziging'); // not stored twice
});
