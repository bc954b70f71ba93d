// `sp71 explain SCENARIO [--variant ID] --participant ID --year N [--format text|json]`: trace one
// participant-year figure down to pools, keys, driver values, method steps and sources.
import { computationLog } from '../../explain/log.ts';
import { explainScenario } from '../../facade/explain.ts';
import { resolveVariant } from '../../facade/load.ts';
import { METHOD_IDS } from '../../scenario/types.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, oneOf, parseCommandArgs } from '../args.ts';
import { loadScenarioAt, printIssues } from '../scenario-files.ts';
import type { Command } from './types.ts';
import { LANG_OPTION, langOf } from '../text.ts';

const usage = `Usage: sp71 explain SCENARIO [--variant ID] --participant ID --year N [--method M] [--format text|json] [--depth N] [--lang nl|en]

Explain one participant's cost in one year: from the total down to the components, pools, keys,
driver values, allocation-method steps and the sources behind every input.

Options:
  --variant ID      explain under a variant
  --participant ID  the participant (required), e.g. oegstgeest
  --year N          the year (required), within the scenario's horizon
  --method M        override the allocation method
  --format F        text (default: an indented computation log) or json (the trace tree)
  --depth N         print at most N levels below the total
  --lang L          nl or en: the language of the labels and the number format
  -h, --help        show this help
`;

export const explainCommand: Command = {
	usage,
	run(args, io) {
		const { values, positionals } = parseCommandArgs(
			args,
			{
				variant: { type: 'string' },
				participant: { type: 'string' },
				year: { type: 'string' },
				method: { type: 'string' },
				format: { type: 'string' },
				depth: { type: 'string' },
				...LANG_OPTION
			},
			{ min: 1, max: 1, name: 'the SCENARIO (folder or file)' }
		);
		if (typeof values.participant !== 'string') throw new UsageError('missing --participant ID');
		if (typeof values.year !== 'string' || !/^\d{4}$/.test(values.year))
			throw new UsageError('--year must be a year such as 2025');
		const depth = typeof values.depth === 'string' ? Number(values.depth) : undefined;
		if (depth !== undefined && (!Number.isInteger(depth) || depth < 0))
			throw new UsageError('--depth must be a whole number ≥ 0');
		const method = oneOf('method', values.method, METHOD_IDS);
		const format = oneOf('format', values.format, ['text', 'json'] as const) ?? 'text';
		// Only the variant explained is dry-run while loading; resolving it again checks the structure only.
		const variantId = typeof values.variant === 'string' ? values.variant : null;
		// Issues follow --lang like every command (Dutch by default).
		const issueLang = langOf(values.lang);
		const loaded = loadScenarioAt(positionals[0]!, io, issueLang, {
			dryRunVariants: variantId === null ? [] : [variantId]
		});
		if (!loaded.ok) {
			printIssues(loaded.issues, io, issueLang);
			return EXIT_INVALID;
		}
		const resolved = resolveVariant(loaded.value, variantId, [], { dryRun: false });
		if (!resolved.ok) {
			printIssues(resolved.issues, io, issueLang);
			return EXIT_INVALID;
		}
		const s = resolved.value;
		const year = Number(values.year);
		if (!s.participants.some((p) => p.id === values.participant))
			throw new UsageError(
				`unknown participant "${values.participant}" (known: ${s.participants.map((p) => p.id).join(', ')})`
			);
		if (year < s.horizon.from || year > s.horizon.to)
			throw new UsageError(`--year ${year} lies outside the horizon ${s.horizon.from}–${s.horizon.to}`);
		// Without --lang the trace keeps its default (English) labels and the log its Dutch numbers.
		const lang = values.lang === undefined ? undefined : langOf(values.lang);
		const trace = explainScenario(s, values.participant, year, {
			...(method ? { method } : {}),
			...(lang ? { locale: lang } : {})
		});
		if (format === 'json') io.stdout(`${JSON.stringify(trace, null, 2)}\n`);
		else
			io.stdout(
				`${computationLog(trace, { locale: lang ?? 'nl', ...(depth !== undefined ? { maxDepth: depth } : {}) }).join('\n')}\n`
			);
		return EXIT_OK;
	}
};
