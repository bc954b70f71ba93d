// The published form of @sp71/model as a researcher gets it: `npm pack` the package, install the
// tarball in an empty folder, import it from plain Node and from TypeScript compiled with
// `module: nodenext` (types must not degrade: `Decimal` stays a real type), and run its `sp71`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../scenario/helpers.ts';

const MODEL = join(ROOT, 'packages/model');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let work = '';
let consumer = '';

function run(command: string, args: string[], cwd: string): string {
	return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'sp71-pack-'));
	// `npm pack` runs the package's `prepare` (the build) first, so the tarball holds a fresh dist/.
	run('npm', ['pack', '--silent', '--pack-destination', work], MODEL);
	const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack wrote no tarball');
	consumer = join(work, 'consumer');
	mkdirSync(consumer);
	writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
	run(
		'npm',
		['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', join(work, tarball)],
		consumer
	);
}, 240_000);

afterAll(() => {
	if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('the packed tarball installed in an empty folder', () => {
	it('ships the built JavaScript, declarations, schemas and licence, and no tests', () => {
		const listing = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], MODEL);
		const files = (JSON.parse(listing) as [{ files: { path: string }[] }])[0].files.map((f) => f.path);
		expect(files).toContain('dist/index.js');
		expect(files).toContain('dist/index.d.ts');
		expect(files).toContain('schema/scenario.schema.json');
		expect(files).toContain('LICENSE');
		expect(files.filter((f) => f.endsWith('.test.ts'))).toEqual([]);
	});

	it('imports from plain Node and allocates exactly', () => {
		const script = `
			const m = await import('@sp71/model');
			const parts = m.allocateByWeights(m.toDecimal('100.00'), { a: 1, b: 1, c: 1 });
			const schema = await import('@sp71/model/schema/scenario.schema.json', { with: { type: 'json' } });
			const pkg = await import('@sp71/model/package.json', { with: { type: 'json' } });
			console.log(JSON.stringify({ keys: Object.keys(m).length, parts: Object.fromEntries([...parts].map(([k, v]) => [k, v.toFixed(2)])), schema: typeof schema.default, version: pkg.default.version }));`;
		const out = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], consumer));
		expect(out.keys).toBeGreaterThan(40);
		expect(out.parts).toEqual({ a: '33.34', b: '33.33', c: '33.33' });
		expect(out.schema).toBe('object');
		expect(out.version).toMatch(/^\d+\.\d+\.\d+/);
	});

	it('compiles a TypeScript consumer with module nodenext, with Decimal a real type', () => {
		writeFileSync(
			join(consumer, 'tsconfig.json'),
			JSON.stringify({
				compilerOptions: {
					module: 'nodenext',
					moduleResolution: 'nodenext',
					target: 'es2022',
					strict: true,
					skipLibCheck: false,
					types: [],
					outDir: 'out'
				},
				files: ['use.ts']
			})
		);
		writeFileSync(
			join(consumer, 'use.ts'),
			[
				"import { Decimal, toDecimal, allocateByWeights, type Scenario, type RunResult } from '@sp71/model';",
				"const amount: Decimal = toDecimal('12.30').plus(new Decimal('0.70'));",
				'const parts = allocateByWeights(amount, { a: 1, b: 3 });',
				'// @ts-expect-error a string is not a Decimal, so Decimal is not `any`',
				"const wrong: Decimal = 'not a decimal';",
				'export type Used = [Scenario, RunResult, typeof wrong];',
				"console.log(amount.toFixed(2), parts.get('a')?.toFixed(2), parts.get('b')?.toFixed(2));"
			].join('\n')
		);
		run(process.execPath, [tsc, '-p', 'tsconfig.json'], consumer);
		expect(run(process.execPath, [join('out', 'use.js')], consumer).trim()).toBe('13.00 3.25 9.75');
	});

	it('runs its sp71 command from the built JavaScript', () => {
		const version = run(join(consumer, 'node_modules', '.bin', 'sp71'), ['--version'], consumer).trim();
		expect(version).toMatch(/^\d+\.\d+\.\d+$/);
		const help = run(join(consumer, 'node_modules', '.bin', 'sp71'), ['--help'], consumer);
		expect(help).toMatch(/Usage: sp71 <command>/);
	});
});
