// The figures of a comparison as its tables show them: every table adds up, every figure lies within a
// euro (or a thousand) of its exact value, and a figure shown in two tables reads the same in both.
import { describe, expect, it } from 'vitest';
import {
	directionOf,
	COMPONENTS,
	Decimal,
	compareScenarios,
	formatEuro,
	shownComparison,
	type Comparison
} from '../../src/index.ts';
import { allScenarios, mustResolve } from './helpers.ts';

const add = (xs: readonly Decimal[]) => xs.reduce((a, b) => a.plus(b), new Decimal(0));
const exactly = (x: Decimal, y: Decimal, what: string) => expect(x.toString(), what).toBe(y.toString());

/** `shown` is whole (in `unit`s) and within one unit of `exact`. */
function near(shown: Decimal, exact: string | Decimal, what: string, unit = 1) {
	expect(shown.dividedBy(unit).isInteger(), what).toBe(true);
	expect(shown.minus(exact).abs().lessThan(unit), `${what}: ${shown.toString()} for ${exact.toString()}`).toBe(true);
}

function checkShown(c: Comparison, name: string) {
	const shown = shownComparison(c);
	const row = (p: string, y: number) => c.rows.find((r) => r.participant === p && r.year === y)!;
	const d = shown.differences();
	shown.years.forEach((y, i) => {
		shown.participants.forEach((p, j) => near(d.cells[i]![j]!, row(p, y).delta, `${name} ${p} ${y}`));
		exactly(add(d.cells[i]!), d.rowTotals[i]!, `${name} Samen ${y}`);
		// One year: variant − base = difference, the differences as in the first table, every column adding up.
		const year = shown.year(y);
		year.rows.forEach((f, j) => {
			const r = row(shown.participants[j]!, y);
			near(f.base, r.base, `${name} base ${r.participant} ${y}`);
			near(f.variant, r.variant, `${name} variant ${r.participant} ${y}`);
			exactly(f.variant.minus(f.base), f.delta, `${name} variant − base ${r.participant} ${y}`);
			exactly(f.delta, d.cells[i]![j]!, `${name} difference ${r.participant} ${y}`);
		});
		for (const k of ['base', 'variant', 'delta'] as const)
			exactly(add(year.rows.map((f) => f[k])), year.total[k], `${name} Samen ${k} ${y}`);
		exactly(year.total.delta, d.rowTotals[i]!, `${name} Samen difference ${y}`);
		// By component: each row adds up to the participant's difference, each column to its Samen.
		const split = shown.components(y);
		split.cells.forEach((cells, j) => {
			const r = row(shown.participants[j]!, y);
			cells.forEach((x, k) =>
				near(x, r.components[COMPONENTS[k]!].delta, `${name} ${COMPONENTS[k]} ${r.participant} ${y}`)
			);
			exactly(split.rowTotals[j]!, d.cells[i]![j]!, `${name} components of ${r.participant} ${y}`);
		});
		COMPONENTS.forEach((k, m) =>
			exactly(add(split.cells.map((cells) => cells[m]!)), split.columnTotals[m]!, `${name} Samen ${k} ${y}`)
		);
		const cumulative = shown.cumulative(y);
		cumulative.parts.forEach((x, j) =>
			near(x, row(shown.participants[j]!, y).cumulativeDelta, `${name} cumulative ${y}`)
		);
		exactly(add(cumulative.parts), cumulative.total, `${name} cumulative Samen ${y}`);
	});
	shown.participants.forEach((p, j) => {
		const s = c.summary.find((x) => x.participant === p)!;
		exactly(add(d.cells.map((cells) => cells[j]!)), d.columnTotals[j]!, `${name} Cumulatief ${p}`);
		near(d.columnTotals[j]!, s.cumulativeDelta, `${name} Cumulatief ${p}`);
		const h = shown.horizon()[j]!;
		exactly(h.variant.minus(h.base), d.columnTotals[j]!, `${name} horizon ${p}`);
		near(shown.npv().parts[j]!, s.npv, `${name} npv ${p}`);
	});
	const last = shown.cumulative(shown.years[shown.years.length - 1]!);
	last.parts.forEach((x, j) => exactly(x, d.columnTotals[j]!, `${name} last cumulative`));
	exactly(add(shown.npv().parts), shown.npv().total, `${name} npv Samen`);
	const t = shown.thousands();
	t.cells.forEach((cells, j) => {
		cells.forEach((x, i) => near(x, row(shown.participants[j]!, shown.years[i]!).delta, `${name} thousands`, 1000));
		exactly(add(cells), t.rowTotals[j]!, `${name} thousands row`);
	});
	shown.years.forEach((_, i) =>
		exactly(add(t.cells.map((cells) => cells[i]!)), t.columnTotals[i]!, `${name} thousands Samen`)
	);
}

