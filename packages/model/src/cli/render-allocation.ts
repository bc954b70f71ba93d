// Rendering of an allocation result for the command line: a readable table (nl-NL numbers, with
// the balance check and, on request, the trace), the JSON of the issue, and CSV for spreadsheets.
import { printableCell } from './printable.ts';
import { toCsv, type CsvDialect } from './csv.ts';
import type { AllocationResult } from '../allocation/types.ts';
import { METHODS } from '../allocation/index.ts';
import { toDecimal } from '../money/decimal.ts';
import { formatCents } from '../money/fixed.ts';

const toCents = (amount: string): bigint => BigInt(amount.replace('.', ''));

export const FORMATS = ['table', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

const euros = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const exactNumber = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 6 });

/** An amount string ("1234567.89") in nl-NL notation ("1.234.567,89"), without passing through a float. */
export function formatNl(amount: string, exact = false): string {
	// Intl.NumberFormat formats decimal strings exactly (ECMA-402 "string numeric literal").
	return (exact ? exactNumber : euros).format(amount as unknown as number);
}

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
export function renderTable(result: AllocationResult, options: { title?: string; explain?: boolean } = {}): string {
	const { steps, solve } = result.trace;
	const lines: string[] = [];
	if (options.title) lines.push(options.title, '');
	lines.push(
		`Method: ${result.method} (${METHODS[result.method].summary})`,
		`${steps.length} pools, ${Object.keys(result.recipientTotals).length} recipients; amounts in euros`,
		''
	);
	if (solve)
		lines.push(
			`Solved T = c + Sᵀ·T for ${solve.size} pools at once (${solve.solver === 'float-lu-refined' ? `LU, refined ${solve.refinements}× in exact decimals` : solve.solver === 'exact-rational' ? 'exactly, in rational numbers' : 'BigNumber LU'}); residual ${solve.residual}`,
			''
		);

	lines.push('Pool totals after service between pools');
	appendAll(
		lines,
		table(
			[
				['step', 'pool', 'own cost', 'received', 'total'],
				...steps.map((s) => [
					String(s.step),
					s.pool,
					formatNl(s.own),
					s.received.length === 0 ? '' : `${s.received.length} pool${s.received.length === 1 ? '' : 's'}`,
					formatNl(s.total)
				])
			],
			new Set([0, 2, 4])
		)
	);
	lines.push('');

	lines.push('Allocations (each pool total split by its weights, rounded to cents)');
	for (const s of steps) {
		lines.push(`  ${s.pool}: ${formatNl(s.total)} over weight ${s.weightSum}`);
		const rows = s.targets.map((t) => [`  → ${t.to}`, `weight ${t.weight}`, formatNl(t.amount)]);
		if (s.unallocated !== '0.00') rows.push(['  unallocated', '', formatNl(s.unallocated)]);
		if (rows.length > 0) for (const line of table(rows, new Set([2]))) lines.push(line);
	}
	lines.push('');

	lines.push('Recipient totals');
	const totals = Object.entries(result.recipientTotals).map(([id, total]) => [id, formatNl(total)]);
	totals.push(['total', formatNl(result.check.allocated)]);
	for (const line of table(totals, new Set([1]))) lines.push(line);
	lines.push('');

	lines.push(...balanceLines(result));
	if (options.explain) lines.push(...explanationLines(result));
	return lines.join('\n');
}

/** The balance check: input = allocated + unallocated. */
function balanceLines(result: AllocationResult): string[] {
	const lines: string[] = [];
	lines.push('Balance check');
	appendAll(
		lines,
		table(
			[
				['input (sum of own costs)', formatNl(result.check.input)],
				['allocated to recipients', formatNl(result.check.allocated)],
				['unallocated', formatNl(result.check.unallocated)]
			],
			new Set([1])
		)
	);
	for (const [pool, amount] of Object.entries(result.unallocated))
		lines.push(`  of which unallocated in ${pool}: ${formatNl(amount)}`);
	const balanced = toDecimal(result.check.input).equals(
		toDecimal(result.check.allocated).plus(toDecimal(result.check.unallocated))
	);
	lines.push(balanced ? '  input = allocated + unallocated ✓' : '  input ≠ allocated + unallocated ✗', '');

	return lines;
}

/** Each recipient total as the sum of its shares of the pools, with the rounding difference. */
function explanationLines(result: AllocationResult): string[] {
	const lines: string[] = [];
	lines.push('Explanation: each recipient total = Σ pool total × weight / weight sum, rounded once');
	for (const r of result.trace.recipients) {
		lines.push(`  ${r.recipient} ${formatNl(r.total)} (exact ${formatNl(r.exact, true)})`);
		r.shares.forEach((share, i) => {
			lines.push(
				`    ${i === 0 ? '=' : '+'} ${share.pool} ${formatNl(share.poolTotal)} × ${share.weight}/${share.weightSum} = ${formatNl(share.exact, true)} (step ${share.step})`
			);
		});
		if (r.roundingDifference !== '0.00')
			lines.push(
				`    (the rounded allocations from these pools add up to ${formatNl(formatCents(toCents(r.total) - toCents(r.roundingDifference)))}; rounding the exact total once gives ${formatNl(r.total)}, a difference of ${formatNl(r.roundingDifference)})`
			);
	}
	lines.push('');
	return lines;
}

/** Append without spreading: a table may have more lines than a call has room for arguments. */
function appendAll(lines: string[], more: readonly string[]): void {
	for (const line of more) lines.push(line);
}
