// A variant whose changes only replace dated series takes every result of the scenario it was
// applied to that read none of the replaced leaves, or none of the years in which a replaced key,
// method or legal form differs (scenario/leaf-changes.ts, as a tornado end does). Its run must equal
// the run of the same scenario computed afresh, with no relation, for random replacements of costs,
// shares, driver values, indices, DVO terms, keys, methods and legal forms, from the baseline and
// from a variant, applied once or twice over.
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyVariant, explainScenario, formatIssues, runScenario } from '../../src/index.ts';
import { reusedResults } from '../../src/legal-form/run.ts';
import { withLeafValues } from '../../src/analysis/pair.ts';
import { changedLeafPaths } from '../../src/scenario/leaf-changes.ts';
import type { Change, Scenario } from '../../src/scenario/types.ts';
import { ROOT, mustResolve } from './helpers.ts';
import { loadScenarioPath } from './load-path.ts';

const loaded = loadScenarioPath(join(ROOT, 'scenarios/servicepunt71'));
if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
const reference: Scenario = loaded.value;
const centrum = mustResolve(reference, 'centrumgemeente-leiden');

const note = { basis: 'estimate', note: 'a test value' };

const duivenvoordeLoaded = loadScenarioPath(join(ROOT, 'scenarios/duivenvoorde'));
if (!duivenvoordeLoaded.ok) throw new Error(formatIssues(duivenvoordeLoaded.issues));
const duivenvoorde: Scenario = duivenvoordeLoaded.value;
/** The legal form as a whole series: the GR from 2018, then the given form from 2024 and the centrumgemeente from 2025. */
const formsFrom2024 = (form: string): Change => ({
	set: 'legalForm',
	value: {
		'2018-01-01': { value: 'gr', ...note },
		'2024-01-01': { value: form, ...note },
		'2025-01-01': { value: 'centrumgemeente', ...note }
	}
});
const movedLateResult = applyVariant(duivenvoorde, [formsFrom2024('gr')], { id: 'late', dryRun: false });
if (!movedLateResult.ok) throw new Error(formatIssues(movedLateResult.issues));
const movedLate: Scenario = movedLateResult.value;

/** The dated series of numbers a change may replace, with values that keep the scenario valid. */
function targets(s: Scenario): { set: string; value: fc.Arbitrary<string> }[] {
	const money = fc.integer({ min: 1_000_000, max: 40_000_000 }).map((c) => `${c}.00`);
	const share = fc.integer({ min: 0, max: 100 }).map((p) => (p / 100).toFixed(2));
	const count = fc.integer({ min: 1, max: 200_000 }).map(String);
	const rate = fc.integer({ min: 0, max: 60 }).map((r) => (r / 1000).toFixed(3));
	const out = s.pools.flatMap((p) => [
		{ set: `pools[id=${p.id}].cost`, value: money },
		...(p.vatTaxableShare ? [{ set: `pools[id=${p.id}].vatTaxableShare`, value: share }] : [])
	]);
	for (const [id, driver] of Object.entries(s.drivers))
		for (const recipient of Object.keys(driver.values).slice(0, 2))
			out.push({ set: `drivers.${id}.values.${recipient}`, value: count });
	out.push({ set: 'indexation.wage', value: rate }, { set: 'indexation.price', value: rate });
	if (s.centrumgemeente)
		out.push(
			{ set: 'centrumgemeente.markup', value: share.map((x) => (Number(x) / 10).toFixed(3)) },
			{ set: 'centrumgemeente.efficiency', value: rate }
		);
	return out;
}

/** One to three changes replacing series, each from a year of the horizon or whole. */
function changes(s: Scenario): fc.Arbitrary<Change[]> {
	const change = fc.constantFrom(...targets(s)).chain((t) =>
		fc.record({
			set: fc.constant(t.set),
			value: t.value.map((v) => ({ value: v, ...note })),
			from: fc.option(
				fc.integer({ min: 2021, max: 2030 }).map((y) => `${y}-01-01`),
				{ nil: undefined }
			)
		})
	);
	return fc.array(change, { minLength: 1, maxLength: 3 }).map((list) =>
		// Without a date the change replaces the whole series by one dated value.
		list.map(({ from, ...c }) => (from ? { ...c, from } : { set: c.set, value: { '2021-01-01': c.value } }) as Change)
	);
}

