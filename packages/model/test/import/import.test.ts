// Spreadsheet import: nl-NL CSV and XLSX as advisors have them, the guessed mapping, the preview
// (cell addresses, old → new), the variant it creates, and the round trip of the input export.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
	guessMappings,
	inputWorkbook,
	previewImport,
	readCsv,
	readCsvText,
	readMappings,
	readXlsx,
	writeXlsx,
	type Workbook
} from '../../src/import/index.ts';
import { applyVariant, listInputs, runScenario, type Scenario } from '../../src/index.ts';
import { ROOT, mustResolve } from '../scenario/helpers.ts';
import { loadScenarioPath } from '../scenario/load-path.ts';

const loaded = loadScenarioPath(join(ROOT, 'scenarios/servicepunt71'));
if (!loaded.ok) throw new Error('reference scenario does not load');
const scenario: Scenario = loaded.value;

function csv(text: string, file = 'tabel.csv'): Workbook {
	const read = readCsvText(text, file);
	if (!read.ok) throw new Error(JSON.stringify(read.issues));
	return read.value;
}

function preview(workbook: Workbook, s: Scenario = scenario) {
	return previewImport(workbook, s, guessMappings(workbook, s));
}

describe('CSV as advisors write it', () => {
	it('reads a driver table with sep=, a BOM, nl-NL numbers, "Gemeente " and any case, years as columns', () => {
		const wb = csv(
			'\ufeffsep=;\r\nInwoners op 1 januari;2021;2022\r\nGemeente Leiden;124.096;125.500\r\nLEIDERDORP;27.550;27.600\r\nTotaal;152.646;153.100\r\n'
		);
		const p = preview(wb);
		expect(p.mappings).toEqual([
			expect.objectContaining({ kind: 'driver', driver: 'inwoners', rows: 'participant', columns: 'year' })
		]);
		expect(p.issues).toEqual([]);
		expect(p.changes).toEqual([
			{
				cell: 'tabel!C2',
				path: 'drivers.inwoners.values.leiden',
				from: '2022-01-01',
				label: 'inwoners leiden 2022',
				old: '125037',
				new: '125500'
			}
		]);
		expect(p.unchanged).toBe(3);
	});

	it('reads years as rows, comma-separated, with municipalities as columns', () => {
		const wb = csv('Inwoners,Leiden,Oegstgeest\n2021,124096,"25.000"\n2022,125037,25300\n');
		const p = preview(wb);
		expect(p.mappings[0]).toMatchObject({ kind: 'driver', rows: 'year', columns: 'participant' });
		expect(p.changes.map((c) => [c.cell, c.old, c.new])).toEqual([['tabel!C2', '24950', '25000']]);
	});

	it('scales a budget given in thousands and reads (…) as a negative and 1.000,- as whole euros', () => {
		const wb = csv('Begroting 2021 (bedragen x € 1.000);;\nTaak;2021;2022\nict;€ 18.500;19.000,-\nhrm;(5);6.500,25\n');
		const p = preview(wb);
		expect(p.mappings[0]).toMatchObject({ kind: 'cost', scale: '1000', rows: 'pool', columns: 'year' });
		expect(p.changes.map((c) => [c.cell, c.new])).toEqual([
			['tabel!B3', '18500000'],
			['tabel!B4', '-5000'],
			['tabel!C4', '6500250']
		]);
		// A negative cost is refused at its cell by the scenario's own validation; nothing can be applied.
		expect(p.issues).toContainEqual(expect.objectContaining({ path: 'tabel!B4', code: 'negative_value' }));
		expect(p.variant).toBeNull();
	});

	it('lists every bad cell with its address and applies nothing', () => {
		const wb = csv('Gemeente;2021;2022\nLeiden;124.096;1,234.5\nKatwijk;1;2\nOegstgeest;-3;abc\n', 'Blad1.csv');
		const m = guessMappings(wb, scenario).map((x) => ({ ...x, driver: 'inwoners' }));
		const p = previewImport(wb, scenario, m);
		expect(p.issues.map((i) => [i.path, i.code])).toEqual([
			['Blad1!C2', 'import_invalid_number'],
			['Blad1!A3', 'import_unknown_label'],
			['Blad1!B4', 'import_negative'],
			['Blad1!C4', 'import_invalid_number']
		]);
		expect(p.variant).toBeNull();
	});

	it('decodes a Windows-1252 file with a warning, and refuses NUL bytes and oversized files', () => {
		const latin = Uint8Array.from([
			...Buffer.from('Gemeente;2021\nLeiden;124096\nZo'),
			0xeb,
			...Buffer.from('terwoude;1\n')
		]);
		const read = readCsv(latin, 'x.csv');
		expect(read.ok && read.warnings?.[0]?.code).toBe('import_encoding');
		expect(read.ok && read.value.sheets[0]!.rows[2]![0]).toBe('Zoëterwoude');
		const nul = readCsvText('a;b\u0000', 'x.csv');
		expect(!nul.ok && nul.issues[0]!.code).toBe('import_binary');
		const big = readCsv(new Uint8Array(11 * 1024 * 1024), 'x.csv');
		expect(!big.ok && big.issues[0]!.message).toMatch(/larger than 10 MB/);
	});

	it('imports key shares as a fixed key with every participant, with the cells as source', () => {
		const wb = csv(
			'Verdeelsleutel 2023;ict;hrm\nLeiden;60%;55%\nLeiderdorp;20%;20%\nOegstgeest;15%;15%\nZoeterwoude;5%;10%\n'
		);
		const p = preview(wb);
		expect(p.mappings[0]).toMatchObject({ kind: 'key', year: 2023 });
		expect(p.issues).toEqual([]);
		const set = p.variant!.changes.find((c) => c.set === 'pools[id=ict].key.2023-01-01');
		expect(set?.value).toMatchObject({
			type: 'fixed',
			shares: { leiden: '0.6', zoeterwoude: '0.05' },
			basis: 'measured'
		});
		const applied = applyVariant(scenario, p.variant!.changes);
		expect(applied.ok).toBe(true);
	});

	it('a corrected mapping replaces the guessed fields, and a wrong field is named', () => {
		const wb = csv('Leiden;1400\nLeiderdorp;230\n');
		const guessed = guessMappings(wb, scenario);
		const read = readMappings(
			{ sheet: 'tabel', kind: 'driver', driver: 'werkplekken', year: 2022, layout: 'long', headerRow: 0 },
			guessed
		);
		expect(!read.ok && read.issues.map((i) => i.path)).toEqual(['headerRow']);
		const ok = readMappings(
			{
				sheet: 'tabel',
				kind: 'driver',
				driver: 'werkplekken',
				year: 2022,
				layout: 'long',
				headerRow: 1,
				long: { participant: 'A', value: 'B' }
			},
			guessed
		);
		// headerRow 1 is the first data row here, so only Leiderdorp (row 2) is read.
		if (!ok.ok) throw new Error(JSON.stringify(ok.issues));
		const p = previewImport(wb, scenario, ok.value);
		expect(p.issues).toEqual([]);
		expect(p.changes.map((c) => [c.cell, c.path, c.from])).toEqual([
			['tabel!B2', 'drivers.werkplekken.values.leiderdorp', '2022-01-01']
		]);
	});
});

