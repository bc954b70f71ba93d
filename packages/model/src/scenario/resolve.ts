// Dated values: which value of a series is in force in a year (evaluated at 1 January), and an
// environment that records every input a computation used, or the issue when none is in force.
import type { Issue } from '../domain/issue.ts';
import type { InputValue } from '../domain/result.ts';
import { Decimal, toDecimal, weightToDecimal } from '../money/decimal.ts';
import type { DatedEntry, Leaf, Series } from './types.ts';

/** The date at which a year is evaluated. */
export function yearDate(year: number): string {
	return `${String(year).padStart(4, '0')}-01-01`;
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

/**
 * Collects the issues of one computation (a value not in force, a key that sums to zero) so that
 * a run reports all of them at once instead of stopping at the first.
 */
export class Env {
	readonly issues: Issue[] = [];
	private readonly seen = new Set<string>();

	issue(code: string, path: string, message: string): void {
		const id = `${code}|${path}|${message}`;
		if (this.seen.has(id)) return;
		this.seen.add(id);
		this.issues.push({ code, path, message });
	}

	/** The leaf in force in `year`, or undefined after recording `no_value_in_force`. */
	leaf(series: Series<Leaf>, year: number, label: string): { leaf: Leaf; input: UsedInput } | undefined {
		const date = yearDate(year);
		const entry = entryAt(series, date);
		if (!entry || !entry.value) {
			const first = series.entries[0]?.from;
			const ended = series.entries.some((e) => e.from <= date);
			this.issue(
				'no_value_in_force',
				series.path,
				ended
					? `${label}: the value has ended before ${date} (null); no value in force`
					: `${label}: no value in force on ${date} (the first value is dated ${first ?? 'nowhere'})`
			);
			return undefined;
		}
		const seriesPath = series.path.replace(/\.\d{4}-\d{2}-\d{2}$/, '');
		return { leaf: entry.value, input: leafInput(entry.value, label, entry.from, seriesPath, date) };
	}

	/** The number in force in `year` as a Decimal; zero (with an issue recorded) when none is in force. */
	number(series: Series<Leaf>, year: number, label: string, used?: UsedInput[]): Decimal {
		const found = this.leaf(series, year, label);
		if (!found) return new Decimal(0);
		used?.push(found.input);
		return weightToDecimal(found.leaf.value);
	}

	/** Like number(), but an absent series gives `fallback` without an issue. */
	optional(
		series: Series<Leaf> | undefined,
		year: number,
		label: string,
		fallback: string,
		used?: UsedInput[]
	): Decimal {
		return series ? this.number(series, year, label, used) : toDecimal(fallback);
	}

	/** A non-numeric value in force (key, method, legal form); undefined after recording an issue. */
	value<T>(series: Series<T>, year: number, label: string): { value: T; from: string } | undefined {
		const entry = entryAt(series, yearDate(year));
		if (!entry || entry.value === null) {
			this.issue('no_value_in_force', series.path, `${label}: no value in force on ${yearDate(year)}`);
			return undefined;
		}
		return { value: entry.value, from: entry.from };
	}
}
