import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { go, open, overviewRow, PARTICIPANTS, screenshot } from './helpers.ts';

const NAMES: Record<string, string> = {
	leiden: 'Leiden',
	leiderdorp: 'Leiderdorp',
	oegstgeest: 'Oegstgeest',
	zoeterwoude: 'Zoeterwoude'
};

test('a broken scenario upload lists every issue and changes nothing', async ({ page }) => {
	await open(page, '/');
	const before = await overviewRow(page, 'leiden');
	const scenario = await page.getByTestId('scenario-select').inputValue();
	await go(page, 'Import en export');
	const broken = [
		'format: sp71-scenario/1',
		'id: Kapot Scenario',
		'horizon: { from: 2021, to: 2030 }',
		'participants:',
		'  - { id: leiden, name: Leiden }',
		'pools:',
		'  - id: ict',
		'    cost: { 2021-01-01: 1000000 }'
	].join('\n');
	await page
		.getByTestId('upload')
		.setInputFiles({ name: 'kapot.yaml', mimeType: 'application/yaml', buffer: Buffer.from(broken) });
	await expect(page.getByTestId('upload-result')).toContainText('niet geladen');
	expect(await page.getByTestId('upload-issues').locator('li').count()).toBeGreaterThan(1);
	await screenshot(page, 'upload-broken');

	const unparsable = 'format: sp71-scenario/1\nid: [unclosed\n';
	await page
		.getByTestId('upload')
		.setInputFiles({ name: 'syntax.yaml', mimeType: 'application/yaml', buffer: Buffer.from(unparsable) });
	await expect(page.getByTestId('upload-issues')).toContainText('regel');

	await expect(page.getByTestId('scenario-select')).toHaveValue(scenario);
	await go(page, 'Overzicht');
	expect(await overviewRow(page, 'leiden')).toEqual(before);
});

test('an uploaded variant is validated, selected and compared; forgetting it restores the reference', async ({
	page
}) => {
	await open(page, '/');
	const before = await overviewRow(page, 'leiderdorp');
	await go(page, 'Import en export');
	const variant = {
		format: 'sp71-scenario-variant/1',
		id: 'test-zonder-opslag',
		title: { nl: 'Test: centrumgemeente zonder opslag', en: 'Test: host municipality without mark-up' },
		base: 'centrumgemeente-leiden',
		changes: [
			{ set: 'centrumgemeente.markup', from: '2023-01-01', value: { value: '0', basis: 'estimate', note: 'e2e test' } }
		]
	};
	await page.getByTestId('upload').setInputFiles({
		name: 'test-zonder-opslag.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(variant))
	});
	await expect(page.getByTestId('upload-result')).toContainText('is geladen');
	await expect(page.getByTestId('variant-select')).toHaveValue('test-zonder-opslag');
	await go(page, 'Overzicht');
	await expect(page.getByTestId('comparing')).toContainText('zonder opslag');
	const after = await overviewRow(page, 'leiderdorp');
	expect(after.cumulative).not.toBe(before.cumulative);
	await page.reload();
	await expect(page.getByTestId('variant-select')).toHaveValue('test-zonder-opslag'); // kept in the browser
	await go(page, 'Import en export');
	await page.getByTestId('clear-uploads').click();
	await go(page, 'Overzicht');
	expect(await overviewRow(page, 'leiderdorp')).toEqual(before);
});

test('the XLSX export opens with exceljs and its totals match the screen', async ({ page }) => {
	await open(page, '/');
	const year = Number(await page.getByTestId('year-select').inputValue());
	const screen = Object.fromEntries(
		await Promise.all(PARTICIPANTS.map(async (p) => [p, await overviewRow(page, p)] as const))
	);
	const yearValues = Object.fromEntries(
		await Promise.all(
			PARTICIPANTS.map(async (p) => {
				const links = page.locator(`[data-testid=summary-table] tr[data-participant=${p}] td a`);
				return [
					p,
					[await links.nth(0).getAttribute('data-value'), await links.nth(1).getAttribute('data-value')]
				] as const;
			})
		)
	);
	await go(page, 'Import en export');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
	const path = await download.path();
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(path);
	expect(workbook.worksheets.map((s) => s.name)).toEqual([
		'Samenvatting',
		'Per jaar',
		'Per onderdeel',
		'Per kostenpool'
	]);

	const summary = workbook.getWorksheet('Samenvatting')!;
	const perYear = workbook.getWorksheet('Per jaar')!;
	for (const p of PARTICIPANTS) {
		const row = summary.getRows(2, 4)!.find((r) => r.getCell(1).value === NAMES[p])!;
		// The summary sheet has the screen's columns: the year's costs and difference, then the cumulative difference.
		expect(typeof row.getCell(5).value).toBe('number');
		expect(row.getCell(5).value).toBeCloseTo(Number(screen[p]!.cumulative), 2);
		expect(row.getCell(5).numFmt).toContain('#,##0.00');
		const yearRow = perYear
			.getRows(2, perYear.rowCount - 1)!
			.find((r) => r.getCell(1).value === NAMES[p] && r.getCell(2).value === year)!;
		expect(yearRow.getCell(3).value).toBeCloseTo(Number(yearValues[p]![0]), 2);
		expect(yearRow.getCell(4).value).toBeCloseTo(Number(yearValues[p]![1]), 2);
	}

	const total = summary.getRow(6);
	expect(total.getCell(1).value).toBe('Samen');
	expect(total.getCell(5).value).toBeCloseTo(
		PARTICIPANTS.reduce((a, p) => a + Number(screen[p]!.cumulative), 0),
		2
	);

	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
	expect(csv.suggestedFilename()).toMatch(/\.csv$/);
});
