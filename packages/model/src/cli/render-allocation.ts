// Rendering of an allocation result for the command line: a readable table in Dutch or English (in
// the language's notation, with the balance check and, on request, the trace), the JSON of the issue,
// and CSV for spreadsheets.
import { printableCell } from './printable.ts';
import { toCsv, type CsvDialect } from './csv.ts';
import type { AllocationResult } from '../allocation/types.ts';
import { METHODS } from '../allocation/index.ts';
import { toDecimal } from '../money/decimal.ts';
import { formatCents } from '../money/fixed.ts';
import type { MethodId } from '../problem/types.ts';
import { formatExact, formatNumber, type Locale } from '../vocabulary/format.ts';
import { counted } from './text.ts';

const toCents = (amount: string): bigint => BigInt(amount.replace('.', ''));

export const FORMATS = ['table', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** An amount string ("1234567.89") in the language's notation ("1.234.567,89"), without a float. */
export function formatAmountIn(amount: string, lang: Locale): string {
	return formatNumber(amount, lang);
}

/** An exact share as the trace writes it ("298075.435666", "91.300000"): every digit, at least two decimals. */
function formatExactIn(text: string, lang: Locale): string {
	return formatExact(text.replace(/(\.\d\d\d*?)0+$/, '$1'), lang);
}

/** The sentences of the table in both languages. */
const TEXT = {
	nl: {
		method: 'Methode',
		summary: {
			direct:
				'de eigen kosten van elke pool gaan rechtstreeks naar de ontvangers; dienstverlening tussen pools telt niet mee',
			'step-down':
				'pools op volgorde; elke pool verdeelt zijn kosten plus wat hij ontving over de ontvangers en de latere pools',
			reciprocal: 'alle pooltotalen in één keer opgelost uit T = c + Sᵀ·T, daarna verdeeld over de ontvangers'
		},
		amounts: 'bedragen in euro',
		solved: (size: number, how: string, residual: string) =>
			`T = c + Sᵀ·T in één keer opgelost voor ${size} pools (${how}); residu ${residual}`,
		refined: (n: number) => `LU, ${n}× verfijnd in exacte decimalen`,
		rational: 'exact, in rationale getallen',
		bigNumber: 'BigNumber-LU',
		poolTotals: 'Pooltotalen na dienstverlening tussen pools',
		poolHeader: ['stap', 'pool', 'eigen kosten', 'ontvangen', 'totaal'],
		allocations: 'Verdelingen (elk pooltotaal verdeeld naar zijn gewichten, afgerond op centen)',
		weight: 'gewicht',
		overWeight: 'over gewicht',
		unallocated: 'niet verdeeld',
		recipientTotals: 'Totalen per ontvanger',
		total: 'totaal',
		balance: 'Aansluiting',
		input: 'invoer (som van de eigen kosten)',
		allocated: 'verdeeld over de ontvangers',
		ofWhich: (pool: string) => `waarvan niet verdeeld in ${pool}`,
		balanced: 'invoer = verdeeld + niet verdeeld ✓',
		unbalanced: 'invoer ≠ verdeeld + niet verdeeld ✗',
		explanation:
			'Uitleg: elk totaal van een ontvanger = Σ pooltotaal × gewicht / som van de gewichten, één keer afgerond',
		step: 'stap',
		rounding: (sum: string, total: string, difference: string) =>
			`(de afgeronde verdelingen uit deze pools tellen op tot ${sum}; het exacte totaal één keer afronden geeft ${total}, een verschil van ${difference})`
	},
	en: {
		method: 'Method',
		summary: Object.fromEntries(Object.entries(METHODS).map(([id, m]) => [id, m.summary])) as Record<MethodId, string>,
		amounts: 'amounts in euros',
		solved: (size: number, how: string, residual: string) =>
			`Solved T = c + Sᵀ·T for ${size} pools at once (${how}); residual ${residual}`,
		refined: (n: number) => `LU, refined ${n}× in exact decimals`,
		rational: 'exactly, in rational numbers',
		bigNumber: 'BigNumber LU',
		poolTotals: 'Pool totals after service between pools',
		poolHeader: ['step', 'pool', 'own cost', 'received', 'total'],
		allocations: 'Allocations (each pool total split by its weights, rounded to cents)',
		weight: 'weight',
		overWeight: 'over weight',
		unallocated: 'unallocated',
		recipientTotals: 'Recipient totals',
		total: 'total',
		balance: 'Balance check',
		input: 'input (sum of own costs)',
		allocated: 'allocated to recipients',
		ofWhich: (pool: string) => `of which unallocated in ${pool}`,
		balanced: 'input = allocated + unallocated ✓',
		unbalanced: 'input ≠ allocated + unallocated ✗',
		explanation: 'Explanation: each recipient total = Σ pool total × weight / weight sum, rounded once',
		step: 'step',
		rounding: (sum: string, total: string, difference: string) =>
			`(the rounded allocations from these pools add up to ${sum}; rounding the exact total once gives ${total}, a difference of ${difference})`
	}
} satisfies Record<Locale, unknown>;

/** The JSON document of `sp71 allocate --format json` (with the trace when `explain`). */
export function toJsonOutput(result: AllocationResult, explain = false): Record<string, unknown> {
	return {
		method: result.method,
		poolTotals: result.poolTotals,
		allocations: result.allocations,
		recipientTotals: result.recipientTotals,
		check: result.check,
		...(Object.keys(result.unallocated).length > 0 ? { unallocated: result.unallocated } : {}),
		...(explain ? { trace: result.trace } : {})
	};
}

export function renderJson(result: AllocationResult, explain = false): string {
	return `${JSON.stringify(toJsonOutput(result, explain), null, '\t')}\n`;
}

/** CSV: one row per allocation, then pool totals, recipient totals, unallocated amounts and the check. */
export function renderCsv(result: AllocationResult, dialect: CsvDialect = 'machine'): string {
	const rows: string[][] = [['kind', 'from', 'to', 'amount']];
	for (const a of result.allocations) rows.push(['allocation', a.from, a.to, a.amount]);
	for (const [pool, total] of Object.entries(result.poolTotals)) rows.push(['pool-total', pool, '', total]);
	for (const [recipient, total] of Object.entries(result.recipientTotals))
		rows.push(['recipient-total', '', recipient, total]);
	for (const [pool, amount] of Object.entries(result.unallocated)) rows.push(['unallocated', pool, '', amount]);
	rows.push(['check-input', '', '', result.check.input]);
	rows.push(['check-allocated', '', '', result.check.allocated]);
	rows.push(['check-unallocated', '', '', result.check.unallocated]);
	return toCsv(rows, dialect);
}

function table(given: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string[] {
	// A name or id with a newline or an escape code stays on its line, shown escaped.
	const rows = given.map((r) => r.map(printableCell));
	// A reduce, not Math.max(...): a table may have more rows than a call has room for arguments.
	const widths = rows[0]!.map((_, c) => rows.reduce((w, row) => Math.max(w, (row[c] ?? '').length), 0));
	return rows.map(
		(row) =>
			'  ' +
			row
				.map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
				.join('  ')
				.trimEnd()
	);
}

/** A readable report: pools, allocations with weights, recipient totals and the balance check. */
export function renderTable(
	result: AllocationResult,
	options: { title?: string; explain?: boolean; lang?: Locale } = {}
): string {
	const lang = options.lang ?? 'nl';
	const t = TEXT[lang];
	const amount = (text: string) => formatAmountIn(text, lang);
	const { steps, solve } = result.trace;
	const lines: string[] = [];
	if (options.title) lines.push(options.title, '');
	const recipients = Object.keys(result.recipientTotals).length;
	lines.push(
		`${t.method}: ${result.method} (${t.summary[result.method]})`,
		`${counted(lang, steps.length, 'pool')}, ${counted(lang, recipients, 'recipient')}; ${t.amounts}`,
		''
	);
	if (solve) {
		const how =
			solve.solver === 'float-lu-refined'
				? t.refined(solve.refinements)
				: solve.solver === 'exact-rational'
					? t.rational
					: t.bigNumber;
		lines.push(t.solved(solve.size, how, solve.residual), '');
	}
	lines.push(t.poolTotals);
	const poolRows = steps.map((s) => [
		String(s.step),
		s.pool,
		amount(s.own),
		s.received.length === 0 ? '' : `${s.received.length} pool${s.received.length === 1 ? '' : 's'}`,
		amount(s.total)
	]);
	appendAll(lines, table([t.poolHeader, ...poolRows], new Set([0, 2, 4])));
	lines.push('', t.allocations);
	for (const s of steps) {
		lines.push(`  ${s.pool}: ${amount(s.total)} ${t.overWeight} ${formatExact(s.weightSum, lang)}`);
		const rows = s.targets.map((x) => [`  → ${x.to}`, `${t.weight} ${formatExact(x.weight, lang)}`, amount(x.amount)]);
		if (s.unallocated !== '0.00') rows.push([`  ${t.unallocated}`, '', amount(s.unallocated)]);
		if (rows.length > 0) appendAll(lines, table(rows, new Set([2])));
	}
	lines.push('', t.recipientTotals);
	const totals = Object.entries(result.recipientTotals).map(([id, total]) => [id, amount(total)]);
	totals.push([t.total, amount(result.check.allocated)]);
	appendAll(lines, table(totals, new Set([1])));
	lines.push('');
	lines.push(...balanceLines(result, lang));
	if (options.explain) lines.push(...explanationLines(result, lang));
	return lines.join('\n');
}

/** The balance check: input = allocated + unallocated. */
function balanceLines(result: AllocationResult, lang: Locale): string[] {
	const t = TEXT[lang];
	const amount = (text: string) => formatAmountIn(text, lang);
	const lines: string[] = [t.balance];
	const rows = [
		[t.input, amount(result.check.input)],
		[t.allocated, amount(result.check.allocated)],
		[t.unallocated, amount(result.check.unallocated)]
	];
	appendAll(lines, table(rows, new Set([1])));
	for (const [pool, value] of Object.entries(result.unallocated)) lines.push(`  ${t.ofWhich(pool)}: ${amount(value)}`);
	const balanced = toDecimal(result.check.input).equals(
		toDecimal(result.check.allocated).plus(toDecimal(result.check.unallocated))
	);
	lines.push(`  ${balanced ? t.balanced : t.unbalanced}`, '');
	return lines;
}

/** Each recipient total as the sum of its shares of the pools, with the rounding difference. */
function explanationLines(result: AllocationResult, lang: Locale): string[] {
	const t = TEXT[lang];
	const amount = (text: string) => formatAmountIn(text, lang);
	const lines: string[] = [t.explanation];
	for (const r of result.trace.recipients) {
		lines.push(`  ${r.recipient} ${amount(r.total)} (exact ${formatExactIn(r.exact, lang)})`);
		r.shares.forEach((share, i) => {
			const weight = `${formatExact(share.weight, lang)}/${formatExact(share.weightSum, lang)}`;
			lines.push(
				`    ${i === 0 ? '=' : '+'} ${share.pool} ${amount(share.poolTotal)} × ${weight} = ${formatExactIn(share.exact, lang)} (${t.step} ${share.step})`
			);
		});
		if (r.roundingDifference !== '0.00') {
			const sum = formatCents(toCents(r.total) - toCents(r.roundingDifference));
			lines.push(`    ${t.rounding(amount(sum), amount(r.total), amount(r.roundingDifference))}`);
		}
	}
	lines.push('');
	return lines;
}

/** Append without spreading: a table may have more lines than a call has room for arguments. */
function appendAll(lines: string[], more: readonly string[]): void {
	for (const line of more) lines.push(line);
}
