// Reading the files an advisor imports into a Workbook: CSV (papaparse, with Excel's `sep=` line,
// a BOM, `;` or `,`, UTF-8 or Windows-1252) and XLSX (exceljs, loaded only when an XLSX is read).
// Never throws: a file that cannot be read gives issues.
import Papa from 'papaparse';
import {
	formatIssueCount,
	makeIssue,
	type Issue,
	type IssueText,
	type IssueTexts,
	type Result
} from '../domain/issue.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_CELLS, type CellValue, type Sheet, type Workbook } from './workbook.ts';

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
const fail = (code: string, message: IssueText): Result<Workbook> => ({
	ok: false,
	issues: [makeIssue(code, '', message)]
});
const TOO_LARGE: IssueTexts = {
	en: `the file is larger than ${mb(MAX_IMPORT_BYTES)}, the import limit`,
	nl: `het bestand is groter dan ${mb(MAX_IMPORT_BYTES)}, de grens voor een import`
};
/** The cell limit of an import, in both languages. */
function tooManyCells(what: { en: string; nl: string }): IssueTexts {
	return {
		en: `${what.en} has more than ${formatIssueCount(MAX_IMPORT_CELLS, 'en')} cells, the import limit`,
		nl: `${what.nl} heeft meer dan ${formatIssueCount(MAX_IMPORT_CELLS, 'nl')} cellen, de grens voor een import`
	};
}

/** Whether bytes begin like an XLSX (a zip archive). */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Decode CSV bytes: UTF-8 when valid, else Windows-1252 (what a Dutch Excel writes), with a warning. */
export function decodeText(bytes: Uint8Array): { text: string; warnings: Issue[] } {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
	} catch {
		return {
			text: new TextDecoder('windows-1252').decode(bytes),
			warnings: [
				makeIssue(
					'import_encoding',
					'',
					{
						en: 'the file is not UTF-8; it was read as Windows-1252 (check names with accents)',
						nl: 'het bestand is geen UTF-8; het is gelezen als Windows-1252 (controleer namen met accenten)'
					},
					{ severity: 'warning' }
				)
			]
		};
	}
}

const DELIMITERS = [';', ',', '\t', '|'] as const;

/**
 * The separator of a CSV: the candidate found on every one of the first lines, most often at the
 * least; ties go to ";" (a Dutch Excel's separator, where "," is the decimal mark). papaparse's own
 * guess needs more rows than a short table has.
 */
export function guessDelimiter(text: string): string {
	const lines = text
		.split(/\r?\n/, 50)
		.filter((l) => l.trim() !== '')
		.slice(0, 20);
	let best: string = ';';
	let bestCount = 0;
	for (const d of DELIMITERS) {
		let min = Infinity;
		for (const line of lines) min = Math.min(min, line.split(d).length - 1);
		if (min !== Infinity && min > bestCount) {
			best = d;
			bestCount = min;
		}
	}
	return best;
}

/**
 * Read CSV text into a one-sheet workbook. The separator comes from Excel's `sep=` first line when
 * present, otherwise papaparse detects it (`;`, `,` or tab).
 */
export function readCsvText(text: string, file: string): Result<Workbook> {
	if (text.length > MAX_IMPORT_BYTES) return fail('import_too_large', TOO_LARGE);
	if (text.includes('\u0000'))
		return fail('import_binary', {
			en: 'the file contains NUL bytes: it is not a CSV text file',
			nl: 'het bestand bevat NUL-bytes: het is geen CSV-tekstbestand'
		});
	let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	let delimiter: string | undefined;
	const sep = /^sep=(.)\r?\n/i.exec(body);
	if (sep) {
		delimiter = sep[1];
		body = body.slice(sep[0].length);
	}
	const parsed = Papa.parse<string[]>(body, { delimiter: delimiter ?? guessDelimiter(body), skipEmptyLines: false });
	const rows = parsed.data.map((row) => row.map((cell): CellValue => (cell.trim() === '' ? null : cell)));
	while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === null)) rows.pop();
	const cells = rows.reduce((n, row) => n + row.length, 0);
	if (cells > MAX_IMPORT_CELLS) return fail('import_too_large', tooManyCells({ en: 'the file', nl: 'het bestand' }));
	const name = file.replace(/^.*[/\\]/, '').replace(/\.[^.]*$/, '') || 'Blad1';
	const issues: Issue[] = parsed.errors
		.filter((e) => e.code !== 'UndetectableDelimiter')
		.map((e) =>
			makeIssue(
				'import_csv_syntax',
				e.row !== undefined ? `${name}!A${e.row + 1}` : '',
				{ en: `the CSV cannot be read here: ${e.message}`, nl: `de CSV is hier niet te lezen: ${e.message}` },
				{ severity: 'warning' }
			)
		);
	return { ok: true, value: { file, sheets: [{ name, rows }] }, ...(issues.length ? { warnings: issues } : {}) };
}

