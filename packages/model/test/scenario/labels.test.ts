// Explanations and input lists speak the user's language: Dutch labels for the Dutch app, English by default.
import { describe, expect, it } from 'vitest';
import { explain, listInputs, type TraceNode } from '../../src/index.ts';
import { mustLoad, twoTownsRaw } from './helpers.ts';

function labels(node: TraceNode): string[] {
	return [node.label, ...(node.children ?? []).flatMap(labels)];
}

describe('labels in Dutch and English', () => {
	const scenario = mustLoad(twoTownsRaw());

	it('labels the components of a trace in Dutch when asked', () => {
		const nl = explain(scenario, null, 'klein', 2021, { locale: 'nl' });
		const children = (nl.children ?? []).map((c) => c.label);
		expect(children).toContain('Dienstverlening');
		expect(children).toContain('Frictiekosten');
		expect(nl.label).toMatch(/totale kosten onder de GR/);
		expect(nl.rule).toMatch(/^Dienstverlening € \d{1,3}(\.\d{3})*,\d{2} \+ Bestuur en eigenaarsrol € /);
	});

	it('keeps English labels by default, with the same figures as in Dutch', () => {
		const en = explain(scenario, null, 'klein', 2021);
		const nl = explain(scenario, null, 'klein', 2021, { locale: 'nl' });
		expect((en.children ?? []).map((c) => c.label)).toContain('Services');
		expect(en.value).toBe(nl.value);
		expect(labels(en)).toHaveLength(labels(nl).length);
		expect(labels(nl).some((l) => /Services|Cost \(lasten\)/.test(l))).toBe(false);
	});

	it('lists inputs with Dutch labels that name participants by name', () => {
		const nl = listInputs(scenario, { locale: 'nl' });
		const en = listInputs(scenario);
		expect(nl).toHaveLength(en.length);
		expect(nl.map((i) => i.path)).toEqual(en.map((i) => i.path));
		expect(nl.some((i) => i.label === 'Btw-tarief')).toBe(true);
		expect(en.some((i) => i.label === 'VAT rate')).toBe(true);
	});
});
