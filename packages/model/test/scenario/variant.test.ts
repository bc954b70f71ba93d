// Variants are deltas over a baseline: a fixed baseline figure flows through every variant.
import { describe, expect, it } from 'vitest';
import {
	applyChangesToRaw,
	applyVariant,
	resolveVariant,
	runScenario,
	validateVariant,
	valueAt
} from '../../src/index.ts';
import { mustLoad, mustResolve, twoTownsRaw } from './helpers.ts';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('applying changes', () => {
	it('a dated change keeps earlier values and replaces the value from its date on', () => {
		const raw = twoTownsRaw() as Raw;
		const { raw: out, issues } = applyChangesToRaw(raw, [
			{ set: 'pools[id=ict].cost', from: '2022-01-01', value: { value: '999.00', basis: 'estimate', note: 'x' } }
		]);
		expect(issues).toEqual([]);
		expect(Object.keys((out as Raw).pools[0].cost)).toEqual(['2021-01-01', '2022-01-01']);
		expect((out as Raw).pools[0].cost['2022-01-01'].value).toBe('999.00');
		expect(raw.pools[0].cost['2022-01-01'].value, 'the input is not modified').toBe('1200.00');
	});

	it('a change without a date replaces the whole field', () => {
		const { raw: out } = applyChangesToRaw(twoTownsRaw(), [{ set: 'comparison.tolerance', value: '50.00' }]);
		expect((out as Raw).comparison.tolerance).toBe('50.00');
	});

	it('a change can add a new element to a list by id', () => {
		const raw = twoTownsRaw() as Raw;
		const pool = { ...raw.pools[1], name: 'Post' };
		const { raw: out, issues } = applyChangesToRaw(raw, [{ set: 'pools[id=post]', value: pool }]);
		expect(issues).toEqual([]);
		expect((out as Raw).pools.map((p: Raw) => p.id)).toEqual(['ict', 'hrm', 'post']);
	});

	it('rejects malformed and prototype-polluting paths', () => {
		for (const set of ['pools[id=ict', '__proto__.x', 'pools[id=__proto__].cost', '']) {
			const { issues } = applyChangesToRaw(twoTownsRaw(), [{ set, value: 1 }]);
			expect(issues[0]?.code, set).toMatch(/invalid_path|unknown_path/);
		}
		expect(({} as Raw).x).toBeUndefined();
	});
});

describe('variants over a baseline', () => {
	it('switching the legal form from a date changes only the years from that date', () => {
		const s = mustLoad(twoTownsRaw());
		const v = mustResolve(s, 'centrum');
		expect(valueAt(v.legalForm, 2022)).toBe('gr');
		expect(valueAt(v.legalForm, 2023)).toBe('centrumgemeente');
		expect(v.lineage).toEqual(['two-towns', 'centrum']);
	});

	it('fixing a baseline figure flows through every variant', () => {
		const raw = twoTownsRaw() as Raw;
		raw.pools[1].cost['2021-01-01'].value = '600.00';
		const s = mustLoad(raw);
		const v = mustResolve(s, 'centrum');
		expect(runScenario(v).rows.find((r) => r.participant === 'klein' && r.year === 2021)!.pools.hrm).toBe('300.00');
	});

	it('variants stack on variants', () => {
		const raw = twoTownsRaw() as Raw;
		raw.variants.push({
			id: 'centrum-no-markup',
			base: 'centrum',
			changes: [
				{ set: 'centrumgemeente.markup', from: '2024-01-01', value: { value: '0', basis: 'estimate', note: 'what-if' } }
			]
		});
		const s = mustLoad(raw);
		const v = mustResolve(s, 'centrum-no-markup');
		expect(v.lineage).toEqual(['two-towns', 'centrum', 'centrum-no-markup']);
		expect(valueAt(v.legalForm, 2024)).toBe('centrumgemeente');
		expect(runScenario(v).rows.find((r) => r.participant === 'klein' && r.year === 2024)!.components.markup).toBe(
			'0.00'
		);
	});

	it('inline edits are applied on top of a variant, as the same kind of changes', () => {
		const s = mustLoad(twoTownsRaw());
		const r = resolveVariant(s, 'centrum', [
			{ set: 'centrumgemeente.markup', value: { '2021-01-01': { value: '0.2', basis: 'estimate', note: 'edit' } } }
		]);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.lineage).toEqual(['two-towns', 'centrum', 'edit']);
		expect(runScenario(r.value).rows.find((x) => x.participant === 'klein' && x.year === 2024)!.components.markup).toBe(
			'172.39'
		);
	});

	it('a change that breaks the scenario comes back as issues', () => {
		const s = mustLoad(twoTownsRaw());
		const r = applyVariant(s, [{ set: 'pools[id=ict].cost', from: '2023-01-01', value: { value: '12.5' } }]);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issues.map((i) => i.code)).toContain('missing_provenance');
	});
});

