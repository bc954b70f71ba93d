// Every numeric input of the reference scenarios carries provenance. The check walks the plain
// files on its own (independently of the validator) and is shown to fail on a fixture without it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listInputs, summarizeInputs } from '../../src/index.ts';
import { FIXTURES, ROOT, allScenarios } from './helpers.ts';

const KEY_TYPES = new Set(['fixed', 'driver', 'even', 'price-quantity', 'base-plus-usage', 'formula']);
// A correlation's numbers are covered by its group's note (the validator requires one).
const STRUCTURAL = [
	/^horizon\.(from|to)$/,
	/^referenceYear$/,
	/^comparison\.tolerance$/,
	/^inHouse\.priceYear$/,
	/^uncertainty\.correlations\[\d+\]\.(rho|matrix)/
];

function isNumeric(v: unknown): boolean {
	return typeof v === 'number' || (typeof v === 'string' && /^[+-]?\d+(\.\d+)?$/.test(v.trim()));
}

function hasProvenance(o: Record<string, unknown>): boolean {
	const basis = o.basis;
	const source = o.source !== undefined;
	const note = typeof o.note === 'string' && o.note.trim() !== '';
	if (basis === 'measured') return source;
	if (basis === 'derived') return source || note;
	if (basis === 'estimate') return note;
	return false;
}

/** Paths of numbers in plain scenario data that carry no provenance. */
export function numbersWithoutProvenance(value: unknown, path = '', covered = false): string[] {
	if (Array.isArray(value)) return value.flatMap((v, i) => numbersWithoutProvenance(v, `${path}[${i}]`, covered));
	if (value !== null && typeof value === 'object') {
		const o = value as Record<string, unknown>;
		if ('value' in o && isNumeric(o.value)) return hasProvenance(o) ? [] : [path];
		const isKey = typeof o.type === 'string' && KEY_TYPES.has(o.type);
		const keyCovered = covered || (isKey && hasProvenance(o));
		const out: string[] = [];
		for (const [k, v] of Object.entries(o)) {
			const p = path ? `${path}.${k}` : k;
			if (isKey && k === 'expression' && typeof v === 'string') {
				if (/\d/.test(v) && !keyCovered) out.push(p);
				continue;
			}
			if (k === 'range' || k === 'checkedOn' || k === 'accessed' || k === 'confidence') continue;
			out.push(...numbersWithoutProvenance(v, p, keyCovered));
		}
		return out;
	}
	if (isNumeric(value) && !covered && !STRUCTURAL.some((re) => re.test(path))) return [path];
	return [];
}

function scenarioFiles(): string[] {
	const dir = join(ROOT, 'scenarios');
	const files: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (!entry.isDirectory() || !existsSync(join(dir, entry.name, 'scenario.yaml'))) continue;
		files.push(join(dir, entry.name, 'scenario.yaml'));
		const variants = join(dir, entry.name, 'variants');
		if (existsSync(variants))
			for (const f of readdirSync(variants).filter((f) => /\.ya?ml$/.test(f))) files.push(join(variants, f));
	}
	return files;
}

describe('provenance on every number', () => {
	it.each(scenarioFiles().map((f) => [f.slice(ROOT.length + 1), f]))(
		'%s: every number has provenance',
		(_name, file) => {
			const raw = parse(readFileSync(file, 'utf8'), { version: '1.2' }) as Record<string, unknown>;
			// In a variant only the changed values are data; in a scenario everything but the variant list.
			const data = 'changes' in raw ? (raw.changes as { value: unknown }[]).map((c) => c.value) : raw;
			expect(numbersWithoutProvenance(data)).toEqual([]);
		}
	);

	it('the check fails on a fixture with numbers without provenance', () => {
		const raw = parse(readFileSync(join(FIXTURES, 'invalid-missing-provenance.yaml'), 'utf8'), { version: '1.2' });
		expect(numbersWithoutProvenance(raw)).toEqual([
			'drivers.inwoners.values.a.2021-01-01',
			'pools[0].cost.2021-01-01',
			'pools[0].key.2021-01-01.shares.a'
		]);
	});

	it('the reference scenarios exist', () => {
		expect(scenarioFiles().length).toBeGreaterThan(0);
	});
});

describe('listInputs', () => {
	const { scenario } = allScenarios().find((s) => s.name === 'fixture two-towns')!;

	it('lists every dated input with its path, date, value and provenance', () => {
		const inputs = listInputs(scenario);
		const ict2022 = inputs.find((i) => i.path === 'pools[id=ict].cost' && i.from === '2022-01-01');
		expect(ict2022).toMatchObject({ value: '1200.00', provenance: { basis: 'estimate', note: 'budget' } });
		const measured = inputs.find((i) => i.path === 'pools[id=ict].cost' && i.from === '2021-01-01');
		expect(measured?.provenance.source).toEqual({
			id: 'handboek',
			title: 'Handbook example',
			url: 'https://example.org/handbook'
		});
		expect(inputs.every((i) => i.provenance.basis)).toBe(true);
	});

	it('says which share of the euros rests on estimates', () => {
		// 2021: ict 1000 measured, hrm 500 measured, bestuur 100 + owners 20 + contract management 25 estimates
		const s = summarizeInputs(scenario, 2021);
		expect(s.euros).toEqual({ year: 2021, total: '1645.00', estimate: '145.00', estimateShare: '0.0881' });
		expect(s.byBasis.measured).toBeGreaterThan(0);
	});
});
