// Data problems are returned as a list of issues, never thrown: {code, path, message}. Each issue's text
// is written at the place that finds the problem, in English and Dutch side by side (`IssueText`);
// `message` is the English text and `messages` holds both, so any caller shows it in its language.

/** Whether an issue blocks computation (error) or only deserves attention (warning). */
export type Severity = 'error' | 'warning';

/** The languages an issue is written in. */
export type IssueLocale = 'nl' | 'en';

/** An issue's text in both languages. */
export interface IssueTexts {
	readonly nl: string;
	readonly en: string;
}

/** What a validator writes for an issue: its text in both languages (or, for text that is only a path or id, one string). */
export type IssueText = string | IssueTexts;

/** One problem found in user input. `path` points at the field, e.g. "pools[1].cost" or "pools.ict.key". */
export interface Issue {
	readonly code: string;
	readonly path: string;
	/** The English text (JSON consumers rely on it; `issueMessage` gives the text in another language). */
	readonly message: string;
	/** The text in Dutch and English, when the issue was written in both. */
	readonly messages?: IssueTexts;
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

/** The `message` and `messages` fields of an issue with this text. */
export function issueTexts(text: IssueText): { message: string; messages?: IssueTexts } {
	return typeof text === 'string' ? { message: text } : { message: text.en, messages: { nl: text.nl, en: text.en } };
}

/** An issue with its text in both languages (for the few places that build one without a collector). */
export function makeIssue(
	code: string,
	path: string,
	text: IssueText,
	extra: { readonly severity?: Severity; readonly file?: string; readonly line?: number; readonly column?: number } = {}
): Issue {
	return { code, path, ...issueTexts(text), ...extra };
}

/** The text of an issue in a language (its `message` when it was written in one language only). */
export function issueMessage(issue: Issue, locale: IssueLocale): string {
	return issue.messages?.[locale] ?? issue.message;
}

/** The issues with `message` in this language (for JSON output in the user's language). */
export function issuesInLocale(issues: readonly Issue[], locale: IssueLocale): Issue[] {
	return issues.map((issue) => (locale === 'en' ? issue : { ...issue, message: issueMessage(issue, locale) }));
}

/** A count or limit in an issue text, grouped in the language ("10.000" / "10,000"). */
export function formatIssueCount(n: number, locale: IssueLocale): string {
	return n.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 20 });
}

/** Render issues one per line as `path: message [code]` (the CLI format), in a language (English unless given). */
export function formatIssues(issues: readonly Issue[], locale: IssueLocale = 'en'): string {
	const [line, column] = locale === 'nl' ? ['regel', 'kolom'] : ['line', 'column'];
	return issues
		.map((issue) => {
			const where = issue.line !== undefined ? ` (${line} ${issue.line}, ${column} ${issue.column ?? 1})` : '';
			const file = issue.file ? `${issue.file}: ` : '';
			return `${file}${issue.path || '(root)'}: ${issueMessage(issue, locale)}${where} [${issue.code}]`;
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

	/** Record one issue (an error unless `severity` says warning), its text in both languages. */
	add(code: Code, path: string, text: IssueText, severity?: Severity): void {
		const position = this.locate?.(path);
		this.issues.push({
			code,
			path,
			...issueTexts(text),
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
