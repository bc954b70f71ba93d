// Keys (verdeelsleutels) turn driver values into weights; the formula key is a sandboxed expression.
import { describe, expect, it } from 'vitest';
import { checkFormula, Decimal, runScenario } from '../../src/index.ts';
import { evaluateFormula } from '../../src/legal-form/keys/formula.ts';
import { keyWeights } from '../../src/legal-form/keys/weights.ts';
import { Env } from '../../src/legal-form/env.ts';
import type { Driver, Key, Leaf, Series } from '../../src/scenario/types.ts';
import { mustLoad, twoTownsRaw } from './helpers.ts';

const prov = { basis: 'estimate' as const, note: 'test' };
function series(value: string): Series<Leaf> {
	return { path: 'x', entries: [{ from: '2021-01-01', value: { value, provenance: prov, path: 'x' } }] };
}
const drivers: Record<string, Driver> = {
	fte: { id: 'fte', label: { nl: 'fte', en: 'fte' }, values: { a: series('30'), b: series('10'), hr: series('5') } },
	inwoners: { id: 'inwoners', label: { nl: 'inw', en: 'inh' }, values: { a: series('3000'), b: series('1000') } }
};

function weights(key: Key, extra: { cost?: string; self?: string } = {}) {
	const env = new Env();
	const result = keyWeights(key, {
		year: 2021,
		participants: ['a', 'b'],
		pools: ['hr', 'it'],
		drivers,
		env,
		used: [],
		...(extra.self ? { self: extra.self } : {}),
		...(extra.cost ? { cost: new Decimal(extra.cost) } : {})
	});
	return { weights: Object.fromEntries([...result.weights].map(([k, v]) => [k, v.toString()])), issues: env.issues };
}

describe('key types', () => {
	it('fixed shares are used as weights, for participants and pools', () => {
		expect(weights({ type: 'fixed', shares: { a: '73', b: '27', hr: '5' }, path: 'k' }).weights).toEqual({
			a: '73',
			b: '27',
			hr: '5'
		});
	});

	it('a driver key weighs every recipient with a value for the driver, but never the pool itself', () => {
		expect(weights({ type: 'driver', driver: 'fte', path: 'k' }, { self: 'it' }).weights).toEqual({
			a: '30',
			b: '10',
			hr: '5'
		});
		expect(weights({ type: 'driver', driver: 'fte', path: 'k' }, { self: 'hr' }).weights).toEqual({ a: '30', b: '10' });
	});

	it('an even key gives every participant the same weight', () => {
		expect(weights({ type: 'even', path: 'k' }).weights).toEqual({ a: '1', b: '1' });
	});

	it('price × quantity without a tariff is the driver at cost price', () => {
		expect(weights({ type: 'price-quantity', driver: 'inwoners', path: 'k' }, { cost: '800' }).weights).toEqual({
			a: '3000',
			b: '1000'
		});
	});

	it('price × quantity with a tariff settles the deficit by the settlement key', () => {
		// tariff 0.15 × 3000 = 450 and × 1000 = 150; cost 800 leaves 200, settled 50/50.
		const key: Key = {
			type: 'price-quantity',
			driver: 'inwoners',
			price: '0.15',
			settlement: { type: 'even', path: 's' },
			path: 'k'
		};
		expect(weights(key, { cost: '800', self: 'it' }).weights).toEqual({ a: '550', b: '250' });
	});

	it('base plus usage mixes two normalised keys', () => {
		// 40 % even (0.2 each) + 60 % by inwoners (0.45 / 0.15)
		const key: Key = {
			type: 'base-plus-usage',
			baseShare: '0.4',
			base: { type: 'even', path: 'b' },
			usage: { type: 'driver', driver: 'inwoners', path: 'u' },
			path: 'k'
		};
		expect(weights(key).weights).toEqual({ a: '0.65', b: '0.35' });
	});

	it('a formula is evaluated per recipient over its drivers, with decimals', () => {
		const key: Key = { type: 'formula', expression: '0.5 * inwoners / 1000 + max(fte, 20)', path: 'k' };
		expect(weights(key).weights).toEqual({ a: '31.5', b: '20.5' });
	});

	it('weights that sum to zero are an issue, not a silent zero', () => {
		const r = weights({ type: 'fixed', shares: { a: '0', b: '0' }, path: 'k' });
		expect(r.issues.map((i) => i.code)).toContain('driver_total_zero');
	});

	it('reports its issues in every year and every computation, though the weights map is the same', () => {
		const key: Key = { type: 'fixed', shares: { a: '0', b: '0' }, path: 'k' };
		const negative: Key = { type: 'fixed', shares: { a: '-1', b: '3' }, path: 'n' };
		for (let run = 0; run < 2; run++) {
			const env = new Env();
			for (const year of [2021, 2022])
				for (const k of [key, negative])
					keyWeights(k, { year, participants: ['a', 'b'], pools: [], drivers, env, used: [] });
			const texts = env.issues.map((i) => `${i.code} ${i.message}`);
			for (const year of [2021, 2022]) {
				expect(texts.filter((t) => t.startsWith('driver_total_zero') && t.includes(String(year)))).toHaveLength(1);
				expect(texts.filter((t) => t.startsWith('negative_weight') && t.includes(String(year)))).toHaveLength(1);
			}
		}
	});
});

