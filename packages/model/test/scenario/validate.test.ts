// Bad scenario input: every case reports its issue with a code and a path (and never throws).
import { describe, expect, it } from 'vitest';
import { loadScenarioFromTexts, parseScenarioText, validateScenario, type Issue } from '../../src/index.ts';
import { loadRaw, twoTownsRaw } from './helpers.ts';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function issuesOf(mutate: (raw: Raw) => void): readonly Issue[] {
	const raw = twoTownsRaw() as Raw;
	mutate(raw);
	const r = loadRaw(raw);
	return r.ok ? [] : r.issues;
}

const CASES: { name: string; mutate: (raw: Raw) => void; code: string; path: string }[] = [
	{
		name: 'a number without provenance',
		mutate: (r) => (r.pools[0].cost['2021-01-01'] = { value: '1000.00' }),
		code: 'missing_provenance',
		path: 'pools[id=ict].cost.2021-01-01'
	},
	{
		name: 'a bare number where a leaf is expected',
		mutate: (r) => (r.pools[0].cost['2021-01-01'] = '1000.00'),
		code: 'missing_provenance',
		path: 'pools[id=ict].cost.2021-01-01'
	},
	{
		name: 'money written as a float',
		mutate: (r) => (r.pools[0].cost['2021-01-01'].value = 1000.5),
		code: 'money_not_string',
		path: 'pools[id=ict].cost.2021-01-01.value'
	},
	{
		name: 'money written as a whole number (not a string)',
		mutate: (r) => (r.gr.ownerCosts.klein['2021-01-01'].value = 10),
		code: 'money_not_string',
		path: 'gr.ownerCosts.klein.2021-01-01.value'
	},
	{
		name: 'a measured value without a source',
		mutate: (r) => delete r.pools[0].cost['2021-01-01'].source,
		code: 'missing_provenance',
		path: 'pools[id=ict].cost.2021-01-01'
	},
	{
		name: 'an estimate without a note',
		mutate: (r) => delete r.pools[0].cost['2022-01-01'].note,
		code: 'missing_provenance',
		path: 'pools[id=ict].cost.2022-01-01'
	},
	{
		name: 'a source id that is not in sources',
		mutate: (r) => (r.pools[0].cost['2021-01-01'].source = 'nowhere'),
		code: 'unknown_source',
		path: 'pools[id=ict].cost.2021-01-01.source'
	},
	{
		name: 'a date that does not exist',
		mutate: (r) => (r.pools[1].cost = { '2021-02-30': r.pools[1].cost['2021-01-01'] }),
		code: 'invalid_date',
		path: 'pools[id=hrm].cost.2021-02-30'
	},
	{
		name: 'a key naming an unknown driver',
		mutate: (r) => (r.pools[1].key['2021-01-01'] = { type: 'driver', driver: 'werkplekken' }),
		code: 'unknown_driver',
		path: 'pools[id=hrm].key.2021-01-01.driver'
	},
	{
		name: 'fixed shares for an unknown recipient',
		mutate: (r) => (r.pools[0].key['2021-01-01'].shares.elders = '10'),
		code: 'unknown_recipient',
		path: 'pools[id=ict].key.2021-01-01.shares.elders'
	},
	{
		name: 'a pool serving itself',
		mutate: (r) => (r.pools[0].key['2021-01-01'].shares.ict = '10'),
		code: 'self_service',
		path: 'pools[id=ict].key.2021-01-01.shares.ict'
	},
	{
		name: 'owner costs for an unknown participant',
		mutate: (r) => (r.gr.ownerCosts.elders = r.gr.ownerCosts.klein),
		code: 'unknown_participant',
		path: 'gr.ownerCosts.elders'
	},
	{
		name: 'driver values for an unknown recipient',
		mutate: (r) => (r.drivers.inwoners.values.elders = r.drivers.inwoners.values.klein),
		code: 'unknown_recipient',
		path: 'drivers.inwoners.values.elders'
	},
	{
		name: 'a host that is not a participant',
		mutate: (r) => (r.centrumgemeente.host = 'elders'),
		code: 'unknown_participant',
		path: 'centrumgemeente.host'
	},
	{
		name: 'a __proto__ key',
		mutate: (r) => Object.defineProperty(r.pools[0], '__proto__', { value: { polluted: true }, enumerable: true }),
		code: 'forbidden_key',
		path: 'pools[0].__proto__'
	},
	{
		name: 'a constructor key among the sources',
		mutate: (r) => (r.sources.constructor = { title: 'x', url: 'https://x' }),
		code: 'forbidden_key',
		path: 'sources.constructor'
	},
	{
		name: 'a formula calling a function outside the whitelist',
		mutate: (r) => (r.pools[1].key['2021-01-01'] = { type: 'formula', expression: 'cos(inwoners)' }),
		code: 'formula_not_allowed',
		path: 'pools[id=hrm].key.2021-01-01.expression'
	},
	{
		name: 'a formula with an assignment',
		mutate: (r) => (r.pools[1].key['2021-01-01'] = { type: 'formula', expression: 'inwoners = 3' }),
		code: 'formula_not_allowed',
		path: 'pools[id=hrm].key.2021-01-01.expression'
	},
	{
		name: 'a formula that does not parse',
		mutate: (r) => (r.pools[1].key['2021-01-01'] = { type: 'formula', expression: 'inwoners *' }),
		code: 'formula_syntax',
		path: 'pools[id=hrm].key.2021-01-01.expression'
	},
	{
		name: 'a formula over a name that is not a driver',
		mutate: (r) => (r.pools[1].key['2021-01-01'] = { type: 'formula', expression: 'inwoners + staff' }),
		code: 'unknown_driver',
		path: 'pools[id=hrm].key.2021-01-01.expression'
	},
	{
		name: 'an unknown key type',
		mutate: (r) => (r.pools[1].key['2021-01-01'] = { type: 'lottery' }),
		code: 'invalid_key_type',
		path: 'pools[id=hrm].key.2021-01-01.type'
	},
	{
		name: 'fixed shares that sum to zero',
		mutate: (r) => (r.pools[0].key['2021-01-01'].shares = { groot: '0', klein: '0' }),
		code: 'driver_total_zero',
		path: 'pools[id=ict].key.2021-01-01.shares'
	},
	{
		name: 'a key with numbers but without provenance',
		mutate: (r) => (r.pools[0].key['2021-01-01'] = { type: 'fixed', shares: { groot: '1', klein: '1' } }),
		code: 'missing_provenance',
		path: 'pools[id=ict].key.2021-01-01'
	},
	{
		name: 'a cost that starts after the first year of the horizon',
		mutate: (r) => (r.pools[1].cost = { '2022-01-01': r.pools[1].cost['2021-01-01'] }),
		code: 'no_value_in_force',
		path: 'pools[id=hrm].cost'
	},
	{
		name: 'a value ended by null',
		mutate: (r) => (r.vat.rate['2022-01-01'] = null),
		code: 'no_value_in_force',
		path: 'vat.rate'
	},
	{
		name: 'an unknown allocation method',
		mutate: (r) => (r.allocation['2021-01-01'].method = 'magic'),
		code: 'unknown_method',
		path: 'allocation.2021-01-01.method'
	},
	{
		name: 'a step-down order naming an unknown pool',
		mutate: (r) => (r.allocation['2021-01-01'] = { method: 'step-down', order: ['ict', 'hrm', 'post'] }),
		code: 'unknown_pool',
		path: 'allocation.2021-01-01.order[2]'
	},
	{
		name: 'a step-down order that omits a pool',
		mutate: (r) => (r.allocation['2021-01-01'] = { method: 'step-down', order: ['ict'] }),
		code: 'incomplete_order',
		path: 'allocation.2021-01-01.order'
	},
	{
		name: 'two participants with the same id',
		mutate: (r) => r.participants.push({ id: 'klein', name: 'Klein again' }),
		code: 'duplicate_id',
		path: 'participants[2].id'
	},
	{
		name: 'a share above one',
		mutate: (r) => (r.vat.bcfCompensable.klein['2021-01-01'].value = '1.5'),
		code: 'out_of_range',
		path: 'vat.bcfCompensable.klein.2021-01-01.value'
	},
	{
		name: 'a negative cost',
		mutate: (r) => (r.pools[1].cost['2021-01-01'].value = '-5.00'),
		code: 'negative_value',
		path: 'pools[id=hrm].cost.2021-01-01.value'
	},
	{
		name: 'a missing inwoners driver',
		mutate: (r) => delete r.drivers.inwoners,
		code: 'required',
		path: 'drivers.inwoners'
	},
	{
		name: 'a variant setting a path that does not exist',
		mutate: (r) =>
			r.variants.push({ id: 'typo', base: 'two-towns', changes: [{ set: 'pools[id=post].cost', value: {} }] }),
		code: 'unknown_path',
		path: 'variants[id=typo].changes[0].set'
	},
	{
		name: 'a variant setting a field the format does not know',
		mutate: (r) =>
			r.variants.push({
				id: 'typo',
				base: 'two-towns',
				changes: [{ set: 'centrumgemeente.markp', value: { '2021-01-01': { value: '0' } } }]
			}),
		code: 'unknown_path',
		path: 'centrumgemeente.markp'
	},
	{
		name: 'a variant based on a variant that does not exist',
		mutate: (r) => r.variants.push({ id: 'orphan', base: 'nothing', changes: [] }),
		code: 'unknown_base',
		path: 'base'
	},
	{
		name: 'variants that stack on each other in a cycle',
		mutate: (r) => r.variants.push({ id: 'a', base: 'b', changes: [] }, { id: 'b', base: 'a', changes: [] }),
		code: 'variant_cycle',
		path: 'base'
	},
	{
		name: 'a dated change on a field that is not a dated series',
		mutate: (r) =>
			r.variants.push({
				id: 'bad',
				base: 'two-towns',
				changes: [{ set: 'centrumgemeente.host', from: '2023-01-01', value: 'klein' }]
			}),
		code: 'not_dated',
		path: 'variants[id=bad].changes[0].set'
	}
];

