import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from './io.ts';
import { main } from './main.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const example = new URL('../../test/engine/examples/four-service-departments.json', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'sp71-cli-'));

async function sp71(...args: string[]) {
	const io = memoryIo();
	const code = await main(args, io);
	return { code, out: io.out(), err: io.err() };
}

describe('sp71', () => {
	it('lists its commands with --help and exits with 0', async () => {
		const { code, out } = await sp71('--help');
		expect(code).toBe(0);
		expect(out).toContain('allocate');
		expect(out).toContain('validate');
	});

	it('exits with 2 without a command, and with 2 for an unknown command', async () => {
		expect((await sp71()).code).toBe(2);
		const unknown = await sp71('allocat');
		expect(unknown.code).toBe(2);
		expect(unknown.err).toContain('unknown command "allocat"');
	});

	it('gives every command a --help page', async () => {
		for (const command of ['allocate', 'validate']) {
			const { code, out } = await sp71(command, '--help');
			expect(code).toBe(0);
			expect(out).toMatch(new RegExp(`^Usage: sp71 ${command} FILE`));
		}
	});

	it('treats an unknown flag, a bad --method or --format and a missing file as usage errors (exit 2)', async () => {
		for (const args of [
			['allocate', example, '--colour'],
			['allocate', example, '--method', 'matrix'],
			['allocate', example, '--format', 'xml'],
			['allocate'],
			['allocate', join(folder, 'nope.json')],
			['validate', example, 'extra']
		]) {
			const { code, err } = await sp71(...args);
			expect(code, args.join(' ')).toBe(2);
			expect(err).toMatch(/^sp71 \w+: /);
		}
	});
});

