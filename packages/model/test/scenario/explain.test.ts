// Every figure explains itself: the trace goes from a participant-year total to components, pools,
// keys, driver values, method steps and the sources of the inputs.
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.ts';
import { computationLog, explain, type TraceNode } from '../../src/index.ts';
import { computeYears } from '../../src/legal-form/run.ts';
import { hasInHouseMembers } from '../../src/legal-form/in-house-run.ts';
import { allScenarios, mustLoad, twoTownsRaw } from './helpers.ts';

const s = mustLoad(twoTownsRaw());

function find(node: TraceNode, id: string): TraceNode | undefined {
	if (node.id === id) return node;
	for (const c of node.children ?? []) {
		const f = find(c, id);
		if (f) return f;
	}
	return undefined;
}

describe('explain', () => {
	it('breaks a GR total into its components, and each component adds up', () => {
		const t = explain(s, null, 'klein', 2021);
		expect(t.value).toBe('752.00');
		const values = (t.children ?? []).map((c) => Number(c.value));
		expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(752, 2);
		expect(find(t, 'vat')?.value).toBe('42.00');
	});

	it('shows per pool the cost, the key with its driver values and provenance, and the method step', () => {
		const t = explain(s, null, 'klein', 2023);
		const cost = find(t, 'ict.cost')!;
		expect(cost.value).toBe('1260.00');
		expect(cost.rule).toMatch(/indexed after the last dated value \(2022-01-01\)/);
		expect(cost.inputs?.map((i) => i.path)).toEqual([
			'pools[id=ict].cost',
			'pools[id=ict].wageShare',
			'indexation.wage',
			'indexation.price'
		]);
		const key = find(t, 'ict.key')!;
		expect(key.value).toBe('40 %');
		expect(key.inputs?.[0]?.provenance).toMatchObject({ basis: 'estimate', note: 'inbreng' });
		expect(find(t, 'ict.step')?.rule).toMatch(/pool total €1,260.00 × weight 40 ÷ 100 = €504/);
	});

	it('traces a measured input to its source title and URL', () => {
		const lines = computationLog(explain(s, null, 'groot', 2021));
		expect(lines.some((l) => l.includes('Handbook example <https://example.org/handbook>'))).toBe(true);
	});

	it('explains a DVO fee in the transition phase from the last GR contribution', () => {
		const t = explain(s, 'centrum', 'klein', 2023);
		const service = find(t, 'service')!;
		expect(service.value).toBe('858.31');
		expect(service.rule).toMatch(/last GR contribution of 2022/);
		expect(find(t, 'last-gr-contribution')?.value).toBe('805.00');
	});

	it("explains the host's residual from the total service cost and the partners' fees", () => {
		const t = explain(s, 'centrum', 'groot', 2024);
		expect(find(t, 'total-service-cost')?.value).toBe('1988.50');
		expect(find(t, 'partner-fees')?.value).toBe('948.15');
		expect(find(t, 'service')?.rule).toMatch(/bears the residual/);
	});

	it('limits the log to a depth and can leave out the inputs', () => {
		const t = explain(s, null, 'klein', 2021);
		expect(computationLog(t, { maxDepth: 0 })).toEqual([
			'Klein, 2021: total cost under the GR (method direct) = €752.00',
			'    ↳ Services €650.00 + Governance and ownership €60.00 + VAT €42.00 + Transition costs €0.00 + Mark-up €0.00 + Contract management €0.00'
		]);
		expect(computationLog(t, { inputs: false }).some((l) => l.includes('·'))).toBe(false);
		expect(computationLog(t, { locale: 'nl' })[0]).toMatch(/€ 752,00$/);
	});

	it('writes every value in the log as the rules beside it write figures, in the language asked', () => {
		const node: TraceNode = {
			id: 'root',
			label: 'Opslag',
			value: '-442473.41',
			kind: 'euro',
			children: [
				{ id: 'share', label: 'Sleutel', value: '52.5423 %', kind: 'share' },
				{ id: 'count', label: 'Inwoners', value: '124096', kind: 'count' },
				{ id: 'cents', label: 'Zonder soort', value: '12.50' },
				{ id: 'text', label: 'Tekst', value: 'n.v.t.' }
			]
		};
		expect(computationLog(node, { locale: 'nl' })).toEqual([
			'Opslag = −€ 442.473,41',
			'  Sleutel = 52,5423 %',
			'  Inwoners = 124.096',
			'  Zonder soort = € 12,50',
			'  Tekst = n.v.t.'
		]);
		expect(computationLog(node, { locale: 'en' })).toEqual([
			'Opslag = −€442,473.41',
			'  Sleutel = 52.5423 %',
			'  Inwoners = 124,096',
			'  Zonder soort = €12.50',
			'  Tekst = n.v.t.'
		]);
	});

	it('rejects an unknown participant or a year outside the horizon', () => {
		expect(() => explain(s, null, 'elders', 2021)).toThrow(/unknown participant/);
		expect(() => explain(s, null, 'klein', 2030)).toThrow(/outside the horizon/);
	});

	it('says what each value is, so a key share is formatted as a share (not as euros, which gave "–")', () => {
		const t = explain(s, null, 'klein', 2023);
		const key = find(t, 'ict.key')!;
		expect(key.kind).toBe('share');
		expect(api.formatTraceValue(key, 'nl')).toBe('40 %');
		expect(api.formatTraceValue({ value: '11.5 %', kind: 'share' }, 'nl')).toBe('11,5 %');
		expect(find(t, 'ict.cost')!.kind).toBe('euro');
		expect(api.formatTraceValue(find(t, 'ict.cost')!, 'nl')).toBe('€ 1.260,00');
		const walk = (n: TraceNode): void => {
			if (n.value !== undefined) expect(n.kind, n.id).toBeDefined();
			n.children?.forEach(walk);
		};
		walk(explain(s, 'centrum', 'klein', 2024));
	});

	it("names the scenario's own host in the partner's VAT rule, not Leiden", () => {
		const t = explain(s, 'centrum', 'klein', 2024);
		const vat = find(t, 'vat')!;
		expect(vat.rule).toContain("Groot's own use is in-house");
		expect(vat.rule).not.toContain('Leiden');
	});

	it('explains a year from its computed detail alone (traceYear never computes)', () => {
		const resolved = api.resolveVariant(s, 'centrum');
		if (!resolved.ok) throw new Error('centrum does not resolve');
		const { years } = computeYears(resolved.value);
		const detail = years.find((y) => y.year === 2024)!;
		const names = new Map(resolved.value.participants.map((p) => [p.id, p.name]));
		expect(api.traceYear(detail, 'klein', { locale: 'en', names })).toEqual(explain(s, 'centrum', 'klein', 2024));
	});

	it('shares what every tree of a year shows, but never across languages or names', () => {
		const resolved = api.resolveVariant(s, 'centrum');
		if (!resolved.ok) throw new Error('centrum does not resolve');
		const { years } = computeYears(resolved.value);
		const detail = years.find((y) => y.year === 2024)!;
		const names = new Map(resolved.value.participants.map((p) => [p.id, p.name]));
		const renamed = new Map([...names].map(([id, name]) => [id, `${name} (renamed)`]));
		const before = JSON.stringify(api.traceYear(detail, 'klein', { locale: 'en', names }));
		const other = api.traceYear(detail, 'groot', { locale: 'en', names });
		const dutch = api.traceYear(detail, 'klein', { locale: 'nl', names });
		const again = api.traceYear(detail, 'klein', { locale: 'en', names: renamed });
		expect(JSON.stringify(api.traceYear(detail, 'klein', { locale: 'en', names }))).toBe(before);
		expect(other.label).toContain(names.get('groot'));
		expect(JSON.stringify(dutch)).not.toBe(before);
		expect(dutch.label).toContain('totale kosten');
		// The same tree as from a year computed afresh and explained only in the renamed context.
		const fresh = computeYears({ ...resolved.value }).years.find((y) => y.year === 2024)!;
		expect(fresh).not.toBe(detail);
		expect(again).toEqual(api.traceYear(fresh, 'klein', { locale: 'en', names: renamed }));
		expect(again.label).toContain('(renamed)');
	});

	it('keeps the labels of a scenario per language, and never the key of labels a caller may still change', () => {
		for (const { scenario } of allScenarios()) {
			const variant = scenario.variants[0] ? api.resolveVariant(scenario, scenario.variants[0].id) : undefined;
			// (A year with a member in-house is explained from the smaller back office: not compared here.)
			const others = variant?.ok && !hasInHouseMembers(variant.value) ? [variant.value] : [];
			for (const one of [scenario, ...others]) {
				const names = new Map([...one.pools, ...one.participants].map((r) => [r.id, r.name]));
				const inputLabels = new Map(api.listInputs(one, { locale: 'nl' }).map((i) => [i.path, i.label]));
				for (const locale of ['nl', 'en', 'nl'] as const) {
					// The reference trees: from years computed afresh (lists no tree has shown), with labels made afresh.
					const fresh = computeYears({ ...one }).years;
					const labels = { names, ...(locale === 'nl' ? { inputLabels } : {}) };
					for (const detail of fresh)
						for (const p of one.participants)
							// The facade's trees (labels made once per scenario and language) are those trees.
							expect(api.explainScenario(one, p.id, detail.year, { locale })).toEqual(
								api.traceYear(detail, p.id, { locale, ...labels })
							);
				}
			}
		}
		// A caller's own map, changed between two trees, gives the second tree its new names.
		const resolved = api.resolveVariant(s, 'centrum');
		if (!resolved.ok) throw new Error('centrum does not resolve');
		const detail = computeYears(resolved.value).years.find((y) => y.year === 2024)!;
		const names = new Map(resolved.value.participants.map((p) => [p.id, p.name]));
		api.traceYear(detail, 'klein', { locale: 'nl', names });
		names.set('klein', 'Klein (hernoemd)');
		const renamed = api.traceYear(detail, 'klein', { locale: 'nl', names });
		expect(renamed.label).toContain('Klein (hernoemd)');
		expect(renamed).toEqual(api.traceYear(detail, 'klein', { locale: 'nl', names: new Map(names) }));
		expect(JSON.stringify(renamed)).not.toContain('"Klein"');
	});

	it('explains every participant-year of every reference scenario and variant without error', () => {
		for (const { scenario } of allScenarios())
			for (const v of [null, ...scenario.variants.map((x) => x.id)])
				for (const p of scenario.participants) {
					const t = explain(scenario, v, p.id, scenario.horizon.to);
					expect(t.value).toMatch(/^-?\d+\.\d\d$/);
				}
	});
});

describe('the public API the web app uses', () => {
	it.each([
		'loadScenarioFromTexts',
		'validateScenario',
		'resolveVariant',
		'applyVariant',
		'runScenario',
		'tryRunScenario',
		'compare',
		'compareScenarios',
		'explain',
		'computationLog',
		'listInputs',
		'summarizeInputs',
		'formatEuro'
	])('exports %s as a function', (name) => {
		expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
	});
});
