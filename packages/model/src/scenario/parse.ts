// Text (YAML, or JSON which is YAML) to plain data, without touching the file system. Syntax errors
// come back as issues with line and column; duplicate keys are rejected.
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Issue, Result } from '../domain/issue.ts';

/**
 * Parse scenario or variant text (YAML or JSON) into plain data.
 * @param text the file contents
 * @param file the file name, reported in issues
 * @returns the data, or issues (`syntax_error`, `duplicate_key`) with line and column
 */
export function parseScenarioText(text: string, file?: string): Result<unknown> {
	const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, version: '1.2' });
	if (doc.errors.length > 0) {
		const issues: Issue[] = doc.errors.map((error) => {
			const pos = error.linePos?.[0];
			const code = error.code === 'DUPLICATE_KEY' ? 'duplicate_key' : 'syntax_error';
			const message =
				code === 'duplicate_key' ? 'a key appears twice in the same map' : firstLine(error.message) || 'invalid YAML';
			return {
				code,
				path: '',
				message,
				...(pos ? { line: pos.line, column: pos.col } : {}),
				...(file ? { file } : {})
			};
		});
		return { ok: false, issues };
	}
	const value: unknown = doc.toJS({ maxAliasCount: 100 });
	if (value === null || value === undefined) {
		return {
			ok: false,
			issues: [{ code: 'empty_file', path: '', message: 'the file is empty', ...(file ? { file } : {}) }]
		};
	}
	return { ok: true, value };
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
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, uniqueKeys: false, version: '1.2' });
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
	return issues.map((issue) => {
		if (issue.line !== undefined || (file !== undefined && issue.file !== undefined && issue.file !== file))
			return issue;
		const pos = locatePath(text, issue.path);
		return pos ? { ...issue, line: pos.line, column: pos.column } : issue;
	});
}
