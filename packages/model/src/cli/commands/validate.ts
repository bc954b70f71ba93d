// `sp71 validate FILE`: check an input file and report every issue at once (exit 0 valid, 1 not).
// Files are recognised by a list of validators, tried in order; the first whose `matches` accepts
// the file checks it. To validate another kind of file, add a validator to `VALIDATORS` (before
// the allocation-problem validator, which takes any remaining .json file).
import { formatIssues, issueMessage, makeIssue, type Issue } from '../../domain/issue.ts';
import type { Locale } from '../../vocabulary/format.ts';
import { MAX_PLAYERS, validateGame } from '../../game/index.ts';
import { parseJson } from '../../problem/json.ts';
import { METHOD_IDS, type MethodId } from '../../problem/types.ts';
import { readProblem } from '../../problem/validate.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, oneOf, parseCommandArgs } from '../args.ts';
import { STDIN, readTextFile, type CliIo } from '../io.ts';
import type { Command } from './types.ts';
import { formatWarnings, isScenarioPath, loadScenarioAt, validateScenarioAt } from '../scenario-files.ts';
import { LANG_OPTION, counted, langOf, say } from '../text.ts';
import { withPositions } from '../../scenario/parse.ts';

/** Options every validator may use. */
export interface ValidatorOptions {
	/** Validate as if the file used this allocation method. */
	readonly method?: MethodId;
	/** The language of the summary (Dutch unless given). */
	readonly lang?: Locale;
}

/** The verdict on one file: all issues (errors and warnings) and, when valid, a one-line summary. */
export interface FileVerdict {
	readonly issues: readonly Issue[];
	readonly summary: string;
}

/** A kind of input file that `sp71 validate` understands. */
export interface FileValidator {
	/** What the file is, e.g. "allocation problem". */
	readonly kind: string;
	/** The same in each language, for the messages. */
	readonly kindText: Readonly<Record<Locale, string>>;
	/** Whether this validator is responsible for the file (by name and/or content). */
	readonly matches: (file: string, text: string) => boolean;
	readonly validate: (file: string, text: string, options: ValidatorOptions) => FileVerdict;
}

/** Allocation problem files: any .json file not claimed by an earlier validator. */
export const problemValidator: FileValidator = {
	kind: 'allocation problem',
	kindText: { nl: say('nl', 'kindProblem'), en: say('en', 'kindProblem') },
	matches: (file, text) => file.toLowerCase().endsWith('.json') || (file === STDIN && text.trimStart().startsWith('{')),
	validate(_file, text, options) {
		const result = readProblem(text, options.method ? { method: options.method } : {});
		if (!result.ok) return { issues: result.issues, summary: '' };
		const { method, pools, recipients } = result.value;
		const lang = options.lang ?? 'nl';
		return {
			issues: result.warnings ?? [],
			summary: say(lang, 'validProblem', {
				method,
				pools: counted(lang, pools.length, 'pool'),
				recipients: counted(lang, recipients.length, 'recipient')
			})
		};
	}
};

/**
 * Whether a JSON text is meant as a game file rather than an allocation problem: its object has
 * "players", a game format tag, or a "cost"/"value" table and neither "pools" nor "recipients".
 */
function looksLikeGame(text: string): boolean {
	const parsed = parseJson(text);
	if (!parsed.ok) return false;
	const value = parsed.value.value;
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const has = (key: string) => Object.hasOwn(value, key);
	const format = (value as { format?: unknown }).format;
	if (has('players') || (typeof format === 'string' && format.startsWith('sp71-game'))) return true;
	return (has('cost') || has('value')) && !has('pools') && !has('recipients');
}

/** Cooperative game files (docs/game-format.md): a .json file that `looksLikeGame`. */
export const gameValidator: FileValidator = {
	kind: 'cooperative game',
	kindText: { nl: say('nl', 'kindGame'), en: say('en', 'kindGame') },
	matches: (file, text) => (file.toLowerCase().endsWith('.json') || file === STDIN) && looksLikeGame(text),
	validate(_file, text, options) {
		const parsed = parseJson(text);
		const result = parsed.ok ? validateGame(parsed.value.value, { positions: parsed.value.positions }) : parsed;
		if (!result.ok) return { issues: result.issues, summary: '' };
		const game = result.value;
		const lang = options.lang ?? 'nl';
		return {
			issues: [],
			summary: say(lang, 'validGame', {
				kind: game.kind,
				players: game.players.length,
				max: counted(lang, MAX_PLAYERS, 'player')
			})
		};
	}
};

/** The validators, tried in order. */
export const VALIDATORS: FileValidator[] = [gameValidator, problemValidator];

