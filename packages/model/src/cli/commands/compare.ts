// `sp71 compare SCENARIO --variant ID [--base ID] [--method M] [--format table|json|csv]`: a variant
// against its baseline (or another variant), per participant and year, with NPV and payback.
import { COMPONENTS, type Comparison, type RunResult } from '../../domain/result.ts';
import { comparabilityIssues, compare, noOpReasonIn } from '../../compare/compare.ts';
import { comparisonOptions } from '../../compare/compare-scenarios.ts';
import { formatNumber, type Locale } from '../../vocabulary/format.ts';
import { CSV_OPTION, csvDialectOf, toCsv, type CsvDialect } from '../csv.ts';
import { LANG_OPTION, componentName, langOf, say, type TextKey } from '../text.ts';
import { runScenario } from '../../legal-form/run.ts';
import { resolveVariant } from '../../facade/load.ts';
import { METHOD_IDS, type Scenario } from '../../scenario/types.ts';
import { toDecimal, sum, formatAmount, type Decimal } from '../../money/decimal.ts';
import { shownComparison } from '../../compare/shown.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, oneOf, parseCommandArgs } from '../args.ts';
import { loadScenarioAt, printIssues } from '../scenario-files.ts';
import type { Command } from './types.ts';
import { SCENARIO_FORMATS, table } from './run.ts';

const usage = `Usage: sp71 compare SCENARIO --variant ID [--base ID] [--method M] [--format table|json|csv] [--year N] [--detail] [--lang nl|en]
                    [--csv machine|nl] [--table rows|summary]

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
  --table T      csv: which table, one per file: rows (default; per participant and year) or
                 summary (per participant: cumulative difference, NPV, payback, per inhabitant)
  --csv D        machine (default: commas, decimal points) or nl (Dutch Excel: semicolons,
                 decimal commas, byte-order mark)
  --lang L       nl (default) or en: the language and number format of the table and sentences
  -h, --help     show this help
`;

function wholeIn(lang: Locale): (amount: string) => string {
	return (amount) => formatNumber(amount, lang, { decimals: 0 });
}

/** The table in `lang`: the difference per year for every participant, then the summary rows and sentences. */
export function renderComparisonTable(
	c: Comparison,
	base: Scenario,
	baseRun: RunResult,
	variantRun: RunResult,
	lang: Locale = 'nl'
): string {
	const t = (key: TextKey, params?: Record<string, string | number>) => say(lang, key, params);
	const participants = baseRun.participants;
	const variantDef = base.variants.find((v) => v.id === c.variantId);
	const baseDef = base.variants.find((v) => v.id === c.baseId);
	const lines: string[] = [];
	lines.push(`${variantDef?.title[lang] ?? c.variantId}`);
	lines.push(t('comparedWith', { title: baseDef?.title[lang] ?? base.title[lang] }));
	lines.push('');
	if (c.noOp.noOp) {
		const reason = noOpReasonIn(c, lang);
		lines.push(t('noDifference', { reason: reason ?? '' }));
		return `${lines.join('\n')}\n`;
	}
	lines.push(t('deltaHeading'));
	lines.push(table(differenceRows(c, base, participants, variantRun, lang)));
	lines.push('');
	lines.push(t('totalsHeading', { from: c.years?.[0] ?? '', to: c.years?.[c.years.length - 1] ?? '' }));
	lines.push(table(totalRows(c, participants, lang)));
	lines.push('');
	for (const s of c.sentences[lang]) lines.push(`• ${s}`);
	lines.push('');
	lines.push(t('footnote', { tolerance: wholeIn(lang)(c.tolerance ?? '0'), rounding: t('roundingNoteAddingUp') }));
	return `${lines.join('\n')}\n`;
}

/** The first table: years × participants with Samen, then Cumulatief, net present value, per inhabitant, payback. */
function differenceRows(
	c: Comparison,
	base: Scenario,
	participants: RunResult['participants'],
	variantRun: RunResult,
	lang: Locale
): string[][] {
	const t = (key: TextKey, params?: Record<string, string | number>) => say(lang, key, params);
	const whole = (x: Decimal) => wholeIn(lang)(x.toFixed());
	const shown = shownComparison(c);
	const rounded = shown.differences();
	const rows: string[][] = [[t('year'), t('form'), ...participants.map((p) => p.name), t('together')]];
	shown.years.forEach((year, i) => {
		const form = variantRun.rows.find((r) => r.year === year)?.legalForm === 'centrumgemeente' ? t('centrum') : t('gr');
		rows.push([String(year), form, ...rounded.cells[i]!.map(whole), whole(rounded.rowTotals[i]!)]);
	});
	rows.push([t('cumulative'), '', ...rounded.columnTotals.map(whole), whole(rounded.total)]);
	const rate = formatNumber(toDecimal(c.discountRate).times(100).toString(), lang, { decimals: 1 });
	const npv = shown.npv();
	rows.push([t('npv', { rate, year: base.referenceYear }), '', ...npv.parts.map(whole), whole(npv.total)]);
	rows.push([t('perInhabitantCumulative'), '', ...c.summary.map((s) => formatNumber(s.deltaPerInhabitant, lang)), '']);
	rows.push([
		t('payback'),
		'',
		...c.summary.map((s) => (s.paybackYear === null ? t('never') : String(s.paybackYear))),
		''
	]);
	return rows;
}

