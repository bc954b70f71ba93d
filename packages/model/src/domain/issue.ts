// Data problems are returned as a list of issues, never thrown: {code, path, message}.

/** Whether an issue blocks computation (error) or only deserves attention (warning). */
export type Severity = 'error' | 'warning';

/** One problem found in user input. `path` points at the field, e.g. "pools[1].cost" or "pools.ict.key". */
export interface Issue {
	readonly code: string;
	readonly path: string;
	readonly message: string;
	readonly severity?: Severity;
	/** 1-based position in the source text, for parse errors. */
	readonly line?: number;
	readonly column?: number;
	readonly file?: string;
}

/** Either a value or the complete list of issues that prevented it (like Zod's safeParse). */
export type Result<T> =
	| { readonly ok: true; readonly value: T; readonly warnings?: readonly Issue[] }
	| { readonly ok: false; readonly issues: readonly Issue[] };

/** Render issues one per line as `path: message [code]` (the CLI format). */
export function formatIssues(issues: readonly Issue[]): string {
	return issues
		.map((issue) => {
			const where = issue.line !== undefined ? ` (line ${issue.line}, column ${issue.column ?? 1})` : '';
			const file = issue.file ? `${issue.file}: ` : '';
			return `${file}${issue.path || '(root)'}: ${issue.message}${where} [${issue.code}]`;
		})
		.join('\n');
}
