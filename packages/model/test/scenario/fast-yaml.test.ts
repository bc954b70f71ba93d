// The quick reader (js-yaml) may read a text only where it gives the very data `yaml` gives: over
// every YAML file of the project, over generated data written out in every style `yaml` writes, and
// over texts pieced together from YAML fragments (most of them invalid). The constructs on which the
// two were found to differ are declined, and then read by `yaml` as before.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MAX_FAST_ALIASES, readFastYaml } from '../../src/scenario/fast-yaml.ts';
import { parseScenarioText } from '../../src/index.ts';
import { ROOT } from './helpers.ts';

/** What `yaml` reads, as parseScenarioText reads it, or 'error'. */
function byYaml(text: string): unknown {
	try {
		const doc = parseDocument(text, { version: '1.2', uniqueKeys: true });
		return doc.errors.length > 0 ? 'error' : doc.toJS({ maxAliasCount: 100 });
	} catch {
		return 'error';
	}
}

/** Whether data refers to itself (an anchor whose node holds an alias of it); parseScenarioText refuses it as too deep. */
function hasCycle(v: unknown, path: unknown[] = []): boolean {
	if (typeof v !== 'object' || v === null) return false;
	if (path.includes(v)) return true;
	return Object.values(v).some((x) => hasCycle(x, [...path, v]));
}

/** Deep equality that also holds the order of keys, NaN, infinities and -0 to account. */
function expectSame(fast: unknown, text: string): void {
	const slow = byYaml(text);
	expect(slow, JSON.stringify(text)).not.toBe('error');
	if (hasCycle(fast)) {
		expect(hasCycle(slow), JSON.stringify(text)).toBe(true);
		expect(parseScenarioText(text).ok).toBe(false);
		return;
	}
	expect(fast, JSON.stringify(text)).toStrictEqual(slow);
	const order = (v: unknown): unknown =>
		typeof v === 'object' && v !== null
			? Array.isArray(v)
				? v.map(order)
				: Object.entries(v).map(([k, x]) => [k, order(x)])
			: typeof v === 'number'
				? String(Object.is(v, -0) ? '-0' : v)
				: v;
	expect(order(fast)).toStrictEqual(order(slow));
}

function yamlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'node_modules' || name.startsWith('.')) return [];
		if (statSync(path).isDirectory()) return yamlFiles(path);
		return /\.ya?ml$/.test(name) ? [path] : [];
	});
}