describe('resolving without the dry run (for live edits)', () => {
	it('checks only the structure; tryRunScenario then reports the value not in force', async () => {
		const { tryRunScenario } = await import('../../src/index.ts');
		const s = mustLoad(twoTownsRaw());
		const change = {
			set: 'pools[id=hrm].cost',
			value: { '2023-01-01': { value: '500.00', basis: 'estimate', note: 'late' } }
		};
		expect(resolveVariant(s, null, [change]).ok).toBe(false);
		const quick = resolveVariant(s, null, [change], { dryRun: false });
		expect(quick.ok).toBe(true);
		if (!quick.ok) return;
		const run = tryRunScenario(quick.value);
		expect(run.ok).toBe(false);
		if (run.ok) return;
		expect(run.issues[0]).toMatchObject({ code: 'no_value_in_force', path: 'pools[id=hrm].cost' });
	});
});

describe('a dated change with an end date (until)', () => {
	const extra = { value: '999.00', basis: 'estimate', note: 'one year' };

	it('holds from its date until the end date, after which the baseline holds again', () => {
		const raw = twoTownsRaw() as Raw;
		const { raw: out, issues } = applyChangesToRaw(raw, [
			{ set: 'pools[id=ict].cost', from: '2021-06-01', until: '2021-09-01', value: extra }
		]);
		expect(issues).toEqual([]);
		const cost = (out as Raw).pools[0].cost;
		expect(Object.keys(cost)).toEqual(['2021-01-01', '2021-06-01', '2021-09-01', '2022-01-01']);
		expect(cost['2021-06-01'].value).toBe('999.00');
		expect(cost['2021-09-01'], 'the value in force on the end date comes back').toEqual(
			raw.pools[0].cost['2021-01-01']
		);
		expect(cost['2022-01-01'].value, 'later baseline values are kept').toBe('1200.00');
	});

	it('keeps a baseline value dated on the end date, and ends a value nothing held before', () => {
		const { raw: out } = applyChangesToRaw(twoTownsRaw(), [
			{ set: 'pools[id=ict].cost', from: '2021-01-01', until: '2022-01-01', value: extra },
			{ set: 'pools[id=ict].revenue', from: '2022-01-01', until: '2023-01-01', value: extra }
		]);
		const pool = (out as Raw).pools[0];
		expect(pool.cost['2021-01-01'].value).toBe('999.00');
		expect(pool.cost['2022-01-01'].value).toBe('1200.00');
		expect(pool.revenue).toEqual({ '2022-01-01': extra, '2023-01-01': null });
	});

	it('changes only the years it covers in a run', () => {
		const raw = twoTownsRaw() as Raw;
		raw.variants.push({
			id: 'one-year',
			changes: [{ set: 'pools[id=ict].cost', from: '2022-01-01', until: '2023-01-01', value: extra }]
		});
		const s = mustLoad(raw);
		const v = mustResolve(s, 'one-year');
		const cost = (year: number) => valueAt(v.pools.find((p) => p.id === 'ict')!.cost, year)?.value;
		expect([2021, 2022, 2023, 2024].map(cost)).toEqual(['1000.00', '999.00', '1200.00', '1200.00']);
	});

	it('is refused without from, before from, or when it is not a date', () => {
		const codes = (change: Record<string, unknown>) => {
			const r = validateVariant({ id: 'x', base: 'two-towns', changes: [{ set: 'id', value: 'y', ...change }] });
			return r.ok ? [] : r.issues.map((i) => [i.code, i.path]);
		};
		expect(codes({ until: '2022-01-01' })).toEqual([['required', 'changes[0].from']]);
		expect(codes({ from: '2022-01-01', until: '2022-01-01' })).toEqual([['out_of_range', 'changes[0].until']]);
		expect(codes({ from: '2022-01-01', until: 'soon' })).toEqual([['invalid_date', 'changes[0].until']]);
		expect(codes({ from: '2022-01-01', until: '2023-01-01' })).toEqual([]);
	});
});
