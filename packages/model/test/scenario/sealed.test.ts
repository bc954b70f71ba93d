// The data a load parsed is sealed: frozen, so that a variant, which shares the maps and lists its
// changes leave alone, may share what was read from them too (scenario/sealed.ts, Reader.leafSeries).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { applyVariant, formatIssues, runScenario, validateScenario, type Scenario } from '../../src/index.ts';
import { isSealed, sealRaw } from '../../src/scenario/sealed.ts';
import { ROOT, allScenarios, mustResolve } from './helpers.ts';
import { loadScenarioPath } from './load-path.ts';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function reference(): Scenario {
	const r = loadScenarioPath(join(ROOT, 'scenarios/servicepunt71'));
	if (!r.ok) throw new Error(formatIssues(r.issues));
	return r.value;
}

/** The same scenario validated from a private copy of its data, which nothing seals. */
function unsealedCopy(scenario: Scenario): Scenario {
	const r = validateScenario(structuredClone(scenario.raw));
	if (!r.ok) throw new Error(formatIssues(r.issues));
	return { ...r.value, variants: scenario.variants };
}

describe('sealed scenario data', () => {
	it('cannot be modified once loaded, at any depth', () => {
		const raw = reference().raw as Raw;
		expect(isSealed(raw)).toBe(true);
		expect(() => {
			raw.title = 'changed';
		}).toThrow(TypeError);
		expect(() => {
			raw.pools[0].cost['2021-01-01'].value = '1.00';
		}).toThrow(TypeError);
		expect(() => raw.participants.push({ id: 'x' })).toThrow(TypeError);
	});

	it('is never data a caller passed in', () => {
		const copy = unsealedCopy(reference());
		expect(isSealed(copy.raw)).toBe(false);
		const applied = applyVariant(copy, [{ set: 'comparison.tolerance', value: '2.00' }]);
		if (!applied.ok) throw new Error(formatIssues(applied.issues));
		expect(isSealed(applied.value.raw)).toBe(false);
		// The caller's data is still theirs to change.
		(copy.raw as Raw).title = 'mine';
		expect((copy.raw as Raw).title).toBe('mine');
	});

	it('holds no forbidden key where it counts as sealed', () => {
		const raw = JSON.parse('{"a": {"b": 1}, "c": {"__proto__": {"x": 1}}}') as Raw;
		sealRaw(raw);
		expect(isSealed(raw.a)).toBe(true);
		expect(isSealed(raw.c)).toBe(false);
		expect(isSealed(raw)).toBe(false);
		expect(Object.isFrozen(raw.c)).toBe(true);
	});
});

describe('a variant of sealed data', () => {
	it('shares its baseline’s unchanged leaves and runs exactly as the same variant of unsealed data', () => {
		let shared = 0;
		for (const { name, scenario } of allScenarios()) {
			const copy = unsealedCopy(scenario);
			for (const v of scenario.variants) {
				const sealed = mustResolve(scenario, v.id);
				const unsealed = mustResolve(copy, v.id);
				expect(runScenario(sealed).rows, `${name} / ${v.id}`).toEqual(runScenario(unsealed).rows);
				shared += sealed.pools.filter((p, i) => p.cost === scenario.pools[i]?.cost).length;
				// Nothing is shared with data that was not sealed.
				expect(unsealed.pools.some((p, i) => p.cost === copy.pools[i]?.cost)).toBe(false);
			}
		}
		expect(shared).toBeGreaterThan(20);
	});

	it('reads a leaf anew when a source it names changes', () => {
		const scenario = reference();
		const pool = scenario.pools.find((p) => p.id === 'ict')!;
		const cited = pool.cost.entries[0]!.value!.provenance.source!;
		const applied = applyVariant(scenario, [{ set: `sources.${cited.id}.title`, value: 'Een andere titel' }]);
		if (!applied.ok) throw new Error(formatIssues(applied.issues));
		const after = applied.value.pools.find((p) => p.id === 'ict')!;
		expect(after.cost).not.toBe(pool.cost);
		expect(after.cost.entries[0]!.value!.provenance.source!.title).toBe('Een andere titel');
	});

	it('reads a leaf anew when a change reaches it', () => {
		const scenario = reference();
		const applied = applyVariant(scenario, [
			{ set: 'pools[id=ict].cost', from: '2022-01-01', value: { value: '25000000.00', basis: 'estimate', note: 'x' } }
		]);
		if (!applied.ok) throw new Error(formatIssues(applied.issues));
		const [before, after] = [scenario, applied.value].map((s) => s.pools.find((p) => p.id === 'ict')!);
		expect(after!.cost).not.toBe(before!.cost);
		expect(after!.cost.entries.find((e) => e.from === '2022-01-01')!.value!.value).toBe('25000000.00');
		expect(applied.value.pools.find((p) => p.id === 'hrm')!.cost).toBe(
			scenario.pools.find((p) => p.id === 'hrm')!.cost
		);
	});
});
