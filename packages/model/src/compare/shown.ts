// The figures of a comparison as its tables show them, in whole euros (or thousands): rounded so that
// every table adds up along its rows and columns, and a figure shown in two tables reads the same in
// both wherever the rounding allows (docs/decisions/0005-controlled-rounding-of-tables.md). The CLI
// and the app both read their tables from here.
import { COMPONENTS, type Comparison, type ComparisonRow } from '../domain/result.ts';
import { Decimal, ZERO, sum, toDecimal } from '../money/decimal.ts';
import {
	controlledRounding,
	roundPairToDifference,
	roundTableAddingUp,
	type RoundedTable
} from '../money/controlled-rounding.ts';

/** One year's base, variant and difference in whole euros: variant − base = difference. */
export interface ShownYearFigures {
	readonly base: Decimal;
	readonly variant: Decimal;
	readonly delta: Decimal;
}

/** A comparison's figures as its tables show them; each part is rounded when first asked for. */
export interface ShownComparison {
	/** The participants (columns of `differences`) and years (its rows), in the comparison's order. */
	readonly participants: readonly string[];
	readonly years: readonly number[];
	/**
	 * The differences per year and participant, their Samen per year (row totals) and Cumulatief per
	 * participant (column totals); the headline year's differences and the Cumulatief at their nearest
	 * euro wherever the table allows it. The headline sentences quote these figures.
	 */
	differences(): RoundedTable;
	/** The net present value per participant and together, at the nearest euro where the sum allows (the sentences quote these). */
	npv(): { readonly parts: readonly Decimal[]; readonly total: Decimal };
	/** Over the horizon, per participant: base and variant whose difference is its Cumulatief. */
	horizon(): readonly { readonly base: Decimal; readonly variant: Decimal }[];
	/** One year: per participant and together, with the differences of `differences()`. */
	year(year: number): { readonly rows: readonly ShownYearFigures[]; readonly total: ShownYearFigures };
	/** One year's differences per participant (rows) and component (columns, in COMPONENTS order), rows adding up to `differences()`. */
	components(year: number): RoundedTable;
	/** The cumulative difference up to `year` per participant and together; in the last year the Cumulatief. */
	cumulative(year: number): { readonly parts: readonly Decimal[]; readonly total: Decimal };
	/** The differences per participant (rows) and year (columns) in thousands of euros, with totals. */
	thousands(): RoundedTable;
}

const THOUSAND = new Decimal(1000);

/** Memoise a function of no arguments or of one number. */
function once<T>(make: (key: number) => T): (key?: number) => T {
	const made = new Map<number, T>();
	return (key = 0) => {
		let value = made.get(key);
		if (value === undefined) made.set(key, (value = make(key)));
		return value;
	};
}

