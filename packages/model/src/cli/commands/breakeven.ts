// `sp71 breakeven SCENARIO --variant ID --input PATH --participant ID [--year Y]`: the value of one
// input at which a participant's difference becomes zero, found on the exact path within its range.
import { breakEven, breakEvenIssues } from '../../analysis/breakeven.ts';
import { isDecimalString } from '../../money/decimal.ts';
import { formatEuro, formatExact } from '../../vocabulary/format.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, oneOf, parseCommandArgs } from '../args.ts';
import { printIssues } from '../scenario-files.ts';
import type { Command } from './types.ts';
import { LANG_OPTION, langOf, say } from '../text.ts';
import { integerOption, loadPair } from './analysis-common.ts';

const usage = `Usage: sp71 breakeven SCENARIO --variant ID --input PATH --participant ID [--base ID] [--year Y] [--range LOW,HIGH] [--format text|json]

The value of one input at which the participant's difference (variant − base) becomes zero: its NPV,
or the difference in year Y. Searched on the exact path within the input's range (its own, the
default by basis and confidence, or --range) by regula falsi with bisection, and verified by
recomputing at the value found. "No break-even" when the difference has the same sign at both ends.

Options:
  --variant ID       the variant (required)
  --input PATH       the number's path, e.g. centrumgemeente.markup.2021-01-01 (required)
  --participant ID   e.g. leiderdorp (required)
  --base ID          compare against this variant instead of the baseline
  --year Y           the difference in year Y instead of its NPV
  --range LOW,HIGH   search this interval instead of the input's range
  --format F         text (default) or json ({ participant, input, path, value | null, searchedRange,
                     deltaAtLow, deltaAtHigh, deltaAtValue })
  --lang L           nl (default) or en: the language and number format of the text (json: of the labels)
  -h, --help         show this help
`;

export const breakevenCommand: Command = {
	usage,
	run(args, io) {
		const { values, positionals } = parseCommandArgs(
			args,
			{
				variant: { type: 'string' },
				base: { type: 'string' },
				input: { type: 'string' },
				participant: { type: 'string' },
				year: { type: 'string' },
				range: { type: 'string' },
				format: { type: 'string' },
				...LANG_OPTION
			},
			{ min: 1, max: 1, name: 'the SCENARIO (folder or file)' }
		);
		const format = oneOf('format', values.format, ['text', 'json'] as const) ?? 'text';
		const lang = langOf(values.lang);
		if (typeof values.input !== 'string') throw new UsageError('missing --input PATH');
		if (typeof values.participant !== 'string') throw new UsageError('missing --participant ID');
		let range: [string, string] | undefined;
		if (values.range !== undefined) {
			const parts = String(values.range)
				.split(',')
				.map((x) => x.trim());
			if (parts.length !== 2 || !parts.every((x) => isDecimalString(x)) || Number(parts[0]) > Number(parts[1]))
				throw new UsageError('--range must be LOW,HIGH: two decimal numbers, low first (e.g. 0,0.10)');
			range = [parts[0]!, parts[1]!];
		}
		const loaded = loadPair(positionals[0]!, values.variant, values.base, io, lang);
		if (!loaded) return EXIT_INVALID;
		const { pair } = loaded;
		const year = values.year === undefined ? undefined : integerOption('year', values.year, 0);
		const request = {
			input: values.input,
			participant: values.participant,
			// The JSON keeps its English label unless --lang asks otherwise; the text follows the language.
			locale: values.lang === undefined && format === 'json' ? ('en' as const) : lang,
			...(year !== undefined ? { year } : {}),
			...(range ? { range } : {})
		};
		const issues = breakEvenIssues(pair, request);
		if (issues.length) {
			printIssues(issues, io, lang);
			return EXIT_INVALID;
		}
		const result = breakEven(pair, request);
		if (format === 'json') {
			io.stdout(`${JSON.stringify(result, null, 2)}\n`);
			return EXIT_OK;
		}
		// Amounts with the sign convention of every figure ("−€ 14.599.254"), input values with every digit.
		const eur = (x: string) => formatEuro(x, lang);
		const exact = (x: string) => formatExact(x, lang);
		const what = year === undefined ? say(lang, 'npvOfDifference') : say(lang, 'differenceIn', { year });
		const [low, high] = result.searchedRange.map(exact) as [string, string];
		const { input, path } = result;
		const participant = pair.base.participants.find((p) => p.id === result.participant)?.name ?? result.participant;
		io.stdout(
			`${say(lang, 'beSearched', { participant, input, path, low, high })}\n` +
				`${say(lang, 'beEnds', { what, atLow: eur(result.deltaAtLow), low, atHigh: eur(result.deltaAtHigh), high })}\n` +
				`${result.value === null ? say(lang, 'beNone') : say(lang, 'beFound', { value: exact(result.value), check: eur(result.deltaAtValue!) })}\n`
		);
		return EXIT_OK;
	}
};
