// Comparisons speak: values, differences, NPV, payback, sentences in Dutch and English, no-ops.
import { describe, expect, it } from 'vitest';
import {
	compare,
	compareScenarios,
	directionOf,
	formatEuro,
	noOpReasonIn,
	rowDirection,
	runScenario,
	type RunResult
} from '../../src/index.ts';
import { mustLoad, mustResolve, twoTownsRaw } from './helpers.ts';

const s = mustLoad(twoTownsRaw());
const base = mustResolve(s, null);
const centrum = mustResolve(s, 'centrum');

describe('compare', () => {
	const c = compareScenarios(base, centrum);

	it('gives per participant and year both totals, the difference and the cumulative difference', () => {
		const row = c.rows.find((r) => r.participant === 'klein' && r.year === 2024)!;
		expect(row).toMatchObject({ base: '980.83', variant: '1015.93', delta: '35.10', cumulativeDelta: '135.24' });
		expect(row.components.markup).toEqual({ base: '0.00', variant: '86.20', delta: '86.20' });
		expect(row.components.governance.delta).toBe('-63.31');
	});

	it('discounts the differences to the reference year at the discount rate', () => {
		// klein: 0, 100, 0.14, 35.10 → 100/1.1 + 0.14/1.21 + 35.10/1.331
		const npv = 100 / 1.1 + 0.14 / 1.21 + 35.1 / 1.331;
		expect(Number(c.summary.find((x) => x.participant === 'klein')!.npv)).toBeCloseTo(npv, 2);
	});

	it('the payback year is the first year from which the cumulative difference stays at or below zero', () => {
		expect(c.summary.find((x) => x.participant === 'groot')!.paybackYear).toBe(2024);
		expect(c.summary.find((x) => x.participant === 'klein')!.paybackYear).toBeNull();
	});

	it('gives the cumulative difference per inhabitant', () => {
		expect(c.summary.find((x) => x.participant === 'klein')!.deltaPerInhabitant).toBe('0.27');
	});

	it('speaks Dutch with nl-NL numbers and English with en numbers', () => {
		expect(c.sentences.nl[1]).toBe(
			'Het centrumgemeentemodel kost Klein in 2024 € 35 meer dan de GR; over 2021–2024 samen € 135 meer (contante waarde van het verschil +€ 117).'
		);
		expect(c.sentences.en[1]).toMatch(/^The centrumgemeente model costs Klein €35 more than the GR in 2024/);
	});

	it('calls a difference within the tolerance about the same', () => {
		const t = compareScenarios(base, centrum, { tolerance: '200.00' });
		expect(t.sentences.nl[0]).toMatch(/ongeveer evenveel als de GR \(verschil kleiner dan € 200\)/);
		expect(t.sentences.en[0]).toMatch(/about the same as the GR in 2024/);
	});

	it('formats euros in both locales without floats', () => {
		expect(formatEuro('12300.00', 'nl')).toBe('€ 12.300');
		expect(formatEuro('12300.00', 'en')).toBe('€12,300');
		expect(formatEuro('-1234567.891', 'nl', { decimals: 2 })).toBe('−€ 1.234.567,89');
	});

	it('compare(a, b) is the exact negative of compare(b, a)', () => {
		const back = compareScenarios(centrum, base);
		for (const row of c.rows) {
			const other = back.rows.find((r) => r.participant === row.participant && r.year === row.year)!;
			expect(other.delta).toBe(negate(row.delta));
			expect(other.cumulativeDelta).toBe(negate(row.cumulativeDelta));
			for (const k of Object.keys(row.components) as (keyof typeof row.components)[])
				expect(other.components[k].delta).toBe(negate(row.components[k].delta));
		}
		for (const sum of c.summary) {
			const other = back.summary.find((x) => x.participant === sum.participant)!;
			expect(other.npv).toBe(negate(sum.npv));
			expect(other.deltaPerInhabitant).toBe(negate(sum.deltaPerInhabitant));
		}
	});
});

describe('no-op detection', () => {
	it('an empty variant is a no-op, and says why', () => {
		const c = compareScenarios(base, mustResolve(s, 'empty'));
		expect(c.noOp).toMatchObject({ noOp: true, reason: { code: 'noOp.noChanges' } });
		expect(noOpReasonIn(c, 'en')).toBe('the variant has no changes');
		expect(noOpReasonIn(c, 'nl')).toBe('de variant bevat geen wijzigingen');
		expect(c.rows.every((r) => r.delta === '0.00')).toBe(true);
	});

	it('a variant whose changes take effect after the horizon is a no-op with that reason', () => {
		const raw = twoTownsRaw() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
		raw.variants.push({
			id: 'late',
			base: 'two-towns',
			changes: [{ set: 'legalForm', from: '2031-01-01', value: { value: 'centrumgemeente' } }]
		});
		const s2 = mustLoad(raw);
		const c = compareScenarios(mustResolve(s2, null), mustResolve(s2, 'late'));
		expect(c.noOp.noOp).toBe(true);
		expect(noOpReasonIn(c, 'en')).toMatch(/none of the 1 change alters a cost in 2021–2024/);
		expect(noOpReasonIn(c, 'nl')).toMatch(/geen van de 1 wijziging verandert/);
	});

	it('gives the "changes nothing" reason in the language asked for (the overview shows it in Dutch)', () => {
		const raw = twoTownsRaw() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
		raw.variants.push({
			id: 'late',
			base: 'two-towns',
			changes: [{ set: 'legalForm', from: '2031-01-01', value: { value: 'centrumgemeente' } }]
		});
		const s2 = mustLoad(raw);
		const c = compareScenarios(mustResolve(s2, null), mustResolve(s2, 'late'));
		expect(noOpReasonIn(c, 'nl')).toMatch(/^geen van de 1 wijziging verandert een bedrag/);
		expect(noOpReasonIn(c, 'en')).toMatch(/^none of the 1 change alters/);
		expect(noOpReasonIn(compareScenarios(base, centrum), 'nl')).toBeUndefined();
	});

	it('a real change is not a no-op', () => {
		expect(compareScenarios(base, centrum).noOp.noOp).toBe(false);
	});

	it('refuses to compare runs over different years', () => {
		const run = runScenario(base);
		const shorter: RunResult = { ...run, years: run.years.slice(1), rows: run.rows.filter((r) => r.year > 2021) };
		expect(() => compare(run, shorter)).toThrow(/different years/);
	});
});

function negate(amount: string): string {
	if (amount === '0.00') return amount;
	return amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
}

describe('the direction of a difference', () => {
	it('is the same within the tolerance, else cheaper or dearer', () => {
		expect(directionOf('0.00')).toBe('same');
		expect(directionOf('-0.01')).toBe('cheaper');
		expect(directionOf('0.01')).toBe('dearer');
		expect(directionOf('-49.99', '50.00')).toBe('same');
		expect(directionOf('-50.00', '50.00')).toBe('cheaper');
		expect(directionOf('50.00', '50.00')).toBe('dearer');
	});

	it('agrees with every sentence of a comparison', () => {
		const s = mustLoad(twoTownsRaw());
		const v = mustResolve(s, 'centrum');
		const c = compare(runScenario(s), runScenario(v), { tolerance: '50.00', year: 2024 });
		for (const [i, sum] of c.summary.entries()) {
			const row = c.rows.find((r) => r.participant === sum.participant && r.year === 2024)!;
			const word = { cheaper: 'less', dearer: 'more', same: 'about the same' }[rowDirection(row, c)];
			expect(c.sentences.en[i]!.split(';')[0], row.delta).toContain(word);
		}
	});
});
