import ExcelJS from 'exceljs';
import type { Comparison, RunResult } from '@sp71/model';
import { describe, expect, it } from 'vitest';
import { MONEY_FORMAT, poolTable, resultTables, toCsv, toXlsx, type TableLabels } from './tables.ts';

const components = (delta: string) =>
	Object.fromEntries(
		['service', 'governance', 'vat', 'transition', 'markup', 'contractManagement'].map((c) => [
			c,
			{ base: '0.00', variant: c === 'service' ? delta : '0.00', delta: c === 'service' ? delta : '0.00' }
		])
	) as Comparison['rows'][number]['components'];

// A hand-made one-municipality comparison, for the table writers only.
const comparison: Comparison = {
	scenarioId: 's',
	baseId: 's',
	variantId: 'v',
	discountRate: '0.02',
	rows: [
		{
			participant: 'a',
			year: 2025,
			base: '1000.10',
			variant: '1234567.89',
			delta: '1233567.79',
			cumulativeDelta: '1233567.79',
			components: components('1233567.79')
		}
	],
	summary: [
		{
			participant: 'a',
			cumulativeDelta: '1233567.79',
			npv: '1200000.00',
			paybackYear: null,
			deltaPerInhabitant: '12.34'
		}
	],
	noOp: { noOp: false },
	sentences: { nl: [], en: [] }
};
const run: RunResult = {
	scenarioId: 's',
	variantId: null,
	years: [2025],
	participants: [{ id: 'a', name: 'Alfa' }],
	rows: [],
	reconciliation: [],
	warnings: []
};
const labels: TableLabels = {
	participant: 'Gemeente',
	year: 'Jaar',
	base: 'GR',
	variant: 'Centrumgemeente',
	difference: 'Verschil',
	cumulative: 'Cumulatief',
	npv: 'Contante waarde',
	payback: 'Terugverdiend in',
	perInhabitant: 'Per inwoner',
	component: 'Onderdeel',
	pool: 'Kostenpool',
	form: 'Rechtsvorm',
	amount: 'Bedrag',
	together: 'Samen',
	sheets: { summary: 'Samenvatting', years: 'Per jaar', components: 'Per onderdeel', pools: 'Per kostenpool' },
	componentNames: { service: 'Dienstverlening' }
};

describe('export tables', () => {
	const tables = resultTables(
		{ comparison, base: run, variant: run, names: { a: 'Alfa' }, year: 2025, referenceYear: 2025 },
		labels
	);

	it('writes CSV for a Dutch spreadsheet: semicolons, decimal commas, exact amounts', () => {
		const csv = toCsv(tables[1]!);
		expect(csv.startsWith('\ufeffGemeente;Jaar;GR;Centrumgemeente;Verschil;Cumulatief\r\n')).toBe(true);
		expect(csv).toContain('Alfa;2025;1000,10;1234567,89;1233567,79;1233567,79');
	});

	it('writes one XLSX sheet per table with amounts as numbers in a euro format', async () => {
		const buffer = await toXlsx(tables);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(buffer);
		expect(workbook.worksheets.map((s) => s.name)).toEqual([
			'Samenvatting',
			'Per jaar',
			'Per onderdeel',
			'Per kostenpool'
		]);
		const cell = workbook.getWorksheet('Per jaar')!.getCell('D2');
		expect(cell.value).toBe(1234567.89);
		expect(cell.numFmt).toBe(MONEY_FORMAT);
		expect(workbook.getWorksheet('Samenvatting')!.getCell('D2').value).toBe(1233567.79);
		expect(workbook.getWorksheet('Samenvatting')!.getCell('G2').value).toBeNull(); // never paid back
		expect(workbook.getWorksheet('Samenvatting')!.getCell('A3').value).toBe('Samen');
		expect(workbook.getWorksheet('Samenvatting')!.getCell('A3').font?.bold).toBe(true);
	});

	it('ends every table whose sum means something with its Samen line, in CSV too', () => {
		const csv = toCsv(tables[1]!);
		expect(csv.endsWith('Samen;;1000,10;1234567,89;1233567,79;\r\n')).toBe(true);
		expect(tables[0]!.total).toEqual([
			'Samen',
			'1000.10',
			'1234567.89',
			'1233567.79',
			'1233567.79',
			'1200000.00',
			null,
			null
		]);
		expect(tables[3]!.total).toBeUndefined(); // both legal forms listed: a sum would count every euro twice
	});

	it('lays out the charge per pool with a Samen column and line that add up exactly', () => {
		const flow: RunResult = {
			...run,
			participants: [
				{ id: 'a', name: 'Alfa' },
				{ id: 'b', name: 'Beta' }
			],
			rows: (['a', 'b'] as const).map((participant, i) => ({
				participant,
				year: 2025,
				legalForm: 'gr',
				total: '0.00',
				components: Object.fromEntries(
					Object.keys(components('0.00')).map((c) => [c, '0.00'])
				) as RunResult['rows'][number]['components'],
				pools: { ict: i === 0 ? '0.10' : '0.20', hrm: '1000.01' },
				perInhabitant: '0.00'
			}))
		};
		const table = poolTable(
			{ run: flow, year: 2025, names: { a: 'Alfa', b: 'Beta' }, poolNames: { ict: 'ICT' } },
			labels
		);
		expect(table.columns.map((c) => c.header)).toEqual(['Kostenpool', 'Alfa', 'Beta', 'Samen']);
		expect(table.rows).toEqual([
			['ICT', '0.10', '0.20', '0.30'],
			['hrm', '1000.01', '1000.01', '2000.02']
		]);
		expect(table.total).toEqual(['Samen', '1000.11', '1000.21', '2000.32']);
	});
});
