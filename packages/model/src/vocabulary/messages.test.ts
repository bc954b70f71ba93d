import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES, message, renderMessage } from './messages.ts';
import { COMPONENT_NAMES, METHOD_NAMES, KEY_TYPE_NAMES } from './names.ts';

// Codes whose text is only parameters (a name, a formula, "2025: 1.03"), the same in both languages.
const LANGUAGE_FREE = new Set([
	'name',
	'rule.indexYear',
	'key.fixedShare',
	'key.formulaInvalid',
	'rule.components',
	'rule.component'
]);

describe('renderMessage', () => {
	it('renders every code in Dutch and in English, and the two differ where there are words', () => {
		for (const code of MESSAGE_CODES) {
			const nl = renderMessage(message(code), 'nl');
			const en = renderMessage(message(code), 'en');
			expect(typeof nl, code).toBe('string');
			if (!LANGUAGE_FREE.has(code)) expect(nl, code).not.toBe(en);
		}
	});

	it('formats amounts in the language, never as a raw decimal string', () => {
		const m = message('rule.allocationStep', {
			poolTotal: '5661843.60',
			weight: '30000000',
			weightSum: '245000000',
			exact: '693327.801992'
		});
		const nl = renderMessage(m, 'nl');
		expect(nl).toContain('pooltotaal € 5.661.843,60 × gewicht 30.000.000 ÷ 245.000.000 = € 693.327,801992');
		expect(nl).not.toContain('5661843.60');
		expect(renderMessage(m, 'en')).toContain(
			'pool total €5,661,843.60 × weight 30,000,000 ÷ 245,000,000 = €693,327.801992'
		);
	});

	it('keeps every fraction digit of a long decimal and its sign', () => {
		const m = message('rule.indexYear', { year: 2025, factor: '-0.0000000000000000000000123' });
		expect(renderMessage(m, 'nl')).toBe('2025: −0,0000000000000000000000123');
	});

	it('chooses the plural form through Intl.PluralRules', () => {
		const one = message('noOp.noEffect', { changes: 1, span: '2021–2030' });
		const two = message('noOp.noEffect', { changes: 2, span: '2021–2030' });
		expect(renderMessage(one, 'nl')).toMatch(/^geen van de 1 wijziging verandert/);
		expect(renderMessage(two, 'nl')).toMatch(/^geen van de 2 wijzigingen verandert/);
		expect(renderMessage(one, 'en')).toMatch(/^none of the 1 change alters/);
		expect(renderMessage(two, 'en')).toMatch(/^none of the 2 changes alters/);
	});

	it('names methods, key types and components through the vocabulary', () => {
		expect(renderMessage(message('rule.grService', { method: 'reciprocal' }), 'nl')).toMatch(/methode wederzijds$/);
		expect(renderMessage(message('key.basePlusUsage', { percent: '20', base: 'fixed', usage: 'driver' }), 'en')).toBe(
			'20 % by the fixed percentages key (vaste voet), the rest by the by driver key (afname)'
		);
		expect(renderMessage(message('rule.component', { component: 'transition', amount: '12.50' }), 'nl')).toBe(
			'Frictiekosten € 12,50'
		);
	});

	it('renders nested messages and lists of them', () => {
		const m = message('rule.poolTotal', {
			own: '100.00',
			received: [
				message('rule.received', { amount: '5.00', from: 'ICT' }),
				message('rule.received', { amount: '1.00', from: 'HRM' })
			]
		});
		expect(renderMessage(m, 'nl')).toBe('eigen € 100,00 + ontvangen € 5,00 van ICT + € 1,00 van HRM');
	});

	it('refuses an unknown code', () => {
		expect(() => renderMessage({ code: 'no.such.code' }, 'nl')).toThrow(/unknown message code/);
	});
});

describe('the vocabulary', () => {
	it('gives every component, method and key type one Dutch and one English name', () => {
		for (const names of [COMPONENT_NAMES, METHOD_NAMES, KEY_TYPE_NAMES])
			for (const [id, name] of Object.entries(names)) {
				expect(name.nl, id).toMatch(/\S/);
				expect(name.en, id).toMatch(/\S/);
			}
		expect(COMPONENT_NAMES.transition.nl).toBe('Frictiekosten');
	});
});
