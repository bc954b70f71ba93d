// The pure functions behind the web app's views: edits per side, variant files that reproduce a view, keys
// in file form, the methods side by side, the effect of edits, the "Samen" totals and every option at once.
import { describe, expect, it } from 'vitest';
import {
	Decimal,
	applyVariant,
	balanceOf,
	compare,
	compareScenarios,
	componentTotals,
	editEffect,
	editsToVariantFiles,
	inhabitantsOf,
	keyChange,
	keyToRaw,
	methodSpread,
	optionsOverview,
	runScenario,
	splitEdits,
	summaryTotal,
	switchKeyType,
	yearTotal,
	type Edit
} from '../../src/index.ts';
import { mustLoad, mustResolve, twoTownsRaw } from './helpers.ts';

const s = mustLoad(twoTownsRaw());
const base = mustResolve(s, null);
const centrum = mustResolve(s, 'centrum');
const participants = base.participants.map((p) => p.id);

function must<T>(r: { ok: true; value: T } | { ok: false; issues: readonly unknown[] }): T {
	if (!r.ok) throw new Error(JSON.stringify(r.issues));
	return r.value;
}

describe('edits per side', () => {
	const edits: Edit[] = [
		{ set: 'a', value: 1 },
		{ set: 'b', value: 2, side: 'base' },
		{ set: 'c', value: 3, side: 'variant' },
		{ set: 'd', value: 4, side: 'both' }
	];

	it('an edit without a side applies to both; each side keeps the order of the edits and drops the side field', () => {
		const { base: b, variant: v } = splitEdits(edits);
		expect(b).toEqual([
			{ set: 'a', value: 1 },
			{ set: 'b', value: 2 },
			{ set: 'd', value: 4 }
		]);
		expect(v).toEqual([
			{ set: 'a', value: 1 },
			{ set: 'c', value: 3 },
			{ set: 'd', value: 4 }
		]);
	});

	it('the variant files reproduce both sides: a baseline file only when an edit touches the baseline', () => {
		const only = editsToVariantFiles([{ set: 'c', value: 3, side: 'variant' }], { scenarioId: 's', variantId: 'v' });
		expect(only.baseline).toBeNull();
		expect(only.alternative).toMatchObject({
			format: 'sp71-scenario-variant/1',
			base: 'v',
			changes: [{ set: 'c', value: 3 }]
		});
		const files = editsToVariantFiles(edits, { scenarioId: 's', variantId: 'v' });
		expect(files.alternative.changes.map((c) => c.set)).toEqual(['a', 'c', 'd']);
		expect(files.baseline).toMatchObject({ base: 's', id: 'eigen-wijzigingen-basis' });
		expect(files.baseline!.changes.map((c) => c.set)).toEqual(['a', 'b', 'd']);
	});

	it('applying the exported files gives the same runs as the edits applied side by side', () => {
		const pool = base.pools[0]!;
		const edit: Edit = {
			set: `pools[id=${pool.id}].key`,
			from: `${base.horizon.from}-01-01`,
			value: { type: 'even' },
			side: 'base'
		};
		const files = editsToVariantFiles([edit], { scenarioId: base.id, variantId: 'centrum' });
		const baseEdited = must(applyVariant(base, files.baseline!.changes));
		const onScreen = compareScenarios(baseEdited, centrum);
		expect(onScreen.rows).not.toEqual(compareScenarios(base, centrum).rows);
		const variantEdited = must(applyVariant(centrum, files.alternative.changes));
		expect(compareScenarios(baseEdited, variantEdited).rows).toEqual(onScreen.rows);
	});
});

describe('keys in file form', () => {
	it('every key of the fixture turns back into file form that validates to the same key', () => {
		const pool = base.pools.find((p) => p.key.entries.length > 0)!;
		const entry = pool.key.entries[0]!;
		const raw = keyToRaw(entry.value!);
		const change = keyChange(pool.id, entry.from, raw, 'test');
		expect(change).toMatchObject({ set: `pools[id=${pool.id}].key`, from: entry.from });
		const again = must(applyVariant(base, [change]));
		const back = again.pools.find((p) => p.id === pool.id)!.key.entries.find((e) => e.from === entry.from)!;
		expect(keyToRaw(back.value!)).toEqual(raw);
	});

	it('turns a validated base-plus-usage key back into file form without paths or nested provenance', () => {
		const raw = keyToRaw({
			type: 'base-plus-usage',
			path: 'pools[id=ict].key.2021-01-01',
			baseShare: '0.40',
			base: { type: 'fixed', path: 'x.base', shares: { a: '60', b: '40' } },
			usage: { type: 'driver', path: 'x.usage', driver: 'werkplekken' },
			provenance: { basis: 'estimate', note: 'n' }
		});
		expect(raw).toEqual({
			type: 'base-plus-usage',
			baseShare: '0.40',
			base: { type: 'fixed', shares: { a: '60', b: '40' } },
			usage: { type: 'driver', driver: 'werkplekken' }
		});
	});

	it('switching the key type keeps the driver and gives every participant a share', () => {
		const ctx = { participants: ['a', 'b'], drivers: ['inwoners'] };
		expect(switchKeyType({ type: 'driver', driver: 'fte' }, 'price-quantity', ctx)).toEqual({
			type: 'price-quantity',
			driver: 'fte'
		});
		expect(switchKeyType({ type: 'even' }, 'fixed', ctx)).toEqual({
			type: 'fixed',
			shares: { a: '50.00', b: '50.00' }
		});
		expect(switchKeyType({ type: 'even' }, 'formula', ctx)).toEqual({ type: 'formula', expression: 'inwoners' });
	});
});

