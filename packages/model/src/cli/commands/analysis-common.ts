// What the analysis commands share: loading a comparison for analysis, whole-number options, and
// progress on stderr when it is a terminal.
import { prepareAnalysis, type AnalysisPair } from '../../analysis/pair.ts';
import { resolveVariant } from '../../facade/load.ts';
import type { Scenario } from '../../scenario/types.ts';
import { UsageError } from '../args.ts';
import type { CliIo } from '../io.ts';
import type { Locale } from '../../vocabulary/format.ts';
import { loadScenarioAt, printIssues } from '../scenario-files.ts';

/** Load SCENARIO and prepare base (baseline or --base) against --variant; undefined after printing issues in `lang`. */
export function loadPair(
	path: string,
	variant: string | boolean | undefined,
	base: string | boolean | undefined,
	io: CliIo,
	lang: Locale
): { pair: AnalysisPair; scenario: Scenario } | undefined {
	if (typeof variant !== 'string') throw new UsageError('missing --variant ID');
	const loaded = loadScenarioAt(path, io, lang);
	if (!loaded.ok) {
		printIssues(loaded.issues, io, lang);
		return undefined;
	}
	const b = resolveVariant(loaded.value, typeof base === 'string' ? base : null);
	const v = resolveVariant(loaded.value, variant);
	if (!b.ok || !v.ok) {
		printIssues([...(b.ok ? [] : b.issues), ...(v.ok ? [] : v.issues)], io, lang);
		return undefined;
	}
	return { pair: prepareAnalysis(b.value, v.value), scenario: loaded.value };
}

/** A whole-number option, or `fallback` when absent. */
export function integerOption(name: string, value: string | boolean | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	if (typeof value !== 'string' || !/^-?\d+$/.test(value.trim()))
		throw new UsageError(`--${name} must be a whole number (got "${String(value)}")`);
	return Number(value);
}

/** A progress line on stderr, rewritten in place, only when stderr is a terminal. */
export function progressReporter(io: CliIo, what: string): ((done: number, total: number) => void) | undefined {
	if (!io.stderrIsTerminal) return undefined;
	let last = -1;
	return (done, total) => {
		const pct = Math.floor((done / total) * 100);
		if (pct === last) return;
		last = pct;
		io.stderr(`\r${what}: ${pct} % (${done} of ${total})${done === total ? '\n' : ''}`);
	};
}
