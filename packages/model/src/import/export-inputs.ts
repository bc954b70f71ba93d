// Every input of a scenario as a workbook: one sheet per driver and one per pool, a row per dated
// value with its path, date, value, basis and source. Importing this workbook back (the paths
// layout) changes nothing; editing one value cell changes exactly that value.
import type { Key, Leaf, Scenario, Series } from '../scenario/types.ts';
import type { CellValue, Sheet, Workbook } from './workbook.ts';

export const INPUT_HEADERS = {
	nl: ['Pad', 'Vanaf', 'Omschrijving', 'Waarde', 'Basis', 'Bron', 'Toelichting'],
	en: ['Path', 'From', 'Description', 'Value', 'Basis', 'Source', 'Note']
} as const;

/** A value cell: a number when the decimal reads back exactly, text otherwise (so nothing is lost). */
function valueCell(value: string): CellValue {
	const n = Number(value);
	return Number.isFinite(n) && String(n) === value ? n : value;
}

function leafRows(series: Series<Leaf> | undefined, label: string): CellValue[][] {
	if (!series) return [];
	return series.entries.map((e) =>
		e.value === null
			? [series.path, e.from, `${label} (ends)`, null, null, null, null]
			: [
					series.path,
					e.from,
					label,
					valueCell(e.value.value),
					e.value.provenance.basis,
					e.value.provenance.source ? (e.value.provenance.source.id ?? e.value.provenance.source.title) : null,
					e.value.provenance.note ?? null
				]
	);
}

function keyRows(series: Series<Key>, label: string): CellValue[][] {
	const rows: CellValue[][] = [];
	for (const e of series.entries) {
		const key = e.value;
		if (key === null) continue;
		const basis = key.provenance?.basis ?? null;
		const source = key.provenance?.source ? (key.provenance.source.id ?? key.provenance.source.title) : null;
		if (key.type === 'fixed')
			for (const [id, share] of Object.entries(key.shares))
				rows.push([
					`${series.path}.shares.${id}`,
					e.from,
					`${label}: ${id}`,
					valueCell(share),
					basis,
					source,
					key.provenance?.note ?? null
				]);
		else
			rows.push([
				null,
				e.from,
				`${label}: ${key.type}${'driver' in key ? ` (${key.driver})` : ''}`,
				null,
				basis,
				source,
				key.provenance?.note ?? null
			]);
	}
	return rows;
}

/** A sheet name Excel accepts (at most 31 characters, none of []:*?/\) that is unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
	const base = wanted.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
	let name = base;
	for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
	taken.add(name.toLowerCase());
	return name;
}

/** All inputs of a scenario as sheets (header in the given language). */
export function inputWorkbook(scenario: Scenario, locale: 'nl' | 'en' = 'nl'): Workbook {
	const taken = new Set<string>();
	const header = [...INPUT_HEADERS[locale]];
	const sheets: Sheet[] = [];
	for (const driver of Object.values(scenario.drivers)) {
		const rows = Object.entries(driver.values).flatMap(([id, series]) =>
			leafRows(series, `${driver.label[locale]}: ${id}`)
		);
		sheets.push({
			name: sheetName(`${locale === 'nl' ? 'Driver' : 'Driver'} ${driver.id}`, taken),
			rows: [header, ...rows]
		});
	}
	for (const pool of scenario.pools) {
		const rows = [
			...leafRows(pool.cost, `${pool.name}: ${locale === 'nl' ? 'kosten' : 'cost'}`),
			...leafRows(pool.revenue, `${pool.name}: ${locale === 'nl' ? 'opbrengsten' : 'revenue'}`),
			...leafRows(pool.wageShare, `${pool.name}: ${locale === 'nl' ? 'loonaandeel' : 'wage share'}`),
			...leafRows(
				pool.vatTaxableShare,
				`${pool.name}: ${locale === 'nl' ? 'btw-belast aandeel' : 'VAT-taxable share'}`
			),
			...keyRows(pool.key, `${pool.name}: ${locale === 'nl' ? 'sleutel' : 'key'}`)
		];
		sheets.push({ name: sheetName(`Pool ${pool.id}`, taken), rows: [header, ...rows] });
	}
	return { file: `${scenario.id}-invoer.xlsx`, sheets };
}

/** Write sheets as an XLSX file (exceljs, loaded on demand): header row bold and frozen. */
export async function writeXlsx(workbook: Workbook): Promise<Uint8Array> {
	const { default: ExcelJS } = await import('exceljs');
	const book = new ExcelJS.Workbook();
	book.creator = 'Servicepunt71 kostenmodel';
	for (const sheet of workbook.sheets) {
		const ws = book.addWorksheet(sheet.name);
		for (const row of sheet.rows) ws.addRow([...row]);
		ws.getRow(1).font = { bold: true };
		ws.views = [{ state: 'frozen', ySplit: 1 }];
		ws.columns.forEach((c, i) => (c.width = [34, 12, 40, 14, 10, 24, 40][i] ?? 14));
	}
	return new Uint8Array(await book.xlsx.writeBuffer());
}
