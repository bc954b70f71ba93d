import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { PROBLEM_ISSUE_CODES, readProblem } from '../../src/problem/validate.ts';
import { CATALOGUE, VALID_TEXT } from './catalogue.ts';
import { expectDutchText } from '../catalogue/harness.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'sp71-catalogue-'));
const fileOf = (index: number): string => {
	const file = join(folder, `case-${index}.json`);
	writeFileSync(file, CATALOGUE[index]!.text);
	return file;
};

describe('the bad-input catalogue', () => {
	it('has at least 25 cases with distinct code and path', () => {
		const keys = new Set(CATALOGUE.map((c) => `${c.code} ${c.path} ${c.name}`));
		expect(CATALOGUE.length).toBeGreaterThanOrEqual(25);
		expect(keys.size).toBe(CATALOGUE.length);
		expect(new Set(CATALOGUE.map((c) => c.code)).size).toBeGreaterThanOrEqual(25);
	});

	it('starts from a valid problem, so each case fails for its own reason', () => {
		expect(readProblem(VALID_TEXT).ok).toBe(true);
	});

	for (const c of CATALOGUE)
		it(`rejects ${c.name} with ${c.code} at "${c.path}"`, () => {
			const result = readProblem(c.text, c.method ? { method: c.method } : {});
			expect(result.ok).toBe(false);
			if (result.ok) return;
			expect(result.issues).toContainEqual(expect.objectContaining({ code: c.code, path: c.path }));
			for (const issue of result.issues) {
				expect(Object.keys(PROBLEM_ISSUE_CODES)).toContain(issue.code);
				expect(issue.message.length).toBeGreaterThan(10);
				expectDutchText(issue);
			}
		});

	it('reports every issue of a file at once, each with its line and column', () => {
		const text = [
			'{',
			'  "method": "matrix",',
			'  "pools": [',
			'    { "id": "ict", "cost": 12.5, "drivers": { "north": -1, "west": 2 } },',
			'    { "id": "ict", "cost": "1.00", "drivers": { "north": 1 } }',
			'  ],',
			'  "recipients": ["north", "north"]',
			'}'
		].join('\n');
		const result = readProblem(text);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues.map((i) => [i.code, i.path, i.line])).toEqual([
			['unknown_method', 'method', 2],
			['duplicate_recipient', 'recipients[1]', 7],
			['duplicate_pool', 'pools[1].id', 5],
			['money_not_string', 'pools[0].cost', 4],
			['negative_weight', 'pools[0].drivers.north', 4],
			['unknown_target', 'pools[0].drivers.west', 4]
		]);
	});

	it('gives the line and column of malformed JSON', () => {
		const result = readProblem(CATALOGUE[0]!.text);
		expect(result.ok ? [] : result.issues).toEqual([
			expect.objectContaining({ code: 'invalid_json', line: 3, column: 3 })
		]);
	});
});

describe('sp71 validate on the catalogue', () => {
	for (const [index, c] of CATALOGUE.entries())
		it(`exits with 1 and prints "${c.path || '(root)'}: … [${c.code}]" for ${c.name}`, async () => {
			const io = memoryIo();
			const args = ['validate', fileOf(index), ...(c.method ? ['--method', c.method] : [])];
			expect(await main(args, io)).toBe(1);
			expect(io.out()).toContain(`${c.path || '(root)'}: `);
			expect(io.out()).toContain(`[${c.code}]`);
			expect(io.out()).not.toMatch(/\n\s+at /); // no stack trace
			expect(io.err()).toBe('');
		});

	it('a real `npx sp71 validate` process rejects bad files cleanly, one line per issue', () => {
		for (const index of [0, 12, 20, 39]) {
			const run = spawnSync('npx', ['sp71', 'validate', fileOf(index)], { cwd: root, encoding: 'utf8' });
			const c = CATALOGUE[index]!;
			expect(run.status).toBe(1);
			expect(run.stdout).toContain(`[${c.code}]`);
			expect(run.stdout + run.stderr).not.toMatch(/\n\s+at |Error:/);
		}
	});
});
