// The analysis of a comparison on the two-towns fixture: the uncertainty format and its validation,
// reproducible Monte Carlo, collapsed ranges, the tornado against reruns through the variant
// mechanism, break-even verified by recomputing, and bad requests with their paths.
import { describe, expect, it } from 'vitest';
import {
	compareScenarios,
	loadScenarioFromTexts,
	resolveVariant,
	type Change,
	type Scenario
} from '../../src/index.ts';
import { stringify } from 'yaml';
import { prepareAnalysis, evaluateExact, type AnalysisPair } from '../../src/analysis/pair.ts';
import { exactEvaluator } from '../../src/analysis/exact-evaluator.ts';
import { runSimulation, summarizeSimulation, drawsProblem, MAX_DRAWS } from '../../src/analysis/simulate.ts';
import { scenarioTornado } from '../../src/analysis/sensitivity.ts';
import { breakEven, breakEvenIssues } from '../../src/analysis/breakeven.ts';
import { measureFirst } from '../../src/analysis/measure-first.ts';
import { methodOrderSpread } from '../../src/analysis/methods.ts';
import { leafUncertainty, scenarioLeaves } from '../../src/scenario/uncertainty.ts';
import { twoTownsRaw, mustLoad, mustResolve } from '../scenario/helpers.ts';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function issuesOf(raw: Raw) {
	const r = loadScenarioFromTexts({ scenario: stringify(raw), file: 'test.yaml' });
	return r.ok ? [] : r.issues.map((i) => `${i.code} ${i.path}`);
}

function pairOf(raw: Raw = twoTownsRaw()): AnalysisPair {
	const s = mustLoad(raw);
	return prepareAnalysis(s, mustResolve(s, 'centrum'));
}

describe('uncertainty format', () => {
	it('rejects a value outside its range, a low above its high, an unknown distribution and a distribution on a key', () => {
		const raw = twoTownsRaw() as Raw;
		raw.centrumgemeente.markup['2021-01-01'].range = ['0.12', '0.20'];
		raw.gr.governance[0].cost['2021-01-01'].range = ['120.00', '80.00'];
		raw.indexation.wage['2021-01-01'].distribution = 'gamma';
		raw.pools[0].key['2021-01-01'].distribution = 'uniform';
		expect(issuesOf(raw)).toEqual(
			expect.arrayContaining([
				'value_outside_range centrumgemeente.markup.2021-01-01.range',
				'invalid_range gr.governance[id=bestuur].cost.2021-01-01.range',
				'unknown_distribution indexation.wage.2021-01-01.distribution',
				'distribution_not_numeric pools[id=ict].key.2021-01-01.distribution'
			])
		);
	});
	it('rejects correlations that cannot hold together, and unknown inputs', () => {
		const raw = twoTownsRaw() as Raw;
		raw.uncertainty = {
			correlations: [
				{ inputs: ['indexation.wage', 'centrumgemeente.markup'], rho: '0.9', note: 'n' },
				{ inputs: ['indexation.wage', 'comparison.discountRate'], rho: '0.9', note: 'n' },
				{ inputs: ['centrumgemeente.markup', 'comparison.discountRate'], rho: '-0.9', note: 'n' }
			]
		};
		expect(issuesOf(raw)).toEqual(['not_positive_semidefinite uncertainty.correlations']);
		raw.uncertainty = { correlations: [{ inputs: ['indexation.wage', 'nowhere.at.all'], rho: 0.5, note: 'n' }] };
		expect(issuesOf(raw)).toEqual(['unknown_input uncertainty.correlations[0].inputs[1]']);
		raw.uncertainty = { correlations: [{ inputs: ['indexation.wage', 'centrumgemeente.markup'], rho: 1.5 }] };
		expect(issuesOf(raw)).toEqual([
			'missing_provenance uncertainty.correlations[0].note',
			'invalid_correlation uncertainty.correlations[0].rho'
		]);
	});
	it('accepts a valid correlation and a distribution on a number', () => {
		const raw = twoTownsRaw() as Raw;
		raw.uncertainty = {
			correlations: [
				{ inputs: ['indexation.wage', 'centrumgemeente.markup'], rho: '0.7', note: 'both follow inflation' }
			]
		};
		raw.centrumgemeente.markup['2021-01-01'].distribution = 'normal';
		raw.centrumgemeente.markup['2021-01-01'].range = ['0.05', '0.15'];
		expect(issuesOf(raw)).toEqual([]);
		const pair = pairOf(raw);
		expect(pair.correlation.columns.length).toBe(2);
		expect(pair.inputs.find((i) => i.path === 'centrumgemeente.markup.2021-01-01')?.distribution).toBe('normal');
	});
	it('gives the documented default ranges by basis and confidence', () => {
		const raw = twoTownsRaw() as Raw;
		raw.gr.ownerCosts.groot['2021-01-01'].confidence = 'low';
		const leaves = new Map(scenarioLeaves(mustLoad(raw)).map((l) => [l.path, leafUncertainty(l)]));
		expect(leaves.get('drivers.inwoners.values.groot.2021-01-01')).toMatchObject({ low: '1000', high: '1000' });
		expect(leaves.get('pools[id=ict].vatTaxableShare.2021-01-01')).toMatchObject({ low: '0.95', high: '1' });
		expect(leaves.get('gr.ownerCosts.groot.2021-01-01')).toMatchObject({ low: '6.50', high: '13.50' });
		expect(leaves.get('gr.ownerCosts.klein.2021-01-01')).toMatchObject({ low: '8.00', high: '12.00', explicit: false });
	});
});

