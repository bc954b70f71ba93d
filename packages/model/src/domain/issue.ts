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

/** 1-based line and column of a value in its source text. */
export interface IssuePosition {
	readonly line: number;
	readonly column: number;
}

/** Collects issues while reading input, in the order found; the one collector of every validator. */
export class IssueCollector<Code extends string = string> {
	readonly issues: Issue[] = [];
	/**
	 * @param file file name added to every issue
	 * @param locate where a path sits in the source text, added as line and column
	 */
	constructor(
		readonly file?: string,
		private readonly locate?: (path: string) => IssuePosition | undefined
	) {}

	/** Record one issue (an error unless `severity` says warning). */
	add(code: Code, path: string, message: string, severity?: Severity): void {
		const position = this.locate?.(path);
		this.issues.push({
			code,
			path,
			message,
			...(severity === 'warning' ? { severity } : {}),
			...(position ? { line: position.line, column: position.column } : {}),
			...(this.file ? { file: this.file } : {})
		});
	}

	/** Remove the first issue with this code at this path (when a more precise one replaces it). */
	drop(code: Code, path: string): void {
		const i = this.issues.findIndex((x) => x.code === code && x.path === path);
		if (i >= 0) this.issues.splice(i, 1);
	}

	/** The number of issues that are errors. */
	get errorCount(): number {
		return this.issues.filter((issue) => issue.severity !== 'warning').length;
	}

	/** The value with the warnings found, or every issue when there is an error or no value. */
	result<T>(value: T | undefined): Result<T> {
		if (this.errorCount > 0 || value === undefined) return { ok: false, issues: this.issues };
		const warnings = this.issues.filter((i) => i.severity === 'warning');
		return { ok: true, value, ...(warnings.length ? { warnings } : {}) };
	}
}