/** Read CSV bytes (any encoding the decoder accepts) into a one-sheet workbook. */
export function readCsv(bytes: Uint8Array, file: string): Result<Workbook> {
	if (bytes.length > MAX_IMPORT_BYTES) return fail('import_too_large', TOO_LARGE);
	const { text, warnings } = decodeText(bytes);
	const read = readCsvText(text, file);
	if (!read.ok || warnings.length === 0) return read;
	return { ...read, warnings: [...warnings, ...(read.warnings ?? [])] };
}

/** The plain value of an exceljs cell: numbers stay numbers, formulas give their cached result, rich text its text. */
function plainCell(value: unknown): CellValue {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'string') return value.trim() === '' ? null : value;
	if (typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		const o = value as Record<string, unknown>;
		if ('result' in o) return plainCell(o.result);
		if (Array.isArray(o.richText)) return o.richText.map((r) => String((r as { text?: unknown }).text ?? '')).join('');
		if (typeof o.text === 'string') return o.text;
		if ('error' in o) return null;
	}
	return null;
}

/** Read XLSX bytes into a workbook: every worksheet, cells as their stored values. */
export async function readXlsx(bytes: Uint8Array, file: string): Promise<Result<Workbook>> {
	if (bytes.length > MAX_IMPORT_BYTES) return fail('import_too_large', TOO_LARGE);
	if (!looksLikeXlsx(bytes))
		return fail('import_not_xlsx', {
			en: 'the file is not an XLSX workbook (not a zip archive)',
			nl: 'het bestand is geen XLSX-werkmap (geen zip-archief)'
		});
	const { default: ExcelJS } = await import('exceljs');
	const workbook = new ExcelJS.Workbook();
	try {
		// exceljs accepts an ArrayBuffer; copy so a view on a larger buffer is read correctly.
		await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
	} catch (error) {
		const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
		return fail('import_not_xlsx', {
			en: `the workbook cannot be read: ${reason}`,
			nl: `de werkmap is niet te lezen: ${reason}`
		});
	}
	const sheets: Sheet[] = [];
	let cells = 0;
	for (const ws of workbook.worksheets) {
		const rows: CellValue[][] = [];
		const count = ws.actualRowCount === 0 ? 0 : ws.rowCount;
		cells += count * ws.columnCount;
		if (cells > MAX_IMPORT_CELLS)
			return fail('import_too_large', tooManyCells({ en: 'the workbook', nl: 'de werkmap' }));
		for (let r = 1; r <= count; r++) {
			const row = ws.getRow(r);
			const out: CellValue[] = [];
			for (let c = 1; c <= ws.columnCount; c++) out.push(plainCell(row.getCell(c).value));
			while (out.length > 0 && out[out.length - 1] === null) out.pop();
			rows.push(out);
		}
		while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
		sheets.push({ name: ws.name, rows });
	}
	return { ok: true, value: { file, sheets } };
}

/** Read an import file by its content: XLSX when it is a zip archive, CSV otherwise. */
export async function readSpreadsheet(bytes: Uint8Array, file: string): Promise<Result<Workbook>> {
	return looksLikeXlsx(bytes) ? readXlsx(bytes, file) : readCsv(bytes, file);
}
