// `sp71 game FILE`, run in-process: the figures of a published game, the table, the help text,
// and one line per issue for an invalid file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { ROOT } from '../scenario/helpers.ts';

async function sp71(...args: string[]) {
	const io = memoryIo(ROOT);
	const code = await main(args, io);
	return { code, out: io.out(), err: io.err() };
}

describe('sp71 game FILE', () => {
	it('prints the Lemaire (1991) insurers’ game as JSON with the published nucleolus', async () => {
		const r = await sp71('game', 'scenarios/games/lemaire-insurance.json', '--format', 'json');
		expect(r.code).toBe(0);
		const report = JSON.parse(r.out);
		expect(report).toMatchObject({
			players: ['1', '2', '3'],
			kind: 'value',
			grand: '90000.00',
			nucleolus: { 1: '52687.50', 2: '24468.75', 3: '12843.75' },
			core: { nonEmpty: true, nucleolusInCore: true },
			exact: { nucleolus: { 1: '105375/2' } }
		});
	});

	it('writes amounts that do not end within 12 decimals to 6 decimals, with the exact fraction beside', async () => {
		const r = await sp71('game', 'scenarios/games/majority-empty-core.json', '--format', 'json');
		const report = JSON.parse(r.out);
		expect(report.shapley.a).toBe('0.333333');
		expect(report.exact.shapley.a).toBe('1/3');
		expect(report.core).toEqual({ nonEmpty: false, leastCore: '0.333333', nucleolusInCore: false });
	});

	it('prints a table with a total row and the core verdict in Dutch', async () => {
		const r = await sp71('game', 'scenarios/games/airport-littlechild-owen.json');
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/D\s+18,00\s+9,00\s+8,25/);
		expect(r.out).toMatch(/Samen\s+18,00\s+18,00\s+18,00/);
		expect(r.out).toMatch(/De kern is niet leeg/);
	});

	it('prints the table in English with --lang en, and refuses another language', async () => {
		const r = await sp71('game', 'scenarios/games/airport-littlechild-owen.json', '--lang', 'en');
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/^Game \(cost game\), 4 players/);
		expect(r.out).toMatch(/Together\s+18\.00\s+18\.00\s+18\.00/);
		expect(r.out).toMatch(/The core is not empty/);
		expect((await sp71('game', 'scenarios/games/airport-littlechild-owen.json', '--lang', 'de')).code).toBe(2);
	});

	it('rounds each column to cents so that it adds up to the total beneath it', async () => {
		// Shapley value A 79⅓, B 119⅓, C 131⅚: rounded one by one they would add up to 330,49.
		const dir = mkdtempSync(join(tmpdir(), 'sp71-game-'));
		const file = join(dir, 'thirds.json');
		const cost = { A: '100', B: '140', C: '150', 'A,B': '200', 'A,C': '215', 'B,C': '255', 'A,B,C': '330.5' };
		writeFileSync(file, JSON.stringify({ players: ['A', 'B', 'C'], cost }));
		const r = await sp71('game', file);
		expect(r.code).toBe(0);
		const lines = r.out.split('\n');
		const column = (index: number) =>
			lines
				.filter((l) => /^[ABC] /.test(l))
				.map((l) => l.trim().split(/\s+/)[index]!)
				.reduce((sum, text) => sum + Math.round(Number(text.replace('.', '').replace(',', '.')) * 100), 0);
		expect(r.out).toMatch(/^Speler\s+Alleen\s+Shapley\s+Nucleolus$/m);
		expect(r.out).toMatch(/Samen\s+330,50\s+330,50\s+330,50/);
		expect(column(2)).toBe(33050);
		expect(column(3)).toBe(33050);
		expect(r.out).toMatch(/^A\s+100,00\s+79,34\s+/m);
	});

	it('explains each figure in --help', async () => {
		const r = await sp71('game', '--help');
		expect(r.code).toBe(0);
		for (const figure of ['grand', 'standAlone', 'shapley', 'nucleolus', 'core', 'exact'])
			expect(r.out).toMatch(new RegExp(`^  ${figure} `, 'm'));
	});

	it('prints one line per issue for an invalid file and exits 1; a usage mistake exits 2', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sp71-game-'));
		const file = join(dir, 'bad.json');
		writeFileSync(file, JSON.stringify({ players: ['A', 'B'], cost: { A: '1', 'A,Q': 'x' } }));
		const dutch = await sp71('game', file);
		expect(dutch.code).toBe(1);
		expect(dutch.err.trim().split('\n').slice(0, 3)).toEqual([
			'cost["A,Q"]: "Q" is niet een van de spelers (A, B) (regel 1, kolom 44) [unknown_player]',
			'cost["A,Q"]: cost moet een decimaal getal als tekst zijn, zoals "1234.56", niet tekst "x" (regel 1, kolom 44) [invalid_amount]',
			'cost.B: de coalitie "B" ontbreekt: elke niet-lege coalitie moet gegeven zijn, of "missing": "zero" of "additive" (regel 1, kolom 29) [coalition_missing]'
		]);
		const r = await sp71('game', file, '--lang', 'en');
		expect(r.code).toBe(1);
		expect(r.err.trim().split('\n')).toEqual([
			'cost["A,Q"]: "Q" is not one of the players (A, B) (line 1, column 44) [unknown_player]',
			'cost["A,Q"]: the cost must be a decimal string such as "1234.56", not string "x" (line 1, column 44) [invalid_amount]',
			'cost.B: the coalition "B" is missing: every non-empty coalition must be given, or "missing": "zero" or "additive" (line 1, column 29) [coalition_missing]',
			'cost["A,B"]: the coalition "A,B" is missing: every non-empty coalition must be given, or "missing": "zero" or "additive" (line 1, column 29) [coalition_missing]'
		]);
		expect((await sp71('game')).code).toBe(2);
		expect((await sp71('game', file, '--format', 'csv')).code).toBe(2);
	});
});
