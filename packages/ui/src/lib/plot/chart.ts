// The shape every chart module returns: the Plot options to draw and the table of the same figures, so a chart
// can always be read as a table, downloaded as CSV and checked against its numbers.
import type * as Plot from '@observablehq/plot';
import type { Table } from '../export/tables.ts';
import type { MessageKey } from '../i18n.ts';

export type { Table };

/** A chart: Observable Plot options plus the data behind them as a table (exact decimal strings for euros). */
export interface Chart {
	readonly options: Plot.PlotOptions;
	readonly table: Table;
}

/** Participant id → display name. */
export type Names = Readonly<Record<string, string>>;

/** The column headers chart tables use, in the reader's language. */
export interface ChartHeaders {
	readonly participant: string;
	readonly year: string;
	readonly form: string;
	readonly amount: string;
	readonly difference: string;
	readonly component: string;
	readonly method: string;
	readonly pool: string;
	readonly step: string;
	readonly from: string;
	readonly to: string;
}

/** The display name of a participant, or its id when the scenario has none. */
export const nameOf = (names: Names, id: string): string => names[id] ?? id;

/** Years on an axis: "2025", never "2.025". */
export const yearFormat = (d: number): string => String(d);

/** The chart table headers in the reader's language, from the app's translate function. */
export function chartHeaders(t: (key: MessageKey) => string): ChartHeaders {
	return {
		participant: t('participant'),
		year: t('year'),
		form: t('chartForm'),
		amount: t('chartAmount'),
		difference: t('difference'),
		component: t('chartComponent'),
		method: t('method'),
		pool: t('pool'),
		step: t('chartStep'),
		from: t('chartFrom'),
		to: t('chartTo')
	};
}
