// Text (YAML, or JSON which is YAML) to plain data, without touching the file system. Syntax errors
// come back as issues with line and column; duplicate keys are rejected.
import { LineCounter, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import { readFastYaml } from './fast-yaml.ts';
import { issueTexts, makeIssue, type Issue, type IssueText, type IssueTexts, type Result } from '../domain/issue.ts';

/** Largest scenario or variant text read (characters), and deepest nesting of maps and lists. */
export const MAX_SCENARIO_LENGTH = 5 * 1024 * 1024;
export const MAX_NESTING_DEPTH = 64;
/** Most alias expansions a file may use (a "billion laughs" file expands a few aliases into millions of nodes). */
export const MAX_ALIAS_COUNT = 100;

// The tags of YAML 1.2's core schema; any other tag (!!js/function, !include) is refused, not guessed.
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** The deepest nesting of flow brackets ([ and {) outside quotes and comments, stopping early above `limit`. */
function flowDepth(text: string, limit: number): number {
	let depth = 0;
	let max = 0;
	let quote = '';
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (quote) {
			if (ch === '\\' && quote === '"') i++;
			else if (ch === quote) quote = '';
			continue;
		}
		if (ch === '"' || (ch === "'" && /[\s[{,:]/.test(text[i - 1] ?? ' '))) quote = ch;
		else if (ch === '#' && /\s/.test(text[i - 1] ?? ' ')) {
			const end = text.indexOf('\n', i);
			i = end < 0 ? text.length : end;
		} else if (ch === '[' || ch === '{') {
			if (++depth > max) max = depth;
			if (max > limit) return max;
		} else if ((ch === ']' || ch === '}') && depth > 0) depth--;
	}
	return max;
}

/** The nesting depth of plain data, counted without recursion. */
function dataDepth(value: unknown, limit: number): number {
	let max = 0;
	const stack: [unknown, number][] = [[value, 1]];
	while (stack.length > 0) {
		const [v, d] = stack.pop()!;
		if (typeof v !== 'object' || v === null) continue;
		if (d > max) max = d;
		if (max > limit) return max;
		for (const child of Object.values(v)) stack.push([child, d + 1]);
	}
	return max;
}

/** The line and column (1-based) of an offset in text. */
function position(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let start = 0;
	for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		start = i + 1;
	}
	return { line, column: offset - start + 1 };
}

/** Tags outside the core schema and merge keys (<<), which would change what the data means. */
function unsupportedNodes(doc: Document, lineCounter: LineCounter, file?: string): Issue[] {
	const issues: Issue[] = [];
	const at = (range: readonly number[] | null | undefined) => {
		if (!range) return {};
		const pos = lineCounter.linePos(range[0]!);
		return { line: pos.line, column: pos.col };
	};
	visit(doc, (_key, node) => {
		if (isPair(node) && isScalar(node.key) && node.key.value === '<<' && node.key.type === 'PLAIN')
			issues.push({
				code: 'yaml_merge_key',
				path: '',
				...issueTexts({
					en: 'YAML merge keys (<<) are not supported: write the fields out in full',
					nl: 'YAML-samenvoegsleutels (<<) worden niet ondersteund: schrijf de velden voluit'
				}),
				...at(node.key.range),
				...(file ? { file } : {})
			});
		if (isNode(node) && node.tag !== undefined && !CORE_TAGS.has(node.tag))
			issues.push({
				code: 'yaml_tag',
				path: '',
				...issueTexts({
					en: `the YAML tag ${node.tag} is not supported: write plain values`,
					nl: `de YAML-tag ${node.tag} wordt niet ondersteund: schrijf gewone waarden`
				}),
				...at(node.range),
				...(file ? { file } : {})
			});
	});
	return issues;
}

/**
 * Parse scenario or variant text (YAML or JSON) into plain data.
 * @param text the file contents
 * @param file the file name, reported in issues
 * @returns the data, or issues (`syntax_error`, `duplicate_key`) with line and column
 */
export function parseScenarioText(text: string, file?: string): Result<unknown> {
	const fail = (code: string, message: IssueText, offset?: number): Result<unknown> => ({
		ok: false,
		issues: [
			makeIssue(code, '', message, {
				...(offset !== undefined ? position(text, offset) : {}),
				...(file ? { file } : {})
			})
		]
	});
	if (text.length > MAX_SCENARIO_LENGTH) return fail('too_large', TEXTS.tooLarge);
	const nul = text.indexOf('\u0000');
	if (nul >= 0) return fail('invalid_encoding', TEXTS.nulByte, nul);
	const bad = text.indexOf('\ufffd');
	if (bad >= 0) return fail('invalid_encoding', TEXTS.notUtf8, bad);
	if (flowDepth(text, MAX_NESTING_DEPTH) > MAX_NESTING_DEPTH) return fail('too_deep', NESTING_TOO_DEEP);
	// The common text is read quickly; any other, and every error, by `yaml` (scenario/fast-yaml.ts).
	const fast = readFastYaml(text);
	const read = fast ? { ok: true as const, value: fast } : readWithYaml(text, file);
	if (!read.ok) return read;
	const value = read.value;
	if (dataDepth(value, MAX_NESTING_DEPTH) > MAX_NESTING_DEPTH) return fail('too_deep', NESTING_TOO_DEEP);
	if (value === null || value === undefined) {
		return {
			ok: false,
			issues: [
				makeIssue('empty_file', '', { en: 'the file is empty', nl: 'het bestand is leeg' }, file ? { file } : {})
			]
		};
	}
	return { ok: true, value };
}

/** Text to plain data by `yaml`, which reports syntax errors, tags, merge keys and alias problems with positions. */
function readWithYaml(text: string, file: string | undefined): Result<unknown> {
	const fail = (code: string, message: IssueText): Result<unknown> => ({
		ok: false,
		issues: [makeIssue(code, '', message, file ? { file } : {})]
	});
	const lineCounter = new LineCounter();
	let doc: Document;
	try {
		doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, version: '1.2', lineCounter });
	} catch (error) {
		return fail('syntax_error', notYaml(firstLine((error as Error).message)));
	}
	if (doc.errors.length > 0) return { ok: false, issues: yamlErrorIssues(doc, file) };
	// A tag is written with "!" and a merge key as "<<": a text with neither has no node to look for.
	const unsupported = text.includes('!') || text.includes('<<') ? unsupportedNodes(doc, lineCounter, file) : [];
	if (unsupported.length > 0) return { ok: false, issues: unsupported };
	let value: unknown;
	try {
		value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
	} catch (error) {
		const message = (error as Error).message;
		if (/alias count/i.test(message))
			return fail('yaml_aliases', {
				en: `the file expands its aliases (*name) more than ${MAX_ALIAS_COUNT} times`,
				nl: `het bestand vouwt zijn aliassen (*naam) meer dan ${MAX_ALIAS_COUNT} keer uit`
			});
		if (/unresolved alias/i.test(message))
			return fail('yaml_alias', {
				en: `an alias (*name) has no anchor (&name) before it: ${firstLine(message)}`,
				nl: `een alias (*naam) heeft geen anker (&naam) ervoor: ${firstLine(message)}`
			});
		return fail('syntax_error', notYaml(firstLine(message)));
	}
	return { ok: true, value };
}

/** The YAML reader's errors as issues (duplicate_key or syntax_error), with line and column. */
function yamlErrorIssues(doc: Document, file: string | undefined): Issue[] {
	return doc.errors.map((error) => {
		const pos = error.linePos?.[0];
		const code = error.code === 'DUPLICATE_KEY' ? 'duplicate_key' : 'syntax_error';
		const detail = firstLine(error.message);
		const message: IssueText =
			code === 'duplicate_key'
				? { en: 'a key appears twice in the same map', nl: 'een veldnaam komt twee keer voor in hetzelfde object' }
				: detail
					? { en: detail, nl: `ongeldige YAML: ${detail}` }
					: { en: 'invalid YAML', nl: 'ongeldige YAML' };
		return makeIssue(code, '', message, {
			...(pos ? { line: pos.line, column: pos.col } : {}),
			...(file ? { file } : {})
		});
	});
}

const TEXTS = {
	tooLarge: {
		en: `the file is larger than ${MAX_SCENARIO_LENGTH / 1024 / 1024} MB, the limit for a scenario or variant`,
		nl: `het bestand is groter dan ${MAX_SCENARIO_LENGTH / 1024 / 1024} MB, de grens voor een scenario of variant`
	},
	nulByte: {
		en: 'the file contains a NUL byte: it is not a text file',
		nl: 'het bestand bevat een NUL-byte: het is geen tekstbestand'
	},
	notUtf8: {
		en: 'the file is not valid UTF-8 here (save it as UTF-8): names could otherwise become the same',
		nl: 'het bestand is hier geen geldige UTF-8 (sla het op als UTF-8): anders kunnen namen gelijk worden'
	}
} as const satisfies Record<string, IssueTexts>;

const NESTING_TOO_DEEP: IssueTexts = {
	en: `the file nests lists or maps more than ${MAX_NESTING_DEPTH} levels deep`,
	nl: `het bestand nest lijsten of objecten meer dan ${MAX_NESTING_DEPTH} niveaus diep`
};

/** A YAML reader's error (its own English text) as an issue text. */
function notYaml(detail: string): IssueTexts {
	return { en: `the file cannot be read as YAML: ${detail}`, nl: `het bestand is niet te lezen als YAML: ${detail}` };
}

function firstLine(message: string): string {
	return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Find the line and column (1-based) of the field at an issue path ("pools[id=ict].cost.2021-01-01")
 * in YAML/JSON text; undefined when the path does not lead to a node of the text.
 */
export function locatePath(text: string, path: string): { line: number; column: number } | undefined {
	if (path === '') return undefined;
	return locateIn(parsedForLookup(text), path);
}

/** The text parsed once for position lookups (a file with many issues is not re-parsed per issue). */
function parsedForLookup(text: string): { doc: Document; lineCounter: LineCounter } {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, uniqueKeys: false, version: '1.2' });
	return { doc, lineCounter };
}

