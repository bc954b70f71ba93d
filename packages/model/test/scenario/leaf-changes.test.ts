// A variant whose changes only replace dated series of numbers takes every result of the scenario it
// was applied to that read none of the replaced leaves (scenario/leaf-changes.ts, as a tornado end
// does). Its run must equal the run of the same scenario computed afresh, with no relation, for
// random replacements of costs, shares, driver values, indices and DVO terms, from the baseline and
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
		// A key, the legal form, a series the scenario did not have, a value inside a series, a no-op.
		expect(leaves([{ set: 'pools[id=ict].key', value: { '2021-01-01': { type: 'even' } } }])).toBeUndefined();
		expect(leaves([{ set: 'legalForm', value: { '2021-01-01': { value: 'centrumgemeente' } } }])).toBeUndefined();
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
