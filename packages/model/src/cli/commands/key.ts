// `sp71 key "EXPRESSION" --scenario SCENARIO --year N [--format json]`: try a formula key before
// putting it in a scenario. Prints each participant's weight and share, from the same checker and
// evaluator the scenario's formula keys use.
import { formatIssues } from '../../domain/issue.ts';
import { resolveVariant } from '../../facade/load.ts';
import { evaluateKeyFormula } from '../../legal-form/key-preview.ts';
import { Decimal } from '../../money/decimal.ts';
import { loadFormulaParser } from '../../scenario/formula.ts';
import { formatExact, formatNumber } from '../../vocabulary/format.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, oneOf, parseCommandArgs } from '../args.ts';
import { loadScenarioAt, printIssues } from '../scenario-files.ts';
import { LANG_OPTION, langOf } from '../text.ts';
import type { Command } from './types.ts';
import { table } from './run.ts';

const usage = `Usage: sp71 key "EXPRESSION" --scenario SCENARIO --year N [--variant ID] [--format text|json] [--lang nl|en]

Evaluate a formula key over the scenario's drivers for one year and print each participant's
weight and share, exactly as a formula key in the scenario would divide a pool. The expression may
use driver names (e.g. inwoners, werkplekken), numbers, + - * / ^, parentheses and the functions
min, max, sqrt, abs, round, floor, ceil, log, exp.

Example: sp71 key "0.5 * inwoners + 0.5 * werkplekken * 10" --scenario scenarios/servicepunt71 --year 2024

Options:
  --scenario S   the scenario (folder or file) whose drivers are used (required)
  --year N       the year whose driver values are used (required)
  --variant ID   use the drivers of a variant
  --format F     text (default) or json: { expression, year, drivers, total, participants: [{ participant, name, weight, share }] }
  --lang L       nl (default) or en: the language of the table and the messages
  -h, --help     show this help

An expression that cannot be read or uses anything else is refused with exit code 1.
`;

export const keyCommand: Command = {
	usage,
	async run(args, io) {
		// Every use evaluates a formula: the parser is loaded here, whatever the scenario holds (the
		// command line loads it for a scenario file only when that file mentions a formula key).
		await loadFormulaParser();
		const { values, positionals } = parseCommandArgs(
			args,
			{
				scenario: { type: 'string' },
				year: { type: 'string' },
				variant: { type: 'string' },
				format: { type: 'string' },
				...LANG_OPTION
			},
			{ min: 1, max: 1, name: 'the EXPRESSION (in quotes)' }
		);
		if (typeof values.scenario !== 'string') throw new UsageError('missing --scenario SCENARIO');
		if (typeof values.year !== 'string' || !/^\d{4}$/.test(values.year))
			throw new UsageError('--year must be a year such as 2024');
		const format = oneOf('format', values.format, ['text', 'json'] as const) ?? 'text';
		const lang = langOf(values.lang);
		const loaded = loadScenarioAt(values.scenario, io, lang);
		if (!loaded.ok) {
			printIssues(loaded.issues, io, lang);
			return EXIT_INVALID;
		}
		const resolved = resolveVariant(loaded.value, typeof values.variant === 'string' ? values.variant : null);
		if (!resolved.ok) {
			printIssues(resolved.issues, io, lang);
			return EXIT_INVALID;
		}
		const year = Number(values.year);
		const expression = positionals[0]!;
		const result = evaluateKeyFormula(resolved.value, expression, year);
		if (!result.ok) {
			io.stderr(`${formatIssues(result.issues, lang)}\n`);
			return EXIT_INVALID;
		}
		if (format === 'json') {
			io.stdout(
				`${JSON.stringify({ expression, year, drivers: result.drivers, total: result.total, participants: result.rows }, null, 2)}\n`
			);
			return EXIT_OK;
		}
		const nl = lang === 'nl';
		// Weights with every digit and shares to two decimals, both in the language's notation.
		const pct = (share: string) => `${formatNumber(new Decimal(share).times(100).toFixed(), lang)} %`;
		const drivers = result.drivers.join(', ') || (nl ? 'geen' : 'none');
		io.stdout(
			`${nl ? 'Sleutel' : 'Key'} ${expression} in ${year} (${nl ? 'verdeelgrondslagen' : 'drivers'}: ${drivers})\n\n`
		);
		const header = nl ? ['Gemeente', 'Gewicht', 'Aandeel'] : ['Participant', 'Weight', 'Share'];
		io.stdout(`${table([header, ...result.rows.map((r) => [r.name, formatExact(r.weight, lang), pct(r.share)])])}\n`);
		return EXIT_OK;
	}
};
