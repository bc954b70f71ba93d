// `sp71 import` and `sp71 key` in-process: the preview, the written variant, --force, --dry-run, a
// mapping file, an nl-NL XLSX, and the key tester's shares against the scenario's own keys.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { ROOT } from '../scenario/helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'sp71-import-cli-'));
const scenarioDir = join(dir, 'sc');
cpSync(join(ROOT, 'scenarios/servicepunt71'), scenarioDir, { recursive: true });

async function sp71(...args: string[]) {
	const io = memoryIo(dir);
	const code = await main(args, io);
	return { code, out: io.out(), err: io.err() };
}

describe('sp71 import', () => {
	it('prints the preview and writes a variant that the scenario then loads; never overwrites without --force', async () => {
		writeFileSync(
			join(dir, 'inwoners.csv'),
			'\ufeffsep=;\r\nGemeente;2022;2023\r\nGemeente Leiden;125.500;127.100\r\n'
		);
		const first = await sp71('import', 'inwoners.csv', '--into', 'sc');
		expect(first.code).toBe(0);
		expect(first.out).toContain('inwoners!B2  drivers.inwoners.values.leiden 2022: 125.037 → 125.500');
		expect(first.err).toContain('sc/variants/import-inwoners.yaml geschreven (1 gewijzigde waarde)');
		const written = readFileSync(join(scenarioDir, 'variants/import-inwoners.yaml'), 'utf8');
		expect(written).toContain('title: inwoners.csv, inwoners!B2');
		const run = await sp71('run', 'sc', '--variant', 'import-inwoners', '--format', 'json');
		expect(run.code).toBe(0);

		const again = await sp71('import', 'inwoners.csv', '--into', 'sc');
		expect(again.code).toBe(2);
		expect(again.err).toContain('exists; use --force');
		expect((await sp71('import', 'inwoners.csv', '--into', 'sc', '--force', '--basis', 'estimate')).code).toBe(0);
		expect(readFileSync(join(scenarioDir, 'variants/import-inwoners.yaml'), 'utf8')).toContain('basis: estimate');
	});

	it('--dry-run writes nothing; issues exit 1 with their cells and write nothing', async () => {
		writeFileSync(join(dir, 'fout.csv'), 'Gemeente;2021\nLeiden;12x\nKatwijk;5\n');
		const bad = await sp71('import', 'fout.csv', '--into', 'sc', '--mapping', writeMapping({ driver: 'inwoners' }));
		expect(bad.code).toBe(1);
		expect(bad.out).toContain('fout!B2: "12x" is geen getal [import_invalid_number]');
		expect(bad.out).toContain('fout!A3: "Katwijk" is geen deelnemer');
		const english = await sp71(
			'import',
			'fout.csv',
			'--into',
			'sc',
			'--mapping',
			writeMapping({ driver: 'inwoners' }),
			'--lang',
			'en'
		);
		expect(english.out).toContain('fout!B2: "12x" is not a number [import_invalid_number]');
		expect(english.out).toContain('fout!A3: "Katwijk" is not a participant');
		expect(english.err).toBe('sp71 import: 2 issues in fout.csv; nothing written\n');
		expect(bad.err).toBe('sp71 import: 2 problemen in fout.csv; niets geschreven\n');
		expect(existsSync(join(scenarioDir, 'variants/import-fout.yaml'))).toBe(false);
		writeFileSync(join(dir, 'goed.csv'), 'Gemeente;2021\nLeiden;124.100\n');
		const dry = await sp71(
			'import',
			'goed.csv',
			'--into',
			'sc',
			'--mapping',
			writeMapping({ driver: 'inwoners' }),
			'--dry-run'
		);
		expect(dry.code).toBe(0);
		expect(dry.err).toContain('proefrun (--dry-run); niets geschreven');
		expect(dry.out).toContain('drivers.inwoners.values.leiden 2021: 124.096 → 124.100');
		const dryEnglish = await sp71(
			'import',
			'goed.csv',
			'--into',
			'sc',
			'--mapping',
			writeMapping({ driver: 'inwoners' }),
			'--dry-run',
			'--lang',
			'en'
		);
		expect(dryEnglish.err).toContain('dry run; nothing written');
		expect(dryEnglish.out).toContain('drivers.inwoners.values.leiden 2021: 124,096 → 124,100');
		expect(existsSync(join(scenarioDir, 'variants/import-goed.yaml'))).toBe(false);
	});

	it('a mapping file with an unknown field or a bad value is refused with its path', async () => {
		writeFileSync(join(dir, 'goed.csv'), 'Gemeente;2021\nLeiden;124.100\n');
		const r = await sp71(
			'import',
			'goed.csv',
			'--into',
			'sc',
			'--mapping',
			writeMapping({ drivr: 'x', layout: 'wide' })
		);
		expect(r.code).toBe(1);
		expect(r.err).toContain('drivr: onbekend veld "drivr" in de koppeling');
		expect(r.err).toContain('layout: layout moet een van grid, long zijn');
	});

	it('imports an XLSX budget in nl-NL notation (text cells, € and thousands) with --sheet', async () => {
		const { default: ExcelJS } = await import('exceljs');
		const book = new ExcelJS.Workbook();
		book.addWorksheet('Toelichting').addRow(['Dit blad is uitleg']);
		const ws = book.addWorksheet('Blad1');
		ws.addRow(['Begroting SP71, bedragen x € 1.000']);
		ws.addRow(['Programma', 2023, 2024]);
		ws.addRow(['ICT', '€ 20.100', 20500]);
		ws.addRow(['Financiën', '7.345,5', null]);
		writeFileSync(join(dir, 'begroting.xlsx'), new Uint8Array(await book.xlsx.writeBuffer()));
		const r = await sp71(
			'import',
			'begroting.xlsx',
			'--into',
			'sc',
			'--sheet',
			'Blad1',
			'--out',
			'begroting.yaml',
			'--format',
			'json'
		);
		expect(r.code).toBe(0);
		const preview = JSON.parse(r.out);
		expect(preview.mappings).toEqual([expect.objectContaining({ kind: 'cost', scale: '1000', sheet: 'Blad1' })]);
		expect(preview.changes.map((c: { cell: string; new: string }) => [c.cell, c.new])).toEqual([
			['Blad1!B3', '20100000'],
			['Blad1!C3', '20500000'],
			['Blad1!B4', '7345500']
		]);
		expect(readFileSync(join(dir, 'begroting.yaml'), 'utf8')).toContain('title: begroting.xlsx, Blad1!B3');
	});

	it('refuses a directory, a device and a missing file as usage errors (exit 2), not crashes', async () => {
		expect((await sp71('import', 'sc', '--into', 'sc')).code).toBe(2);
		expect((await sp71('import', '/dev/zero', '--into', 'sc')).err).toContain('not a regular file');
		expect((await sp71('import', 'nope.csv', '--into', 'sc')).err).toContain('no such file');
	});
});

