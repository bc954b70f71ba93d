import { describe, expect, it } from 'vitest';
import { childPath, parseJson } from './json.ts';

describe('the JSON reader', () => {
	it('reads the same values as JSON.parse', () => {
		const text = '{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {}}';
		const parsed = parseJson(text);
		expect(parsed.ok && JSON.stringify(parsed.value.value)).toBe(JSON.stringify(JSON.parse(text)));
	});

	it('records the line and column of every value by path', () => {
		const parsed = parseJson('{\n  "pools": [\n    {"id": "a"}\n  ]\n}');
		if (!parsed.ok) throw new Error('should parse');
		expect(parsed.value.positions.get('pools[0].id')).toEqual({ line: 3, column: 12 });
	});

	it('reports a syntax error with line and column instead of throwing', () => {
		const parsed = parseJson('{\n  "a": 1,\n  "b": tru\n}');
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.issues).toEqual([expect.objectContaining({ code: 'invalid_json', path: '', line: 3, column: 8 })]);
	});

	it('reports an unterminated string and text after the value', () => {
		for (const text of ['{"a": "open', '{} {}', '[1,]', '{"a" 1}', '01', '"\\x"']) {
			const parsed = parseJson(text);
			expect(parsed.ok, text).toBe(false);
		}
	});

	it('reports a duplicate key, which JSON.parse would silently overwrite', () => {
		const parsed = parseJson('{"drivers": {"x": 1, "x": 2}}');
		expect(parsed.ok ? [] : parsed.issues).toEqual([
			expect.objectContaining({ code: 'duplicate_key', path: 'drivers.x', line: 1, column: 22 })
		]);
	});

	it('keeps "__proto__" an ordinary key without touching any prototype', () => {
		const parsed = parseJson('{"__proto__": {"polluted": true}}');
		if (!parsed.ok) throw new Error('should parse');
		expect(Object.keys(parsed.value.value as object)).toEqual(['__proto__']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('writes paths with odd keys in brackets', () => {
		expect(childPath('pools[0].drivers', 'Finishing & Packaging')).toBe('pools[0].drivers["Finishing & Packaging"]');
		expect(childPath('', 'pools')).toBe('pools');
	});
});