function locateIn(
	{ doc, lineCounter }: { doc: Document; lineCounter: LineCounter },
	path: string
): { line: number; column: number } | undefined {
	if (path === '') return undefined;
	let node: unknown = doc.contents;
	let range: readonly number[] | undefined;
	for (const part of path.split('.')) {
		const m = /^([^[\]]+)?((?:\[[^\]]+\])*)$/.exec(part);
		if (!m) return undefined;
		const steps: { key?: string; id?: string; index?: number }[] = [];
		if (m[1] !== undefined) steps.push({ key: m[1] });
		for (const sel of m[2]!.match(/\[[^\]]+\]/g) ?? []) {
			const inner = sel.slice(1, -1);
			if (inner.startsWith('id=')) steps.push({ id: inner.slice(3) });
			else if (/^\d+$/.test(inner)) steps.push({ index: Number(inner) });
			else return undefined;
		}
		for (const step of steps) {
			if (step.key !== undefined) {
				if (!isMap(node)) return undefined;
				const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === step.key);
				if (!pair) return undefined;
				range = isScalar(pair.key) ? (pair.key.range ?? undefined) : undefined;
				node = pair.value;
			} else {
				if (!isSeq(node)) return undefined;
				const item =
					step.index !== undefined
						? node.items[step.index]
						: node.items.find((x) => isMap(x) && String(x.get('id')) === step.id);
				if (!item) return undefined;
				range = (item as { range?: readonly number[] }).range ?? undefined;
				node = item;
			}
		}
	}
	if (!range) return undefined;
	const pos = lineCounter.linePos(range[0]!);
	return { line: pos.line, column: pos.col };
}

/** Add line and column to issues that point into `text` and have none yet. */
export function withPositions<T extends Issue>(issues: readonly T[], text: string, file?: string): T[] {
	let parsed: { doc: Document; lineCounter: LineCounter } | undefined;
	return issues.map((issue) => {
		if (issue.line !== undefined || (file !== undefined && issue.file !== undefined && issue.file !== file))
			return issue;
		if (issue.path === '') return issue;
		parsed ??= parsedForLookup(text);
		const pos = locateIn(parsed, issue.path);
		return pos ? { ...issue, line: pos.line, column: pos.column } : issue;
	});
}
