// Invariants over every scenario in scenarios/ (and the fixtures), every variant and every method:
// charges equal costs to the cent; in the centrumgemeente partner fees + the host's residual = total
// cost; an empty variant is a no-op; compare(a, b) = −compare(b, a). Plus fast-check properties.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
	applyVariant,
	compareScenarios,
	formatIssues,
	loadScenarioFromTexts,
	resolveVariant,
	runScenario,
	sum,
	toDecimal,
	type RunResult,
	type Scenario
} from '../../src/index.ts';
import { computeYears } from '../../src/legal-form/run.ts';
import { METHOD_IDS } from '../../src/scenario/types.ts';
import { twoTownDraws, twoTownsFromDraw } from './arbitraries.ts';
import { allScenarios } from './helpers.ts';

const scenarios = allScenarios();
const cases = scenarios.flatMap(({ name, scenario }) =>
	[null, ...scenario.variants.map((v) => v.id)].map((variant) => ({ name, scenario, variant }))
);

function reconciles(run: RunResult): void {
	for (const rec of run.reconciliation) {
		expect(rec.charged, `${run.variantId ?? run.scenarioId} ${rec.year}`).toBe(rec.costs);
		const rows = run.rows.filter((r) => r.year === rec.year);
		expect(sum(rows.map((r) => toDecimal(r.total))).toFixed(2)).toBe(rec.charged);
		for (const r of rows) expect(sum(Object.values(r.components).map((c) => toDecimal(c))).toFixed(2)).toBe(r.total);
	}
}

function hostBearsResidual(s: Scenario, method?: (typeof METHOD_IDS)[number]): number {
	const { years } = computeYears(s, method ? { method } : {});
	let checked = 0;
	for (const y of years) {
		if (!y.dvo) continue;
		expect(y.dvo.partnerFees.plus(y.dvo.residual).toFixed(2)).toBe(y.dvo.totalServiceCost.toFixed(2));
		const fees = sum([...y.participants].map(([, d]) => d.components.service.plus(d.components.markup)));
		expect(fees.toFixed(2), `${y.year}: service + mark-up of all four = total service cost`).toBe(
			y.dvo.totalServiceCost.toFixed(2)
		);
		checked++;
	}
	return checked;
}

describe.each(cases.map((c) => [`${c.name}${c.variant ? ` / ${c.variant}` : ''}`, c] as const))('%s', (_label, c) => {
	const resolved = resolveVariant(c.scenario, c.variant);
	if (!resolved.ok) throw new Error(formatIssues(resolved.issues));
	const s = resolved.value;

	it.each(METHOD_IDS)('charges equal costs to the cent in every year (%s)', (method) => {
		reconciles(runScenario(s, { method }));
	});

	it('each participant’s charges by pool add up to its service component, and a row shows them as any field', () => {
		for (const row of runScenario(s).rows) {
			const charges = Object.values(row.pools);
			expect(charges.length).toBe(s.pools.length);
			expect(sum(charges.map(toDecimal)).eq(toDecimal(row.components.service)), `${row.participant} ${row.year}`).toBe(
				true
			);
			// The pool texts are written when first read (run.ts): JSON and spreading see them in their place.
			const plain = JSON.parse(JSON.stringify(row)) as typeof row;
			expect(Object.keys(plain)).toEqual(Object.keys(row));
			expect(plain.pools).toEqual({ ...row }.pools);
		}
	});

	it('in the centrumgemeente the partner fees plus the host’s residual equal the total cost', () => {
		const checked = hostBearsResidual(s);
		const centrumYears = runScenario(s).rows.filter((r) => r.legalForm === 'centrumgemeente').length;
		expect(checked > 0).toBe(centrumYears > 0);
	});

	it('an empty variant is a no-op', () => {
		const empty = applyVariant(s, [], { id: 'empty' });
		if (!empty.ok) throw new Error(formatIssues(empty.issues));
		const c2 = compareScenarios(s, empty.value);
		expect(c2.noOp.noOp).toBe(true);
		expect(c2.rows.every((r) => r.delta === '0.00')).toBe(true);
	});

	it('compare(base, this) is the exact negative of compare(this, base)', () => {
		const base = resolveVariant(c.scenario, null);
		if (!base.ok) throw new Error('base');
		const ab = compareScenarios(base.value, s);
		const ba = compareScenarios(s, base.value);
		for (let i = 0; i < ab.rows.length; i++) {
			expect(toDecimal(ab.rows[i]!.delta).plus(toDecimal(ba.rows[i]!.delta)).isZero()).toBe(true);
			expect(toDecimal(ab.rows[i]!.cumulativeDelta).plus(toDecimal(ba.rows[i]!.cumulativeDelta)).isZero()).toBe(true);
		}
		for (let i = 0; i < ab.summary.length; i++)
			expect(toDecimal(ab.summary[i]!.npv).plus(toDecimal(ba.summary[i]!.npv)).isZero()).toBe(true);
	});

	it('identical input gives byte-identical results', () => {
		expect(JSON.stringify(runScenario(s))).toBe(JSON.stringify(runScenario(s)));
	});
});

describe('properties of random two-town scenarios (fast-check)', () => {
	it('charges equal costs to the cent and the host bears the residual, whatever the inputs', () => {
		fc.assert(
			fc.property(twoTownDraws, (a) => {
				const raw = twoTownsFromDraw(a);
				const loaded = loadScenarioFromTexts({ scenario: stringify(raw) });
				if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
				const variant = resolveVariant(loaded.value, 'centrum');
				if (!variant.ok) throw new Error(formatIssues(variant.issues));
				reconciles(runScenario(loaded.value));
				reconciles(runScenario(variant.value));
				expect(hostBearsResidual(variant.value)).toBe(2025 - a.switchYear);
				const ab = compareScenarios(loaded.value, variant.value);
				const ba = compareScenarios(variant.value, loaded.value);
				ab.rows.forEach((r, i) => expect(toDecimal(r.delta).plus(toDecimal(ba.rows[i]!.delta)).isZero()).toBe(true));
			}),
			{ numRuns: 60 }
		);
	});
});