describe('sp71 allocate', () => {
	it('prints the JSON of the issue: method, poolTotals, allocations, recipientTotals and check', async () => {
		const { code, out } = await sp71('allocate', example, '--format', 'json');
		expect(code).toBe(0);
		const json = JSON.parse(out) as Record<string, unknown>;
		expect(Object.keys(json)).toEqual(['method', 'poolTotals', 'allocations', 'recipientTotals', 'check']);
		expect(json.check).toEqual({ input: '2725000.00', allocated: '2725000.00', unallocated: '0.00' });
		expect(json.allocations).toContainEqual({ from: 'Administration', to: 'Machining', amount: '298075.44' });
	});

	it('lets --method override the method in the file', async () => {
		const { out } = await sp71('allocate', example, '--method', 'direct', '--format', 'json');
		expect(JSON.parse(out)).toMatchObject({ method: 'direct', poolTotals: { Administration: '1700000.00' } });
	});

	it('shows a table with the balance check, in Dutch with Dutch numbers unless --lang en', async () => {
		const { code, out } = await sp71('allocate', example);
		expect(code).toBe(0);
		expect(out).toContain('Methode: reciprocal (alle pooltotalen in één keer opgelost');
		expect(out).toMatch(/Administration: 1\.987\.169,57 over gewicht 100\n/);
		expect(out).toMatch(/Machining\s+1\.109\.506,63/);
		expect(out).toContain('Aansluiting');
		expect(out).toContain('invoer = verdeeld + niet verdeeld ✓');
		expect(out).not.toMatch(/weight|allocated|Balance/);
		const english = await sp71('allocate', example, '--lang', 'en');
		expect(english.out).toMatch(/Administration: 1,987,169\.57 over weight 100\n/);
		expect(english.out).toMatch(/Machining\s+1,109,506\.63/);
		expect(english.out).toContain('Balance check');
		expect(english.out).toContain('input = allocated + unallocated ✓');
		expect(english.out).not.toMatch(/gewicht|verdeeld|\d,\d\d\b(?!\d)/);
	});

	it('explains every recipient total from pool totals and weights with --explain', async () => {
		const table = await sp71('allocate', example, '--explain');
		expect(table.out).toContain('= Administration 1.987.169,57 × 15/100 = 298.075,435666 (stap 1)');
		const english = await sp71('allocate', example, '--explain', '--lang', 'en');
		expect(english.out).toContain('= Administration 1,987,169.57 × 15/100 = 298,075.435666 (step 1)');
		const json = JSON.parse((await sp71('allocate', example, '--format', 'json', '--explain')).out) as {
			trace: { recipients: { recipient: string; shares: unknown[] }[] };
		};
		expect(json.trace.recipients.map((r) => [r.recipient, r.shares.length])).toEqual([
			['Machining', 4],
			['Assembly', 4],
			['Finishing & Packaging', 4]
		]);
	});

	it('writes CSV with one row per allocation, then the totals and the check', async () => {
		const { out } = await sp71('allocate', example, '--format', 'csv');
		const lines = out.trim().split('\n');
		expect(lines[0]).toBe('kind,from,to,amount');
		expect(lines.filter((l) => l.startsWith('allocation,'))).toHaveLength(24);
		expect(lines).toContain('allocation,Administration,Machining,298075.44');
		expect(lines).toContain('recipient-total,,Finishing & Packaging,528481.23');
		expect(lines.at(-3)).toBe('check-input,,,2725000.00');
	});

	it('prints issues on stderr, one line each, and exits with 1 for an invalid problem', async () => {
		const file = join(folder, 'invalid.json');
		writeFileSync(file, JSON.stringify({ pools: [{ id: 'a', cost: 5, drivers: { x: 1 } }], recipients: ['x', 'x'] }));
		const { code, out, err } = await sp71('allocate', file);
		expect(code).toBe(1);
		expect(out).toBe('');
		expect(err.trim().split('\n')).toEqual([
			expect.stringMatching(/^recipients\[1\]: .* \[duplicate_recipient\]$/),
			expect.stringMatching(/^pools\[0\]\.cost: .* \[money_not_string\]$/)
		]);
	});

	it('warns about unallocated cost but still allocates (exit 0)', async () => {
		const file = join(folder, 'unallocated.json');
		writeFileSync(
			file,
			JSON.stringify({
				pools: [
					{ id: 'a', cost: '5.00', drivers: { b: 1 } },
					{ id: 'b', cost: '5.00', drivers: { x: 1 } }
				],
				recipients: ['x']
			})
		);
		const { code, out, err } = await sp71('allocate', file, '--format', 'json');
		expect(code).toBe(0);
		expect(err).toMatch(/^waarschuwing: pools\[0\]\.drivers: .* \[unallocated_cost\]/);
		expect(JSON.parse(out)).toMatchObject({ check: { unallocated: '5.00' }, unallocated: { a: '5.00' } });
	});

	it('gives byte-identical output for identical input', async () => {
		const first = await sp71('allocate', example, '--format', 'json', '--explain');
		const second = await sp71('allocate', example, '--format', 'json', '--explain');
		expect(second.out).toBe(first.out);
	});

	it('prints exactly the worked example shown in the README', async () => {
		const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
		const section = readme.slice(readme.indexOf('## The allocation problem format'));
		const excerpt = /```\n(Pool totals[\s\S]*?)```/.exec(section)![1]!;
		const file = new URL('../../test/engine/examples/two-service-departments.json', import.meta.url).pathname;
		const { out } = await sp71('allocate', file, '--lang', 'en');
		expect(readme).toContain('two-service-departments.json --lang en` solves');
		expect(out).toContain(excerpt.trimEnd());
	});

	it('stops quietly when the reader of its output closes the pipe (`sp71 … | head`)', () => {
		// measure-first writes its list in several writes; head takes the first bytes and leaves.
		const command =
			'node packages/model/bin/sp71.js measure-first scenarios/servicepunt71 --variant centrumgemeente-leiden | head -c 10 > /dev/null; exit ${PIPESTATUS[0]}';
		const run = spawnSync('bash', ['-c', command], { cwd: root, encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});

	it('evaluates a formula key as a real process, for a scenario without formula keys', () => {
		// In-process the tests have loaded the formula parser long before; a process of its own has not.
		const expression = '0.5 * inwoners + 0.5 * werkplekken * 10';
		const args = ['key', expression, '--scenario', 'scenarios/servicepunt71', '--year', '2024', '--format', 'json'];
		const run = spawnSync(process.execPath, ['packages/model/bin/sp71.js', ...args], { cwd: root, encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('"leiden"');
	});

	it('computes a variant with a formula key as a real process, given its scenario.yaml', () => {
		// The variant alone holds the formula key, in the folder's variants/ beside the file given.
		const copy = join(folder, 'formula-variant');
		cpSync(join(root, 'scenarios', 'duivenvoorde'), copy, { recursive: true });
		const file = join(copy, 'variants', 'sleutel-inwoners.yaml');
		const text = readFileSync(file, 'utf8');
		writeFileSync(
			file,
			text.replace('{ type: driver, driver: inwoners,', '{ type: formula, expression: "inwoners * 1",')
		);
		expect(readFileSync(file, 'utf8')).toContain('type: formula');
		const args = ['run', join(copy, 'scenario.yaml'), '--variant', 'sleutel-inwoners', '--format', 'json'];
		const run = spawnSync(process.execPath, ['packages/model/bin/sp71.js', ...args], { cwd: root, encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		// The same shares as the key on inhabitants it replaces.
		const driver = spawnSync(
			process.execPath,
			[
				'packages/model/bin/sp71.js',
				'run',
				'scenarios/duivenvoorde',
				'--variant',
				'sleutel-inwoners',
				'--format',
				'json'
			],
			{ cwd: root, encoding: 'utf8' }
		);
		expect(JSON.parse(run.stdout).rows).toEqual(JSON.parse(driver.stdout).rows);
	});

	it('works as a real `npx sp71` process from the repository root', () => {
		const run = spawnSync('npx', ['sp71', 'allocate', example, '--format', 'json'], { cwd: root, encoding: 'utf8' });
		expect(run.status).toBe(0);
		expect(JSON.parse(run.stdout)).toMatchObject({ recipientTotals: { Machining: '1109506.63' } });
	});
});

describe('sp71 validate', () => {
	it('accepts a valid problem with exit code 0 and a one-line summary', async () => {
		const { code, out } = await sp71('validate', example, '--lang', 'en');
		expect(code).toBe(0);
		expect(out).toContain('valid allocation problem (method reciprocal, 4 pools, 3 recipients)');
		expect((await sp71('validate', example)).out).toContain(
			'geldig verdeelprobleem (methode reciprocal, 4 kostenpools, 3 ontvangers)'
		);
	});

	it('rejects a file that is not a problem file kind it knows', async () => {
		const file = join(folder, 'notes.txt');
		writeFileSync(file, 'hello');
		const { code, out } = await sp71('validate', file);
		expect(code).toBe(1);
		expect(out).toContain('[unknown_file_kind]');
	});
});

describe('sp71 edge cases', () => {
	it('checks a problem as reciprocal with --method and prints warnings without failing', async () => {
		const file = join(folder, 'serves-only-pools.json');
		writeFileSync(
			file,
			JSON.stringify({
				pools: [
					{ id: 'a', cost: '5.00', drivers: { b: 1 } },
					{ id: 'b', cost: '5.00', drivers: { a: 1, x: 0 } }
				],
				recipients: ['x']
			})
		);
		const direct = await sp71('validate', file, '--lang', 'en');
		expect(direct.code).toBe(0);
		expect(direct.out).toMatch(/^warning: pools\[0\]\.drivers: .*\[unallocated_cost\]$/m);
		const reciprocal = await sp71('validate', file, '--method', 'reciprocal');
		expect(reciprocal.code).toBe(1);
		expect(reciprocal.out).toMatch(/^pools\[0\]\.drivers: .*\[singular_system\]$/m);
	});

	it('quotes ids with commas or quotes in CSV', async () => {
		const file = join(folder, 'odd-ids.json');
		const problem = {
			pools: [{ id: 'ICT, "shared"', cost: '1.00', drivers: { 'Leiden, stad': 1 } }],
			recipients: ['Leiden, stad']
		};
		writeFileSync(file, JSON.stringify(problem));
		const { out } = await sp71('allocate', file, '--format', 'csv');
		expect(out).toContain('allocation,"ICT, ""shared""","Leiden, stad",1.00');
	});
});
