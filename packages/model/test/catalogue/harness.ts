// The bad-input catalogue's runner: each case in cases.yaml is a hostile or odd input (inline text,
// a file in files/, a JSON-pointer patch of a valid fixture, a generated large input, or one cell
// of a wrong-type matrix) together with the issue it must produce, as code and path. Every case is
// run through the library and through the `sp71` command it belongs to, in-process.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { expect } from 'vitest';
import { makeIssue, type Issue } from '../../src/domain/issue.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { evaluateKeyFormula } from '../../src/legal-form/key-preview.ts';
// The package entry installs the formula parser; a test that imports modules directly does so itself.
import '../../src/scenario/formula-parser.ts';
import { guessMappings } from '../../src/import/mapping.ts';
import { previewImport } from '../../src/import/preview.ts';
import { readSpreadsheet } from '../../src/import/read.ts';
import { readProblem } from '../../src/problem/validate.ts';
import { parseJson } from '../../src/problem/json.ts';
import { validateGame } from '../../src/game/index.ts';
import { loadScenarioFromTexts, resolveVariant } from '../../src/facade/load.ts';
import { tryRunScenario } from '../../src/legal-form/run.ts';
import { comparabilityIssues, compare } from '../../src/compare/compare.ts';
import type { RunResult } from '../../src/domain/result.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(HERE, '../fixtures');

export type Target = 'problem' | 'scenario' | 'variant' | 'formula' | 'import' | 'url' | 'link' | 'upload' | 'game';

export interface CatalogueCase {
	readonly id: string;
	readonly category: string;
	readonly target: Target;
	readonly title: string;
	/** The issue the case must produce (among others). */
	readonly code: string;
	readonly path: string;
	/** 'warning' when the input is accepted with this warning. */
	readonly severity?: 'error' | 'warning';
	readonly text?: string;
	readonly file?: string;
	readonly base?: string;
	readonly patch?: readonly Patch[];
	readonly generate?: { readonly kind: string; readonly size: number };
	/** Extra CLI arguments (e.g. --method reciprocal). */
	readonly args?: readonly string[];
	/** For formula cases: the year. */
	readonly year?: number;
	/** Only these of the target's commands (a variant that cannot be compared is valid for `validate`). */
	readonly commands?: readonly string[];
}

export type Patch =
	| { readonly op: 'set'; readonly at: string; readonly value: unknown }
	| { readonly op: 'delete'; readonly at: string }
	| { readonly op: 'rename'; readonly at: string; readonly to: string }
	| { readonly op: 'replace-text'; readonly find: string; readonly with: string };

interface Matrix {
	readonly matrix: true;
	readonly category: string;
	readonly target: 'scenario';
	readonly base: string;
	readonly types: readonly string[];
	readonly fields: readonly {
		readonly at: string;
		readonly code: string;
		readonly path: string;
		readonly codes?: Readonly<Record<string, string>>;
		readonly skip?: readonly string[];
	}[];
}

const WRONG_VALUES: Readonly<Record<string, unknown>> = {
	object: { wrong: 1 },
	array: [1],
	null: null,
	boolean: true,
	number: 12,
	string: 'abc'
};