describe('Monte Carlo of a comparison', () => {
	const pair = pairOf();
	const evaluate = exactEvaluator(pair);
	it('gives byte-identical output for the same seed, other draws for another seed within the standard errors', () => {
		const a = JSON.stringify(summarizeSimulation(pair, runSimulation(pair, evaluate, { draws: 200, seed: 7 })));
		const b = JSON.stringify(summarizeSimulation(pair, runSimulation(pair, evaluate, { draws: 200, seed: 7 })));
		const c = summarizeSimulation(pair, runSimulation(pair, evaluate, { draws: 200, seed: 8 }));
		expect(b).toBe(a);
		expect(JSON.stringify(c)).not.toBe(a);
		const first = JSON.parse(a) as typeof c;
		first.participants.forEach((p, i) => {
			const q = c.participants[i]!;
			for (const k of ['p10', 'p50', 'p90', 'mean'] as const) {
				const se = Math.hypot(Number(p.npv.stderr[k]), Number(q.npv.stderr[k]));
				expect(Math.abs(Number(p.npv[k]) - Number(q.npv[k]))).toBeLessThan(4 * se + 0.01);
			}
		});
	});
	it('gives ordered quantiles', () => {
		const r = summarizeSimulation(pair, runSimulation(pair, evaluate, { draws: 100, seed: 3, sampling: 'plain' }));
		for (const p of r.participants)
			for (const s of [p.npv, p.cumulative, ...p.perYear]) {
				const q = [s.p5, s.p10, s.p50, s.p90, s.p95].map(Number);
				expect([...q].sort((x, y) => x - y)).toEqual(q);
			}
	});
	it('with every range collapsed gives the exact result in every quantile', () => {
		const collapsed: AnalysisPair = {
			...pair,
			inputs: pair.inputs.map((i) => ({
				...i,
				...(i.base ? { base: { ...i.base, low: i.base.value, high: i.base.value } } : {}),
				...(i.variant ? { variant: { ...i.variant, low: i.variant.value, high: i.variant.value } } : {})
			}))
		};
		const exact = evaluateExact(pair);
		const r = summarizeSimulation(
			collapsed,
			runSimulation(collapsed, exactEvaluator(collapsed), { draws: 20, seed: 1 })
		);
		r.participants.forEach((p, i) => {
			for (const k of ['p5', 'p10', 'p50', 'p90', 'p95', 'mean'] as const)
				expect(p.npv[k]).toBe(exact.npv[i]!.toFixed(2));
			expect(p.cumulative.p50).toBe(exact.cumulative[i]!.toFixed(2));
		});
	});
	it('reports progress and can be cancelled', () => {
		const seen: number[] = [];
		const controller = new AbortController();
		expect(() =>
			runSimulation(pair, evaluate, {
				draws: 100,
				seed: 1,
				chunk: 10,
				signal: controller.signal,
				onProgress: (done) => {
					seen.push(done);
					if (done === 30) controller.abort();
				}
			})
		).toThrow(/cancelled after 30 draws/);
		expect(seen).toEqual([10, 20, 30]);
	});
	it('refuses a draw count of zero, a fraction or above the maximum', () => {
		expect(drawsProblem(0)).toMatch(/whole number from 1/);
		expect(drawsProblem(2.5)).toMatch(/whole number/);
		expect(drawsProblem(MAX_DRAWS + 1)).toMatch(String(MAX_DRAWS));
		expect(drawsProblem(MAX_DRAWS)).toBeUndefined();
	});
	it('ranks what to measure first from the draws', () => {
		const items = measureFirst(pair, runSimulation(pair, evaluate, { draws: 300, seed: 2 }), { top: 3 });
		expect(items).toHaveLength(6);
		for (const it of items) {
			expect(it.basis).not.toBe('measured');
			expect(it.share).toBeGreaterThanOrEqual(0);
			expect(it.sentence.nl).toMatch(/vervang eerst/);
		}
		const groot = items.filter((i) => i.participant === 'groot');
		expect(groot[0]!.share).toBeGreaterThanOrEqual(groot[1]!.share);
	});
});

