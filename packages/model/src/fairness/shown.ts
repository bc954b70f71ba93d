// The fair-shares table as the CLI and the app show it, in whole euros: every division (charges,
// Shapley value, nucleolus, usage) adds up to the same rounded grand total, and each difference
// column reads as the difference of the columns it comes from (savings = stand-alone − charge,
// charge − Shapley, charge − usage), each adding up to its own total. The sentences' figures
// (savings and charge − Shapley) stay at their nearest euro wherever the table allows it
// (docs/decisions/0005-controlled-rounding-of-tables.md).
import { Decimal, ZERO, sum, toDecimal } from '../money/decimal.ts';
import { controlledRounding, roundTableAddingUp } from '../money/controlled-rounding.ts';
import type { FairnessReport } from './report.ts';

/** One participant's figures, or the totals, in whole euros. */
export interface ShownFairShares {
	readonly standAlone: Decimal;
	readonly charge: Decimal;
	readonly shapley: Decimal;
	readonly nucleolus: Decimal;
	readonly usage: Decimal;
	/** standAlone − charge. */
	readonly saving: Decimal;
	/** charge − shapley. */
	readonly vsShapley: Decimal;
	/** charge − usage. */
	readonly vsUsage: Decimal;
}

/** The fair-shares table in whole euros: per participant (in the report's order) and the totals. */
export function shownFairShares(
	report: Pick<
		FairnessReport,
		'players' | 'charges' | 'shapley' | 'nucleolus' | 'usage' | 'standAlone' | 'savings' | 'subsidy'
	>
): {
	readonly players: readonly ShownFairShares[];
	readonly total: ShownFairShares;
} {
	const ids = report.players.map((p) => p.id);
	const column = (byId: Readonly<Record<string, string>>) => ids.map((id) => toDecimal(byId[id]!));
	const vs = (key: 'vsShapley' | 'vsUsage') => ids.map((id) => toDecimal(report.subsidy[id]![key]));
	const n = ids.length;
	// Every division adds up to the grand total at its nearest euro.
	const divided = (values: Decimal[]) =>
		roundTableAddingUp([values], { prefer: (_, j) => (j === n ? 'nearest' : undefined) });
	const charges = divided(column(report.charges));
	const charge = charges.cells[0]!;
	const grand = charges.total;
	/**
	 * Another column and the difference d = charge − other, rounded as one table whose every row
	 * (charge − other − d) and column adds up to zero, the charges kept as rounded above.
	 */
	const beside = (other: Decimal[], d: Decimal[], quoted: boolean) => {
		const exact = column(report.charges);
		const matrix = [
			...ids.map((_, i) => [exact[i]!, other[i]!.negated(), d[i]!.negated()]),
			[sum(exact).negated(), sum(other), sum(d)]
		];
		const rounded = controlledRounding(matrix, {
			keep: (i, j) => (j !== 0 ? undefined : i < n ? charge[i]! : grand.negated()),
			prefer: (i, j) => (j === 2 && quoted && i < n ? 'nearest' : undefined)
		});
		const positive = (x: Decimal) => x.negated().plus(ZERO);
		return {
			other: rounded.slice(0, n).map((row) => positive(row[1]!)),
			d: rounded.slice(0, n).map((row) => positive(row[2]!)),
			otherTotal: rounded[n]![1]!,
			dTotal: rounded[n]![2]!
		};
	};
	const shapley = beside(column(report.shapley), vs('vsShapley'), true);
	const usage = beside(column(report.usage), vs('vsUsage'), false);
	// saving = stand-alone − charge, so d = charge − stand-alone is the saving negated.
	const alone = beside(
		column(report.standAlone),
		column(report.savings).map((x) => x.negated()),
		true
	);
	const nucleolus = divided(column(report.nucleolus));
	const negated = (x: Decimal) => x.negated().plus(ZERO);
	const shares = (i: number): ShownFairShares => ({
		standAlone: alone.other[i]!,
		charge: charge[i]!,
		shapley: shapley.other[i]!,
		nucleolus: nucleolus.cells[0]![i]!,
		usage: usage.other[i]!,
		saving: negated(alone.d[i]!),
		vsShapley: shapley.d[i]!,
		vsUsage: usage.d[i]!
	});
	return {
		players: ids.map((_, i) => shares(i)),
		total: {
			standAlone: alone.otherTotal,
			charge: grand,
			shapley: shapley.otherTotal,
			nucleolus: nucleolus.total,
			usage: usage.otherTotal,
			saving: negated(alone.dTotal),
			vsShapley: shapley.dTotal,
			vsUsage: usage.dTotal
		}
	};
}
