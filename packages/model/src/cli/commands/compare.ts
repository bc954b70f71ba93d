// `sp71 compare SCENARIO --variant ID [--base ID] [--method M] [--format table|json|csv]`: a variant
// against its baseline (or another variant), per participant and year, with NPV and payback.
import { COMPONENTS, type Comparison, type RunResult } from '../../domain/result.ts';
import { compare } from '../../compare/compare.ts';
import { comparisonOptions } from '../../compare/compare-scenarios.ts';
import { formatNumber } from '../../vocabulary/format.ts';
import { runScenario } from '../../legal-form/run.ts';
import { resolveVariant } from '../../facade/load.ts';
import { METHOD_IDS, type Scenario } from '../../scenario/types.ts';
import { toDecimal, sum, formatAmount } from '../../money/decimal.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, oneOf, parseCommandArgs } from '../args.ts';
import { loadScenarioAt, printIssues } from '../scenario-files.ts';
import type { Command } from './types.ts';
import { SCENARIO_FORMATS, table } from './run.ts';

const usage = `Usage: sp71 compare SCENARIO --variant ID [--base ID] [--method M] [--format table|json|csv] [--year N] [--detail]

Compare a variant with the baseline (or with another variant given by --base): per participant
and year the total cost under both and the difference (variant − base), the cumulative
difference, the net present value at the scenario's discount rate, the payback year and the
difference per inhabitant, with a headline sentence per participant.

Options:
  --variant ID   the variant to compare (required)
  --base ID      compare against this variant instead of the baseline
  --method M     override the allocation method in every year of both
  --year N       the year the headline sentences speak about (default: the last year)
  --detail       table: add per municipality the difference per year split by component
  --format F     table (default; nl-NL), json ({ rows: [{participant, year, base, variant, delta, …}],
                 summary: [{participant, cumulativeDelta, npv, paybackYear, …}], sentences, noOp }), or csv
  -h, --help     show this help
`;

const COMPONENT_NL: Record<(typeof COMPONENTS)[number], string> = {
	service: 'diensten',
	governance: 'bestuur',
	vat: 'btw',
	transition: 'frictiekosten',
	markup: 'opslag',
	contractManagement: 'regie'
};

function whole(amount: string): string {
	return formatNumber(amount, 'nl', { decimals: 0 });
}

/** The nl-NL table: the difference per year for every participant, then the summary rows and sentences. */
export function renderComparisonTable(
	c: Comparison,
	base: Scenario,
	variant: Scenario,
	baseRun: RunResult,
	variantRun: RunResult
): string {
	const participants = baseRun.participants;
	const variantDef = base.variants.find((v) => v.id === c.variantId);
	const baseDef = base.variants.find((v) => v.id === c.baseId);
	const lines: string[] = [];
	lines.push(`${variantDef?.title.nl ?? c.variantId}`);
	lines.push(`vergeleken met: ${baseDef?.title.nl ?? base.title.nl}`);
	lines.push('');
	if (c.noOp.noOp) {
		lines.push(`Geen verschil: ${c.noOp.reasonNl ?? c.noOp.reason ?? ''}.`);
		return `${lines.join('\n')}\n`;
	}
	lines.push('Verschil in kosten per gemeente (variant − basis), bedragen in €; positief = duurder in de variant');
	const rows: string[][] = [['Jaar', 'Vorm', ...participants.map((p) => p.name), 'Samen']];
	for (const year of c.years ?? baseRun.years) {
		const yr = c.rows.filter((r) => r.year === year);
		const form = variantRun.rows.find((r) => r.year === year)?.legalForm === 'centrumgemeente' ? 'centrum' : 'GR';
		rows.push([
			String(year),
			form,
			...participants.map((p) => whole(yr.find((r) => r.participant === p.id)!.delta)),
			whole(formatAmount(sum(yr.map((r) => toDecimal(r.delta)))))
		]);
	}
	const sumOf = (f: (s: Comparison['summary'][number]) => string) =>
		whole(formatAmount(sum(c.summary.map((s) => toDecimal(f(s))))));
	rows.push(['Cumulatief', '', ...c.summary.map((s) => whole(s.cumulativeDelta)), sumOf((s) => s.cumulativeDelta)]);
	const rate = formatNumber(toDecimal(c.discountRate).times(100).toString(), 'nl', { decimals: 1 });
	rows.push([
		`Contante waarde (${rate} %, ${base.referenceYear})`,
		'',
		...c.summary.map((s) => whole(s.npv)),
		sumOf((s) => s.npv)
	]);
	rows.push(['Per inwoner (cumulatief)', '', ...c.summary.map((s) => formatNumber(s.deltaPerInhabitant, 'nl')), '']);
	rows.push([
		'Terugverdiend vanaf',
		'',
		...c.summary.map((s) => (s.paybackYear === null ? 'nooit' : String(s.paybackYear))),
		''
	]);
	lines.push(table(rows));
	lines.push('');
	lines.push(`Totale kosten ${c.years?.[0]}–${c.years?.[c.years.length - 1]} per gemeente, bedragen in €`);
	const totals: string[][] = [['Gemeente', 'Basis', 'Variant', 'Verschil', 'Grootste verschuiving']];
	for (const p of participants) {
		const rs = c.rows.filter((r) => r.participant === p.id);
		const b = sum(rs.map((r) => toDecimal(r.base)));
		const v = sum(rs.map((r) => toDecimal(r.variant)));
		const byComponent = COMPONENTS.map((k) => ({ k, d: sum(rs.map((r) => toDecimal(r.components[k].delta))) })).sort(
			(x, y) => y.d.abs().comparedTo(x.d.abs())
		);
		const top = byComponent[0]!;
		totals.push([
			p.name,
			whole(formatAmount(b)),
			whole(formatAmount(v)),
			whole(formatAmount(v.minus(b))),
			top.d.isZero() ? '—' : `${COMPONENT_NL[top.k]} ${whole(formatAmount(top.d))}`
		]);
	}
	lines.push(table(totals));
	lines.push('');
	for (const s of c.sentences.nl) lines.push(`• ${s}`);
	lines.push('');
	lines.push(
		`Verschillen kleiner dan € ${whole(c.tolerance ?? '0')} heten "ongeveer evenveel". Terugverdiend vanaf: het eerste jaar vanaf waar het cumulatieve verschil ≤ 0 blijft.`
	);
	void variant;
	return `${lines.join('\n')}\n`;
}