describe('the variant an import creates', () => {
	it('changes exactly the imported year: the years after keep the value in force before', () => {
		// ownFte has one value from 2021; importing 2023 alone must leave 2024 at the old value.
		const wb = csv('Eigen formatie;2023\nLeiden;1300\n');
		const p = previewImport(
			wb,
			scenario,
			guessMappings(wb, scenario).map((m) => ({ ...m, driver: 'ownFte', basis: 'estimate' as const }))
		);
		expect(p.issues).toEqual([]);
		const after = applyVariant(scenario, p.variant!.changes);
		if (!after.ok) throw new Error(JSON.stringify(after.issues));
		const series = after.value.drivers.ownFte!.values.leiden!;
		expect(series.entries.map((e) => [e.from, e.value?.value, e.value?.provenance.basis])).toEqual([
			['2021-01-01', '1250', 'estimate'],
			['2023-01-01', '1300', 'estimate'],
			['2024-01-01', '1250', 'estimate']
		]);
		expect(series.entries[1]!.value!.provenance.source).toEqual({
			title: 'tabel.csv, tabel!B2',
			url: 'tabel.csv#tabel!B2'
		});
	});
});

describe('export of every input to XLSX', () => {
	it('has one sheet per driver and per pool, with basis and source columns', () => {
		const wb = inputWorkbook(scenario);
		expect(wb.sheets.length).toBe(Object.keys(scenario.drivers).length + scenario.pools.length);
		expect(wb.sheets[0]!.rows[0]).toEqual(['Pad', 'Vanaf', 'Omschrijving', 'Waarde', 'Basis', 'Bron', 'Toelichting']);
	});

	it('imports back unchanged, and an edited cell changes exactly that value', async () => {
		const bytes = await writeXlsx(inputWorkbook(scenario));
		const back = await readXlsx(bytes, 'invoer.xlsx');
		if (!back.ok) throw new Error(JSON.stringify(back.issues));
		const same = preview(back.value);
		expect(same.issues).toEqual([]);
		expect(same.changes).toEqual([]);
		expect(same.unchanged).toBeGreaterThan(100);

		// Edit one cell as a spreadsheet user would: the ICT cost of 2022 in the ICT sheet.
		const { default: ExcelJS } = await import('exceljs');
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(bytes.slice().buffer as ArrayBuffer);
		const sheet = book.getWorksheet('Pool ict')!;
		let edited = 0;
		sheet.eachRow((row, r) => {
			if (row.getCell(1).value === 'pools[id=ict].cost' && row.getCell(2).value === '2022-01-01') {
				row.getCell(4).value = 19250000.5;
				edited = r;
			}
		});
		expect(edited).toBeGreaterThan(1);
		const editedBytes = new Uint8Array(await book.xlsx.writeBuffer());
		const read = await readXlsx(editedBytes, 'invoer.xlsx');
		if (!read.ok) throw new Error('unreadable');
		const p = preview(read.value);
		expect(p.issues).toEqual([]);
		expect(p.changes).toEqual([
			expect.objectContaining({
				cell: `'Pool ict'!D${edited}`,
				path: 'pools[id=ict].cost',
				from: '2022-01-01',
				new: '19250000.5'
			})
		]);
		const after = applyVariant(scenario, p.variant!.changes);
		if (!after.ok) throw new Error(JSON.stringify(after.issues));
		const before = new Map(listInputs(scenario).map((i) => [`${i.path}|${i.from}`, i.value]));
		const differs = listInputs(after.value).filter((i) => before.get(`${i.path}|${i.from}`) !== i.value);
		expect(differs.map((i) => [i.path, i.from, i.value])).toEqual([['pools[id=ict].cost', '2022-01-01', '19250000.5']]);
		// Export → import of the result gives identical results: the variant's run equals a run of the same change made by hand.
		const byHand = applyVariant(scenario, [
			{
				set: 'pools[id=ict].cost',
				from: '2022-01-01',
				value: { value: '19250000.5', basis: 'measured', source: 'sp71-jaarstukken-2016' }
			}
		]);
		if (!byHand.ok) throw new Error('hand edit invalid');
		const totals = (s: Scenario) => runScenario(s).rows.map((r) => `${r.participant} ${r.year} ${r.total}`);
		expect(totals(after.value).slice(0, 8)).toEqual(totals(byHand.value).slice(0, 8));
	});

	it('a variant of the scenario exports and imports back unchanged too', async () => {
		const s = mustResolve(scenario, 'centrumgemeente-leiden');
		const back = await readXlsx(await writeXlsx(inputWorkbook(s, 'en')), 'inputs.xlsx');
		if (!back.ok) throw new Error('unreadable');
		const p = preview(back.value, s);
		expect(p.issues).toEqual([]);
		expect(p.changes).toEqual([]);
	});
});
