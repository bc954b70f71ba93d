import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemJsonSchema } from '../../src/problem/schema.ts';
import { CATALOGUE, VALID_TEXT } from './catalogue.ts';

const published = JSON.parse(
	readFileSync(new URL('../../schema/problem.schema.json', import.meta.url), 'utf8')
) as Record<string, unknown>;
// zod 4 reads JSON Schema back into a validator (ajv is not a dependency).
const validator = z.fromJSONSchema(published as Parameters<typeof z.fromJSONSchema>[0]);
const examples = new URL('./examples/', import.meta.url);

describe('the published JSON Schema (schema/problem.schema.json)', () => {
	it('is the one generated from the zod schema (regenerate with packages/model/schema/generate.ts)', () => {
		expect(published).toEqual(JSON.parse(JSON.stringify(problemJsonSchema())));
	});

	it('accepts every example problem and the catalogue baseline', () => {
		for (const file of readdirSync(examples).filter((f) => f.endsWith('.json')))
			expect(validator.safeParse(JSON.parse(readFileSync(new URL(file, examples), 'utf8'))).success, file).toBe(true);
		expect(validator.safeParse(JSON.parse(VALID_TEXT)).success).toBe(true);
	});

	it('rejects the shape errors of the catalogue: money as a number, negative weights, unknown fields, forbidden keys', () => {
		const shapeErrors = CATALOGUE.filter(
			(c) =>
				!c.name.includes('too large') &&
				[
					'money_not_string',
					'negative_weight',
					'unknown_field',
					'unknown_method',
					'no_pools',
					'invalid_money',
					'negative_amount',
					'money_precision',
					'invalid_id',
					'invalid_weight'
				].includes(c.code)
		);
		expect(shapeErrors.length).toBeGreaterThanOrEqual(10);
		for (const c of shapeErrors) {
			const value = JSON.parse(c.text.replace('1e999', '"1e999x"')) as unknown;
			expect(validator.safeParse(value).success, c.name).toBe(false);
		}
	});

	it('rejects a constructor driver key', () => {
		const c = CATALOGUE.find((x) => x.path === 'pools[0].drivers.constructor')!;
		expect(validator.safeParse(JSON.parse(c.text)).success).toBe(false);
	});
});
