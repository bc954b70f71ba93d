// The fast path must serve every reference comparison it can record without falling back: a guard
// that fails on every draw (a comparison that only chooses trace wording, say) would quietly turn
// 10,000 draws into 10,000 exact runs. Each variant of the reference scenario that has no in-house
// members is drawn at random points; no draw may need the exact path.
import { describe, expect, it } from 'vitest';
import { fastEvaluator } from '../../src/analysis/fast-evaluator.ts';
import { prepareAnalysis } from '../../src/analysis/pair.ts';
import { createRandom } from '../../src/analysis/random.ts';
import { outputWidth } from '../../src/analysis/simulate.ts';
import { hasInHouseMembers } from '../../src/legal-form/in-house-run.ts';
import { loadScenarioPath } from '../scenario/load-path.ts';
import { ROOT, mustResolve } from '../scenario/helpers.ts';
import { join } from 'node:path';

const loaded = loadScenarioPath(join(ROOT, 'scenarios/servicepunt71'));
if (!loaded.ok) throw new Error('the reference scenario does not load');
const reference = loaded.value;
const base = mustResolve(reference, null);
const recordable = reference.variants.filter((v) => !hasInHouseMembers(mustResolve(reference, v.id)));

describe('the fast path on the reference variants', () => {
	it('records at least the six variants without in-house members', () => {
		expect(recordable.length).toBeGreaterThanOrEqual(6);
	});

	for (const v of recordable)
		it(`${v.id}: 12 random draws on the kernel, none on the exact path`, () => {
			const pair = prepareAnalysis(base, mustResolve(reference, v.id));
			const fast = fastEvaluator(pair);
			expect(fast.stats.kernel, fast.stats.reason).toBe(true);
			const random = createRandom(7);
			const out = new Float64Array(outputWidth(pair) * pair.participants.length);
			for (let d = 0; d < 12; d++)
				fast(
					Float64Array.from(pair.inputs, () => random.next()),
					out
				);
			expect(fast.stats.draws).toBe(12);
			expect(fast.stats.fallbacks).toBe(0);
		});
});