/** A text that is only a path or an id reads the same in both languages. */
const PATH_OR_ID = /^[\w.[\]="'-]*$/;

/** Fail unless the issue carries its text in Dutch, different from the English unless it is only a path or id. */
export function expectDutchText(issue: Issue): void {
	const where = `${issue.code} at "${issue.path}": ${issue.message}`;
	expect(issue.messages, `no Dutch text for ${where}`).toBeDefined();
	expect(issue.messages!.en, where).toBe(issue.message);
	expect(issue.messages!.nl.length, where).toBeGreaterThan(0);
	if (!PATH_OR_ID.test(issue.message))
		expect(issue.messages!.nl, `Dutch equals English for ${where}`).not.toBe(issue.messages!.en);
}

/** Every case of cases.yaml, with the wrong-type matrix expanded into one case per field and type. */
export function loadCatalogue(): CatalogueCase[] {
	const raw = ['cases.yaml', 'game-cases.yaml'].flatMap(
		(file) => parse(readFileSync(join(HERE, file), 'utf8')) as (CatalogueCase | Matrix)[]
	);
	const out: CatalogueCase[] = [];
	for (const entry of raw) {
		if (!('matrix' in entry)) {
			out.push(entry);
			continue;
		}
		for (const field of entry.fields)
			for (const type of entry.types) {
				if (field.skip?.includes(type)) continue;
				out.push({
					id: `wrong-type${field.at.replace(/\//g, '.')}-${type}`,
					category: entry.category,
					target: entry.target,
					title: `${field.at} given ${type === 'object' || type === 'array' ? `an ${type}` : `a ${type}`}`,
					code: field.codes?.[type] ?? field.code,
					path: field.path,
					base: entry.base,
					patch: [{ op: 'set', at: field.at, value: WRONG_VALUES[type] }]
				});
			}
	}
	return out;
}

function pointer(at: string): string[] {
	return at
		.split('/')
		.slice(1)
		.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Apply patches to plain data (in place). */
function applyPatch(data: unknown, patch: Patch): void {
	if (patch.op === 'replace-text') return;
	const segments = pointer(patch.at);
	let at = data as Record<string, unknown>;
	for (const s of segments.slice(0, -1)) at = at[s] as Record<string, unknown>;
	const last = segments[segments.length - 1]!;
	if (patch.op === 'set')
		Object.defineProperty(at, last, { value: patch.value, enumerable: true, writable: true, configurable: true });
	else if (patch.op === 'delete') delete at[last];
	else {
		const entries = Object.entries(at).map(([k, v]) => [k === last ? patch.to : k, v] as const);
		for (const k of Object.keys(at)) delete at[k];
		for (const [k, v] of entries)
			Object.defineProperty(at, k, { value: v, enumerable: true, writable: true, configurable: true });
	}
}

/** A generated large input (kept out of the repository): deep nesting, many pools, long expressions. */
function generated(kind: string, size: number): string {
	switch (kind) {
		case 'deep-json-scenario':
			return `{"format":"sp71-scenario/1","description":${'['.repeat(size)}${']'.repeat(size)}}`;
		case 'deep-yaml-scenario':
			return `format: sp71-scenario/1\nnotes: ${'['.repeat(size)}${']'.repeat(size)}\n`;
		case 'deep-json-problem':
			return `{"pools":[],"recipients":["a"],"title":${'{"x":'.repeat(size)}1${'}'.repeat(size)}}`;
		case 'many-pools-problem': {
			const pools = Array.from({ length: size }, (_, i) => `{"id":"p${i}","cost":"1.00","drivers":{"north":1}}`);
			return `{"pools":[${pools.join(',')}],"recipients":["north"]}`;
		}
		case 'many-issues-problem': {
			const pools = Array.from({ length: size }, (_, i) => `{"id":"p${i}","cost":-1,"drivers":{"north":1}}`);
			return `{"pools":[\n${pools.join(',\n')}\n],"recipients":["north"]}`;
		}
		case 'reciprocal-ring-problem': {
			const pools = Array.from(
				{ length: size },
				(_, i) => `{"id":"p${i}","cost":"1.00","drivers":{"p${(i + 1) % size}":1,"north":1}}`
			);
			return `{"method":"reciprocal","pools":[${pools.join(',')}],"recipients":["north"]}`;
		}
		case 'huge-file-scenario':
			return `format: sp71-scenario/1\n# ${'x'.repeat(size)}\n`;
		case 'long-formula':
			return Array.from({ length: Math.ceil(size / 12) }, () => 'inwoners + 1').join(' + ');
		case 'deep-parentheses':
			return `${'('.repeat(size)}inwoners${')'.repeat(size)}`;
		case 'alias-bomb':
			return [
				'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
				...Array.from({ length: size }, (_, i) => {
					const name = String.fromCharCode(98 + i);
					const prev = String.fromCharCode(97 + i);
					return `${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`;
				})
			].join('\n');
		case 'long-link':
			return `z1.${'A'.repeat(size)}`;
		case 'huge-csv':
			return `Gemeente;2021\n${'Leiden;1\n'.repeat(size)}`;
	}
	throw new Error(`unknown generator ${kind}`);
}

/** The input of a case as bytes, and the file name it is tried under. */
export function materialise(c: CatalogueCase): { bytes: Uint8Array; name: string } {
	const ext =
		c.target === 'upload'
			? 'yaml' // the app reads an upload's text whatever its name
			: c.target === 'problem' || c.target === 'game'
				? 'json'
				: c.target === 'import'
					? (c.file?.split('.').pop() ?? 'csv')
					: c.target === 'formula' || c.target === 'link'
						? 'txt'
						: c.file
							? c.file.split('.').pop()!
							: 'yaml';
	// Import cases keep their file's name: it is the sheet name in the cell addresses they expect.
	const name = c.target === 'import' && c.file ? c.file : `${c.id}.${ext}`;
	if (c.file) return { bytes: new Uint8Array(readFileSync(join(HERE, 'files', c.file))), name };
	if (c.generate) return { bytes: new TextEncoder().encode(generated(c.generate.kind, c.generate.size)), name };
	if (c.patch) {
		const base = readFileSync(join(FIXTURES, c.base ?? 'two-towns.yaml'), 'utf8');
		// Text replacements alone work on the fixture as written (its quoting and layout).
		if (c.patch.every((p) => p.op === 'replace-text')) {
			let text = base;
			for (const p of c.patch) if (p.op === 'replace-text') text = text.split(p.find).join(p.with);
			return { bytes: new TextEncoder().encode(text), name };
		}
		const data = c.base?.endsWith('.json') ? JSON.parse(base) : parse(base, { version: '1.2' });
		for (const p of c.patch) applyPatch(data, p);
		let text = c.base?.endsWith('.json') ? JSON.stringify(data, null, 2) : stringify(data, { lineWidth: 0 });
		for (const p of c.patch) if (p.op === 'replace-text') text = text.split(p.find).join(p.with);
		return { bytes: new TextEncoder().encode(text), name };
	}
	return { bytes: new TextEncoder().encode(c.text ?? ''), name };
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
let twoTowns: Scenario | undefined;
/** The valid two-towns fixture, the scenario variants, formulas, imports and links are tried against. */
export function baseScenario(): Scenario {
	if (twoTowns) return twoTowns;
	const r = loadScenarioFromTexts({
		scenario: readFileSync(join(FIXTURES, 'two-towns.yaml'), 'utf8'),
		file: 'two-towns.yaml'
	});
	if (!r.ok) throw new Error('two-towns fixture invalid');
	return (twoTowns = r.value);
}

/** Run a case through the library: every issue (errors and warnings) it produces. */
export async function libraryIssues(c: CatalogueCase): Promise<readonly Issue[]> {
	const { bytes, name } = materialise(c);
	switch (c.target) {
		case 'problem': {
			const method = c.args?.[c.args.indexOf('--method') + 1] as 'reciprocal' | undefined;
			const r = readProblem(decode(bytes), method && c.args?.includes('--method') ? { method } : {});
			return r.ok ? (r.warnings ?? []) : r.issues;
		}
		case 'scenario':
		case 'upload': {
			const text = decode(bytes);
			const isVariant = /sp71-scenario-variant\//.test(text);
			const r = isVariant
				? loadScenarioFromTexts({
						scenario: readFileSync(join(FIXTURES, 'two-towns.yaml'), 'utf8'),
						file: 'two-towns.yaml',
						variants: { [`variants/${name}`]: text }
					})
				: loadScenarioFromTexts({ scenario: text, file: name });
			if (!r.ok) return r.issues;
			return [...(r.warnings ?? []), ...(await runAll(r.value))];
		}
		case 'variant': {
			const r = loadScenarioFromTexts({
				scenario: readFileSync(join(FIXTURES, c.base ?? 'two-towns.yaml'), 'utf8'),
				file: 'two-towns.yaml',
				variants: { [`variants/${name}`]: decode(bytes) }
			});
			if (!r.ok) return r.issues;
			return [...(r.warnings ?? []), ...(await runAll(r.value))];
		}
		case 'formula': {
			const r = evaluateKeyFormula(baseScenario(), decode(bytes), c.year ?? 2022);
			return r.ok ? [] : r.issues;
		}
		case 'import': {
			const wb = await readSpreadsheet(bytes, name);
			if (!wb.ok) return wb.issues;
			const p = previewImport(wb.value, baseScenario(), guessMappings(wb.value, baseScenario()));
			return [...(wb.warnings ?? []), ...p.issues];
		}
		case 'url': {
			// A link's edits are scenario changes: the app applies them with the model, as a variant.
			let changes: unknown;
			try {
				changes = JSON.parse(decode(bytes));
			} catch {
				return [
					makeIssue('invalid_link', 'c', {
						en: 'the edits in the link cannot be read',
						nl: 'de wijzigingen in de link zijn niet te lezen'
					})
				];
			}
			const r = resolveVariant(baseScenario(), null, changes as never);
			if (!r.ok) return r.issues;
			const run = tryRunScenario(r.value);
			return run.ok ? [] : run.issues;
		}
		case 'link': {
			// The edits parameter of a shared link, read as the app reads it (then applied like 'url').
			const { decodeChanges } = await import('../../../ui/src/lib/state/url.ts');
			const decoded = decodeChanges(decode(bytes));
			if (!decoded.ok) return [makeIssue(decoded.code ?? 'invalid_link', 'c', decoded.messages)];
			const r = resolveVariant(baseScenario(), null, decoded.value as never);
			return r.ok ? [] : r.issues;
		}
		case 'game': {
			const parsed = parseJson(decode(bytes));
			const game = parsed.ok ? validateGame(parsed.value.value, { positions: parsed.value.positions }) : parsed;
			return game.ok ? [] : game.issues;
		}
	}
}

/** Run every variant of a loaded scenario and compare it with its baseline; the issues found. */
async function runAll(s: Scenario): Promise<Issue[]> {
	const issues: Issue[] = [];
	const base = tryRunScenario(s);
	if (!base.ok) issues.push(...base.issues);
	for (const v of s.variants) {
		const r = resolveVariant(s, v.id);
		if (!r.ok) {
			issues.push(...r.issues);
			continue;
		}
		const run = tryRunScenario(r.value);
		if (!run.ok) {
			issues.push(...run.issues);
			continue;
		}
		// A comparison that cannot be made must be an issue, never a crash: a throw here fails the case.
		if (base.ok) issues.push(...comparisonIssues(base.value, run.value));
	}
	return issues;
}

/** The issues of comparing a variant with its baseline (none when the comparison is made). */
function comparisonIssues(base: RunResult, variant: RunResult): Issue[] {
	const issues = comparabilityIssues(base, variant);
	if (issues.length === 0) compare(base, variant);
	return issues;
}

const folder = mkdtempSync(join(tmpdir(), 'sp71-bad-inputs-'));

/** The `sp71` commands a case is tried with. */
export function commandsFor(c: CatalogueCase, file: string): string[][] {
	const all = targetCommands(c, file);
	return c.commands ? all.filter((argv) => c.commands!.includes(argv[0]!)) : all;
}

function targetCommands(c: CatalogueCase, file: string): string[][] {
	const args = c.args ?? [];
	switch (c.target) {
		case 'problem':
			return [
				['validate', file, ...args],
				['allocate', file, ...args]
			];
		case 'scenario':
		case 'upload':
			return [
				['validate', file],
				['run', file]
			];
		case 'variant':
			return [
				['validate', dirname(dirname(file))],
				['compare', dirname(dirname(file)), '--variant', variantId(file)]
			];
		case 'formula':
			return [
				[
					'key',
					readFileSync(file, 'utf8'),
					'--scenario',
					join(FIXTURES, 'two-towns.yaml'),
					'--year',
					String(c.year ?? 2022)
				]
			];
		case 'import':
			return [['import', file, '--into', join(FIXTURES, 'two-towns.yaml'), '--dry-run']];
		case 'game':
			return [
				['validate', file],
				['game', file]
			];
		default:
			return [];
	}
}

function variantId(file: string): string {
	const m = /^id:\s*(\S+)/m.exec(readFileSync(file, 'utf8'));
	return m?.[1] ?? 'missing';
}

/** Write a case to disk as the CLI reads it; returns the path to give. */
export function writeCase(c: CatalogueCase): string {
	const { bytes, name } = materialise(c);
	if (c.target === 'variant') {
		const dir = join(folder, c.id);
		mkdirSync(join(dir, 'variants'), { recursive: true });
		writeFileSync(join(dir, 'scenario.yaml'), readFileSync(join(FIXTURES, c.base ?? 'two-towns.yaml')));
		writeFileSync(join(dir, 'variants', name), bytes);
		return join(dir, 'variants', name);
	}
	const file = join(folder, name);
	writeFileSync(file, bytes);
	return file;
}

/** Run one command in-process: exit code and everything printed. */
export async function runCli(argv: readonly string[]): Promise<{ code: number; output: string }> {
	const io = memoryIo(folder);
	const code = await main(argv, io);
	return { code, output: io.out() + io.err() };
}