describe('validation reports every problem as {code, path, message}', () => {
	it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
		const issues = issuesOf(c.mutate);
		const match = issues.find((i) => i.code === c.code && i.path === c.path);
		expect(
			match,
			`expected ${c.code} at ${c.path}, got:\n${issues.map((i) => `${i.path} ${i.code}`).join('\n')}`
		).toBeDefined();
		expect(match!.message.length).toBeGreaterThan(5);
	});

	it('the two-towns fixture itself is valid', () => {
		expect(issuesOf(() => {})).toEqual([]);
	});

	it('reports several problems at once', () => {
		const issues = issuesOf((r) => {
			r.pools[0].cost['2021-01-01'] = { value: '1000.00' };
			r.gr.ownerCosts.elders = r.gr.ownerCosts.klein;
			r.allocation['2021-01-01'].method = 'magic';
		});
		expect(new Set(issues.map((i) => i.code))).toEqual(
			new Set(['missing_provenance', 'unknown_participant', 'unknown_method'])
		);
	});
});

describe('parsing', () => {
	it('reports a YAML syntax error with line and column', () => {
		const r = parseScenarioText('id: x\npools: [\n  a: b\n', 'broken.yaml');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issues[0]!.code).toBe('syntax_error');
		expect(r.issues[0]!.line).toBeGreaterThan(0);
		expect(r.issues[0]!.column).toBeGreaterThan(0);
		expect(r.issues[0]!.file).toBe('broken.yaml');
	});

	it('rejects a duplicate key with its line', () => {
		const r = parseScenarioText('id: x\nid: y\n');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issues[0]).toMatchObject({ code: 'duplicate_key', line: 2 });
	});

	it('reads JSON as well as YAML', () => {
		const json = JSON.stringify(twoTownsRaw());
		expect(loadScenarioFromTexts({ scenario: json, file: 'two-towns.json' }).ok).toBe(true);
	});

	it('reports malformed JSON with line and column', () => {
		const r = loadScenarioFromTexts({ scenario: '{\n  "id": "x",\n  "pools": [1, }\n}', file: 'x.json' });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issues[0]!.line).toBe(3);
	});

	it('never throws on data that is not a scenario', () => {
		for (const raw of [null, 42, 'text', [], { id: 5 }, { participants: 'x', pools: {} }]) {
			const r = validateScenario(raw);
			expect(r.ok).toBe(false);
		}
	});

	it('a variant file with a syntax error is reported under its own file name', () => {
		const raw = twoTownsRaw();
		const r = loadScenarioFromTexts({ scenario: JSON.stringify(raw), variants: { 'variants/bad.yaml': 'id: [' } });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issues.some((i) => i.file === 'variants/bad.yaml' && i.code === 'syntax_error')).toBe(true);
	});
});

