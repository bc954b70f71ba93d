// Applying a variant shares with the baseline what the changes leave alone: the plain data that is
// not on a change's path, and the computed years when the changes reach no section the years read.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { applyChangesToRaw, applyVariant, resolveVariant, tryRunScenario, validateStructure } from '../../src/index.ts';
import { applyChangesShared } from '../../src/scenario/variant.ts';
import type { Change } from '../../src/scenario/types.ts';
import { twoTownsRaw } from './helpers.ts';
import { loadScenarioPath } from './load-path.ts';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A deep copy that throws when anything in it is modified. */
function frozen<T>(value: T): T {
	const copy = structuredClone(value);
	const freeze = (v: unknown): void => {
		if (typeof v !== 'object' || v === null) return;
		Object.freeze(v);
		for (const child of Object.values(v)) freeze(child);
	};
	freeze(copy);
	return copy;
}

const note = { basis: 'estimate', note: 'x' };
const changeSets: Record<string, Change[]> = {
	dated: [{ set: 'pools[id=ict].cost', from: '2022-01-01', value: { value: '999.00', ...note } }],
	'dated until': [
		{ set: 'pools[id=ict].cost', from: '2022-01-01', until: '2023-01-01', value: { value: '1.00', ...note } }
	],
	whole: [{ set: 'comparison.tolerance', value: '50.00' }],
	removed: [{ set: 'comparison.tolerance', value: null }],
	'new element': [{ set: 'pools[id=post]', value: { ...(twoTownsRaw() as Raw).pools[1], name: 'Post' } }],
	'element replaced': [{ set: 'pools[id=hrm]', value: { ...(twoTownsRaw() as Raw).pools[1], name: 'P&O' } }],
	'by index': [{ set: 'participants[0].name', value: 'Stad' }],
	'new map': [{ set: 'gr.newSection.field', value: '1' }],
	'two changes on one path': [
		{ set: 'pools[id=ict].cost', from: '2022-01-01', value: { value: '5.00', ...note } },
		{ set: 'pools[id=ict].cost', from: '2023-01-01', value: { value: '6.00', ...note } }
	],
	refused: [
		{ set: 'pools[id=nope].cost', value: '1' },
		{ set: 'participants[0]', from: '2022-01-01', value: {} },
		{ set: 'nothing.here', value: 1 },
		{ set: 'pools[id=ict', value: 1 }
	]
};

describe('applying changes with sharing', () => {
	for (const [name, changes] of Object.entries(changeSets))
		it(`gives the data and issues of a full copy: ${name}`, () => {
			const raw = frozen(twoTownsRaw() as Raw);
			const shared = applyChangesShared(raw, changes, 'variants[id=v].changes');
			const copied = applyChangesToRaw(raw, changes, 'variants[id=v].changes');
			expect(shared).toEqual(copied);
			expect(raw, 'the input is not modified').toEqual(twoTownsRaw());
		});

	it('shares what no change reaches and copies the path a change walks', () => {
		const raw = twoTownsRaw() as Raw;
		const { raw: out } = applyChangesShared(raw, changeSets.dated!) as { raw: Raw };
		expect(out.participants).toBe(raw.participants);
		expect(out.pools[1]).toBe(raw.pools[1]);
		expect(out.pools).not.toBe(raw.pools);
		expect(out.pools[0]).not.toBe(raw.pools[0]);
		expect(out.pools[0].key).toBe(raw.pools[0].key);
	});

	it('copies data in full that a JSON copy would change, as before', () => {
		const raw = { ...(twoTownsRaw() as Raw), extra: { a: Number.POSITIVE_INFINITY, b: undefined, c: -0 } };
		const shared = applyChangesShared(raw, changeSets.whole!);
		expect(shared).toEqual(applyChangesToRaw(raw, changeSets.whole!));
		expect((shared.raw as Raw).extra).toEqual({ a: null, c: 0 });
	});
});

describe('variants that leave the years alone', () => {
	const loaded = loadScenarioPath(join(import.meta.dirname, '..', '..', '..', '..', 'scenarios', 'servicepunt71'));
	if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
	const inHouse = loaded.value.variants.filter((v) => v.changes.every((c) => c.set.startsWith('inHouse.')));

	it('are there to check (the in-house variants of the reference scenario)', () => {
		expect(inHouse.map((v) => v.id)).toEqual([
			'eigen-organisatie-leiden',
			'eigen-organisatie-leiderdorp',
			'eigen-organisatie-oegstgeest',
			'eigen-organisatie-zoeterwoude'
		]);
	});

	const others: Record<string, Change[]> = {
		'a correlation': [{ set: 'uncertainty.correlations[0].rho', value: '0.3' }],
		'a usage driver for fairness': [{ set: 'fairness.usageDrivers.ict', value: 'sp71Fte' }]
	};
	const cases = [
		...inHouse.map((v) => ({ name: v.id, resolve: () => resolveVariant(loaded.value, v.id) })),
		...Object.entries(others).map(([name, changes]) => ({
			name,
			resolve: () => applyVariant(loaded.value, changes, { id: 'edit' })
		}))
	];

	for (const { name, resolve } of cases)
		it(`run exactly as when computed afresh: ${name}`, () => {
			const resolved = resolve();
			if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
			// The same scenario, validated anew: nothing computed for it yet.
			const fresh = validateStructure(resolved.value.raw);
			if (!fresh.ok) throw new Error(JSON.stringify(fresh.issues));
			const { variantId, lineage, changeCount } = resolved.value;
			expect(resolved.value.raw).not.toEqual(loaded.value.raw);
			const afresh = tryRunScenario({ ...fresh.value, variantId, lineage, changeCount });
			expect(afresh.ok).toBe(true);
			expect(tryRunScenario(resolved.value)).toEqual(afresh);
		});
});
