// `sp71 validate FILE`: check an input file and report every issue at once (exit 0 valid, 1 not).
// Files are recognised by a list of validators, tried in order; the first whose `matches` accepts
// the file checks it. To validate another kind of file, add a validator to `VALIDATORS` (before
// the allocation-problem validator, which takes any remaining .json file).
import { formatIssues, type Issue } from '../../domain/issue.ts';
import { METHOD_IDS, type MethodId } from '../../problem/types.ts';
import { readProblem } from '../../problem/validate.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, oneOf, parseCommandArgs } from '../args.ts';
import { STDIN, readTextFile, type CliIo } from '../io.ts';
import type { Command } from './types.ts';
import { isScenarioPath, validateScenarioAt } from '../scenario-files.ts';

/** Options every validator may use. */
export interface ValidatorOptions {
	/** Validate as if the file used this allocation method. */
	readonly method?: MethodId;
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
	/** Whether this validator is responsible for the file (by name and/or content). */
	readonly matches: (file: string, text: string) => boolean;
	readonly validate: (file: string, text: string, options: ValidatorOptions) => FileVerdict;
}

/** Allocation problem files: any .json file not claimed by an earlier validator. */
export const problemValidator: FileValidator = {
	kind: 'allocation problem',
	matches: (file, text) => file.toLowerCase().endsWith('.json') || (file === STDIN && text.trimStart().startsWith('{')),
	validate(_file, text, options) {
		const result = readProblem(text, options.method ? { method: options.method } : {});
		if (!result.ok) return { issues: result.issues, summary: '' };
		const { method, pools, recipients } = result.value;
		return {
			issues: result.warnings ?? [],
			summary: `valid allocation problem (method ${method}, ${pools.length} pools, ${recipients.length} recipients)`
		};
	}
};

/** The validators, tried in order. */
export const VALIDATORS: FileValidator[] = [problemValidator];

const usage = `Usage: sp71 validate FILE [--method direct|step-down|reciprocal] [--format text|json]

Check an input file and print every issue at once, one per line: path: message [code].
Recognised files: ${VALIDATORS.map((v) => v.kind).join(', ')} (see docs/problem-format.md), and scenarios:
a folder with scenario.yaml and variants/*.yaml, or a scenario .yaml file (see docs/scenario-format.md).

Options:
  --method M   validate an allocation problem as if it used method M (e.g. reciprocal,
               which also checks that every pool's cost can reach a recipient)
  -h, --help   show this help

Exit codes: 0 valid (warnings may be printed), 1 invalid, 2 usage error.
`;

/** Validate one file and print the verdict; returns whether it had no errors. */
export function validateFile(file: string, io: CliIo, options: ValidatorOptions, prefix = ''): boolean {
	const read = readTextFile(file, io);
	if (!read.ok) throw new UsageError(`cannot read ${file}: ${read.reason}`);
	const validator = VALIDATORS.find((v) => v.matches(file, read.text));
	if (!validator) {
		io.stdout(
			`${prefix}(root): not a file sp71 can validate (expected ${VALIDATORS.map((v) => v.kind).join(' or ')}) [unknown_file_kind]\n`
		);
		return false;
	}
	const verdict = validator.validate(file, read.text, options);
	const errors = verdict.issues.filter((issue) => issue.severity !== 'warning');
	const warnings = verdict.issues.filter((issue) => issue.severity === 'warning');
	const lines = (issues: readonly Issue[], mark: string): string =>
		formatIssues(issues)
			.split('\n')
			.map((line) => `${mark}${prefix}${line}\n`)
			.join('');
	if (errors.length > 0) io.stdout(lines(errors, ''));
	if (warnings.length > 0) io.stdout(lines(warnings, 'warning: '));
	if (errors.length === 0) io.stdout(`${file}: ${verdict.summary}\n`);
	return errors.length === 0;
}

export const validateCommand: Command = {
	usage,
	run(args, io) {
		const { values, positionals } = parseCommandArgs(
			args,
			{ method: { type: 'string' } },
			{ min: 1, max: 1, name: 'the FILE to validate' }
		);
		const method = oneOf('method', values.method, METHOD_IDS);
		// Scenarios (a folder with scenario.yaml, or a scenario file): see docs/scenario-format.md.
		if (isScenarioPath(positionals[0]!, io)) return validateScenarioAt(positionals[0]!, io) ? EXIT_OK : EXIT_INVALID;
		return validateFile(positionals[0]!, io, method ? { method } : {}) ? EXIT_OK : EXIT_INVALID;
	}
};
