// Text (YAML, or JSON which is YAML) to plain data, without touching the file system. Syntax errors
// come back as issues with line and column; duplicate keys are rejected.
import { parseDocument } from 'yaml';
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
