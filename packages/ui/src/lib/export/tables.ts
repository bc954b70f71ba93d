// Result tables for export (CSV, XLSX): plain rows built from the model's comparison and runs. Amounts stay
// exact decimal strings here; the writers decide how to put them in a file.
import { COMPONENTS, guardSpreadsheetCell, type Comparison, type RunResult } from '@sp71/model';

export type ColumnType = 'text' | 'int' | 'money';

export interface Table {
	readonly name: string;
	readonly columns: readonly { readonly header: string; readonly type: ColumnType }[];
	readonly rows: readonly (readonly (string | number | null)[])[];
}

export interface TableLabels {
	readonly participant: string;
	readonly year: string;
	readonly base: string;
	readonly variant: string;
	readonly difference: string;
	readonly cumulative: string;
	readonly npv: string;
	readonly payback: string;
	readonly perInhabitant: string;
	readonly component: string;
	readonly pool: string;
	readonly form: string;
	readonly amount: string;
	readonly sheets: {
		readonly summary: string;
		readonly years: string;
		readonly components: string;
		readonly pools: string;
	};
	readonly componentNames: Readonly<Record<string, string>>;
}

/** The export tables: summary, per year, per component, and per pool for both runs. */
export function resultTables(
	input: { comparison: Comparison; base: RunResult; variant: RunResult; names: Readonly<Record<string, string>> },
	l: TableLabels
): Table[] {
	const name = (id: string) => input.names[id] ?? id;
	const { comparison } = input;
	return [
		{
			name: l.sheets.summary,
			columns: [
				{ header: l.participant, type: 'text' },
				{ header: l.cumulative, type: 'money' },
				{ header: l.npv, type: 'money' },
				{ header: l.payback, type: 'int' },
				{ header: l.perInhabitant, type: 'money' }
			],
			rows: comparison.summary.map((s) => [
				name(s.participant),
				s.cumulativeDelta,
				s.npv,
				s.paybackYear,
				s.deltaPerInhabitant
			])
		},
		{
			name: l.sheets.years,
			columns: [
				{ header: l.participant, type: 'text' },
				{ header: l.year, type: 'int' },
				{ header: l.base, type: 'money' },
				{ header: l.variant, type: 'money' },
				{ header: l.difference, type: 'money' },
				{ header: l.cumulative, type: 'money' }
			],
			rows: comparison.rows.map((r) => [name(r.participant), r.year, r.base, r.variant, r.delta, r.cumulativeDelta])
		},
		{
			name: l.sheets.components,
			columns: [
				{ header: l.participant, type: 'text' },
				{ header: l.year, type: 'int' },
				{ header: l.component, type: 'text' },
				{ header: l.base, type: 'money' },
				{ header: l.variant, type: 'money' },
				{ header: l.difference, type: 'money' }
			],
			rows: comparison.rows.flatMap((r) =>
				COMPONENTS.map((c) => [
					name(r.participant),
					r.year,
					l.componentNames[c] ?? c,
					r.components[c].base,
					r.components[c].variant,
					r.components[c].delta
				])
			)
		},
		{
			name: l.sheets.pools,
			columns: [
				{ header: l.form, type: 'text' },
				{ header: l.participant, type: 'text' },
				{ header: l.year, type: 'int' },
				{ header: l.pool, type: 'text' },
				{ header: l.amount, type: 'money' }
			],
			rows: [
				[l.base, input.base],
				[l.variant, input.variant]
			].flatMap(([label, run]) =>
				(run as RunResult).rows.flatMap((r) =>
					Object.entries(r.pools).map(([pool, amount]) => [label as string, name(r.participant), r.year, pool, amount])
				)
			)
		}
	];
}

/** CSV for Dutch spreadsheets: semicolon-separated, decimal comma, exact amounts, UTF-8 with BOM. */
export function toCsv(table: Table): string {
	const cell = (value: string | number | null, type: ColumnType): string => {
		if (value === null) return '';
		const text = type === 'money' ? String(value).replace('.', ',') : guardSpreadsheetCell(String(value));
		return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
	};
	const lines = [
		table.columns.map((c) => cell(c.header, 'text')).join(';'),
		...table.rows.map((row) => row.map((v, i) => cell(v, table.columns[i]!.type)).join(';'))
	];
	return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The Excel number format for euro amounts: shown as "€ 1.234.567,89" in a Dutch Excel. */
export const MONEY_FORMAT = '"€" #,##0.00;"€" -#,##0.00';

/** An XLSX workbook (exceljs, loaded on demand): one sheet per table, numbers as numbers. */
export async function toXlsx(tables: readonly Table[]): Promise<ArrayBuffer> {
	const { default: ExcelJS } = await import('exceljs');
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Servicepunt71 kostenmodel';
	for (const table of tables) {
		const sheet = workbook.addWorksheet(table.name.slice(0, 31));
		sheet.columns = table.columns.map((c) => ({
			header: c.header,
			width: c.type === 'money' ? 18 : Math.max(12, c.header.length + 2),
			style: c.type === 'money' ? { numFmt: MONEY_FORMAT } : {}
		}));
		sheet.getRow(1).font = { bold: true };
		sheet.views = [{ state: 'frozen', ySplit: 1 }];
		for (const row of table.rows)
			sheet.addRow(
				row.map((v, i) =>
					v === null ? null : table.columns[i]!.type === 'text' ? guardSpreadsheetCell(String(v)) : Number(v)
				)
			);
	}
	return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
