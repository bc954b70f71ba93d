// The spreadsheet an import reads: sheets of cells (text, a number, or empty) with Excel-style
// addresses ("Blad1!C7"), whatever file the cells came from (CSV or XLSX).

/** One cell as read from the file: text as written, a number when the file stored a number, or null. */
export type CellValue = string | number | null;

export interface Sheet {
	readonly name: string;
	/** Rows top to bottom, each a list of cells left to right (row 1 is rows[0]). */
	readonly rows: readonly (readonly CellValue[])[];
}

export interface Workbook {
	/** The file name the user gave (used in the provenance of imported values). */
	readonly file: string;
	readonly sheets: readonly Sheet[];
}

/** Largest file an import reads, and most cells per workbook: beyond these the file is refused with a clear message. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_CELLS = 1_000_000;

/** The column letters of a 1-based column number: 1 → "A", 27 → "AA". */
export function columnLetters(column: number): string {
	let n = column;
	let out = '';
	while (n > 0) {
		const r = (n - 1) % 26;
		out = String.fromCharCode(65 + r) + out;
		n = Math.floor((n - 1) / 26);
	}
	return out;
}

/** The 1-based column number of letters such as "C" or "AA"; undefined when not letters. */
export function columnNumber(letters: string): number | undefined {
	if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
	let n = 0;
	for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
	return n;
}

/** The address of a cell as Excel writes it: "Blad1!C7" (quoted when the sheet name has spaces or quotes). */
export function cellAddress(sheet: string, row: number, column: number): string {
	const name = /^[A-Za-z0-9_.]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
	return `${name}!${columnLetters(column)}${row}`;
}

/** The cell at 1-based row and column, or null when outside the sheet. */
export function cellAt(sheet: Sheet, row: number, column: number): CellValue {
	return sheet.rows[row - 1]?.[column - 1] ?? null;
}

/** A cell's text, trimmed ("" for an empty cell; numbers as JavaScript writes them). */
export function cellText(value: CellValue): string {
	if (value === null) return '';
	return typeof value === 'number' ? String(value) : value.trim();
}

/** The widest row of a sheet. */
export function sheetWidth(sheet: Sheet): number {
	let width = 0;
	for (const row of sheet.rows) if (row.length > width) width = row.length;
	return width;
}
