import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, go, open } from './helpers.ts';

/** Record every Content-Security-Policy violation the page reports. */
async function watchCsp(page: Page): Promise<string[]> {
	const violations: string[] = [];
	await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
				`${e.violatedDirective} ${e.blockedURI}`
			)
		);
	});
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
	});
	return violations;
}

test('every page loads with the Content-Security-Policy on and reports no violation', async ({ page }) => {
	const violations = await watchCsp(page);
	const errors = collectErrors(page);
	for (const path of ['/', '/sleutels', '/gegevens', '/uitleg', '/import-export', '/samenvatting']) {
		const response = await page.goto(path);
		expect(response?.ok()).toBe(true);
		const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		expect(csp).toContain("script-src 'self' 'sha256-");
		expect(csp).not.toContain('unsafe-eval');
		await expect(page.getByTestId('scenario-select')).toBeVisible();
	}
	// The XLSX export loads exceljs on demand: it too runs under the policy.
	await page.goto('/import-export');
	const download = page.waitForEvent('download');
	await page.getByTestId('export-inputs').click();
	expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
	expect(violations).toEqual([]);
	expect(errors).toEqual([]);
});

test('a CSV in nl-NL notation imports with a preview by cell and applies as one variant', async ({ page }) => {
	const violations = await watchCsp(page);
	await open(page, '/');
	await go(page, 'Import en export');
	const csv = 'sep=;\r\nInwoners op 1 januari;2022\r\nGemeente Leiden;125.500\r\nKATWIJK;1\r\n';
	await page
		.getByTestId('import-file')
		.setInputFiles({ name: 'inwoners.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}`) });
	// An unknown municipality is an issue at its cell, and nothing can be applied.
	await expect(page.getByTestId('import-issues')).toContainText('inwoners!A3');
	await expect(page.getByTestId('import-apply')).toBeDisabled();
	const fixed = 'sep=;\r\nInwoners op 1 januari;2022\r\nGemeente Leiden;125.500\r\n<img src=x onerror=alert(1)>;1\r\n';
	await page
		.getByTestId('import-file')
		.setInputFiles({ name: 'inwoners.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
	// Cell contents are text, never HTML.
	await expect(page.getByTestId('import-issues')).toContainText('<img src=x onerror=alert(1)>');
	expect(await page.locator('[data-testid=import-preview] img').count()).toBe(0);
	const clean = 'sep=;\r\nInwoners op 1 januari;2022\r\nGemeente Leiden;125.500\r\n';
	await page
		.getByTestId('import-file')
		.setInputFiles({ name: 'inwoners.csv', mimeType: 'text/csv', buffer: Buffer.from(clean) });
	const changes = page.getByTestId('import-changes');
	await expect(changes).toContainText('inwoners!B2');
	await expect(changes).toContainText('125037');
	await expect(changes).toContainText('125500');
	await page.getByTestId('import-apply').click();
	await expect(page.getByTestId('import-applied')).toContainText('import-inwoners');
	expect(violations).toEqual([]);
});

test('an import issue is shown in Dutch, and in English after the language toggle', async ({ page }) => {
	await open(page, '/');
	await go(page, 'Import en export');
	const csv = 'sep=;\r\nInwoners op 1 januari;2022\r\nGemeente Leiden;125.500\r\nKATWIJK;1\r\n';
	await page
		.getByTestId('import-file')
		.setInputFiles({ name: 'inwoners.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	const issues = page.getByTestId('import-issues');
	await expect(issues).toContainText('inwoners!A3');
	await expect(issues).toContainText('"KATWIJK" is geen deelnemer van servicepunt71');
	await expect(issues).not.toContainText('is not a participant');
	await page.getByTestId('language').click();
	await expect(page).toHaveURL(/lang=en/);
	await expect(issues).toContainText('"KATWIJK" is not a participant of servicepunt71');
	await expect(issues).not.toContainText('geen deelnemer');
	await page.getByTestId('language').click();
	await expect(issues).toContainText('"KATWIJK" is geen deelnemer van servicepunt71');
});

test('an XLSX budget in nl-NL notation imports with a preview by cell; the values carry file, sheet and cell as source', async ({
	page
}) => {
	const book = new ExcelJS.Workbook();
	book
		.addWorksheet('Blad1')
		.addRows([['Begroting SP71, bedragen x € 1.000'], ['Programma', 2023, 2024], ['ICT', '€ 20.100', 20500]]);
	const buffer = Buffer.from(await book.xlsx.writeBuffer());
	await open(page, '/');
	await go(page, 'Import en export');
	await page.getByTestId('import-file').setInputFiles({
		name: 'begroting.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer
	});
	// The preview lists each value that would change, by cell, with the scaled new amount.
	const changes = page.getByTestId('import-changes');
	await expect(changes).toContainText('Blad1!B3');
	await expect(changes).toContainText('Blad1!C3');
	await expect(changes).toContainText('20100000');
	await expect(changes).toContainText('20500000');
	await page.getByTestId('import-apply').click();
	await expect(page.getByTestId('import-applied')).toContainText('import-begroting');
	// The applied variant's values name the file, sheet and cell as their source, with the basis chosen (measured).
	await go(page, 'Gegevens en bronnen');
	await page.getByTestId('input-filter').fill('Blad1!B3');
	const row = page.getByTestId('inputs-table').locator('tbody tr').first();
	await expect(row).toContainText('begroting.xlsx, Blad1!B3');
	await expect(row).toContainText('Gemeten');
	await expect(row).toContainText('2023-01-01');
});
