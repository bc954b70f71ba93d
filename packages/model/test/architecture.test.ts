// The floors of the model are enforced by lint: every folder has a rule, the table has no upward
// or circular arrow, and the rule really fails on an upward import (and passes a downward one).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../layers.js';
import { ROOT } from './scenario/helpers.ts';

const SRC = join(ROOT, 'packages/model/src');
const table = LAYERS as Record<string, readonly string[]>;
const folders = Object.keys(table);
const eslint = new ESLint({ cwd: ROOT });

async function importErrors(from: string, target: string): Promise<string[]> {
	const depth = from.split('/').length;
	const code = `import { x } from '${'../'.repeat(depth)}${target}';\nexport const y = x;\n`;
	const [result] = await eslint.lintText(code, { filePath: join(SRC, from, 'probe.ts') });
	return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer table', () => {
	it('covers every folder of packages/model/src', () => {
		const actual = readdirSync(SRC, { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => entry.name)
			.sort();
		expect(actual).toEqual([...folders].sort());
	});

	it('only lets a folder import folders listed before it (no upward or circular arrow)', () => {
		folders.forEach((folder, index) => {
			for (const allowed of table[folder]!)
				expect(folders.indexOf(allowed), `${folder} → ${allowed}`).toBeLessThan(index);
		});
	});
});

describe('the lint rule', () => {
	it('fails on every import a folder may not make', async () => {
		for (const folder of folders)
			for (const other of folders.filter((f) => f !== folder && !table[folder]!.includes(f))) {
				const errors = await importErrors(folder, `${other}/module.ts`);
				expect(errors, `${folder} → ${other}`).toHaveLength(1);
				expect(errors[0]).toContain(`${folder}/ may import only`);
			}
	});

	it('fails on the scenario format importing the computation, and from a nested folder too', async () => {
		expect(await importErrors('scenario', 'legal-form/run.ts')).toHaveLength(1);
		expect(await importErrors('legal-form/keys', 'facade/load.ts')).toHaveLength(1);
	});

	it('fails on an import of the public index from inside the model', async () => {
		expect(await importErrors('compare', 'index.ts')).toHaveLength(1);
	});

	it('passes every import a folder may make', async () => {
		for (const folder of folders)
			for (const allowed of table[folder]!) expect(await importErrors(folder, `${allowed}/module.ts`)).toEqual([]);
	});
});
