// The command line never sends raw control characters from the data to the terminal, and every
// command that computes a scenario prints its warnings (a misspelt field that is ignored) on stderr.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from './io.ts';
import { main } from './main.ts';
import { printable, printableCell } from './printable.ts';

const fixture = readFileSync(new URL('../../test/fixtures/two-towns.yaml', import.meta.url), 'utf8');
const folder = mkdtempSync(join(tmpdir(), 'sp71-printable-'));
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function write(name: string, text: string): string {
	const file = join(folder, name);
	writeFileSync(file, text);
	return file;
}

async function sp71(...args: string[]) {
	const io = memoryIo(folder);
	const code = await main(args, io);
	return { code, out: io.out(), err: io.err() };
}

describe('printable output', () => {
	it('escapes escape codes and other controls, keeps newlines and tabs in running text', () => {
		expect(printable('a\u001b[31mb\u0007c\n\td')).toBe('a\\u001b[31mb\\u0007c\n\td');
		expect(printableCell('Gr\u001b[2Joot\nX\tY')).toBe('Gr\\u001b[2Joot\\nX\\tY');
		expect(printable('€ 1.234,56 – Leiden')).toBe('€ 1.234,56 – Leiden');
	});

	it('shows a name with a newline and an escape code escaped in the run table, on its own line', async () => {
		const file = write(
			'name.yaml',
			fixture.replace('{ id: groot, name: Groot }', '{ id: groot, name: "Gr\\e[31moot\\nX" }')
		);
		const { code, out } = await sp71('run', file);
		expect(code).toBe(0);
		expect(out).not.toMatch(RAW_CONTROL);
		const header = out.split('\n').find((l) => l.startsWith('Jaar'))!;
		expect(header).toContain('Gr\\u001b[31moot\\nX');
		expect(header).toContain('Klein');
	});
});

describe('warnings in every command that computes', () => {
	const misspelt = fixture.replace('vatTaxableShare:', 'vatTaxablShare:');
	// Dutch unless --lang en, like every sentence the command line prints.
	const expected =
		'waarschuwing: misspelt.yaml: pools[id=ict].vatTaxablShare: onbekend veld "vatTaxablShare" wordt genegeerd';

	it('validate prints the warning with the verdict, and suggests the field meant', async () => {
		write('misspelt.yaml', misspelt);
		const { code, out } = await sp71('validate', 'misspelt.yaml');
		expect(code).toBe(0);
		expect(out).toContain(expected);
		expect(out).toContain('(bedoelt u "vatTaxableShare"?)');
		const english = await sp71('validate', 'misspelt.yaml', '--lang', 'en');
		expect(english.out).toContain(
			'warning: misspelt.yaml: pools[id=ict].vatTaxablShare: unknown field "vatTaxablShare" is ignored (did you mean "vatTaxableShare"?)'
		);
	});

	for (const argv of [
		['run', 'misspelt.yaml'],
		['run', 'misspelt.yaml', '--format', 'json'],
		['compare', 'misspelt.yaml', '--variant', 'centrum'],
		['explain', 'misspelt.yaml', '--participant', 'groot', '--year', '2022']
	])
		it(`${argv.join(' ')} prints it on stderr and still computes`, async () => {
			write('misspelt.yaml', misspelt);
			const { code, out, err } = await sp71(...argv);
			expect(code, err).toBe(0);
			expect(err).toContain(expected);
			expect(out).not.toContain('waarschuwing:');
			if (argv.includes('json')) expect(() => JSON.parse(out)).not.toThrow();
		});
});

describe('sp71 compare over another horizon or other participants', () => {
	const withVariants = fixture.replace(
		'  - id: empty\n    base: two-towns\n    changes: []',
		[
			'  - id: longer',
			'    base: two-towns',
			'    changes:',
			'      - { set: horizon, value: { from: 2021, to: 2026 } }',
			'  - id: third',
			'    base: two-towns',
			'    changes:',
			"      - { set: 'participants[id=derde]', value: { id: derde, name: Derde } }",
			"      - { set: drivers.inwoners.values.derde, value: { 2021-01-01: { value: '300', basis: estimate, note: x } } }"
		].join('\n')
	);

	it('refuses the comparison with not_comparable at horizon (exit 1), while run still runs the variant', async () => {
		const file = write('variants.yaml', withVariants);
		const refused = await sp71('compare', file, '--variant', 'longer');
		expect(refused.code).toBe(1);
		expect(refused.err).toMatch(
			/^horizon: de variant beslaat 2021–2026 en het basisscenario 2021–2024.*\[not_comparable\]$/m
		);
		const english = await sp71('compare', file, '--variant', 'longer', '--lang', 'en');
		expect(english.err).toMatch(
			/^horizon: the variant covers 2021–2026 and the baseline 2021–2024.*\[not_comparable\]$/m
		);
		expect(refused.err).not.toContain('internal error');
		const run = await sp71('run', file, '--variant', 'longer', '--format', 'json');
		expect(run.code).toBe(0);
		expect(JSON.parse(run.out).years).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
	});

	it('refuses the comparison with not_comparable at participants (exit 1)', async () => {
		const file = write('variants.yaml', withVariants);
		const refused = await sp71('compare', file, '--variant', 'third', '--format', 'json');
		expect(refused.code).toBe(1);
		expect(refused.out).toBe('');
		expect(refused.err).toMatch(/^participants: .*groot, klein, derde.*\[not_comparable\]$/m);
	});
});