/** The figures of `c` as its tables show them (see ShownComparison). */
export function shownComparison(c: Pick<Comparison, 'rows' | 'summary' | 'years' | 'headlineYear'>): ShownComparison {
	const participants = c.summary.map((s) => s.participant);
	const years = c.years ?? [...new Set(c.rows.map((r) => r.year))].sort((a, b) => a - b);
	const rows = new Map(c.rows.map((r) => [`${r.participant}|${r.year}`, r]));
	const row = (p: string, y: number): ComparisonRow => {
		const r = rows.get(`${p}|${y}`);
		if (!r) throw new Error(`[model] the comparison has no row for ${p} in ${y}`);
		return r;
	};
	const yearIndex = (y: number): number => {
		const i = years.indexOf(y);
		if (i < 0) throw new RangeError(`[model] ${y} is not a year of the comparison (${years.join(', ')})`);
		return i;
	};
	const differences = once(() => {
		const quoted = [years.indexOf(c.headlineYear ?? years[years.length - 1]!), years.length];
		return roundTableAddingUp(
			years.map((y) => participants.map((p) => toDecimal(row(p, y).delta))),
			{ prefer: (i, j) => (quoted.includes(i) && j < participants.length ? 'nearest' : undefined) }
		);
	});
	const npv = once(() => {
		const table = roundTableAddingUp([c.summary.map((s) => toDecimal(s.npv))], {
			prefer: (_, j) => (j < participants.length ? 'nearest' : undefined)
		});
		return { parts: table.cells[0]!, total: table.total };
	});
	const horizon = once(() =>
		participants.map((p, j) => {
			const base = sum(years.map((y) => toDecimal(row(p, y).base)));
			const variant = sum(years.map((y) => toDecimal(row(p, y).variant)));
			return roundPairToDifference(base, variant, differences().columnTotals[j]!);
		})
	);
	return {
		participants,
		years,
		differences: () => differences(),
		npv: () => npv(),
		horizon: () => horizon(),
		year: once((y) =>
			yearFigures(
				participants.map((p) => row(p, y)),
				differences(),
				yearIndex(y)
			)
		),
		components: once((y) =>
			componentFigures(
				participants.map((p) => row(p, y)),
				differences(),
				yearIndex(y)
			)
		),
		cumulative: once((y) =>
			cumulativeFigures(
				participants.map((p) => row(p, y)),
				differences(),
				yearIndex(y),
				years.length
			)
		),
		thousands: once(() =>
			roundTableAddingUp(
				participants.map((p) => years.map((y) => toDecimal(row(p, y).delta))),
				{ unit: THOUSAND }
			)
		)
	};
}

/**
 * A year as participants × (base, variant, difference) with Samen: a matrix whose rows and columns add
 * up to zero (−base + variant − difference per participant, the Samen negated), the differences kept
 * as the differences table shows them.
 */
function yearFigures(
	rows: readonly ComparisonRow[],
	shown: RoundedTable,
	i: number
): { rows: ShownYearFigures[]; total: ShownYearFigures } {
	const exact = rows.map((r) => [toDecimal(r.base), toDecimal(r.variant), toDecimal(r.delta)] as const);
	const totals = [0, 1, 2].map((k) => sum(exact.map((x) => x[k]!)));
	const matrix = [
		...exact.map(([b, v, d]) => [b.negated(), v, d.negated()]),
		[totals[0]!, totals[1]!.negated(), totals[2]!]
	];
	const rounded = controlledRounding(matrix, {
		keep: (p, k) => (k !== 2 ? undefined : p < rows.length ? shown.cells[i]![p]!.negated() : shown.rowTotals[i]!)
	});
	const last = rounded.pop()!;
	return {
		rows: rounded.map(([b, v, d]) => ({ base: b!.negated().plus(ZERO), variant: v!, delta: d!.negated().plus(ZERO) })),
		total: { base: last[0]!, variant: last[1]!.negated().plus(ZERO), delta: last[2]! }
	};
}

/** A year's differences by component, each participant's row adding up to its shown difference. */
function componentFigures(rows: readonly ComparisonRow[], shown: RoundedTable, i: number): RoundedTable {
	const width = COMPONENTS.length;
	return roundTableAddingUp(
		rows.map((r) => COMPONENTS.map((k) => toDecimal(r.components[k].delta))),
		{
			keep: (p, k) => (k < width ? undefined : p < rows.length ? shown.cells[i]![p]! : shown.rowTotals[i]!)
		}
	);
}

/** The cumulative differences up to a year; in the last year those of the Cumulatief. */
function cumulativeFigures(
	rows: readonly ComparisonRow[],
	shown: RoundedTable,
	i: number,
	count: number
): { parts: Decimal[]; total: Decimal } {
	const last = i === count - 1;
	const table = roundTableAddingUp([rows.map((r) => toDecimal(r.cumulativeDelta))], {
		prefer: () => (last ? undefined : 'nearest'),
		keep: (_, j) => (!last ? undefined : j < rows.length ? shown.columnTotals[j]! : shown.total)
	});
	return { parts: table.cells[0]!, total: table.total };
}
