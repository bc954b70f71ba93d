// `sp71 allocate FILE [--method …] [--format table|json|csv] [--explain]`: allocate a problem file.
import { formatIssues, type Issue } from '../../domain/issue.ts';
import type { Locale } from '../../vocabulary/format.ts';
import { allocateNormalised } from '../../allocation/index.ts';
import { parseJson } from '../../problem/json.ts';
import { METHOD_IDS } from '../../problem/types.ts';
import { validateProblem } from '../../problem/validate.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, oneOf, parseCommandArgs } from '../args.ts';
import { readTextFile, type CliIo } from '../io.ts';
import { CSV_OPTION, csvDialectOf } from '../csv.ts';
import { FORMATS, renderCsv, renderJson, renderTable } from '../render-allocation.ts';
import type { Command } from './types.ts';
import { formatWarnings } from '../scenario-files.ts';
import { LANG_OPTION, langOf } from '../text.ts';

const usage = `Usage: sp71 allocate FILE [--method direct|step-down|reciprocal] [--format table|json|csv] [--csv machine|nl] [--explain] [--lang nl|en]

Allocate the costs of an allocation problem file (see docs/problem-format.md) and print the
pool totals, every allocation, the recipient totals and the balance check.

Options:
  --method M     direct, step-down or reciprocal; overrides the file's "method"
  --format F     table (default), json, or csv (one row per allocation, then totals)
  --csv D        machine (default: commas, decimal points) or nl (Dutch Excel: semicolons,
                 decimal commas, byte-order mark)
  --explain      add the trace: how each recipient total follows from pool totals and weights
  --lang L       nl (default) or en: the language and number notation of the table, the issues
                 and the warnings
  -h, --help     show this help

Invalid input prints one line per issue (path: message [code]) on stderr and exits with 1.
`;

/** Print warnings (e.g. unallocated cost) on stderr in `lang`, marked as such. */
export function printWarnings(warnings: readonly Issue[] | undefined, io: CliIo, lang: Locale): void {
	if (!warnings || warnings.length === 0) return;
	io.stderr(`${formatWarnings(warnings, lang)}\n`);
}

export const allocateCommand: Command = {
	usage,
	run(args, io) {
		const { values, positionals } = parseCommandArgs(
			args,
			{
				method: { type: 'string' },
				format: { type: 'string' },
				explain: { type: 'boolean' },
				...CSV_OPTION,
				...LANG_OPTION
			},
			{ min: 1, max: 1, name: 'the problem FILE' }
		);
		const method = oneOf('method', values.method, METHOD_IDS);
		const format = oneOf('format', values.format, FORMATS) ?? 'table';
		const lang = langOf(values.lang);
		const file = positionals[0]!;
		const read = readTextFile(file, io);
		if (!read.ok) throw new UsageError(`cannot read ${file}: ${read.reason}`);

		const parsed = parseJson(read.text);
		const validated = parsed.ok
			? validateProblem(parsed.value.value, { positions: parsed.value.positions, ...(method ? { method } : {}) })
			: parsed;
		if (!validated.ok) {
			io.stderr(`${formatIssues(validated.issues, lang)}\n`);
			return EXIT_INVALID;
		}
		printWarnings(validated.warnings, io, lang);
		const result = allocateNormalised(validated.value);
		const explain = values.explain === true;
		if (format === 'json') io.stdout(renderJson(result, explain));
		else if (format === 'csv') io.stdout(renderCsv(result, csvDialectOf(values.csv)));
		else {
			const title = parsed.ok ? (parsed.value.value as { title?: unknown }).title : undefined;
			io.stdout(renderTable(result, { explain, lang, ...(typeof title === 'string' ? { title } : {}) }));
		}
		return EXIT_OK;
	}
};
