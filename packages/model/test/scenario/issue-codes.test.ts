// The scenario issue codes: the typed table in the model and the table in docs/scenario-format.md list
// the same codes, every code has a meaning, and the codes the model writes in its sources are in the table.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_ISSUE_CODES } from '../../src/scenario/issue-codes.ts';
import { ROOT } from './helpers.ts';

const codes = Object.keys(SCENARIO_ISSUE_CODES).sort();

/** The codes in the first column of the table under "## Issue codes". */
function documentedCodes(): string[] {
	const doc = readFileSync(join(ROOT, 'docs/scenario-format.md'), 'utf8');
	const section = doc.slice(doc.indexOf('## Issue codes'), doc.indexOf('\n## ', doc.indexOf('## Issue codes') + 1));
	return [...section.matchAll(/^\| `([a-z_]+)`/gm)].map((m) => m[1]!).sort();
}

/** Every file of the model's scenario-facing floors (the engine's problem format has its own table). */
function sources(): string[] {
	const src = join(ROOT, 'packages/model/src');
	return ['scenario', 'legal-form', 'facade'].flatMap((folder) =>
		readdirSync(join(src, folder), { recursive: true, encoding: 'utf8' })
			.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
			.map((f) => readFileSync(join(src, folder, f), 'utf8'))
	);
}

describe('scenario issue codes', () => {
	it('are all documented in docs/scenario-format.md, and the doc lists no other', () => {
		expect(documentedCodes()).toEqual(codes);
	});

	it('each have a meaning', () => {
		for (const [code, meaning] of Object.entries(SCENARIO_ISSUE_CODES))
			expect(meaning.length, code).toBeGreaterThan(10);
	});

	it('include every code the scenario floors write', () => {
		const written = new Set<string>();
		for (const text of sources()) {
			for (const m of text.matchAll(/\b(?:issue|add)\(\s*'([a-z_]+)'/g)) written.add(m[1]!);
			for (const m of text.matchAll(/\bcode: '([a-z_]+)'/g)) written.add(m[1]!);
		}
		expect(written.size).toBeGreaterThan(30);
		for (const code of written) expect(codes, code).toContain(code);
	});
});
