// The published JSON Schemas (schema/scenario.schema.json, schema/variant.schema.json) match the zod
// schemas they are generated from, accept the reference scenario, its variants and the fixtures,
// and reject shape errors an editor should flag.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scenarioJsonSchemas } from '../../src/scenario/schema.ts';
import { FIXTURES, ROOT, twoTownsRaw } from './helpers.ts';

const read = (name: string) =>
	JSON.parse(readFileSync(join(ROOT, 'packages/model/schema', name), 'utf8')) as Record<string, unknown>;
const published = { scenario: read('scenario.schema.json'), variant: read('variant.schema.json') };
const scenarioValidator = z.fromJSONSchema(published.scenario as Parameters<typeof z.fromJSONSchema>[0]);
const variantValidator = z.fromJSONSchema(published.variant as Parameters<typeof z.fromJSONSchema>[0]);
const yaml = (file: string) => parse(readFileSync(file, 'utf8'), { version: '1.2' }) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const referenceDirs = readdirSync(join(ROOT, 'scenarios'), { withFileTypes: true })
	.filter((e) => e.isDirectory() && existsSync(join(ROOT, 'scenarios', e.name, 'scenario.yaml')))
	.map((e) => join(ROOT, 'scenarios', e.name));

describe('the published scenario JSON Schemas', () => {
	it('are the ones generated from the zod schemas (regenerate with packages/model/schema/generate-scenario.ts)', () => {
		const generated = JSON.parse(JSON.stringify(scenarioJsonSchemas()));
		expect(published.scenario).toEqual(generated.scenario);
		expect(published.variant).toEqual(generated.variant);
	});

	it('accept every reference scenario and its variants', () => {
		expect(referenceDirs.length).toBeGreaterThan(0);
		for (const dir of referenceDirs) {
			const r = scenarioValidator.safeParse(yaml(join(dir, 'scenario.yaml')));
			expect(r.success, `${dir}: ${JSON.stringify(r.error?.issues.slice(0, 3))}`).toBe(true);
			const variants = join(dir, 'variants');
			if (!existsSync(variants)) continue;
			for (const f of readdirSync(variants).filter((f) => f.endsWith('.yaml'))) {
				const v = variantValidator.safeParse(yaml(join(variants, f)));
				expect(v.success, `${f}: ${JSON.stringify(v.error?.issues.slice(0, 3))}`).toBe(true);
			}
		}
	});

	it('accept the test fixtures', () => {
		for (const f of ['two-towns.yaml', 'support-pool.yaml'])
			expect(scenarioValidator.safeParse(yaml(join(FIXTURES, f))).success, f).toBe(true);
	});

	it('constrain the dates of a dated series to YYYY-MM-DD (propertyNames, which editors check)', () => {
		expect(JSON.stringify(published.scenario)).toContain('"pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}$"');
	});

	it.each([
		['money as a bare number', (r: any) => (r.pools[0].cost['2021-01-01'].value = 1000.5)], // eslint-disable-line @typescript-eslint/no-explicit-any
		['a leaf without basis', (r: any) => delete r.pools[0].cost['2021-01-01'].basis], // eslint-disable-line @typescript-eslint/no-explicit-any
		['an unknown field', (r: any) => (r.pools[0].colour = 'red')], // eslint-disable-line @typescript-eslint/no-explicit-any
		['an unknown key type', (r: any) => (r.pools[1].key['2021-01-01'] = { type: 'lottery' })], // eslint-disable-line @typescript-eslint/no-explicit-any
		['an unknown method', (r: any) => (r.allocation['2021-01-01'].method = 'magic')] // eslint-disable-line @typescript-eslint/no-explicit-any
	])('reject %s', (_name, mutate) => {
		const raw = twoTownsRaw();
		mutate(raw);
		expect(scenarioValidator.safeParse(raw).success).toBe(false);
	});
});