const usage = `Usage: sp71 validate FILE [--method direct|step-down|reciprocal] [--format text|json] [--lang nl|en]

Check an input file and print every issue at once, one per line: path: message [code].
Recognised files: ${VALIDATORS.map((v) => v.kind).join(', ')} (see docs/game-format.md and
docs/problem-format.md), and scenarios:
a folder with scenario.yaml and variants/*.yaml, or a scenario .yaml file (see docs/scenario-format.md).

FILE may be - to read standard input.

Options:
  --method M   validate an allocation problem as if it used method M (e.g. reciprocal,
               which also checks that every pool's cost can reach a recipient)
  --format F   text (default) or json: [{ file, path, line, column, code, severity, message }]
               for every error and warning ([] when the file is valid; line and column null
               when unknown)
  --lang L     nl (default) or en: the language of the messages and the summary; with
               --format json the "message" field is in this language (the code and path
               are the same in both)
  -h, --help   show this help

Exit codes: 0 valid (warnings may be printed), 1 invalid, 2 usage error.
`;

/** The "not a file sp71 can validate" issue, in both languages. */
function notValidatable(): Issue {
	const kinds = (lang: Locale) => VALIDATORS.map((v) => v.kindText[lang]).join(` ${say(lang, 'or')} `);
	return makeIssue('unknown_file_kind', '', {
		en: say('en', 'notValidatable', { kinds: kinds('en') }),
		nl: say('nl', 'notValidatable', { kinds: kinds('nl') })
	});
}

/** Validate one file and print the verdict in `options.lang` (Dutch unless given); returns whether it had no errors. */
export function validateFile(file: string, io: CliIo, options: ValidatorOptions, prefix = ''): boolean {
	const lang = options.lang ?? 'nl';
	const read = readTextFile(file, io);
	if (!read.ok) throw new UsageError(`cannot read ${file}: ${read.reason}`);
	const validator = VALIDATORS.find((v) => v.matches(file, read.text));
	if (!validator) {
		io.stdout(`${prefix}${formatIssues([notValidatable()], lang)}\n`);
		return false;
	}
	const verdict = validator.validate(file, read.text, options);
	const errors = verdict.issues.filter((issue) => issue.severity !== 'warning');
	const warnings = verdict.issues.filter((issue) => issue.severity === 'warning');
	const lines = (text: string, mark: string): string =>
		text
			.split('\n')
			.map((line) => `${mark}${prefix}${line}\n`)
			.join('');
	if (errors.length > 0) io.stdout(lines(formatIssues(errors, lang), ''));
	if (warnings.length > 0) io.stdout(lines(formatWarnings(warnings, lang), ''));
	if (errors.length === 0) io.stdout(`${file}: ${verdict.summary}\n`);
	return errors.length === 0;
}

/** One issue of `validate --format json`, every field present. */
export interface IssueRecord {
	readonly file: string;
	readonly path: string;
	readonly line: number | null;
	readonly column: number | null;
	readonly code: string;
	readonly severity: 'error' | 'warning';
	readonly message: string;
}

function toRecord(issue: Issue, file: string, lang: Locale): IssueRecord {
	return {
		file: issue.file ?? file,
		path: issue.path,
		line: issue.line ?? null,
		column: issue.line === undefined ? null : (issue.column ?? 1),
		code: issue.code,
		severity: issue.severity ?? 'error',
		message: issueMessage(issue, lang)
	};
}

/** Every error and warning of a file or scenario as records (for `--format json`, messages in `options.lang`, Dutch unless given); `valid` when no error. */
export function validateToRecords(
	path: string,
	io: CliIo,
	options: ValidatorOptions
): { valid: boolean; records: IssueRecord[] } {
	let issues: readonly Issue[];
	if (isScenarioPath(path, io)) {
		const loaded = loadScenarioAt(path, io, null);
		issues = loaded.ok ? (loaded.warnings ?? []) : loaded.issues;
	} else {
		const read = readTextFile(path, io);
		if (!read.ok) throw new UsageError(`cannot read ${path}: ${read.reason}`);
		const validator = VALIDATORS.find((v) => v.matches(path, read.text));
		issues = validator
			? withPositions(validator.validate(path, read.text, options).issues, read.text)
			: [notValidatable()];
	}
	const records = issues.map((issue) => toRecord(issue, path, options.lang ?? 'nl'));
	return { valid: records.every((r) => r.severity === 'warning'), records };
}

export const validateCommand: Command = {
	usage,
	run(args, io) {
		const { values, positionals } = parseCommandArgs(
			args,
			{ method: { type: 'string' }, format: { type: 'string' }, ...LANG_OPTION },
			{ min: 1, max: 1, name: 'the FILE to validate' }
		);
		const method = oneOf('method', values.method, METHOD_IDS);
		const lang = langOf(values.lang);
		const options: ValidatorOptions = { lang, ...(method ? { method } : {}) };
		if (oneOf('format', values.format, ['text', 'json'] as const) === 'json') {
			const { valid, records } = validateToRecords(positionals[0]!, io, options);
			io.stdout(`${JSON.stringify(records, null, 2)}\n`);
			return valid ? EXIT_OK : EXIT_INVALID;
		}
		// Scenarios (a folder with scenario.yaml, or a scenario file): see docs/scenario-format.md.
		if (isScenarioPath(positionals[0]!, io))
			return validateScenarioAt(positionals[0]!, io, lang) ? EXIT_OK : EXIT_INVALID;
		return validateFile(positionals[0]!, io, options) ? EXIT_OK : EXIT_INVALID;
	}
};