function writeMapping(mapping: Record<string, unknown>): string {
	const file = join(dir, `mapping-${Math.random().toString(36).slice(2)}.json`);
	writeFileSync(file, JSON.stringify(mapping));
	return file;
}

describe('sp71 key', () => {
	it('gives the same shares as a driver key: a formula of one driver is that driver', async () => {
		const r = await sp71('key', 'inwoners', '--scenario', 'sc', '--year', '2022', '--format', 'json');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.out);
		expect(out.drivers).toEqual(['inwoners']);
		expect(out.participants[0]).toEqual({
			participant: 'leiden',
			name: 'Leiden',
			weight: '125037',
			share: expect.any(String)
		});
		expect(out.total).toBe(String(125037 + 27600 + 25300 + 8950));
		expect(Number(out.participants[0].share)).toBeCloseTo(125037 / (125037 + 27600 + 25300 + 8950), 9);
	});

	it('prints a table, and refuses hostile or unknown expressions with exit 1', async () => {
		const t = await sp71('key', '0.5 * inwoners + 10 * werkplekken', '--scenario', 'sc', '--year', '2024');
		expect(t.out).toMatch(/\(verdeelgrondslagen: inwoners, werkplekken\)\n/);
		expect(t.out).toMatch(/Leiden\s+79\.033,5\s+68,42 %/);
		const english = await sp71(
			'key',
			'0.5 * inwoners + 10 * werkplekken',
			'--scenario',
			'sc',
			'--year',
			'2024',
			'--lang',
			'en'
		);
		expect(english.out).toMatch(/\(drivers: inwoners, werkplekken\)\n/);
		expect(english.out).toMatch(/Leiden\s+79,033\.5\s+68\.42 %/);
		for (const [expr, code] of [
			["import('fs')", 'formula_not_allowed'],
			['f(x) = x', 'formula_not_allowed'],
			['inwonerz * 2', 'unknown_driver'],
			['inwoners.length', 'formula_not_allowed'],
			['(((', 'formula_syntax']
		]) {
			const r = await sp71('key', expr!, '--scenario', 'sc', '--year', '2024');
			expect(r.code, expr).toBe(1);
			expect(r.err, expr).toContain(`[${code}]`);
		}
		expect((await sp71('key', 'inwoners', '--scenario', 'sc')).code).toBe(2);
	});
});
