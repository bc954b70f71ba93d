// `sp71 run SCENARIO [--variant ID] [--method M] [--format table|json|csv]`: compute a scenario.
import { COMPONENTS, type RunResult } from '../../domain/result.ts';
import { formatNumber } from '../../vocabulary/format.ts';
import { runScenario } from '../../legal-form/run.ts';
import { resolveVariant } from '../../facade/load.ts';
import { METHOD_IDS, type Scenario } from '../../scenario/types.ts';
import { toDecimal, sum, formatAmount } from '../../money/decimal.ts';
import { EXIT_INVALID, EXIT_OK, oneOf, parseCommandArgs } from '../args.ts';
import { loadScenarioAt, printIssues } from '../scenario-files.ts';
import type { CliIo } from '../io.ts';
import type { Command } from './types.ts';

export const SCENARIO_FORMATS = ['table', 'json', 'csv'] as const;

const usage = `Usage: sp71 run SCENARIO [--variant ID] [--method direct|step-down|reciprocal] [--format table|json|csv]

Compute a scenario (a folder with scenario.yaml and variants/*.yaml, or a single file) over its
horizon: each participant's cost per year, by component, and per year the reconciliation
(everything that has to be paid is charged to someone, to the cent).

Options:
  --variant ID   apply a variant (a delta over the baseline; variants may stack)
  --method M     override the allocation method in every year
  --format F     table (default; nl-NL numbers), json (with reconciliation: [{year, costs, charged}]), or csv
  -h, --help     show this help

Invalid input prints one line per issue (path: message [code]) on stderr and exits with 1.
`;

const COMPONENT_NL: Record<(typeof COMPONENTS)[number], string> = {
	service: 'Diensten',
	governance: 'Bestuur',
	vat: 'Btw',
	transition: 'Frictie',
	markup: 'Opslag',
	contractManagement: 'Regie'
};

/** Align columns: the first left, the others right. */
export function table(rows: readonly (readonly string[])[]): string {
	const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
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
	io: CliIo
): { scenario: Scenario; run: RunResult } | null {
	const loaded = loadScenarioAt(path, io);
	if (!loaded.ok) {
		printIssues(loaded.issues, io);
		return null;
	}
	const resolved = resolveVariant(loaded.value, variant ?? null);
	if (!resolved.ok) {
		printIssues(resolved.issues, io);
		return null;
	}
	return { scenario: resolved.value, run: runScenario(resolved.value, method ? { method } : {}) };
}

function renderTable(scenario: Scenario, run: RunResult): string {
	const lines: string[] = [];
	lines.push(`${scenario.title.nl}${run.variantId ? ` — variant ${run.variantId}` : ''}`);
	lines.push(
		`Kosten per gemeente per jaar, bedragen in € (methode: ${[...new Set((run.methods ?? []).map((m) => m.method))].join(', ')})`
	);
	lines.push('');
	const header = ['Jaar', 'Vorm', ...run.participants.map((p) => p.name), 'Kosten', 'Doorbelast'];
	const rows: string[][] = [header];
	for (const year of run.years) {
		const yr = run.rows.filter((r) => r.year === year);
		const rec = run.reconciliation.find((r) => r.year === year)!;
		rows.push([
			String(year),
			yr[0]?.legalForm === 'centrumgemeente' ? 'centrum' : 'GR',
			...run.participants.map((p) => formatNumber(yr.find((r) => r.participant === p.id)!.total, 'nl')),
			formatNumber(rec.costs, 'nl'),
			formatNumber(rec.charged, 'nl')
		]);
	}
	lines.push(table(rows));
	lines.push('');
	lines.push(`Per component, ${run.years[0]}–${run.years[run.years.length - 1]} samen (bedragen in €)`);
	const comp: string[][] = [['Gemeente', ...COMPONENTS.map((c) => COMPONENT_NL[c]), 'Totaal', '€/inw.']];
	for (const p of run.participants) {
		const rows2 = run.rows.filter((r) => r.participant === p.id);
		const totals = COMPONENTS.map((c) => sum(rows2.map((r) => toDecimal(r.components[c]))));
		const last = rows2[rows2.length - 1]!;
		comp.push([
			p.name,
			...totals.map((t) => formatNumber(formatAmount(t), 'nl', { decimals: 0 })),
			formatNumber(formatAmount(sum(totals)), 'nl', { decimals: 0 }),
			formatNumber(last.perInhabitant, 'nl')
		]);
	}
	lines.push(table(comp));
	lines.push(`(€/inw.: kosten per inwoner in ${run.years[run.years.length - 1]})`);
	const ok = run.reconciliation.every((r) => r.costs === r.charged);
	lines.push('');
	lines.push(
		ok
			? 'Controle: in elk jaar is alles wat betaald moet worden tot op de cent doorbelast.'
			: 'Controle MISLUKT: kosten en doorbelasting verschillen.'
	);
	return `${lines.join('\n')}\n`;
}

function renderCsv(run: RunResult): string {
	const head = ['participant', 'year', 'legalForm', ...COMPONENTS, 'total', 'perInhabitant'];
	const rows = run.rows.map((r) => [
		r.participant,
		String(r.year),
		r.legalForm,
		...COMPONENTS.map((c) => r.components[c]),
		r.total,
		r.perInhabitant
	]);
	return [head, ...rows].map((r) => r.join(',')).join('\n') + '\n';
}

export const runCommand: Command = {
	summary: 'compute a scenario (or variant): cost per participant, year and component',
	usage,
	run(args, io) {
		const { values, positionals } = parseCommandArgs(
			args,
			{ variant: { type: 'string' }, method: { type: 'string' }, format: { type: 'string' } },
			{ min: 1, max: 1, name: 'the SCENARIO (folder or file)' }
		);
		const method = oneOf('method', values.method, METHOD_IDS);
		const format = oneOf('format', values.format, SCENARIO_FORMATS) ?? 'table';
		const result = loadAndRun(
			positionals[0]!,
			typeof values.variant === 'string' ? values.variant : undefined,
			method,
			io
		);
		if (!result) return EXIT_INVALID;
		const { scenario, run } = result;
		if (format === 'json') io.stdout(`${JSON.stringify(run, null, 2)}\n`);
		else if (format === 'csv') io.stdout(renderCsv(run));
		else io.stdout(renderTable(scenario, run));
		return EXIT_OK;
	}
};
