// `sp71 fairness SCENARIO [--variant ID] [--year Y | --npv] [--format json|table]`: the
// scenario's cooperative cost game and its fair shares.
import { makeIssue } from '../../domain/issue.ts';
import { Decimal } from '../../money/decimal.ts';
import { formatNumber } from '../../vocabulary/format.ts';
import { shownFairShares, type ShownFairShares } from '../../fairness/shown.ts';
import { fairnessReport, scenarioGame, type FairnessReport, type GameBasis } from '../../fairness/index.ts';
import { InHouseError } from '../../legal-form/in-house.ts';
import { ScenarioError } from '../../legal-form/run.ts';
import { resolveVariant } from '../../facade/load.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, oneOf, parseCommandArgs } from '../args.ts';
import { loadScenarioAt, printIssues } from '../scenario-files.ts';
import { LANG_OPTION, langOf, say } from '../text.ts';
import type { Locale } from '../../vocabulary/format.ts';
import type { Command } from './types.ts';

const usage = `Usage: sp71 fairness SCENARIO [--variant ID] [--year Y | --npv] [--format json|table] [--lang nl|en]

The cooperative cost game of a scenario: what every coalition of participants would pay if its
members shared one back office under the scenario's legal form and everyone else ran in-house
(see docs/methodology.md, section 13). Default: the last year of the horizon.

Figures:
  coalitions          each coalition's cost, computed by the model (a single participant: in-house)
  standAlone          what each participant would pay on its own, in-house
  totalSavings        Σ stand-alone costs − the grand coalition's cost: what cooperation saves in all
  charges             what each participant actually pays in the scenario
  savings             stand-alone cost − charge: what each saves by cooperating, as charged
  shapley             the Shapley value: each one's average extra cost over all orders of joining (cents)
  shapleySavings      stand-alone − Shapley value; these add up exactly to totalSavings
  nucleolus           the division that makes the worst-off coalition as well off as possible (cents)
  usage               the charge under a pure usage key (each one's share of each service's drivers)
  inCore              whether no coalition would be better off alone with the actual charges
  blockingCoalitions  the coalitions that would be, with their cost alone, their charges and the gain
  subsidy             charge − Shapley value and charge − usage charge (positive: pays for others),
                      in euros and per inhabitant
  exact               the Shapley value and nucleolus as exact fractions

Options:
  --variant ID   the variant to analyse (default: the baseline)
  --year Y       the game of one year
  --npv          the game of net present values over the horizon, at the scenario's discount rate
  --format F     table (default) or json
  --lang L       nl (default) or en: the language and number format of the table and its sentences
  -h, --help     show this help
`;

function renderTable(report: FairnessReport, lang: Locale): string {
	const eur = (text: string): string => formatNumber(text, lang, { decimals: 0 });
	const header = (
		['participant', 'alone', 'pays', 'shapley', 'nucleolus', 'usage', 'saving', 'vsShapley'] as const
	).map((key) => say(lang, key));
	// In whole euros that add up along every column and read as their differences (shownFairShares).
	const shown = shownFairShares(report);
	const figures = (f: ShownFairShares) =>
		[f.standAlone, f.charge, f.shapley, f.nucleolus, f.usage, f.saving, f.vsShapley].map((x) => eur(x.toFixed()));
	const rows = report.players.map(({ name }, i) => [name, ...figures(shown.players[i]!)]);
	const sumRow = [say(lang, 'together'), ...figures(shown.total)];
	// The stand-alone costs are no division of the total: their sum is left blank.
	sumRow[1] = '';
	const all = [header, ...rows, sumRow];
	const widths = header.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
	const line = (r: string[]): string =>
		r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
	const basis =
		'year' in report.basis
			? say(lang, 'fairYear', { year: report.basis.year })
			: say(lang, 'fairNpv', {
					year: report.basis.referenceYear,
					rate: formatNumber(new Decimal(report.basis.discountRate).times(100), lang)
				});
	return [
		say(lang, 'fairHeading', { basis }),
		'',
		...all.map(line),
		'',
		...report.sentences[lang].map((s) => `• ${s}`),
		'',
		report.verdict[lang],
		'',
		say(lang, 'roundingNoteAddingUp'),
		''
	].join('\n');
}

export const fairnessCommand: Command = {
	usage,
	run(args, io) {
		const { values, positionals } = parseCommandArgs(
			args,
			{
				variant: { type: 'string' },
				year: { type: 'string' },
				npv: { type: 'boolean' },
				format: { type: 'string' },
				...LANG_OPTION
			},
			{ min: 1, max: 1, name: 'the SCENARIO folder or file' }
		);
		const format = oneOf('format', values.format, ['table', 'json'] as const) ?? 'table';
		const lang = langOf(values.lang);
		if (values.year !== undefined && values.npv) throw new UsageError('give --year or --npv, not both');
		if (values.year !== undefined && !/^\d{4}$/.test(String(values.year)))
			throw new UsageError(`--year must be a year such as 2025 (got "${String(values.year)}")`);
		const loaded = loadScenarioAt(positionals[0]!, io, lang);
		if (!loaded.ok) {
			printIssues(loaded.issues, io, lang);
			return EXIT_INVALID;
		}
		const variant = typeof values.variant === 'string' ? values.variant : null;
		const resolved = resolveVariant(loaded.value, variant);
		if (!resolved.ok) {
			printIssues(resolved.issues, io, lang);
			return EXIT_INVALID;
		}
		const scenario = resolved.value;
		const basis: GameBasis = values.npv
			? { npv: true }
			: { year: values.year !== undefined ? Number(values.year) : scenario.horizon.to };
		let report: FairnessReport;
		try {
			report = fairnessReport(scenarioGame(scenario, basis));
		} catch (error) {
			if (error instanceof InHouseError) {
				if (error.path === 'year') throw new UsageError(`--year ${error.message.replace('[model] year: ', '')}`);
				printIssues([makeIssue('fairness_unavailable', error.path, error.texts)], io, lang);
				return EXIT_INVALID;
			}
			if (error instanceof ScenarioError) {
				printIssues(error.issues, io, lang);
				return EXIT_INVALID;
			}
			throw error;
		}
		io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderTable(report, lang));
		return EXIT_OK;
	}
};
