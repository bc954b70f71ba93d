// Guarding exported spreadsheet cells against formula injection: a text cell that starts with
// = + - @ (or a tab or carriage return) would be run as a formula by Excel, so it is prefixed
// with an apostrophe, which spreadsheets show as plain text (OWASP's advice for CSV injection).

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell's text made safe for CSV or XLSX: formula-like text gets a leading apostrophe. Plain
 * numbers ("-12.50", "-3") are left alone, so exported amounts stay numbers.
 */
export function guardSpreadsheetCell(text: string): string {
	if (!FORMULA_START.test(text)) return text;
	if (/^[-+]?\d+([.,]\d+)?$/.test(text)) return text;
	return `'${text}`;
}
