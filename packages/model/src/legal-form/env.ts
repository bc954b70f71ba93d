// The environment of one computation: reads the values in force in a year (recording every input
// used) and collects the issues of the run (a value not in force, a key that sums to zero).
import { issueTexts, type Issue, type IssueText } from '../domain/issue.ts';
import { Decimal, literal, weightToDecimal } from '../money/decimal.ts';
import { noteSeriesRead, type Horizon } from '../money/reads.ts';
import { recordedLeaf } from '../money/tape.ts';
import { entryAt, leafInput, yearDate, type UsedInput } from '../scenario/resolve.ts';
import type { ScenarioIssueCode } from '../scenario/issue-codes.ts';
import type { DatedEntry, Leaf, Series } from '../scenario/types.ts';
import { DATED_SUFFIX } from '../domain/format.ts';

// A leaf in force for several years is read in each of them, by several keys, and by every scenario
// derived from its own (which shares its unchanged leaves): it is parsed once. A leaf is read-only
// once validated, and a Decimal immutable.
const parsedLeaves = new WeakMap<Leaf, Decimal>();

/**
 * Collects the issues of one computation (a value not in force, a key that sums to zero) so that
 * a run reports all of them at once instead of stopping at the first.
 */
export class Env {
	readonly issues: Issue[] = [];
	private readonly seen = new Set<string>();
	private readonly seriesPaths = new Map<Series<Leaf>, string>();
	// Work the computation repeats year after year on the same inputs (see remember()).
	private readonly remembered = new Map<object, unknown>();

	/** @param horizon the computation's years, which name the lookups of series it notes (see peek) */
	constructor(private readonly horizon?: Horizon) {}

	/** What `make` gives for `owner`, made once per computation (for work every year repeats). */
	remember<T>(owner: object, make: () => T): T {
		if (this.remembered.has(owner)) return this.remembered.get(owner) as T;
		const value = make();
		this.remembered.set(owner, value);
		return value;
	}

	issue(code: ScenarioIssueCode, path: string, message: IssueText): void {
		const texts = issueTexts(message);
		const id = `${code}|${path}|${texts.message}`;
		if (this.seen.has(id)) return;
		this.seen.add(id);
		this.issues.push({ code, path, ...texts });
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
					? {
							en: `${label}: the value has ended before ${date} (null); no value in force`,
							nl: `de waarde is vóór ${date} beëindigd (null): er is geen waarde van kracht`
						}
					: {
							en: `${label}: no value in force on ${date} (the first value is dated ${first ?? 'nowhere'})`,
							nl: `er is op ${date} geen waarde van kracht (${first ? `de eerste waarde is gedateerd ${first}` : 'er is geen gedateerde waarde'})`
						}
			);
			return undefined;
		}
		let seriesPath = this.seriesPaths.get(series);
		if (seriesPath === undefined) this.seriesPaths.set(series, (seriesPath = series.path.replace(DATED_SUFFIX, '')));
		return { leaf: entry.value, input: leafInput(entry.value, label, entry.from, seriesPath, date) };
	}

	/** The number in force in `year` as a Decimal; zero (with an issue recorded) when none is in force. */
	number(series: Series<Leaf>, year: number, label: string, used?: UsedInput[]): Decimal {
		const found = this.leaf(series, year, label);
		if (!found) return new Decimal(0);
		used?.push(found.input);
		let value = parsedLeaves.get(found.leaf);
		if (!value) parsedLeaves.set(found.leaf, (value = weightToDecimal(found.leaf.value)));
		// Where an uncertain leaf enters the computation (an input of the numeric kernel when one is recorded).
		return recordedLeaf(found.leaf.path, value);
	}

	/** Like number(), but an absent series gives `fallback` without an issue. */
	optional(
		series: Series<Leaf> | undefined,
		year: number,
		label: string,
		fallback: string,
		used?: UsedInput[]
	): Decimal {
		return series ? this.number(series, year, label, used) : literal(fallback);
	}

	/** A non-numeric value in force (key, method, legal form); undefined after recording an issue. */
	value<T>(series: Series<T>, year: number, label: string): { value: T; from: string } | undefined {
		const entry = this.peek(series, year);
		if (!entry || entry.value === null) {
			this.issue('no_value_in_force', series.path, {
				en: `${label}: no value in force on ${yearDate(year)}`,
				nl: `er is op ${yearDate(year)} geen waarde van kracht`
			});
			return undefined;
		}
		return { value: entry.value, from: entry.from };
	}

	/**
	 * The entry of a non-numeric series in force in `year` (undefined when none is), without an issue.
	 * Every lookup of such a series passes here or through value(): it notes what the computation read.
	 */
	peek<T>(series: Series<T>, year: number): DatedEntry<T> | undefined {
		noteSeriesRead(series.path, year, this.horizon);
		return entryAt(series, yearDate(year));
	}
}