/** Per municipality: the difference per year split by component (variant − base). */
export function renderComponentDetail(c: Comparison, baseRun: RunResult): string {
	const lines: string[] = [''];
	for (const p of baseRun.participants) {
		lines.push(`${p.name}: verschil per component (variant − basis), bedragen in €`);
		const rows: string[][] = [['Jaar', ...COMPONENTS.map((k) => COMPONENT_NL[k]), 'Totaal']];
		for (const r of c.rows.filter((x) => x.participant === p.id))
			rows.push([String(r.year), ...COMPONENTS.map((k) => whole(r.components[k].delta)), whole(r.delta)]);
		lines.push(table(rows), '');
	}
	return lines.join('\n');
}

function renderCsv(c: Comparison): string {
	const head = [
		'participant',
		'year',
		'base',
		'variant',
		'delta',
		'cumulativeDelta',
		...COMPONENTS.map((k) => `${k}Delta`)
	];
	const rows = c.rows.map((r) => [
		r.participant,
		String(r.year),
		r.base,
		r.variant,
		r.delta,
		r.cumulativeDelta,
		...COMPONENTS.map((k) => r.components[k].delta)
	]);
	const summaryHead = ['participant', 'cumulativeDelta', 'npv', 'paybackYear', 'deltaPerInhabitant'];
	const summary = c.summary.map((s) => [
		s.participant,
		s.cumulativeDelta,
		s.npv,
		s.paybackYear === null ? '' : String(s.paybackYear),
		s.deltaPerInhabitant
	]);
	return (
		[head, ...rows].map((r) => r.join(',')).join('\n') +
		'\n\n' +
		[summaryHead, ...summary].map((r) => r.join(',')).join('\n') +
		'\n'
	);
}

export const compareCommand: Command = {
	summary: 'compare a variant with the baseline: per participant and year, NPV and payback',
	usage,
	run(args, io) {
		const { values, positionals } = parseCommandArgs(
			args,
			{
				variant: { type: 'string' },
				base: { type: 'string' },
				method: { type: 'string' },
				format: { type: 'string' },
				year: { type: 'string' },
				detail: { type: 'boolean' }
			},
			{ min: 1, max: 1, name: 'the SCENARIO (folder or file)' }
		);
		if (typeof values.variant !== 'string') throw new UsageError('missing --variant ID');
		const method = oneOf('method', values.method, METHOD_IDS);
		const format = oneOf('format', values.format, SCENARIO_FORMATS) ?? 'table';
		const loaded = loadScenarioAt(positionals[0]!, io);
		if (!loaded.ok) {
			printIssues(loaded.issues, io);
			return EXIT_INVALID;
		}
		const baseScenario = resolveVariant(loaded.value, typeof values.base === 'string' ? values.base : null);
		const variantScenario = resolveVariant(loaded.value, values.variant);
		if (!baseScenario.ok || !variantScenario.ok) {
			printIssues(
				[...(baseScenario.ok ? [] : baseScenario.issues), ...(variantScenario.ok ? [] : variantScenario.issues)],
				io
			);
			return EXIT_INVALID;
		}
		const opts = method ? { method } : {};
		const baseRun = runScenario(baseScenario.value, opts);
		const variantRun = runScenario(variantScenario.value, opts);
		const year = typeof values.year === 'string' ? Number(values.year) : undefined;
		if (year !== undefined && !baseRun.years.includes(year))
			throw new UsageError(
				`--year must be a year of the horizon ${baseRun.years[0]}–${baseRun.years[baseRun.years.length - 1]}`
			);
		const comparison = compare(baseRun, variantRun, { ...comparisonOptions(loaded.value), ...(year ? { year } : {}) });
		if (format === 'json') io.stdout(`${JSON.stringify(comparison, null, 2)}\n`);
		else if (format === 'csv') io.stdout(renderCsv(comparison));
		else {
			io.stdout(renderComparisonTable(comparison, loaded.value, variantScenario.value, baseRun, variantRun));
			if (values.detail === true && !comparison.noOp.noOp) io.stdout(renderComponentDetail(comparison, baseRun));
		}
		return EXIT_OK;
	}
};
