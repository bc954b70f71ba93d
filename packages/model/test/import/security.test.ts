// The app's text guards that live in the model: links only for http(s), spreadsheet cells that
// would run as formulas made plain text.
import { describe, expect, it } from 'vitest';
import { guardSpreadsheetCell, safeLinkUrl } from '../../src/index.ts';

describe('safeLinkUrl', () => {
	it('keeps http and https URLs and drops every other scheme', () => {
		expect(safeLinkUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
		expect(safeLinkUrl('http://example.org')).toBe('http://example.org/');
		for (const url of [
			'javascript:alert(1)',
			' JavaScript:alert(1)',
			'data:text/html,<b>x</b>',
			'file:///etc/passwd',
			'vbscript:x',
			'begroting.xlsx#Blad1!C7',
			'',
			'x'.repeat(3000)
		])
			expect(safeLinkUrl(url), url).toBeUndefined();
	});
});

describe('guardSpreadsheetCell', () => {
	it('prefixes text that a spreadsheet would run as a formula, and leaves numbers alone', () => {
		for (const text of ['=HYPERLINK("http://x")', '+cmd', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
			expect(guardSpreadsheetCell(text), text).toBe(`'${text}`);
		for (const text of ['Leiden', '-12.50', '-3', '+4', '12,5', 'a=b'])
			expect(guardSpreadsheetCell(text), text).toBe(text);
	});
});
