// `sp71 simulate SCENARIO --variant ID [--draws N] [--seed S]`: Monte Carlo over every uncertain
// input of the comparison; per participant the NPV and cumulative difference as quantiles with
// standard errors, and the probability that the variant is cheaper.
import { DEFAULT_DRAWS, drawEvaluator } from '../../analysis/index.ts';
import { MAX_DRAWS, drawsProblem, runSimulation, summarizeSimulation } from '../../analysis/simulate.ts';
import { formatNumber } from '../../vocabulary/format.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, oneOf, parseCommandArgs } from '../args.ts';
import type { Command } from './types.ts';
import { integerOption, loadPair, progressReporter } from './analysis-common.ts';
import { table } from './run.ts';
import { LANG_OPTION, langOf, say } from '../text.ts';

const usage = `Usage: sp71 simulate SCENARIO --variant ID [--base ID] [--draws N] [--seed S] [--sampling lhs|plain] [--format table|json]

Monte Carlo over every uncertain input (each number's range and distribution, or the defaults by
basis and confidence; correlations from the scenario's uncertainty section). Per participant the
difference variant − base: P5, P10, P50, P90 and P95 of its NPV and of the cumulative difference,
the mean, the standard error of each figure, the probability that the variant is cheaper (NPV of
the difference below zero) and the quantiles per year. The same seed gives the same output.

Options:
  --variant ID    the variant (required)
  --base ID       compare against this variant instead of the baseline
  --draws N       number of draws, 1 to ${MAX_DRAWS} (default ${DEFAULT_DRAWS})
  --seed S        seed of the random draws, a whole number (default 1)
  --sampling D    lhs (Latin hypercube, default) or plain
  --format F      table (default) or json ({ draws, seed, participants: [{ participant, npv: { p5, p10,
                  p50, p90, p95, mean, stderr }, cumulative, probabilityCheaper, perYear }], years })
  --lang L        nl (default) or en: the language and number format of the text (json: of the labels)
  -h, --help      show this help

Progress is shown on stderr when it is a terminal.
`;

export const simulateCommand: Command = {
	usage,
	run(args, io) {
		const { values, positionals } = parseCommandArgs(
			args,
			{
				variant: { type: 'string' },
				base: { type: 'string' },
				draws: { type: 'string' },
				seed: { type: 'string' },
				sampling: { type: 'string' },
				format: { type: 'string' },
				...LANG_OPTION
			},
			{ min: 1, max: 1, name: 'the SCENARIO (folder or file)' }
		);
		const draws = integerOption('draws', values.draws, DEFAULT_DRAWS);
		const problem = drawsProblem(draws);
		if (problem) throw new UsageError(`--${problem}`);
		const seed = integerOption('seed', values.seed, 1);
		const sampling = oneOf('sampling', values.sampling, ['lhs', 'plain'] as const) ?? 'lhs';
		const format = oneOf('format', values.format, ['table', 'json'] as const) ?? 'table';
		const lang = langOf(values.lang);
		const loaded = loadPair(positionals[0]!, values.variant, values.base, io, lang);
		if (!loaded) return EXIT_INVALID;
		const { pair } = loaded;
		const onProgress = progressReporter(io, 'draws');
		const evaluate = drawEvaluator(pair);
		const result = runSimulation(pair, evaluate, {
			draws,
			seed,
			sampling,
			...(onProgress ? { onProgress } : {})
		});
		const report = summarizeSimulation(pair, result);
		if (format === 'json') {
			io.stdout(`${JSON.stringify(report, null, 2)}\n`);
			return EXIT_OK;
		}
		const eur = (x: string) => formatNumber(x, lang, { decimals: 0 });
		const names = new Map(pair.base.participants.map((p) => [p.id, p.name]));
		const { variant, base, draws: n, seed: s, sampling: design, inputs } = report;
		io.stdout(
			`${say(lang, 'simHeading', { variant, base, draws: n, seed: s, sampling: design, inputs })}\n${say(lang, 'simNpvNote')}\n`
		);
		io.stdout(
			table([
				[
					say(lang, 'participant'),
					'P5',
					'P10',
					'P50',
					'P90',
					'P95',
					say(lang, 'meanStderr'),
					say(lang, 'probabilityCheaper')
				],
				...report.participants.map((p) => [
					names.get(p.participant) ?? p.participant,
					eur(p.npv.p5),
					eur(p.npv.p10),
					eur(p.npv.p50),
					eur(p.npv.p90),
					eur(p.npv.p95),
					`${eur(p.npv.mean)} ± ${eur(p.npv.stderr.mean)}`,
					`${formatNumber((p.probabilityCheaper * 100).toFixed(4), lang, { decimals: 1 })} %`
				])
			]) + '\n'
		);
		const { kernel, fallbacks } = evaluate.stats;
		io.stdout(
			`${
				kernel
					? say(lang, 'simRecomputed', { fallbacks, draws: report.draws })
					: say(lang, 'simAllExact', { reason: evaluate.stats.reason ?? say(lang, 'simNoKernel') })
			}\n`
		);
		return EXIT_OK;
	}
};
