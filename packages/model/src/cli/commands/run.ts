// `sp71 run SCENARIO [--variant ID] [--method M] [--format table|json|csv]`: compute a scenario.
import { printableCell } from '../printable.ts';
import { COMPONENTS, type RunResult } from '../../domain/result.ts';
import { formatNumber, type Locale } from '../../vocabulary/format.ts';
import { CSV_OPTION, csvDialectOf, toCsv, type CsvDialect } from '../csv.ts';
import { LANG_OPTION, componentName, langOf, say, type TextKey } from '../text.ts';
import { runScenario } from '../../legal-form/run.ts';
import { resolveVariant } from '../../facade/load.ts';
import { METHOD_IDS, type Scenario } from '../../scenario/types.ts';
import { toDecimal, sum } from '../../money/decimal.ts';
import { wholeEurosAddingUp } from '../../money/allocate.ts';
import { EXIT_INVALID, EXIT_OK, oneOf, parseCommandArgs } from '../args.ts';
import { loadScenarioAt, printIssues } from '../scenario-files.ts';
import type { CliIo } from '../io.ts';
import type { Command } from './types.ts';

export const SCENARIO_FORMATS = ['table', 'json', 'csv'] as const;

const usage = `Usage: sp71 run SCENARIO [--variant ID] [--method direct|step-down|reciprocal] [--format table|json|csv] [--csv machine|nl] [--lang nl|en]

Compute a scenario (a folder with scenario.yaml and variants/*.yaml, or a single file) over its
horizon: each participant's cost per year, by component, and per year the reconciliation
(everything that has to be paid is charged to someone, to the cent).

Options:
  --variant ID   apply a variant (a delta over the baseline; variants may stack)
  --method M     override the allocation method in every year
  --format F     table (default), json (with reconciliation: [{year, costs, charged}]), or csv
  --lang L       nl (default) or en: the language and number format of the table
  --csv D        machine (default: commas, decimal points) or nl (Dutch Excel: semicolons,
                 decimal commas, byte-order mark)
  -h, --help     show this help

Invalid input prints one line per issue (path: message [code]) on stderr and exits with 1.
`;

/** Align columns: the first left, the others right. */
export function table(given: readonly (readonly string[])[]): string {
	// A name or id with a newline or an escape code stays on its line, shown escaped.
	const rows = given.map((r) => r.map(printableCell));
	const widths = rows[0]!.map((_, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? '').length), 0));
	return rows
		.map((r) =>
			r
				.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
				.join('  ')
				.trimEnd()
		)
		.join('\n');
}

/** Load, resolve the variant and run; prints issues and returns null on invalid input. */
export function loadAndRun(
	path: string,
	variant: string | undefined,
	method: (typeof METHOD_IDS)[number] | undefined,
	io: CliIo,
	lang: Locale
): { scenario: Scenario; run: RunResult } | null {
	// Only the variant run is dry-run while loading; resolving it again checks the structure only.
	const loaded = loadScenarioAt(path, io, lang, { dryRunVariants: variant === undefined ? [] : [variant] });
	if (!loaded.ok) {
		printIssues(loaded.issues, io, lang);
		return null;
	}
	const resolved = resolveVariant(loaded.value, variant ?? null, [], { dryRun: false });
	if (!resolved.ok) {
		printIssues(resolved.issues, io, lang);
		return null;
	}
	return { scenario: resolved.value, run: runScenario(resolved.value, method ? { method } : {}) };
}

function renderTable(scenario: Scenario, run: RunResult, lang: Locale): string {
	const t = (key: TextKey, params?: Record<string, string | number>) => say(lang, key, params);
	const lines: string[] = [];
	lines.push(`${scenario.title[lang]}${run.variantId ? ` — ${t('variant', { id: run.variantId })}` : ''}`);
	lines.push(t('perYear', { methods: [...new Set((run.methods ?? []).map((m) => m.method))].join(', ') }));
	lines.push('');
	const header = [t('year'), t('form'), ...run.participants.map((p) => p.name), t('costs'), t('charged')];
	const rows: string[][] = [header];
	for (const year of run.years) {
		const yr = run.rows.filter((r) => r.year === year);
		const rec = run.reconciliation.find((r) => r.year === year)!;
		rows.push([
			String(year),
			yr[0]?.legalForm === 'centrumgemeente' ? t('centrum') : t('gr'),
			...run.participants.map((p) => formatNumber(yr.find((r) => r.participant === p.id)!.total, lang)),
			formatNumber(rec.costs, lang),
			formatNumber(rec.charged, lang)
		]);
	}
	lines.push(table(rows));
	lines.push('');
	lines.push(t('perComponent', { from: run.years[0]!, to: run.years[run.years.length - 1]! }));
	const comp: string[][] = [
		[t('participant'), ...COMPONENTS.map((c) => componentName(lang, c)), t('total'), t('perInhabitantShort')]
	];
	for (const p of run.participants) {
		const rows2 = run.rows.filter((r) => r.participant === p.id);
		const totals = COMPONENTS.map((c) => sum(rows2.map((r) => toDecimal(r.components[c]))));
		const last = rows2[rows2.length - 1]!;
		const whole = wholeEurosAddingUp(totals);
		comp.push([
			p.name,
			...whole.parts.map((x) => formatNumber(x, lang, { decimals: 0 })),
			formatNumber(whole.total, lang, { decimals: 0 }),
			formatNumber(last.perInhabitant, lang)
		]);
	}
	lines.push(table(comp));
	lines.push(t('perInhabitantNote', { year: run.years[run.years.length - 1]! }));
	const ok = run.reconciliation.every((r) => r.costs === r.charged);
	lines.push('');
	lines.push(ok ? t('reconciled') : t('notReconciled'));
	return `${lines.join('\n')}\n`;
}

function renderCsv(run: RunResult, dialect: CsvDialect): string {
	const head = ['participant', 'year', 'legalForm', ...COMPONENTS, 'total', 'perInhabitant'];
	const rows = run.rows.map((r) => [
		r.participant,
		String(r.year),
		r.legalForm,
		...COMPONENTS.map((c) => r.components[c]),
		r.total,
		r.perInhabitant
	]);
	return toCsv([head, ...rows], dialect);
}

export const runCommand: Command = {
	usage,
	run(args, io) {
		const { values, positionals } = parseCommandArgs(
			args,
			{
				variant: { type: 'string' },
				method: { type: 'string' },
				format: { type: 'string' },
				...LANG_OPTION,
				...CSV_OPTION
			},
			{ min: 1, max: 1, name: 'the SCENARIO (folder or file)' }
		);
		const method = oneOf('method', values.method, METHOD_IDS);
		const format = oneOf('format', values.format, SCENARIO_FORMATS) ?? 'table';
		const lang = langOf(values.lang);
		const result = loadAndRun(
			positionals[0]!,
			typeof values.variant === 'string' ? values.variant : undefined,
			method,
			io,
			lang
		);
		if (!result) return EXIT_INVALID;
		const { scenario, run } = result;
		if (format === 'json') io.stdout(`${JSON.stringify(run, null, 2)}\n`);
		else if (format === 'csv') io.stdout(renderCsv(run, csvDialectOf(values.csv)));
		else io.stdout(renderTable(scenario, run, lang));
		return EXIT_OK;
	}
};