describe('shownComparison', () => {
	it('gives tables that add up, within a euro, the same figure alike everywhere: every scenario and variant', () => {
		let compared = 0;
		for (const { name, scenario } of allScenarios()) {
			const base = mustResolve(scenario, null);
			for (const v of scenario.variants) {
				const variant = mustResolve(scenario, v.id);
				if (variant.horizon.from !== base.horizon.from || variant.horizon.to !== base.horizon.to) continue;
				if (variant.participants.map((p) => p.id).join() !== base.participants.map((p) => p.id).join()) continue;
				checkShown(compareScenarios(base, variant), `${name}/${v.id}`);
				compared++;
			}
		}
		expect(compared).toBeGreaterThan(10);
	});

	it('shows the reference figures that rounding one by one got wrong: Leiden 2029 and its Basis and Variant', () => {
		const reference = allScenarios().find((s) => s.name === 'servicepunt71')!.scenario;
		const c = compareScenarios(mustResolve(reference, null), mustResolve(reference, 'centrumgemeente-leiden'));
		const shown = shownComparison(c);
		const leiden = shown.participants.indexOf('leiden');
		// Leiden's yearly differences now add up to its Cumulatief of −4.207.980 (one by one: −4.207.981).
		expect(shown.differences().cells.map((cells) => cells[leiden]!.toString())).toContain('-858342');
		expect(shown.differences().columnTotals[leiden]!.toString()).toBe('-4207980');
		const h = shown.horizon()[leiden]!;
		expect([h.base.toString(), h.variant.toString()]).toEqual(['410944989', '406737009']);
		// The headline year as the sentences write it.
		expect(shown.differences().cells.at(-1)![leiden]!.toString()).toBe('-882163');
		expect(c.sentences.nl[leiden]).toContain('€ 882.163 minder');
	});
});

describe('the headline sentences', () => {
	/** The figure as a sentence writes it: the amount without its sign, or with + and − for a net present value. */
	const words = (x: Decimal, locale: 'nl' | 'en', signed = false) => {
		const text = formatEuro(signed ? x : x.abs(), locale);
		return signed && !x.isNegative() && !x.isZero() ? `+${text}` : text;
	};

	it('quote the figures as the differences table shows them, for every headline year of every variant', () => {
		let quoted = 0;
		let offNearest = 0;
		for (const { name, scenario } of allScenarios()) {
			const base = mustResolve(scenario, null);
			for (const v of scenario.variants) {
				const variant = mustResolve(scenario, v.id);
				if (variant.horizon.from !== base.horizon.from || variant.horizon.to !== base.horizon.to) continue;
				if (variant.participants.map((p) => p.id).join() !== base.participants.map((p) => p.id).join()) continue;
				for (let year = base.horizon.from; year <= base.horizon.to; year++) {
					const c = compareScenarios(base, variant, { year });
					const shown = shownComparison(c);
					const d = shown.differences();
					const i = shown.years.indexOf(year);
					shown.participants.forEach((p, j) => {
						const s = c.summary[j]!;
						const delta = new Decimal(c.rows.find((r) => r.participant === p && r.year === year)!.delta);
						const figures = [
							[delta, d.cells[i]![j]!, ` in ${year} `],
							[new Decimal(s.cumulativeDelta), d.columnTotals[j]!, '']
						] as const;
						for (const [exact, table, before] of figures) {
							if (directionOf(exact, c.tolerance) === 'same') continue;
							expect(c.sentences.nl[j], `${name}/${v.id} ${year} ${p}`).toContain(`${before}${words(table, 'nl')} `);
							expect(c.sentences.en[j], `${name}/${v.id} ${year} ${p}`).toContain(` ${words(table, 'en')} `);
							quoted++;
							if (!exact.toDecimalPlaces(0).abs().equals(table.abs())) offNearest++;
						}
						if (directionOf(s.cumulativeDelta, c.tolerance) !== 'same')
							expect(c.sentences.nl[j]).toContain(`verschil ${words(shown.npv().parts[j]!, 'nl', true)})`);
					});
				}
			}
		}
		expect(quoted).toBeGreaterThan(500);
		// Among them figures the table could not keep at their nearest euro, which the sentences now follow.
		expect(offNearest).toBeGreaterThan(0);
	});

	it('follow the table where it cannot keep a figure at its nearest euro: Zoeterwoude without opslag, 2021', () => {
		const reference = allScenarios().find((s) => s.name === 'servicepunt71')!.scenario;
		const c = compareScenarios(mustResolve(reference, null), mustResolve(reference, 'centrumgemeente-zonder-opslag'), {
			year: 2021
		});
		const z = c.summary.findIndex((s) => s.participant === 'zoeterwoude');
		expect(c.summary[z]!.cumulativeDelta).toBe('-1889668.51');
		expect(shownComparison(c).differences().columnTotals[z]!.toString()).toBe('-1889668');
		expect(c.sentences.nl[z]).toContain('samen € 1.889.668 minder');
	});
});