describe('the formula sandbox', () => {
	it.each([
		['import("fs")'],
		['evaluate("1+1")'],
		['inwoners = 1'],
		['f(x) = x'],
		['inwoners ? 1 : 2'],
		['[1, 2]'],
		['"text"'],
		['inwoners > 3'],
		['inwoners.length'],
		['inwoners!'],
		['cos(inwoners)'],
		['inwoners mod 3'],
		['createUnit("x")'],
		['{a: 1}']
	])('rejects %s', (expression) => {
		const r = checkFormula(expression);
		expect(r.ok).toBe(false);
	});

	it.each([
		['min(a, b) + max(a, 2)'],
		['sqrt(abs(a - b))'],
		['round(a / 3) + floor(b) + ceil(0.5)'],
		['log(exp(a))'],
		['-(a + b) ^ 2'],
		['(a)']
	])('accepts %s', (expression) => {
		expect(checkFormula(expression).ok).toBe(true);
	});

	it('names the drivers a formula uses', () => {
		const r = checkFormula('0.5 * inwoners + werkplekken');
		expect(r.ok && r.value.symbols).toEqual(['inwoners', 'werkplekken']);
	});

	it('evaluates exactly in decimals (0.1 + 0.2 is 0.3)', () => {
		const r = checkFormula('0.1 + 0.2');
		if (!r.ok) throw new Error('parse');
		expect(evaluateFormula(r.value, {}).toString()).toBe('0.3');
	});

	it('a division by zero is reported, not returned as Infinity', () => {
		const r = checkFormula('a / b');
		if (!r.ok) throw new Error('parse');
		expect(() => evaluateFormula(r.value, { a: new Decimal(1), b: new Decimal(0) })).toThrow(/divides by zero/);
	});
});

describe('keys in a scenario', () => {
	it('a formula key divides a pool by its expression', () => {
		const raw = twoTownsRaw() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
		raw.pools[1].key = {
			'2021-01-01': { type: 'formula', expression: 'inwoners / 500 + 1', basis: 'estimate', note: 'test' }
		};
		const run = runScenario(mustLoad(raw));
		// weights groot 3, klein 2 → 300 / 200 of 500
		expect(run.rows.find((r) => r.participant === 'groot' && r.year === 2021)!.pools.hrm).toBe('300.00');
		expect(run.rows.find((r) => r.participant === 'klein' && r.year === 2021)!.pools.hrm).toBe('200.00');
	});

	it('a key can change over time: the key in force on 1 January applies', () => {
		const raw = twoTownsRaw() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
		raw.pools[1].key['2022-01-01'] = { type: 'driver', driver: 'inwoners' };
		const run = runScenario(mustLoad(raw));
		expect(run.rows.find((r) => r.participant === 'klein' && r.year === 2021)!.pools.hrm).toBe('250.00');
		expect(run.rows.find((r) => r.participant === 'klein' && r.year === 2022)!.pools.hrm).toBe('183.33');
	});
});
