// `sp71 game FILE [--format json|table]`: the Shapley value, nucleolus and core of a game file.
import { formatIssues } from '../../domain/issue.ts';
import { formatNumber } from '../../vocabulary/format.ts';
import { Decimal } from '../../money/decimal.ts';
import { roundPreservingTotal } from '../../money/allocate.ts';
import { gameReport, MAX_PLAYERS, solveGame, validateGame, type GameReport } from '../../game/index.ts';
import { parseJson } from '../../problem/json.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, oneOf, parseCommandArgs } from '../args.ts';
import { readTextFile } from '../io.ts';
import type { Command } from './types.ts';
import { LANG_OPTION, langOf, say } from '../text.ts';
import type { Locale } from '../../vocabulary/format.ts';

const usage = `Usage: sp71 game FILE [--format json|table] [--lang nl|en]

Solve a cooperative game file (see docs/game-format.md): { "players": [...], "cost": { "A": "100",
"A,B": "180", ... } } or "value" instead of "cost" for a savings or profit game. At most
${MAX_PLAYERS} players (a game of n players has 2^n - 1 coalitions). All figures are exact.

Figures:
  grand       the cost (or value) of the grand coalition: the total to divide
  standAlone  what each player would pay (or earn) on its own
  shapley     each player's average marginal cost over every order in which the coalition can form
  nucleolus   the division that makes the most aggrieved coalition as well off as possible, then the next
  core        nonEmpty: whether some division leaves no coalition better off alone;
              leastCore: the largest amount a coalition must lose in the best division (<= 0 iff core non-empty)
  exact       the same figures as exact fractions (the decimals are exact to at least 6 places)

Options:
  --format F   table (default) or json
  --lang L     nl (default) or en: the language and number format of the table
  -h, --help   show this help

Invalid input prints one line per issue (path: message [code]) on stderr and exits with 1.
`;

/** A fraction as the report writes it exactly ("-7/3", "12"), as a Decimal. */
function fractionDecimal(text: string): Decimal {
	const [n, d] = text.split('/');
	return d === undefined ? new Decimal(n!) : new Decimal(n!).dividedBy(d);
}

/**
 * Each player's exact share rounded to cents so that the column adds up to the grand total shown
 * beneath it (largest remainder, ties by id, as every split of the model).
 */
function centsAddingUp(report: GameReport, exact: Readonly<Record<string, string>>): Map<string, Decimal> {
	return roundPreservingTotal(new Map(report.players.map((id) => [id, fractionDecimal(exact[id]!)])));
}

function renderTable(report: GameReport, lang: Locale): string {
	const number = (text: string): string => formatNumber(text, lang, { decimals: 2 });
	const shapley = centsAddingUp(report, report.exact.shapley);
	const nucleolus = centsAddingUp(report, report.exact.nucleolus);
	const rows = report.players.map((id) => [
		id,
		number(report.standAlone[id]!),
		number(shapley.get(id)!.toFixed(2)),
		number(nucleolus.get(id)!.toFixed(2))
	]);
	const header = [say(lang, 'player'), say(lang, 'alone'), say(lang, 'shapley'), say(lang, 'nucleolus')];
	const sum = [say(lang, 'together'), number(report.grand), number(report.grand), number(report.grand)];
	const all = [header, ...rows, sum];
	const widths = header.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
	const line = (row: string[]): string =>
		row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
	const kind = say(lang, report.kind === 'cost' ? 'costGame' : 'valueGame');
	const epsilon = number(report.core.leastCore);
	const verdict = say(lang, report.core.nonEmpty ? 'coreNonEmpty' : 'coreEmpty', { epsilon });
	return [
		say(lang, 'gameHeading', { kind, n: report.players.length }),
		'',
		line(header),
		...rows.map(line),
		line(all.at(-1)!),
		'',
		verdict,
		''
	].join('\n');
}

export const gameCommand: Command = {
	usage,
	run(args, io) {
		const { values, positionals } = parseCommandArgs(
			args,
			{ format: { type: 'string' }, ...LANG_OPTION },
			{ min: 1, max: 1, name: 'the game FILE' }
		);
		const format = oneOf('format', values.format, ['table', 'json'] as const) ?? 'table';
		const lang = langOf(values.lang);
		const file = positionals[0]!;
		const read = readTextFile(file, io);
		if (!read.ok) throw new UsageError(`cannot read ${file}: ${read.reason}`);
		const parsed = parseJson(read.text);
		const validated = parsed.ok ? validateGame(parsed.value.value, { positions: parsed.value.positions }) : parsed;
		if (!validated.ok) {
			io.stderr(`${formatIssues(validated.issues, lang)}\n`);
			return EXIT_INVALID;
		}
		const report = gameReport(solveGame(validated.value));
		io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderTable(report, lang));
		return EXIT_OK;
	}
};
