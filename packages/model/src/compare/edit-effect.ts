// The effect of a user's edits: per participant, the cumulative difference of the comparison with the edits
// against the same comparison without them.
import type { Comparison } from '../domain/result.ts';
import { formatAmount, sum, toDecimal } from '../money/decimal.ts';

export interface EditEffectRow {
	readonly participant: string;
	/** Cumulative difference without the edits. */
	readonly before: string;
	/** Cumulative difference with the edits. */
	readonly after: string;
	/** after − before. */
	readonly change: string;
}

/** Per participant (in the order of `withEdits`), how far the edits moved the cumulative difference; plus the sum. */
export function editEffect(
	withEdits: Comparison,
	reference: Comparison
): { readonly rows: readonly EditEffectRow[]; readonly total: EditEffectRow } {
	const rows = withEdits.summary.map((s) => {
		const before = reference.summary.find((r) => r.participant === s.participant)?.cumulativeDelta ?? '0.00';
		return {
			participant: s.participant,
			before,
			after: s.cumulativeDelta,
			change: formatAmount(toDecimal(s.cumulativeDelta).minus(toDecimal(before)))
		};
	});
	const total = (pick: (r: EditEffectRow) => string) => formatAmount(sum(rows.map((r) => toDecimal(pick(r)))));
	return {
		rows,
		total: {
			participant: '',
			before: total((r) => r.before),
			after: total((r) => r.after),
			change: total((r) => r.change)
		}
	};
}