describe('problems found while computing', () => {
	it('cost that the direct method cannot bring to any participant is an issue, not a silent loss', async () => {
		const { readFileSync } = await import('node:fs');
		const { parse } = await import('yaml');
		const { FIXTURES } = await import('./helpers.ts');
		const { tryRunScenario } = await import('../../src/index.ts');
		const raw = parse(readFileSync(`${FIXTURES}/support-pool.yaml`, 'utf8'), { version: '1.2' }) as Raw;
		raw.pools[0].key['2021-01-01'].shares = { it: '1' };
		const r = loadRaw(raw);
		expect(r.ok, 'valid with the reciprocal method').toBe(true);
		if (!r.ok) return;
		const direct = tryRunScenario(r.value, { method: 'direct' });
		expect(direct.ok).toBe(false);
		if (direct.ok) return;
		expect(direct.issues[0]).toMatchObject({ code: 'unallocated_cost', path: 'pools[id=staf].key' });
	});
});

describe('issue positions', () => {
	it('a validation issue carries the line and column of its field', async () => {
		const { readFileSync } = await import('node:fs');
		const { FIXTURES } = await import('./helpers.ts');
		const text = readFileSync(`${FIXTURES}/invalid-missing-provenance.yaml`, 'utf8');
		const r = loadScenarioFromTexts({ scenario: text, file: 'x.yaml' });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issues.find((i) => i.path === 'pools[id=ict].cost.2021-01-01')).toMatchObject({
			line: 14,
			column: 13,
			file: 'x.yaml'
		});
	});

	it('an issue in a variant file points into that file', () => {
		const variant = 'id: v\nbase: two-towns\nchanges:\n  - set: pools[id=post].cost\n    value: {}\n';
		const r = loadScenarioFromTexts({
			scenario: JSON.stringify(twoTownsRaw()),
			variants: { 'variants/v.yaml': variant }
		});
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issues[0]).toMatchObject({
			code: 'unknown_path',
			path: 'changes[0].set',
			file: 'variants/v.yaml',
			line: 4
		});
	});
});

