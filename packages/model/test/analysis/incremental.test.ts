// Incremental recomputation against a full one: a scenario derived by changing leaf values (as the
// tornado and the break-even search do) reuses the results of its origin that read none of the
// changed leaves. Every derived run must equal, row for row and component for component, the run
// of the same copy computed from scratch — on every input of the reference comparison at both ends,
// and on generated two-town scenarios with several leaves changed at once.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluateExact, prepareAnalysis, withLeafValues, type AnalysisPair } from '../../src/analysis/pair.ts';
import { deriveComputation, reusedResults, runScenario } from '../../src/legal-form/run.ts';
import { formatIssues, loadScenarioFromTexts, resolveVariant } from '../../src/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { twoTownDraws, twoTownsFromDraw } from '../scenario/arbitraries.ts';
import { FIXTURES, allScenarios, mustLoad, mustResolve, twoTownsRaw } from '../scenario/helpers.ts';

function referencePair(): AnalysisPair {
	const root = new URL('../../../..', import.meta.url).pathname;
	const dir = join(root, 'scenarios', 'servicepunt71');
	const variants = Object.fromEntries(
		readdirSync(join(dir, 'variants')).map((f) => [f, readFileSync(join(dir, 'variants', f), 'utf8')])
	);
	const loaded = loadScenarioFromTexts({ scenario: readFileSync(join(dir, 'scenario.yaml'), 'utf8'), variants });
	if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
	const variant = resolveVariant(loaded.value, 'centrumgemeente-leiden');
	if (!variant.ok) throw new Error(formatIssues(variant.issues));
	return prepareAnalysis(loaded.value, variant.value);
}

/** The run of `scenario` with `values` set, derived from it, and the same copy run from scratch. */
function derivedAndFresh(scenario: Scenario, values: ReadonlyMap<string, string>) {
	const derived = withLeafValues(scenario, values);
	deriveComputation(scenario, derived, values.keys());
	const fresh = withLeafValues(scenario, values);
	return { derived, run: runScenario(derived), fresh: runScenario(fresh) };
}

