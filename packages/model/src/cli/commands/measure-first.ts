// `sp71 measure-first SCENARIO --variant ID`: the estimated inputs ranked per participant by how much
// knowing them would change the decision, as sentences an advisor can act on (or JSON).
import { DEFAULT_DRAWS, drawEvaluator } from '../../analysis/index.ts';
import { measureFirst } from '../../analysis/measure-first.ts';
import { drawsProblem, runSimulation } from '../../analysis/simulate.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, oneOf, parseCommandArgs } from '../args.ts';
import type { Command } from './types.ts';
import { integerOption, loadPair, progressReporter } from './analysis-common.ts';

const usage = `Usage: sp71 measure-first SCENARIO --variant ID [--base ID] [--draws N] [--seed S] [--top K] [--lang nl|en] [--format text|json]

Which estimate to replace by a real figure first. From a Monte Carlo run, per participant, the
inputs that are not measured ranked by the share of the variance of the participant's NPV difference
each explains (first-order index read from the draws), with how far the probability that the
variant is cheaper moves between the input's lowest and highest fifth of draws.

Options:
  --variant ID   the variant (required)
  --base ID      compare against this variant instead of the baseline
  --draws N      draws of the Monte Carlo run (default ${DEFAULT_DRAWS})
  --seed S       seed (default 1)
  --top K        inputs per participant (default 5)
  --lang L       nl (default) or en, for the sentences
  --format F     text (default) or json ([{ participant, input, path, basis, confidence, share,
                 probabilityCheaperAtLow, probabilityCheaperAtHigh, sentence: { nl, en } }])
  -h, --help     show this help
`;

export const measureFirstCommand: Command = {
	usage,
	run(args, io) {
		const { values, positionals } = parseCommandArgs(
			args,
			{
				variant: { type: 'string' },
				base: { type: 'string' },
				draws: { type: 'string' },
				seed: { type: 'string' },
				top: { type: 'string' },
				lang: { type: 'string' },
				format: { type: 'string' }
			},
			{ min: 1, max: 1, name: 'the SCENARIO (folder or file)' }
		);
		const format = oneOf('format', values.format, ['text', 'json'] as const) ?? 'text';
		const lang = oneOf('lang', values.lang, ['nl', 'en'] as const) ?? 'nl';
		const draws = integerOption('draws', values.draws, DEFAULT_DRAWS);
		const problem = drawsProblem(draws);
		if (problem) throw new UsageError(`--${problem}`);
		const seed = integerOption('seed', values.seed, 1);
		const top = integerOption('top', values.top, 5);
		if (top < 1) throw new UsageError('--top must be at least 1');
		const loaded = loadPair(positionals[0]!, values.variant, values.base, io, lang);
		if (!loaded) return EXIT_INVALID;
		const { pair } = loaded;
		const onProgress = progressReporter(io, 'draws');
		const result = runSimulation(pair, drawEvaluator(pair), { draws, seed, ...(onProgress ? { onProgress } : {}) });
		const names = new Map(pair.base.participants.map((p) => [p.id, p.name]));
		const items = measureFirst(pair, result, { top, names });
		if (format === 'json') {
			io.stdout(`${JSON.stringify(items, null, 2)}\n`);
			return EXIT_OK;
		}
		for (const p of pair.participants) {
			io.stdout(`${names.get(p) ?? p}:\n`);
			items
				.filter((i) => i.participant === p)
				.forEach((item, rank) => io.stdout(`  ${rank + 1}. ${item.sentence[lang]}\n`));
		}
		return EXIT_OK;
	}
};