/** The variant's run and explanations equal those of its unrelated copy computed afresh. */
function expectAsFresh(variant: Scenario, participant: number, year: number): void {
	const fresh = { ...variant };
	expect(runScenario(variant).rows).toEqual(runScenario(fresh).rows);
	expect(runScenario(variant).reconciliation).toEqual(runScenario(fresh).reconciliation);
	const p = variant.participants[participant % variant.participants.length]!.id;
	expect(explainScenario(variant, p, year)).toEqual(explainScenario(fresh, p, year));
}

/** The dated series of other values a change may replace (keys, the method, the legal form), with valid values. */
function otherTargets(s: Scenario): { set: string; value: fc.Arbitrary<unknown> }[] {
	const keys = fc.constantFrom<unknown>(
		{ type: 'even' },
		{ type: 'driver', driver: 'inwoners', ...note },
		{ type: 'driver', driver: 'werkplekken', ...note },
		{ type: 'driver', driver: 'loonstroken', ...note }
	);
	const order = s.pools.map((p) => p.id);
	return [
		...s.pools.filter((p) => p.id !== 'directie').map((p) => ({ set: `pools[id=${p.id}].key`, value: keys })),
		{
			set: 'gr.governanceKey',
			value: fc.constantFrom<unknown>({ type: 'even' }, { type: 'driver', driver: 'inwoners', ...note })
		},
		{
			set: 'legalForm',
			value: fc.constantFrom<unknown>({ value: 'gr', ...note }, { value: 'centrumgemeente', ...note })
		},
		{
			set: 'allocation',
			value: fc.constantFrom<unknown>(
				{ method: 'direct' },
				{ method: 'step-down', order },
				{ method: 'reciprocal', order }
			)
		}
	];
}

/** One to three changes, of series of numbers or of other values, each from a year of the horizon or whole. */
function mixedChanges(s: Scenario): fc.Arbitrary<Change[]> {
	const numbers = targets(s).map((t) => ({ set: t.set, value: t.value.map((v): unknown => ({ value: v, ...note })) }));
	const change = fc.constantFrom(...otherTargets(s), ...otherTargets(s), ...numbers).chain((t) =>
		fc.record({
			set: fc.constant(t.set),
			value: t.value,
			from: fc.option(
				fc.integer({ min: 2021, max: 2031 }).map((y) => `${y}-01-01`),
				{ nil: undefined }
			)
		})
	);
	return fc
		.array(change, { minLength: 1, maxLength: 3 })
		.map((list) =>
			list.map(({ from, ...c }) => (from ? { ...c, from } : { set: c.set, value: { '2021-01-01': c.value } }) as Change)
		);
}

