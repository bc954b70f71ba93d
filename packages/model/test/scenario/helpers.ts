// Test helpers: the two-towns fixture as plain data, loaded scenarios, and every scenario in scenarios/.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { formatIssues, loadScenarioFromTexts, resolveVariant, type Scenario } from '../../src/index.ts';
import { loadScenarioPath } from './load-path.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const FIXTURES = resolve(ROOT, 'packages/model/test/fixtures');

/** The two-towns fixture as plain data (a fresh copy each call). */
export function twoTownsRaw(): Record<string, unknown> {
	return parse(readFileSync(join(FIXTURES, 'two-towns.yaml'), 'utf8'), { version: '1.2' }) as Record<string, unknown>;
}

/** Load plain data as a scenario (through YAML text, as a user would). */
export function loadRaw(raw: unknown) {
	return loadScenarioFromTexts({ scenario: stringify(raw), file: 'test.yaml' });
}

/** Load, or throw with the issues. */
export function mustLoad(raw: unknown): Scenario {
	const r = loadRaw(raw);
	if (!r.ok) throw new Error(formatIssues(r.issues));
	return r.value;
}

/** Resolve a variant, or throw with the issues. */
export function mustResolve(s: Scenario, variant: string | null): Scenario {
	const r = resolveVariant(s, variant);
	if (!r.ok) throw new Error(formatIssues(r.issues));
	return r.value;
}

/** Every scenario in scenarios/ (folders with scenario.yaml), plus the test fixtures. */
export function allScenarios(): { name: string; scenario: Scenario }[] {
	const out: { name: string; scenario: Scenario }[] = [];
	const dir = join(ROOT, 'scenarios');
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (!entry.isDirectory() || !existsSync(join(dir, entry.name, 'scenario.yaml'))) continue;
		const r = loadScenarioPath(join(dir, entry.name));
		if (!r.ok) throw new Error(`scenarios/${entry.name}:\n${formatIssues(r.issues)}`);
		out.push({ name: entry.name, scenario: r.value });
	}
	for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml') && !f.startsWith('invalid-'))) {
		const r = loadScenarioPath(join(FIXTURES, f));
		if (!r.ok) throw new Error(`fixtures/${f}:\n${formatIssues(r.issues)}`);
		out.push({ name: `fixture ${f.replace(/\.yaml$/, '')}`, scenario: r.value });
	}
	return out;
}
