// The fast path of the uncertainty analysis against the exact path: on generated two-town scenarios
// and variants (fast-check) and on the reference comparison, at random draws, the recorded kernel's
// differences lie within € 1 per municipality-year of a full exact comparison; a draw whose branch
// differs from the recording falls back to the exact path and is counted; the same seed gives the
// same report.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { drawEvaluator } from '../../src/analysis/index.ts';
import { exactEvaluator } from '../../src/analysis/exact-evaluator.ts';
import { fastEvaluator, type CountingEvaluator } from '../../src/analysis/fast-evaluator.ts';
import { prepareAnalysis, type AnalysisPair } from '../../src/analysis/pair.ts';
import { createRandom } from '../../src/analysis/random.ts';
import { outputWidth, runSimulation, summarizeSimulation } from '../../src/analysis/simulate.ts';
import { formatIssues, loadScenarioFromTexts, resolveVariant } from '../../src/index.ts';
import { twoTownDraws, twoTownsFromDraw } from '../scenario/arbitraries.ts';
import { mustResolve } from '../scenario/helpers.ts';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function pairOf(raw: Raw, variant = 'centrum'): AnalysisPair {
	const loaded = loadScenarioFromTexts({ scenario: stringify(raw) });
	if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
	return prepareAnalysis(loaded.value, mustResolve(loaded.value, variant));
}

/** The largest gap between fast and exact at `draws` random points: per year, and for the cumulative and NPV per year of the horizon. */
function largestGap(pair: AnalysisPair, fast: CountingEvaluator, draws: number, seed: number): number {
	const exact = exactEvaluator(pair);
	const width = outputWidth(pair);
	const a = new Float64Array(width * pair.participants.length);
	const b = new Float64Array(width * pair.participants.length);
	const random = createRandom(seed);
	let worst = 0;
	for (let d = 0; d < draws; d++) {
		const u = Float64Array.from(pair.inputs, () => random.next());
		fast(u, a);
		exact(u, b);
		for (let k = 0; k < a.length; k++) {
			// Slots 0 and 1 (NPV, cumulative) add up the years: allow € 1 per year there.
			const allowance = k % width < 2 ? pair.years.length : 1;
			worst = Math.max(worst, Math.abs(a[k]! - b[k]!) / allowance);
		}
	}
	return worst;
}

describe('the fast path against the exact path', () => {
	it('stays within € 1 per municipality-year on generated scenarios and variants', () => {
		let kernels = 0;
		fc.assert(
			fc.property(twoTownDraws, fc.integer({ min: 1, max: 2 ** 31 }), (a, seed) => {
				const pair = pairOf(twoTownsFromDraw(a));
				const fast = fastEvaluator(pair);
				if (fast.stats.kernel) kernels++;
				expect(largestGap(pair, fast, 3, seed)).toBeLessThanOrEqual(1);
				expect(fast.stats.draws).toBe(3);
			}),
			{ numRuns: 25 }
		);
		// The kernel, not the exact fallback, answered nearly every generated case.
		expect(kernels).toBeGreaterThanOrEqual(23);
	});

	it('falls back to the exact path, counted, when a draw takes another branch than the recording', () => {
		const raw = twoTownsFromDraw(fc.sample(twoTownDraws, { numRuns: 1, seed: 8 })[0]!);
		// A wage share of exactly one takes the "wages only" branch of the index; a draw below one does not.
		raw.pools[0].wageShare = { '2021-01-01': { value: '1', basis: 'estimate', note: 'r', range: ['0.5', '1'] } };
		const pair = pairOf(raw);
		const fast = fastEvaluator(pair);
		expect(fast.stats.kernel).toBe(true);
		expect(largestGap(pair, fast, 4, 3)).toBeLessThanOrEqual(1);
		expect(fast.stats.fallbacks).toBeGreaterThan(0);
		expect(fast.stats.fallbacks).toBeLessThanOrEqual(fast.stats.draws);
	});

	it('stays within € 1 per municipality-year on the reference comparison, without fallbacks', () => {
		const root = new URL('../../../..', import.meta.url).pathname;
		const dir = join(root, 'scenarios', 'servicepunt71');
		const variants = Object.fromEntries(
			readdirSync(join(dir, 'variants')).map((f) => [f, readFileSync(join(dir, 'variants', f), 'utf8')])
		);
		const loaded = loadScenarioFromTexts({ scenario: readFileSync(join(dir, 'scenario.yaml'), 'utf8'), variants });
		if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
		const variant = resolveVariant(loaded.value, 'centrumgemeente-leiden');
		if (!variant.ok) throw new Error(formatIssues(variant.issues));
		const pair = prepareAnalysis(loaded.value, variant.value);
		const fast = fastEvaluator(pair);
		expect(fast.stats).toMatchObject({ kernel: true });
		expect(largestGap(pair, fast, 4, 11)).toBeLessThanOrEqual(1);
		expect(fast.stats.fallbacks).toBe(0);
	});

	it('gives byte-identical reports for the same seed', () => {
		const pair = pairOf(twoTownsFromDraw(fc.sample(twoTownDraws, { numRuns: 1, seed: 5 })[0]!));
		const run = () =>
			JSON.stringify(summarizeSimulation(pair, runSimulation(pair, drawEvaluator(pair), { draws: 300, seed: 9 })));
		expect(run()).toBe(run());
	});
});