describe('a variant that only replaces dated series of numbers', () => {
	it('takes the results that read none of them and runs exactly as if computed afresh', () => {
		let reused = 0;
		let derived = 0;
		// The starting scenario by its index, so that a failure prints the changes, not the whole scenario.
		const starts = [reference, centrum];
		const cases = fc
			.constantFrom(0, 1)
			.chain((i) => fc.tuple(fc.constant(i), changes(starts[i]!), changes(starts[i]!)));
		fc.assert(
			fc.property(
				cases,
				fc.integer({ min: 0, max: 3 }),
				fc.integer({ min: 2021, max: 2030 }),
				fc.boolean(),
				([index, first, second], participant, year, dryRun) => {
					const start = starts[index]!;
					runScenario(start);
					const once = applyVariant(start, first, { id: 'once', dryRun });
					// A value the scenario refuses (a revenue above its cost) is an issue, not a run.
					if (!once.ok) return;
					if (changedLeafPaths(start, once.value, first)) derived++;
					expectAsFresh(once.value, participant, year);
					reused += reusedResults(once.value);
					const twice = applyVariant(once.value, second, { id: 'twice', dryRun });
					if (!twice.ok) return;
					expectAsFresh(twice.value, participant, year);
					reused += reusedResults(twice.value);
				}
			),
			{ numRuns: 24, seed: 2023 }
		);
		// Not vacuous: most of the changes take the derived path, and it reuses results.
		expect(derived).toBeGreaterThan(10);
		expect(reused).toBeGreaterThan(100);
	});

	it('takes the results of the years in which a replaced key, method or legal form holds as before', () => {
		let reused = 0;
		let derived = 0;
		const starts = [reference, centrum];
		const cases = fc
			.constantFrom(0, 1)
			.chain((i) => fc.tuple(fc.constant(i), mixedChanges(starts[i]!), mixedChanges(starts[i]!)));
		fc.assert(
			fc.property(
				cases,
				fc.integer({ min: 0, max: 3 }),
				fc.integer({ min: 2021, max: 2030 }),
				fc.boolean(),
				([index, first, second], participant, year, dryRun) => {
					const start = starts[index]!;
					runScenario(start);
					const once = applyVariant(start, first, { id: 'once', dryRun });
					if (!once.ok) return;
					if (changedLeafPaths(start, once.value, first)) derived++;
					expectAsFresh(once.value, participant, year);
					reused += reusedResults(once.value);
					const twice = applyVariant(once.value, second, { id: 'twice', dryRun });
					if (!twice.ok) return;
					expectAsFresh(twice.value, participant, year);
					reused += reusedResults(twice.value);
				}
			),
			{ numRuns: 40, seed: 2025 }
		);
		expect(derived).toBeGreaterThan(20);
		expect(reused).toBeGreaterThan(200);
	});

	it('moves the switch to the centrumgemeente, its transition phase, the frictiekosten and the method as a fresh run does', () => {
		const form = (value: string, from: string): Change => ({ set: 'legalForm', from, value: { value, ...note } });
		const method = (name: string, from: string): Change => ({
			set: 'allocation',
			from,
			// The order of the Servicepunt71 pools, which only the step-down method reads.
			value: name === 'step-down' ? { method: name, order: reference.pools.map((p) => p.id) } : { method: name }
		});
		// An earlier or later switch, a return to the GR, and a switch in a baseline that never moved (a
		// switch needs the GR year before it, so none in the horizon's first year).
		const cases: [Scenario, Change[]][] = [
			[centrum, [form('centrumgemeente', '2022-01-01')]],
			[centrum, [form('gr', '2023-01-01'), form('centrumgemeente', '2024-01-01')]],
			[centrum, [form('gr', '2024-01-01')]],
			[centrum, [form('gr', '2023-01-01'), form('centrumgemeente', '2026-01-01')]],
			[reference, [form('centrumgemeente', '2027-01-01')]],
			[reference, [form('centrumgemeente', '2022-01-01')]],
			// Duivenvoorde budgets frictiekosten for 2021–2022 only: a later switch reads the legal form
			// of the years before it only through the search for the switch year.
			[duivenvoorde, [form('centrumgemeente', '2025-01-01')]],
			// A switch a year earlier, every value from 2025 on as it was: the years from 2025 read the
			// legal form of 2024 only to find their switch year (and so their transition phase).
			[movedLate, [formsFrom2024('centrumgemeente')]],
			[movedLate, [form('centrumgemeente', '2024-01-01')]],
			[movedLate, [form('gr', '2026-01-01')]],
			// Another allocation method from a year on, alone or with a switch.
			[reference, [method('direct', '2025-01-01')]],
			[centrum, [method('step-down', '2027-01-01')]],
			[movedLate, [method('direct', '2026-01-01'), form('centrumgemeente', '2024-01-01')]]
		];
		let reused = 0;
		for (const [start, change] of cases) {
			runScenario(start);
			const applied = applyVariant(start, change, { id: 'moved', dryRun: false });
			if (!applied.ok) throw new Error(formatIssues(applied.issues));
			expect(changedLeafPaths(start, applied.value, change)).toBeDefined();
			for (let year = applied.value.horizon.from; year <= applied.value.horizon.to; year += 3)
				expectAsFresh(applied.value, year, year);
			reused += reusedResults(applied.value);
		}
		expect(reused).toBeGreaterThan(50);
	});

	it('never takes the results of a copy with other leaf values, which its plain data does not hold', () => {
		// withLeafValues changes the scenario, not its plain data: a variant is validated from the data.
		const copy = withLeafValues(reference, new Map([['pools[id=ict].cost.2021-01-01', '25000000.00']]));
		const change: Change[] = [
			{ set: 'pools[id=hrm].cost', from: '2024-01-01', value: { value: '9000000.00', ...note } }
		];
		const fromCopy = applyVariant(copy, change, { dryRun: false });
		const fromReference = applyVariant(reference, change, { dryRun: false });
		if (!fromCopy.ok || !fromReference.ok) throw new Error('the change does not apply');
		expect(changedLeafPaths(copy, fromCopy.value, change)).toBeUndefined();
		expect(changedLeafPaths(reference, fromReference.value, change)).toBeDefined();
		runScenario(copy);
		// Only allocations of the very same problems are shared with the copy (compared whole).
		expect(runScenario(fromCopy.value).rows).toEqual(runScenario({ ...fromCopy.value }).rows);
	});

	it('is told apart from every other change, which shares only the allocations', () => {
		const leaves = (changes: Change[], from: Scenario = reference) => {
			const applied = applyVariant(from, changes, { dryRun: false });
			if (!applied.ok) throw new Error(formatIssues(applied.issues));
			return changedLeafPaths(from, applied.value, changes);
		};
		const share = { value: '0.50', ...note };
		const paths = leaves([{ set: 'pools[id=ict].vatTaxableShare', value: { '2021-01-01': share } }]);
		// The old dated values and the new one, so that a result which read an old one is computed again.
		expect(paths).toEqual(expect.arrayContaining(['pools[id=ict].vatTaxableShare.2021-01-01']));
		expect(leaves([{ set: 'centrumgemeente.efficiency', from: '2025-01-01', value: share }])).toEqual(
			expect.arrayContaining(['centrumgemeente.efficiency.2025-01-01'])
		);
		// A series of keys or legal forms: the years in which the value in force differs.
		const key = leaves([{ set: 'pools[id=ict].key', value: { '2021-01-01': { type: 'even' } } }])!;
		expect(key).toEqual(expect.arrayContaining(['pools[id=ict].key@2021', 'pools[id=ict].key@2030']));
		// Every year after the horizon is one lookup; the years before 2021 had no key and have none.
		expect(key).toContain('pools[id=ict].key@after');
		expect(key).toHaveLength(11);
		const form = leaves([{ set: 'legalForm', from: '2025-01-01', value: { value: 'centrumgemeente' } }])!;
		expect([...form].sort()).toEqual(
			[
				'legalForm@2025',
				'legalForm@2026',
				'legalForm@2027',
				'legalForm@2028',
				'legalForm@2029',
				'legalForm@2030',
				'legalForm@after'
			].sort()
		);
		// After the horizon, or long before it, all years are one lookup each.
		expect(leaves([{ set: 'legalForm', from: '2400-01-01', value: { value: 'centrumgemeente' } }])).toEqual([
			'legalForm@after'
		]);
		// A field that is no series, a series the scenario did not have, a value inside a series, a no-op.
		expect(leaves([{ set: 'centrumgemeente.host', value: 'leiderdorp' }])).toBeUndefined();
		const without = reference.pools.find((p) => !p.wageShare);
		if (without)
			expect(leaves([{ set: `pools[id=${without.id}].wageShare`, value: { '2021-01-01': share } }])).toBeUndefined();
		expect(leaves([{ set: 'pools[id=ict].cost.2021-01-01.value', value: '1000000.00' }])).toBeUndefined();
		// Writing a series' last dated value again as it was changes nothing.
		const raw = reference.raw as { pools: { id: string; cost: Record<string, unknown> }[] };
		const cost = raw.pools.find((p) => p.id === 'ict')!.cost;
		const last = Object.keys(cost).sort().at(-1)!;
		expect(leaves([{ set: 'pools[id=ict].cost', from: last, value: cost[last] }])).toBeUndefined();
	});
});
