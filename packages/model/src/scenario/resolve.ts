// Dated values: which value of a series is in force in a year (evaluated at 1 January), and the
// record of an input a computation used.
import type { InputValue } from '../domain/result.ts';
import type { DatedEntry, Leaf, Series } from './types.ts';

// The dates of the years met so far (every rule asks for its year's date, many times a run).
const yearDates = new Map<number, string>();

/** The date at which a year is evaluated. */
export function yearDate(year: number): string {
	let date = yearDates.get(year);
	if (date === undefined) {
		date = `${String(year).padStart(4, '0')}-01-01`;
		// Bounded: years outside a calendar's range are formatted each time rather than kept.
		if (year >= 0 && year <= 9999) yearDates.set(year, date);
	}
	return date;
}

/**
 * The entry of `series` in force on `date`: the last entry dated on or before it.
 * @returns the entry, or undefined when the date lies before the first entry or the value has ended (null)
 */
export function entryAt<T>(series: Series<T>, date: string): DatedEntry<T> | undefined {
	let found: DatedEntry<T> | undefined;
	for (const entry of series.entries) {
		if (entry.from <= date) found = entry;
		else break;
	}
	return found && found.value !== null ? found : undefined;
}

/** The value of `series` in force on 1 January of `year`, or undefined (see entryAt). */
export function valueAt<T>(series: Series<T>, year: number): T | undefined {
	return entryAt(series, yearDate(year))?.value ?? undefined;
}

/** An input a computation used: the leaf, the date it holds from, and a label. */
export interface UsedInput extends InputValue {
	readonly asOf: string;
}

/** Turn a leaf into the InputValue the UI and traces show. */
export function leafInput(leaf: Leaf, label: string, from: string, path: string, asOf: string): UsedInput {
	return {
		path,
		label,
		from,
		value: leaf.value,
		provenance: leaf.provenance,
		asOf,
		...(leaf.unit ? { unit: leaf.unit } : {})
	};
}
