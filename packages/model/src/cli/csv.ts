// CSV output, one table per file, in two dialects: `machine` (the default: commas, decimal points,
// LF, no BOM) for scripts, and `nl` for Dutch Excel, which opens it directly: semicolons, decimal
// commas, CRLF and a UTF-8 byte-order mark (so "€" and "ë" survive).
import { UsageError, oneOf } from './args.ts';

export const CSV_DIALECTS = ['machine', 'nl'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

/** The `--csv` option of the commands with CSV output. */
export const CSV_OPTION = { csv: { type: 'string' } } as const;

/** Read `--csv machine|nl` (default machine). @throws UsageError for another value */
export function csvDialectOf(value: string | boolean | undefined): CsvDialect {
	if (value === true) throw new UsageError('--csv needs a value: machine or nl');
	return oneOf('csv', value, CSV_DIALECTS) ?? 'machine';
}

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** One table as CSV text in `dialect`; fields with the separator, a quote or a line break are quoted. */
export function toCsv(rows: readonly (readonly string[])[], dialect: CsvDialect = 'machine'): string {
	const nl = dialect === 'nl';
	const separator = nl ? ';' : ',';
	const field = (text: string): string => {
		const cell = nl && DECIMAL.test(text) ? text.replace('.', ',') : text;
		return cell.includes(separator) || /["\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
	};
	const eol = nl ? '\r\n' : '\n';
	const body = rows.map((row) => row.map(field).join(separator)).join(eol) + eol;
	return nl ? `\ufeff${body}` : body;
}
