// `sp71 explain SCENARIO [--variant ID] --participant ID --year N [--format text|json]`: trace one
// participant-year figure down to pools, keys, driver values, method steps and sources.
import { computationLog } from '../../explain/log.ts';
import { explainScenario } from '../../facade/explain.ts';
import { resolveVariant } from '../../facade/load.ts';
import { METHOD_IDS } from '../../scenario/types.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, oneOf, parseCommandArgs } from '../args.ts';
import { loadScenarioAt, printIssues } from '../scenario-files.ts';
import type { Command } from './types.ts';

const usage = `Usage: sp71 explain SCENARIO [--variant ID] --participant ID --year N [--method M] [--format text|json] [--depth N]

Explain one participant's cost in one year: from the total down to the components, pools, keys,
driver values, allocation-method steps and the sources behind every input.

Options:
  --variant ID      explain under a variant
  --participant ID  the participant (required), e.g. oegstgeest
  --year N          the year (required), within the scenario's horizon
  --method M        override the allocation method
  --format F        text (default: an indented computation log) or json (the trace tree)
  --depth N         print at most N levels below the total
  -h, --help        show this help
`;

export const explainCommand: Command = {
	summary: 'explain one participant-year figure down to its sources',
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
				depth: { type: 'string' }
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
		const loaded = loadScenarioAt(positionals[0]!, io);
		if (!loaded.ok) {
			printIssues(loaded.issues, io);
			return EXIT_INVALID;
		}
		const resolved = resolveVariant(loaded.value, typeof values.variant === 'string' ? values.variant : null);
		if (!resolved.ok) {
			printIssues(resolved.issues, io);
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
		const trace = explainScenario(s, values.participant, year, method ? { method } : {});
		if (format === 'json') io.stdout(`${JSON.stringify(trace, null, 2)}\n`);
		else
			io.stdout(
				`${computationLog(trace, { locale: 'nl', ...(depth !== undefined ? { maxDepth: depth } : {}) }).join('\n')}\n`
			);
		return EXIT_OK;
	}
};