describe('methods side by side', () => {
	const methods = ['direct', 'step-down', 'reciprocal'] as const;
	const runs = methods.map((method) => ({ method, run: runScenario(base, { method }) }));
	const year = base.horizon.from + 1;
	const spread = methodSpread(runs, year);

	it('gives each participant its total per method and the spread between highest and lowest', () => {
		expect(spread.rows.map((r) => r.participant)).toEqual(participants);
		for (const row of spread.rows) {
			const totals = row.totals.map((t) => new Decimal(t.total));
			expect(row.spread).toBe(
				Decimal.max(...totals)
					.minus(Decimal.min(...totals))
					.toFixed(2)
			);
			for (const [i, t] of row.totals.entries()) {
				const expected = runs[i]!.run.rows.find((r) => r.participant === row.participant && r.year === year)!.total;
				expect(t.total).toBe(expected);
			}
		}
	});

	it('the Samen line per method is the sum of the participants and equals what the run charged', () => {
		for (const [i, t] of spread.totals.entries()) {
			const rows = spread.rows.map((r) => new Decimal(r.totals[i]!.total));
			expect(t.total).toBe(rows.reduce((a, b) => a.plus(b)).toFixed(2));
			expect(t.total).toBe(balanceOf(runs[i]!.run, year)!.charged);
		}
		// No component changes the total exactly when the totals agree.
		expect(spread.componentsChangingTotal.length === 0).toBe(spread.totalSpread === '0.00');
	});
});

describe('totals and balance', () => {
	const c = compareScenarios(base, centrum);
	const year = base.horizon.from + 1;

	it('the year total is the exact sum of the rows, and the components add up to the difference', () => {
		const t = yearTotal(c, year);
		const rows = c.rows.filter((r) => r.year === year);
		expect(t.delta).toBe(rows.reduce((a, r) => a.plus(r.delta), new Decimal(0)).toFixed(2));
		expect(new Decimal(t.variant).minus(t.base).toFixed(2)).toBe(t.delta);
		const parts = Object.values(componentTotals(c, year)).reduce((a, v) => a.plus(v), new Decimal(0));
		expect(parts.toFixed(2)).toBe(t.delta);
	});

	it('the summary total divides the total difference by all inhabitants', () => {
		const run = runScenario(base);
		const t = summaryTotal(c, inhabitantsOf(run, base.referenceYear));
		const cumulative = c.summary.reduce((a, s) => a.plus(s.cumulativeDelta), new Decimal(0));
		expect(t.cumulativeDelta).toBe(cumulative.toFixed(2));
		const people = run.rows
			.filter((r) => r.year === base.referenceYear)
			.reduce((a, r) => a.plus(r.inhabitants ?? '0'), new Decimal(0));
		expect(t.deltaPerInhabitant).toBe(cumulative.dividedBy(people).toDecimalPlaces(2).toFixed(2));
		expect(summaryTotal(c, {}).deltaPerInhabitant).toBeNull();
	});

	it('the balance says what the run costs and charges in a year, equal to the cent', () => {
		const b = balanceOf(runScenario(centrum), year)!;
		expect(b.costs).toBe(b.charged);
		expect(balanceOf(runScenario(centrum), 1800)).toBeNull();
	});
});

describe('effect of edits and every option at once', () => {
	const reference = compareScenarios(base, centrum);

	it('the effect is after minus before per participant, and the totals add up', () => {
		const pool = base.pools[0]!;
		const change = { set: `pools[id=${pool.id}].key`, from: `${base.horizon.from}-01-01`, value: { type: 'even' } };
		const edited = compare(runScenario(must(applyVariant(base, [change]))), runScenario(centrum));
		const effect = editEffect(edited, reference);
		for (const row of effect.rows) expect(new Decimal(row.after).minus(row.before).toFixed(2)).toBe(row.change);
		expect(effect.total.change).toBe(effect.rows.reduce((a, r) => a.plus(r.change), new Decimal(0)).toFixed(2));
		expect(effect.rows.some((r) => r.change !== '0.00')).toBe(true);
	});

	it('marks per participant the option with the lowest NPV, or none when nothing beats the baseline', () => {
		const same = compareScenarios(base, base);
		const overview = optionsOverview([
			{ variantId: 'same', comparison: same },
			{ variantId: 'centrum', comparison: reference }
		]);
		expect(overview.cells).toHaveLength(2 * participants.length);
		for (const p of participants) {
			const npv = new Decimal(reference.summary.find((x) => x.participant === p)!.npv);
			expect(overview.best[p]).toBe(npv.isNegative() && !npv.isZero() ? 'centrum' : null);
			const marked = overview.cells.filter((c) => c.participant === p && c.best).map((c) => c.variantId);
			expect(marked).toEqual(overview.best[p] ? [overview.best[p]] : []);
		}
	});
});
