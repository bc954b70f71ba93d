// `sp71 sensitivity SCENARIO --variant ID [--year Y]`: per participant every uncertain input at its
// low and its high end (exact path, sorted by swing), with its Sobol first-order and total index.
import { drawEvaluator } from '../../analysis/index.ts';
import { sensitivity } from '../../analysis/sensitivity.ts';
import { formatExact, formatNumber } from '../../vocabulary/format.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, oneOf, parseCommandArgs } from '../args.ts';
import type { Command } from './types.ts';
import { integerOption, loadPair, progressReporter } from './analysis-common.ts';
import { table } from './run.ts';
import { LANG_OPTION, langOf, say } from '../text.ts';

/** The default base sample of the Sobol estimate (cost: N × (inputs + 2) evaluations). */
export const DEFAULT_SOBOL_N = 64;

const usage = `Usage: sp71 sensitivity SCENARIO --variant ID [--base ID] [--year Y] [--sobol N] [--seed S] [--top K] [--format table|json]

One-at-a-time sensitivity (a tornado): each uncertain input set to the low and to the high end of
its range with every other input at its value, both scenarios recomputed exactly; per participant
the difference (variant − base) at both ends and the swing, sorted by swing. With each input its
Sobol first-order index (the share of the variance the input explains alone) and total index
(including its interactions), estimated by the Saltelli design with N base draws.

Options:
  --variant ID   the variant (required)
  --base ID      compare against this variant instead of the baseline
  --year Y       the difference in year Y instead of its NPV
  --sobol N      base sample of the Sobol estimate (default ${DEFAULT_SOBOL_N}; 0 leaves the indices out)
  --seed S       seed of the Sobol draws (default 1)
  --top K        table: the K largest swings per participant (default 10)
  --format F     table (default) or json ([{ participant, input, path, basis, low, high, deltaAtLow,
                 deltaAtHigh, swing, firstOrder, total }])
  --lang L       nl (default) or en: the language and number format of the text (json: of the labels)
  -h, --help     show this help
`;

export const sensitivityCommand: Command = {
	usage,
	run(args, io) {
		const { values, positionals } = parseCommandArgs(
			args,
			{
				variant: { type: 'string' },
				base: { type: 'string' },
				year: { type: 'string' },
				sobol: { type: 'string' },
				seed: { type: 'string' },
				top: { type: 'string' },
				format: { type: 'string' },
				...LANG_OPTION
			},
			{ min: 1, max: 1, name: 'the SCENARIO (folder or file)' }
		);
		const format = oneOf('format', values.format, ['table', 'json'] as const) ?? 'table';
		const sobolN = integerOption('sobol', values.sobol, DEFAULT_SOBOL_N);
		if (sobolN < 0 || sobolN > 100_000) throw new UsageError('--sobol must be from 0 to 100000');
		const seed = integerOption('seed', values.seed, 1);
		const top = integerOption('top', values.top, 10);
		const lang = langOf(values.lang);
		const loaded = loadPair(positionals[0]!, values.variant, values.base, io, lang);
		if (!loaded) return EXIT_INVALID;
		const { pair } = loaded;
		const year = values.year === undefined ? undefined : integerOption('year', values.year, 0);
		if (year !== undefined && !pair.years.includes(year))
			throw new UsageError(`--year must be a year of the horizon ${pair.years[0]}–${pair.years.at(-1)}`);
		const onProgress = progressReporter(io, 'tornado');
		const rows = sensitivity(pair, {
			// The JSON keeps its English labels unless --lang asks otherwise; the table follows the language.
			locale: values.lang === undefined && format === 'json' ? 'en' : lang,
			...(year !== undefined ? { year } : {}),
			...(sobolN > 0 ? { sobol: { evaluate: drawEvaluator(pair), n: sobolN, seed } } : {}),
			...(onProgress ? { onProgress } : {})
		});
		if (format === 'json') {
			io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
			return EXIT_OK;
		}
		const eur = (x: string) => formatNumber(x, lang, { decimals: 0 });
		const idx = (x: number | null) => (x === null ? '–' : formatNumber(x.toFixed(4), lang, { decimals: 2 }));
		const what = year === undefined ? say(lang, 'npvOfDifference') : say(lang, 'differenceIn', { year });
		for (const p of pair.participants) {
			const name = pair.base.participants.find((x) => x.id === p)?.name ?? p;
			io.stdout(`${say(lang, 'sensHeading', { name, what })}\n`);
			io.stdout(
				table([
					[...(['input', 'low', 'high', 'atLow', 'atHigh', 'swing'] as const).map((key) => say(lang, key)), 'S1', 'ST'],
					...rows
						.filter((r) => r.participant === p)
						.slice(0, top)
						.map((r) => [
							r.path,
							// The ends as the scenario holds them (every digit), in the table's notation.
							formatExact(r.low, lang),
							formatExact(r.high, lang),
							eur(r.deltaAtLow),
							eur(r.deltaAtHigh),
							eur(r.swing),
							idx(r.firstOrder),
							idx(r.total)
						])
				]) + '\n\n'
			);
		}
		return EXIT_OK;
	}
};