/** Set a leaf through the variant mechanism (as a user's edit would), on base and variant alike. */
function rerun(scenario: Scenario, path: string, value: string) {
	const m = /^(.*)\.(\d{4}-\d{2}-\d{2}|\d{4})$/.exec(path)!;
	const isAmountsMap = m[1]!.endsWith('transitionCosts.amounts');
	const change: Change = isAmountsMap
		? { set: `${m[1]}.${m[2]}`, value: { value, basis: 'estimate', note: 'test' } }
		: { set: m[1]!, from: m[2]!, value: { value, basis: 'estimate', note: 'test' } };
	const base = resolveVariant(scenario, null, [change]);
	const variant = resolveVariant(scenario, 'centrum', [change]);
	if (!base.ok || !variant.ok) throw new Error(JSON.stringify([base, variant]));
	return compareScenarios(base.value, variant.value);
}

describe('tornado and break-even on the exact path', () => {
	const scenario = mustLoad(twoTownsRaw());
	const pair = prepareAnalysis(scenario, mustResolve(scenario, 'centrum'));
	it('equals a rerun of compare with the input set to its low and its high end', () => {
		const bars = scenarioTornado(pair);
		const checked = [
			'centrumgemeente.markup.2021-01-01',
			'pools[id=ict].cost.2022-01-01',
			'comparison.discountRate.2021-01-01'
		];
		for (const path of checked) {
			const input = pair.inputs.find((i) => i.path === path)!;
			const low = rerun(scenario, path, input.low);
			const high = rerun(scenario, path, input.high);
			pair.participants.forEach((p, k) => {
				const bar = bars[k]!.find((b) => b.input === path)!;
				expect(bar.atLow.toFixed(2)).toBe(low.summary.find((s) => s.participant === p)!.npv);
				expect(bar.atHigh.toFixed(2)).toBe(high.summary.find((s) => s.participant === p)!.npv);
			});
		}
		for (const list of bars)
			for (let i = 1; i < list.length; i++) expect(list[i - 1]!.swing.gte(list[i]!.swing)).toBe(true);
	});
	it('finds a break-even that a recomputation confirms, and says when there is none', () => {
		const found = breakEven(pair, {
			input: 'centrumgemeente.markup.2021-01-01',
			participant: 'groot',
			range: ['0', '0.5']
		});
		expect(found.value).not.toBeNull();
		expect(found.crossing).toBe('zero');
		const again = rerun(scenario, found.path, found.value!).summary.find((s) => s.participant === 'groot')!.npv;
		expect(Math.abs(Number(again))).toBeLessThanOrEqual(0.05);
		expect(Math.sign(Number(found.deltaAtLow))).not.toBe(Math.sign(Number(found.deltaAtHigh)));
		const none = breakEven(pair, { input: 'centrumgemeente.markup.2021-01-01', participant: 'groot' });
		expect(none.value).toBeNull();
		expect(none.searchedRange).toEqual(['0.08', '0.12']);
	});
	it('names an unknown input, participant or year', () => {
		const issues = breakEvenIssues(pair, {
			input: 'pools[id=nope].cost.2021-01-01',
			participant: 'middel',
			year: 1999
		});
		expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
			'unknown_input pools[id=nope].cost.2021-01-01',
			'unknown_participant middel',
			'year_outside_horizon 1999'
		]);
	});
	it('spreads the bills over every method and step-down order', () => {
		const spread = methodOrderSpread(mustResolve(scenario, null), { year: 2022 });
		expect(spread.orders).toEqual({ total: 2, run: 2, sampled: false });
		expect(spread.methods.map((m) => m.method)).toEqual(['direct', 'reciprocal', 'step-down', 'step-down']);
		for (const p of ['groot', 'klein']) expect(Number(spread.spread[p]!.spread)).toBeGreaterThanOrEqual(0);
	});
});
