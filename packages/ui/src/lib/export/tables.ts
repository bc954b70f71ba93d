// Result tables, defined once for the screen (DataTable), CSV and XLSX: plain rows built from the model's
// comparison and runs, each with its "Samen" (total) line summed exactly by the model. Amounts stay exact decimal
// strings here; the screen and the writers decide how to show them.
import {
	COMPONENTS,
	formatAmount,
	inhabitantsOf,
	summaryTotal,
	sum,
	toDecimal,
	yearTotal,
	type Comparison,
	type RunResult
} from '@sp71/model';

export type ColumnType = 'text' | 'int' | 'money';

export interface Table {
	readonly name: string;
	readonly columns: readonly { readonly header: string; readonly type: ColumnType }[];
	readonly rows: readonly (readonly (string | number | null)[])[];
	/** The "Samen" line (its first cell the label), or absent when a total means nothing for the table. */
	readonly total?: readonly (string | number | null)[];
}

/** Exact sum of decimal strings. */
const sumOf = (values: readonly (string | number | null)[]) =>
	formatAmount(sum(values.map((v) => toDecimal(v === null ? '0' : String(v)))));

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
	readonly together: string;
	readonly sheets: {
		readonly summary: string;
		readonly years: string;
		readonly components: string;
		readonly pools: string;
	};
	readonly componentNames: Readonly<Record<string, string>>;
}

/** The summary per participant: the year's costs and difference, and the difference over the horizon. */
export function summaryTable(
	input: {
		comparison: Comparison;
		base: RunResult;
		year: number;
		referenceYear: number;
		names: Readonly<Record<string, string>>;
	},
	l: TableLabels
): Table {
	const { comparison, year } = input;
	const name = (id: string) => input.names[id] ?? id;
	const yearTotals = yearTotal(comparison, year);
	const summaryTotals = summaryTotal(comparison, inhabitantsOf(input.base, input.referenceYear));
	return {
		name: l.sheets.summary,
		columns: [
			{ header: l.participant, type: 'text' },
			{ header: `${l.base} ${year}`, type: 'money' },
			{ header: `${l.variant} ${year}`, type: 'money' },
			{ header: `${l.difference} ${year}`, type: 'money' },
			{ header: l.cumulative, type: 'money' },
			{ header: l.npv, type: 'money' },
			{ header: l.payback, type: 'int' },
			{ header: l.perInhabitant, type: 'money' }
		],
		rows: comparison.summary.map((s) => {
			const row = comparison.rows.find((r) => r.participant === s.participant && r.year === year);
			return [
				name(s.participant),
				row?.base ?? null,
				row?.variant ?? null,
				row?.delta ?? null,
				s.cumulativeDelta,
				s.npv,
				s.paybackYear,
				s.deltaPerInhabitant
			];
		}),
		total: [
			l.together,
			yearTotals.base,
			yearTotals.variant,
			yearTotals.delta,
			summaryTotals.cumulativeDelta,
			summaryTotals.npv,
			null,
			summaryTotals.deltaPerInhabitant
		]
	};
}

/** What each participant is charged per cost pool in a year, with the Samen column and line. */
export function poolTable(
	input: {
		run: RunResult;
		year: number;
		names: Readonly<Record<string, string>>;
		poolNames: Readonly<Record<string, string>>;
	},
	l: TableLabels
): Table {
	const rows = input.run.rows.filter((r) => r.year === input.year);
	const pools = Object.keys(rows[0]?.pools ?? {});
	const body = pools.map((pool) => {
		const amounts = rows.map((r) => r.pools[pool] ?? '0.00');
		return [input.poolNames[pool] ?? pool, ...amounts, sumOf(amounts)];
	});
	return {
		name: l.sheets.pools,
		columns: [
			{ header: l.pool, type: 'text' },
			...rows.map((r) => ({ header: input.names[r.participant] ?? r.participant, type: 'money' as const })),
			{ header: l.together, type: 'money' }
		],
		rows: body,
		total: [l.together, ...rows.map((_, i) => sumOf(body.map((b) => b[i + 1]!))), sumOf(body.map((b) => b.at(-1)!))]
	};
}

/** The export tables: summary, per year, per component, and per pool for both runs. */
export function resultTables(
	input: {
		comparison: Comparison;
		base: RunResult;
		variant: RunResult;
		names: Readonly<Record<string, string>>;
		year: number;
		referenceYear: number;
	},
	l: TableLabels
): Table[] {
	const name = (id: string) => input.names[id] ?? id;
	const { comparison } = input;
	const years = comparison.rows;
	const components = comparison.rows.flatMap((r) =>
		COMPONENTS.map((c) => [
			name(r.participant),
			r.year,
			l.componentNames[c] ?? c,
			r.components[c].base,
			r.components[c].variant,
			r.components[c].delta
		])
	);
	const pools = [
		[l.base, input.base],
		[l.variant, input.variant]
	].flatMap(([label, run]) =>
		(run as RunResult).rows.flatMap((r) =>
			Object.entries(r.pools).map(([pool, amount]) => [label as string, name(r.participant), r.year, pool, amount])
		)
	);
	return [
		summaryTable(input, l),
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
			rows: years.map((r) => [name(r.participant), r.year, r.base, r.variant, r.delta, r.cumulativeDelta]),
			total: [
				l.together,
				null,
				sumOf(years.map((r) => r.base)),
				sumOf(years.map((r) => r.variant)),
				sumOf(years.map((r) => r.delta)),
				null
			]
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
			rows: components,
			total: [
				l.together,
				null,
				null,
				sumOf(components.map((r) => r[3]!)),
				sumOf(components.map((r) => r[4]!)),
				sumOf(components.map((r) => r[5]!))
			]
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
			// Both legal forms are listed: a sum over both would count every euro twice, so no Samen line here.
			rows: pools
		}
	];
}

/** CSV for Dutch spreadsheets: semicolon-separated, decimal comma, exact amounts, UTF-8 with BOM. */
export function toCsv(table: Table): string {
	const cell = (value: string | number | null, type: ColumnType): string => {
		if (value === null) return '';
		const text = type === 'money' ? String(value).replace('.', ',') : String(value);
		return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
	};
	const lines = [
		table.columns.map((c) => cell(c.header, 'text')).join(';'),
		...[...table.rows, ...(table.total ? [table.total] : [])].map((row) =>
			row.map((v, i) => cell(v, table.columns[i]!.type)).join(';')
		)
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
			sheet.addRow(row.map((v, i) => (v === null ? null : table.columns[i]!.type === 'text' ? String(v) : Number(v))));
		if (table.total) {
			const total = sheet.addRow(
				table.total.map((v, i) => (v === null ? null : table.columns[i]!.type === 'text' ? String(v) : Number(v)))
			);
			total.font = { bold: true };
		}
	}
	return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
