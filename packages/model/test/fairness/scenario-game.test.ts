// The cost game of a scenario, checked against figures computed by hand on the two-towns-fair
// fixture (two participants, so every coalition is written out below), plus the invariants of the
// reference scenario's game and of the in-house variants.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fairnessReport, scenarioGame } from '../../src/fairness/index.ts';
import { Decimal, explain, formatIssues, loadScenarioFromTexts, runScenario, sum, toDecimal } from '../../src/index.ts';
import { FIXTURES, mustResolve } from '../scenario/helpers.ts';
import { loadScenarioPath } from '../scenario/load-path.ts';

function fixture() {
	const loaded = loadScenarioFromTexts({ scenario: readFileSync(join(FIXTURES, 'two-towns-fair.yaml'), 'utf8') });
	if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
	return loaded.value;
}

describe('the two-towns-fair game, by hand', () => {
	// In-house (exponent 0.5, reference size 100 FTE, ICT € 8 and HRM € 4 per FTE in 2021 prices):
	//   Groot, 100 FTE: 8 × 100 × (100/100)^−0.5 = 800.00 + 4 × 100 = 400.00 → 1 200.00
	//   Klein,  40 FTE: 8 × 40 × 0.4^−0.5 = 505.964… → 505.96; 4 × 40 × 0.4^−0.5 = 252.982… → 252.98 → 758.94
	// Together, the scenario itself in 2021: ICT 1 000 + HRM 500 + board 100 + owner costs 2 × 10 +
	//   VAT Klein cannot reclaim (40 % of ICT × 21 % × (1 − 0.5) = 42) = 1 662.00, charged
	//   Groot 600 + 250 + 50 + 10 = 910.00 and Klein 400 + 250 + 50 + 10 + 42 = 752.00.
	it('computes every coalition of 2021', () => {
		const game = scenarioGame(fixture(), { year: 2021 });
		expect(game.coalitions.map((c) => [c.members.join(','), c.cost.toFixed(2)])).toEqual([
			['groot', '1200.00'],
			['klein', '758.94'],
			['groot,klein', '1662.00']
		]);
		expect([...game.charges].map(([id, v]) => [id, v.toFixed(2)])).toEqual([
			['groot', '910.00'],
			['klein', '752.00']
		]);
	});

	// Indexed to 2022 by the wage index (wage share 1): × 1.10, rounded per service.
	it('indexes the in-house cost with the scenario’s wage index', () => {
		const game = scenarioGame(fixture(), { year: 2022 });
		expect(game.coalitions[0]!.cost.toFixed(2)).toBe('1320.00');
		// ICT 505.964… × 1.1 = 556.56, HRM 252.982… × 1.1 = 278.28.
		expect(game.coalitions[1]!.cost.toFixed(2)).toBe('834.84');
	});

	// With two players the Shapley value and the nucleolus both split the saving equally:
	// saving 1 200 + 758.94 − 1 662 = 296.94, half 148.47 each; Groot 1 051.53, Klein 610.47.
	// Usage key: ICT by workstations 90 : 30, HRM by inhabitants 1 000 : 500, weighted by the pools'
	// charges 1 000 : 500: Groot 2/3 × 3/4 + 1/3 × 2/3 = 13/18 → 1 200.33, Klein 5/18 → 461.67.
	it('reports Shapley value, nucleolus, core and subsidies', () => {
		const report = fairnessReport(scenarioGame(fixture(), { year: 2021 }));
		expect(report.totalSavings).toBe('296.94');
		expect(report.shapley).toEqual({ groot: '1051.53', klein: '610.47' });
		expect(report.shapleySavings).toEqual({ groot: '148.47', klein: '148.47' });
		expect(report.nucleolus).toEqual({ groot: '1051.53', klein: '610.47' });
		expect(report.usage).toEqual({ groot: '1200.33', klein: '461.67' });
		expect(report.inCore).toBe(true);
		expect(report.coreNonEmpty).toBe(true);
		expect(report.subsidy.klein).toEqual({
			vsShapley: '141.53',
			vsUsage: '290.33',
			vsShapleyPerInhabitant: '0.28',
			vsUsagePerInhabitant: '0.58'
		});
		expect(report.sentences.nl[1]).toBe(
			'Klein betaalt in 2021 € 7 minder dan alleen; naar de Shapley-waarde zou het € 142 minder betalen.'
		);
	});

	// Klein alone from 2023: in-house ICT 505.964… × 1.21 = 612.22 and HRM 306.11 → 918.33; exit costs
	// in 2023: frictiekosten 10 % = 91.83, ICT 50 % of 612.22 = 306.11, uittredingsvergoeding 1 × its
	// 2022 service charge (ICT 40 % of 1 200 + HRM 550 / 2 = 755.00), paid to Groot.
	it('puts a member in-house with its exit costs, and the run still reconciles to the cent', () => {
		const run = runScenario(mustResolve(fixture(), 'klein-alone'));
		const klein2023 = run.rows.find((r) => r.participant === 'klein' && r.year === 2023)!;
		expect(klein2023.legalForm).toBe('inhouse');
		expect(klein2023.components.service).toBe('918.33');
		expect(klein2023.components.transition).toBe('1152.94');
		const groot2023 = run.rows.find((r) => r.participant === 'groot' && r.year === 2023)!;
		expect(toDecimal(groot2023.components.transition).toFixed(2)).toBe('-755.00');
		for (const r of run.reconciliation) expect(r.costs).toBe(r.charged);
		expect(run.warnings).toEqual([]);
	});

	it('explains an in-house year: the cost function and exit costs, and for who stays the smaller GR and the vergoeding', () => {
		const run = runScenario(mustResolve(fixture(), 'klein-alone'));
		for (const participant of ['klein', 'groot']) {
			const trace = explain(fixture(), 'klein-alone', participant, 2023);
			expect(trace.value).toBe(run.rows.find((r) => r.participant === participant && r.year === 2023)!.total);
		}
		const klein = explain(fixture(), 'klein-alone', 'klein', 2023);
		expect(klein.children?.[0]?.rule).toMatch(/cost per FTE × F × \(F \/ F_ref\)\^\(b − 1\)/);
		expect(explain(fixture(), 'klein-alone', 'groot', 2023).children?.[1]?.value).toBe('-755.00');
	});

	it('refuses the game of a variant that already puts someone in-house', () => {
		expect(() => scenarioGame(mustResolve(fixture(), 'klein-alone'), { year: 2021 })).toThrow(
			/already puts klein in-house/
		);
	});
});