/**
 * The second table: per participant the total cost under both over the horizon and the difference,
 * which is the Cumulatief of the first table, with base and variant rounded so that they differ by it.
 */
function totalRows(c: Comparison, participants: RunResult['participants'], lang: Locale): string[][] {
	const t = (key: TextKey) => say(lang, key);
	const whole = (x: Decimal) => wholeIn(lang)(x.toFixed());
	const shown = shownComparison(c);
	const cumulative = shown.differences().columnTotals;
	const horizon = shown.horizon();
	const rows: string[][] = [[t('participant'), t('base'), t('variantColumn'), t('difference'), t('largestShift')]];
	participants.forEach((p, i) => {
		const rs = c.rows.filter((r) => r.participant === p.id);
		const pair = horizon[i]!;
		const byComponent = COMPONENTS.map((k) => ({ k, d: sum(rs.map((r) => toDecimal(r.components[k].delta))) })).sort(
			(x, y) => y.d.abs().comparedTo(x.d.abs())
		);
		const top = byComponent[0]!;
		rows.push([
			p.name,
			whole(pair.base),
			whole(pair.variant),
			whole(cumulative[i]!),
			top.d.isZero() ? '—' : `${componentName(lang, top.k).toLowerCase()} ${wholeIn(lang)(formatAmount(top.d))}`
		]);
	});
	return rows;
}

/**
 * Per participant: the difference per year split by component (variant − base), each row in whole
 * euros adding up to that year's figure in the first table.
 */
export function renderComponentDetail(c: Comparison, baseRun: RunResult, lang: Locale = 'nl'): string {
	const whole = wholeIn(lang);
	const shown = shownComparison(c);
	const lines: string[] = [''];
	baseRun.participants.forEach((p, column) => {
		lines.push(say(lang, 'componentDetail', { name: p.name }));
		const rows: string[][] = [
			[say(lang, 'year'), ...COMPONENTS.map((k) => componentName(lang, k)), say(lang, 'total')]
		];
		for (const year of shown.years) {
			const split = shown.components(year);
			rows.push([
				String(year),
				...split.cells[column]!.map((x) => whole(x.toFixed())),
				whole(split.rowTotals[column]!.toFixed())
			]);
		}
		lines.push(table(rows), '');
	});
	return lines.join('\n');
}

function renderCsv(c: Comparison, tableName: 'rows' | 'summary', dialect: CsvDialect): string {
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
	return tableName === 'summary' ? toCsv([summaryHead, ...summary], dialect) : toCsv([head, ...rows], dialect);
}

export const compareCommand: Command = {
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
				detail: { type: 'boolean' },
				table: { type: 'string' },
				...LANG_OPTION,
				...CSV_OPTION
			},
			{ min: 1, max: 1, name: 'the SCENARIO (folder or file)' }
		);
		if (typeof values.variant !== 'string') throw new UsageError('missing --variant ID');
		const method = oneOf('method', values.method, METHOD_IDS);
		const format = oneOf('format', values.format, SCENARIO_FORMATS) ?? 'table';
		const lang = langOf(values.lang);
		const csvTable = oneOf('table', values.table, ['rows', 'summary'] as const) ?? 'rows';
		const dialect = csvDialectOf(values.csv);
		// Only the two sides compared are dry-run while loading; resolving them again checks the structure only.
		const baseId = typeof values.base === 'string' ? values.base : null;
		const loaded = loadScenarioAt(positionals[0]!, io, lang, {
			dryRunVariants: baseId === null ? [values.variant] : [values.variant, baseId]
		});
		if (!loaded.ok) {
			printIssues(loaded.issues, io, lang);
			return EXIT_INVALID;
		}
		const structureOnly = { dryRun: false };
		const baseScenario = resolveVariant(loaded.value, baseId, [], structureOnly);
		const variantScenario = resolveVariant(loaded.value, values.variant, [], structureOnly);
		if (!baseScenario.ok || !variantScenario.ok) {
			printIssues(
				[...(baseScenario.ok ? [] : baseScenario.issues), ...(variantScenario.ok ? [] : variantScenario.issues)],
				io,
				lang
			);
			return EXIT_INVALID;
		}
		const opts = method ? { method } : {};
		const baseRun = runScenario(baseScenario.value, opts);
		const variantRun = runScenario(variantScenario.value, opts);
		const notComparable = comparabilityIssues(baseRun, variantRun);
		if (notComparable.length > 0) {
			printIssues(notComparable, io, lang);
			return EXIT_INVALID;
		}
		const year = typeof values.year === 'string' ? Number(values.year) : undefined;
		if (year !== undefined && !baseRun.years.includes(year))
			throw new UsageError(
				`--year must be a year of the horizon ${baseRun.years[0]}–${baseRun.years[baseRun.years.length - 1]}`
			);
		const comparison = compare(baseRun, variantRun, { ...comparisonOptions(loaded.value), ...(year ? { year } : {}) });
		if (format === 'json') io.stdout(`${JSON.stringify(comparison, null, 2)}\n`);
		else if (format === 'csv') io.stdout(renderCsv(comparison, csvTable, dialect));
		else {
			io.stdout(renderComparisonTable(comparison, loaded.value, baseRun, variantRun, lang));
			if (values.detail === true && !comparison.noOp.noOp) io.stdout(renderComponentDetail(comparison, baseRun, lang));
		}
		return EXIT_OK;
	}
};