describe('issues about what a change made of the scenario', () => {
	const load = (variants: Record<string, string>, scenario = JSON.stringify(twoTownsRaw())) =>
		loadScenarioFromTexts({ scenario, variants });

	it('point to the line of that change in the variant file', () => {
		// The scenario's path of the issue is not in the variant's text: the change that set it is.
		const variant = [
			'id: v',
			'base: two-towns',
			'changes:',
			'  - set: centrumgemeente.markup',
			"    value: { '2021-01-01': { value: '0.05', basis: estimate } }",
			'  - set: centrumgemeente.markp',
			"    value: { '2021-01-01': { value: '0' } }",
			''
		].join('\n');
		const r = load({ 'variants/v.yaml': variant });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issues[0]).toMatchObject({
			code: expect.stringMatching(/^unknown_(path|field)$/),
			path: 'centrumgemeente.markp',
			file: 'variants/v.yaml',
			line: 6,
			column: 5
		});
	});

	it('point to the change of an inline variant in the scenario file', () => {
		const raw = twoTownsRaw() as { variants: unknown[] };
		raw.variants.push({
			id: 'typo',
			base: 'two-towns',
			changes: [{ set: 'centrumgemeente.markp', value: { '2021-01-01': { value: '0' } } }]
		});
		const text = JSON.stringify(raw, null, 2);
		const r = load({}, text);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		const issue = r.issues.find((i) => i.path === 'centrumgemeente.markp')!;
		expect(issue.line).toBeDefined();
		expect(text.split('\n')[issue.line! - 1]).toContain('"set": "centrumgemeente.markp"');
	});
});

describe('several unknown ids in one map', () => {
	it('each is reported as an error, none is lost', () => {
		const raw = twoTownsRaw() as Raw;
		raw.gr.ownerCosts.elders = raw.gr.ownerCosts.klein;
		raw.gr.ownerCosts.nergens = raw.gr.ownerCosts.klein;
		raw.drivers.inwoners.values.x = raw.drivers.inwoners.values.klein;
		raw.drivers.inwoners.values.y = raw.drivers.inwoners.values.klein;
		const r = loadRaw(raw);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issues.map((i) => `${i.code} ${i.path}`).sort()).toEqual([
			'unknown_participant gr.ownerCosts.elders',
			'unknown_participant gr.ownerCosts.nergens',
			'unknown_recipient drivers.inwoners.values.x',
			'unknown_recipient drivers.inwoners.values.y'
		]);
	});
});