describe('the quick YAML reader', () => {
	it('reads every YAML file of the project as yaml does, and reads the reference scenario quickly', () => {
		const files = [...yamlFiles(join(ROOT, 'scenarios')), ...yamlFiles(join(ROOT, 'packages/model/test'))];
		let fast = 0;
		for (const file of files) {
			const text = readFileSync(file, 'utf8');
			const data = readFastYaml(text);
			if (data === undefined) continue;
			fast++;
			expectSame(data, text);
		}
		expect(files.length).toBeGreaterThan(15);
		// Not vacuous: the reference scenario and all its variants take the quick reading.
		const reference = join(ROOT, 'scenarios/servicepunt71');
		for (const file of [join(reference, 'scenario.yaml'), ...yamlFiles(join(reference, 'variants'))])
			expect(readFastYaml(readFileSync(file, 'utf8')), file).toBeDefined();
		expect(fast).toBeGreaterThan(15);
	});

	it('reads generated data written in every style as yaml does', () => {
		const scalar = fc.oneof(
			fc.string(),
			fc.constantFrom('~', 'null', 'True', 'yes', '0o17', '0x1F', '0b11', '1_000', '1e400', '.5', '+.inf', '.NaN'),
			fc.constantFrom('2021-01-01', '12:30', '-0', '# x', 'a: b', '- a', '|', '>', '&a', '*a', '!x', '? x', ' lead'),
			fc.constantFrom('trail ', '\t', '\n', '\r\n', '\u2028', '\u00a0x', '\ufeff', '{', '}', '[', ']', ','),
			fc.integer(),
			fc.double(),
			fc.boolean(),
			fc.constant(null)
		);
		const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('null', '~', '1', 'true', '2021-01-01', ''));
		const { value } = fc.letrec((tie) => ({
			value: fc.oneof(
				{ depthSize: 'small' },
				scalar,
				fc.array(tie('value'), { maxLength: 4 }),
				fc.dictionary(key, tie('value'), { maxKeys: 4 })
			)
		}));
		const styles = [
			{},
			{ defaultStringType: 'QUOTE_DOUBLE' as const },
			{ defaultStringType: 'QUOTE_SINGLE' as const },
			{ defaultStringType: 'BLOCK_LITERAL' as const },
			{ defaultStringType: 'BLOCK_FOLDED' as const },
			{ collectionStyle: 'flow' as const },
			{ indent: 4, indentSeq: false },
			{ lineWidth: 20, minContentWidth: 5 }
		];
		let fast = 0;
		fc.assert(
			fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), fc.constantFrom(...styles), (v, style) => {
				const text = stringify(v, style);
				const data = readFastYaml(text);
				if (data === undefined) return;
				fast++;
				expectSame(data, text);
			}),
			{ numRuns: 1500, seed: 71 }
		);
		expect(fast).toBeGreaterThan(500);
	});

	it('reads a text pieced together from fragments only where yaml reads the same', () => {
		const fragment = fc.constantFrom(
			...['a', 'b: ', ': ', '- ', '\n', '\n  ', '\n    ', '  ', ' ', '"x"', "'y'", '"a\\"b"', '{', '}', '[', ']'],
			...[', ', '#c', ' #c', '1', '-2', '0.5', '1e3', 'null', '~', 'true', '2021-01-01', '|', '|-', '|+', '>'],
			...['>-', '\t', '\r\n', '\r', '...', '---', '%YAML 1.2\n', 'key: value', 'é', '\\', '"\\u00e9"', "''"],
			...['""', '@', '`', '%', ':x', 'x:', '-x', '--', '0o7', '0x1f', '.inf', '.nan', '+1', '00', '1_0', ':'],
			...[',', '&a ', '&b', '*a', '*b', ' *a', '!x ', '!!str ', '<<: ', '? ', '[a]: ', '{a: 1}: ', '1: '],
			...['"__proto__": ', '__proto__: ', 'constructor: ', '"1": ', 'a: &x {b: 1}\n', 'c: *x\n', '\u00a0'],
			...['\ufeff', 'x&y', 'k: &anc\n', 'k: &anc {a: 1}', 'u: http://a/?b=1&c=2', '2e+4', '1e999', '[*anc]'],
			...['"2021-01-01": { value: "1.00", basis: estimate }', 'k: *anc\n', '{a: *anc}']
		);
		let fast = 0;
		fc.assert(
			fc.property(fc.array(fragment, { maxLength: 14 }), (parts) => {
				const text = parts.join('');
				const data = readFastYaml(text);
				if (data === undefined) return;
				fast++;
				expectSame(data, text);
			}),
			{ numRuns: 12000, seed: 2012 }
		);
		expect(fast).toBeGreaterThan(300);
	});

	it('reads the project’s scenario files with a few characters inserted, deleted or replaced as yaml does', () => {
		// The edits a person makes by mistake; most of the results are still YAML, many no longer valid scenarios.
		const files = [...yamlFiles(join(ROOT, 'scenarios'))].map((f) => readFileSync(f, 'utf8'));
		const pieces = [' ', '  ', '\n', '\n  ', ':', ': ', '- ', '"', "'", '#', ' #', '{', '}', '[', ']', ','];
		pieces.push('&a', '*a', '|', '>', '\r\n', 'x', '1', '.', 'e5', '\\', '@', '`', '%', '?', '!', '<<', '~', '---');
		const edit = fc.record({
			at: fc.double({ min: 0, max: 1, noNaN: true }),
			kind: fc.constantFrom('insert', 'delete', 'replace'),
			piece: fc.constantFrom(...pieces),
			length: fc.integer({ min: 1, max: 5 }),
			from: fc.double({ min: 0, max: 1, noNaN: true })
		});
		let fast = 0;
		fc.assert(
			fc.property(fc.nat(files.length - 1), fc.array(edit, { minLength: 1, maxLength: 3 }), (file, edits) => {
				let text = files[file]!;
				for (const e of edits) {
					const at = Math.floor(e.at * text.length);
					if (e.kind === 'insert') text = text.slice(0, at) + e.piece + text.slice(at);
					else if (e.kind === 'delete') text = text.slice(0, at) + text.slice(at + e.length);
					else text = text.slice(0, at) + text[Math.floor(e.from * text.length)]! + text.slice(at + 1);
				}
				const data = readFastYaml(text);
				if (data === undefined) return;
				fast++;
				expectSame(data, text);
			}),
			{ numRuns: 300, seed: 4 }
		);
		expect(fast).toBeGreaterThan(80);
	});

	it('declines the texts on which the two readers were found to differ, which yaml then reads', () => {
		const declined = [
			'a: 1e311',
			'a:\t1',
			'\ufeffa: 1\n\ufeffb: 2',
			'~: 1',
			'a: 1\n: 2',
			'a: {[1]: 2}',
			'a: !!str 1',
			'? a\n: b',
			'a: &x 1\nb: *x',
			'"1": &a b: c',
			'a: |+\n  x\n\n',
			'a: |2\n   x\n',
			'a: 1\n...\n',
			'--- \na: 1',
			'a: 1\rb: 2',
			'a: "x"\n<<: {b: 1}'
		];
		for (const text of declined) {
			expect(readFastYaml(text), JSON.stringify(text)).toBeUndefined();
			const parsed = parseScenarioText(text);
			const slow = byYaml(text);
			if (slow === 'error') expect(parsed.ok, JSON.stringify(text)).toBe(false);
			else if (parsed.ok) expect(parsed.value).toStrictEqual(slow);
		}
		// A top-level value that is not a map is left to yaml (a scenario must be a map anyway).
		expect(readFastYaml('- a\n- b')).toBeUndefined();
		expect(readFastYaml('\n    |-\n #c')).toBeUndefined();
	});

	it(`leaves texts with more than ${MAX_FAST_ALIASES} aliases to yaml, which limits their expansion`, () => {
		const aliases = (n: number) => `k: &k {a: 1}\n${Array.from({ length: n }, (_, i) => `v${i}: *k`).join('\n')}\n`;
		expect(readFastYaml(aliases(MAX_FAST_ALIASES))).toBeDefined();
		expect(readFastYaml(aliases(MAX_FAST_ALIASES + 1))).toBeUndefined();
		// An expansion attack is still refused, by yaml, with its own issue.
		const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
		for (let i = 1; i < 6; i++) {
			const prev = String.fromCharCode(96 + i);
			laughs.push(
				`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(', ')}]`
			);
		}
		const parsed = parseScenarioText(laughs.join('\n'));
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.issues[0]!.code).toBe('yaml_aliases');
	});
});