describe('the reference scenario’s game', () => {
	const loaded = loadScenarioPath('scenarios/servicepunt71');
	if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
	const reference = loaded.value;

	it('adds up: charges, Shapley value and nucleolus each total the grand coalition; Shapley savings total the savings', () => {
		const report = fairnessReport(scenarioGame(mustResolve(reference, 'centrumgemeente-leiden'), { npv: true }));
		expect(report.coalitions).toHaveLength(15);
		const total = (m: Record<string, string>): string => sum(Object.values(m).map((v) => new Decimal(v))).toFixed(2);
		expect(total(report.charges)).toBe(report.grand);
		expect(total(report.shapley)).toBe(report.grand);
		expect(total(report.nucleolus)).toBe(report.grand);
		expect(total(report.usage)).toBe(report.grand);
		expect(total(report.shapleySavings)).toBe(report.totalSavings);
		expect(total(report.nucleolusSavings)).toBe(report.totalSavings);
		expect(report.inCore).toBe(report.blockingCoalitions.length === 0);
	});

	it('every in-house variant validates and reconciles in every year', () => {
		for (const id of ['leiden', 'leiderdorp', 'oegstgeest', 'zoeterwoude']) {
			const run = runScenario(mustResolve(reference, `eigen-organisatie-${id}`));
			expect(run.rows.filter((r) => r.legalForm === 'inhouse').map((r) => `${r.participant}:${r.year}`)).toEqual(
				[2027, 2028, 2029, 2030].map((y) => `${id}:${y}`)
			);
			for (const r of run.reconciliation) expect(r.costs, `${id} ${r.year}`).toBe(r.charged);
		}
	});
});