describe('incremental recomputation of a derived scenario', () => {
	const pair = referencePair();
	runScenario(pair.base);
	runScenario(pair.variant);

	it('equals a full recomputation for every input of the reference comparison at both ends', () => {
		let reused = 0;
		// Both ends of every input, on one side each (alternating), to keep the test short.
		pair.inputs.forEach((input, i) =>
			[input.low, input.high].forEach((value, end) => {
				const side = (i + end) % 2 === 0 ? pair.base : pair.variant;
				{
					const { derived, run, fresh } = derivedAndFresh(side, new Map([[input.path, value]]));
					expect(run.rows, `${input.path} = ${value}`).toEqual(fresh.rows);
					expect(run.reconciliation).toEqual(fresh.reconciliation);
					reused += reusedResults(derived);
				}
			})
		);
		// Not a vacuous check: most inputs reach only some years and parts of a year.
		expect(reused).toBeGreaterThan(pair.inputs.length * 2);
	});

	it('reuses every year an input does not reach, and the allocation when only VAT terms move', () => {
		const { derived, run, fresh } = derivedAndFresh(pair.variant, new Map([['vat.rate.2021-01-01', '0.19']]));
		expect(run.rows).toEqual(fresh.rows);
		// Every year reads the VAT rate, so no year is reused whole, but no allocation is recomputed.
		expect(reusedResults(derived)).toBeGreaterThanOrEqual(pair.years.length);
		const markup = pair.inputs.find((i) => i.path.startsWith('centrumgemeente.markup'))!;
		const onBase = derivedAndFresh(pair.base, new Map([[markup.path, markup.high]]));
		// The baseline never reads the DVO mark-up: its whole computation is reused.
		expect(onBase.run.rows).toEqual(onBase.fresh.rows);
		expect(reusedResults(onBase.derived)).toBeGreaterThanOrEqual(pair.years.length);
	});

	it('gives the exact outcome of a full recomputation through evaluateExact', () => {
		const input = pair.inputs.find((i) => i.path.startsWith('indexation.wage.2024'))!;
		const values = new Map([[input.path, input.high]]);
		const outcome = evaluateExact(pair, { base: values, variant: values });
		const fresh = evaluateExact(
			{ ...pair, base: withLeafValues(pair.base, values), variant: withLeafValues(pair.variant, values) },
			{}
		);
		expect(outcome.npv.map(String)).toEqual(fresh.npv.map(String));
		expect(outcome.delta.map((d) => d.map(String))).toEqual(fresh.delta.map((d) => d.map(String)));
	});

	it('equals a full recomputation on generated scenarios with several leaves changed', () => {
		fc.assert(
			fc.property(twoTownDraws, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3 }), (a, us) => {
				const loaded = loadScenarioFromTexts({ scenario: stringify(twoTownsFromDraw(a)) });
				if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
				const generated = prepareAnalysis(loaded.value, mustResolve(loaded.value, 'centrum'));
				for (const side of [generated.base, generated.variant]) {
					runScenario(side);
					// Up to three inputs, each set somewhere in its range (money in cents, rates in four decimals).
					const values = new Map<string, string>();
					generated.inputs.forEach((input, i) => {
						if (i % Math.max(1, Math.floor(generated.inputs.length / 3)) !== 0 || values.size >= 3) return;
						const [low, high] = [Number(input.low), Number(input.high)];
						const x = low + (high - low) * us[i % us.length]!;
						values.set(input.path, input.kind === 'money' ? x.toFixed(2) : x.toFixed(4));
					});
					const { run, fresh } = derivedAndFresh(side, values);
					expect(run.rows).toEqual(fresh.rows);
				}
			}),
			{ numRuns: 25, seed: 71 }
		);
	});

	it("recomputes a tariff key when its pool's cost changes (its weights read the cost they divide)", () => {
		const raw = parse(readFileSync(join(FIXTURES, 'support-pool.yaml'), 'utf8'), { version: '1.2' }) as {
			pools: { id: string; key: unknown }[];
		};
		const tariff = { type: 'price-quantity', driver: 'werkplekken', price: '20.00', settlement: { type: 'even' } };
		raw.pools.find((p) => p.id === 'it')!.key = { '2021-01-01': { ...tariff, basis: 'estimate', note: 'tariff' } };
		const scenario = mustLoad(raw);
		const before = runScenario(scenario);
		const { derived, run, fresh } = derivedAndFresh(scenario, new Map([['pools[id=it].cost.2021-01-01', '1400.00']]));
		expect(run.rows).toEqual(fresh.rows);
		// The tariff's deficit moved with the cost, so the pool's split did too (not merely its scale).
		const share = (rows: typeof run.rows) => {
			const part = (id: string) => Number(rows.find((r) => r.participant === id)!.pools.it);
			return part('a') / (part('a') + part('b'));
		};
		expect(share(run.rows)).not.toBeCloseTo(share(before.rows), 3);
		expect(reusedResults(derived)).toBeGreaterThan(0);
	});

	it('follows a driver that several keys read, whichever key read it first', () => {
		const raw = twoTownsRaw();
		const byInhabitants = { '2021-01-01': { type: 'driver', driver: 'inwoners' } };
		for (const pool of raw.pools as { key: unknown }[]) pool.key = byInhabitants;
		const scenario = mustLoad(raw);
		runScenario(scenario);
		const values = new Map([['drivers.inwoners.values.klein.2021-01-01', '900']]);
		const { run, fresh } = derivedAndFresh(scenario, values);
		expect(run.rows).toEqual(fresh.rows);
		// Not vacuous: the new value moves both pools' charges.
		const before = runScenario(scenario).rows.find((r) => r.participant === 'klein')!.pools;
		const after = run.rows.find((r) => r.participant === 'klein')!.pools;
		expect(after.ict).not.toBe(before.ict);
		expect(after.hrm).not.toBe(before.hrm);
	});

	it("keeps a driver key when only its pool's cost changes", () => {
		const scenario = mustLoad(
			parse(readFileSync(join(FIXTURES, 'support-pool.yaml'), 'utf8'), { version: '1.2' }) as object
		);
		runScenario(scenario);
		const { derived, run, fresh } = derivedAndFresh(scenario, new Map([['pools[id=it].cost.2021-01-01', '1400.00']]));
		expect(run.rows).toEqual(fresh.rows);
		// The keys of both pools read no cost: they come from the origin (with the governance and the inhabitants).
		expect(reusedResults(derived)).toBeGreaterThanOrEqual(2);
	});
});

describe('a variant and the scenario it was applied to', () => {
	it('takes the allocations of the very same problems, and runs as if computed afresh', () => {
		let reused = 0;
		for (const { name, scenario } of allScenarios()) {
			runScenario(scenario);
			for (const v of scenario.variants) {
				// Structure only, as the app and the scale benchmark resolve: no dry run computes it first.
				const resolved = resolveVariant(scenario, v.id, [], { dryRun: false });
				if (!resolved.ok) throw new Error(formatIssues(resolved.issues));
				const run = runScenario(resolved.value);
				// A shallow copy is a scenario of its own, with no relation: it is computed from scratch.
				const fresh = runScenario({ ...resolved.value });
				expect(run.rows, `${name} / ${v.id}`).toEqual(fresh.rows);
				expect(run.reconciliation).toEqual(fresh.reconciliation);
				reused += reusedResults(resolved.value);
			}
		}
		// Not vacuous: the years before a variant's first change allocate what the baseline allocated.
		expect(reused).toBeGreaterThan(10);
	});
});
