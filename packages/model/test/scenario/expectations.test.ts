// Runs the OpenFisca-style expectation files in scenarios/tests/*.yaml: each case names a scenario,
// an optional variant and inline changes, the expected outputs and an explicit absolute error margin.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMPONENTS, formatIssues, resolveVariant, runScenario, toDecimal, type Change } from '../../src/index.ts';
import { loadScenarioPath } from './load-path.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const testsDir = join(root, 'scenarios/tests');

interface Case {
	name: string;
	scenario: string;
	variant?: string | null;
	method?: 'direct' | 'step-down' | 'reciprocal';
	inputs?: Change[];
	absolute_error_margin: string;
	output: Record<string, Record<string, Record<string, string>>>;
}

const files = readdirSync(testsDir).filter((f) => f.endsWith('.yaml'));

describe.each(files)('scenarios/tests/%s', (file) => {
	const cases = parse(readFileSync(join(testsDir, file), 'utf8'), { version: '1.2' }) as Case[];
	it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
		expect(c.absolute_error_margin, 'every case states its error margin').toBeDefined();
		const loaded = loadScenarioPath(resolve(testsDir, c.scenario));
		if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
		const scenario = resolveVariant(loaded.value, c.variant ?? null, c.inputs ?? []);
		if (!scenario.ok) throw new Error(formatIssues(scenario.issues));
		const run = runScenario(scenario.value, c.method ? { method: c.method } : {});
		const margin = toDecimal(c.absolute_error_margin);
		let checked = 0;
		for (const [participant, years] of Object.entries(c.output)) {
			for (const [year, fields] of Object.entries(years)) {
				const row = run.rows.find((r) => r.participant === participant && r.year === Number(year));
				expect(row, `${participant} ${year}`).toBeDefined();
				for (const [field, expected] of Object.entries(fields)) {
					const actual =
						field === 'total'
							? row!.total
							: field.startsWith('pools.')
								? row!.pools[field.slice(6)]
								: (COMPONENTS as readonly string[]).includes(field)
									? row!.components[field as (typeof COMPONENTS)[number]]
									: undefined;
					expect(actual, `${participant} ${year} ${field}`).toBeDefined();
					const diff = toDecimal(actual!).minus(toDecimal(expected)).abs();
					expect(
						diff.lessThanOrEqualTo(margin),
						`${participant} ${year} ${field}: ${actual} vs ${expected} (margin ${c.absolute_error_margin})`
					).toBe(true);
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThan(0);
	});
});
