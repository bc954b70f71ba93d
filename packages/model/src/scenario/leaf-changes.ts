// What a variant changes, when it changes nothing but dated series: every change replaces a series
// that the scenario it is applied to already has, at a path that names it in both scenarios. For a
// series of numbers that is the paths of its leaves (old and new); for a series of keys, methods or
// legal forms, which have no leaf paths, it is the years in which the value in force differs (money/
// reads.ts, seriesReadPath). The variant's years may then take every result of the scenario's own
// that read none of those (legal-form/incremental.ts), as a tornado end does. Anything else (a
// series added or removed, a path inside a series, a field that is no series) gives undefined:
// only the allocations are shared then.
import { parsePath } from './variant.ts';
import type { Change, Leaf, Scenario, Series } from './types.ts';
import { entryAt, yearDate } from './resolve.ts';
import { YEARS_LOOKED_BACK, seriesReadPath, type Horizon } from '../money/reads.ts';
import { isValidated } from './validated.ts';

/** The object at a change's path in a validated scenario (pools and participants by id or index). */
function at(scenario: Scenario, path: string): unknown {
	const segments = parsePath(path);
	if (!segments) return undefined;
	let node: unknown = scenario;
	for (const { name, select } of segments) {
		if (typeof node !== 'object' || node === null || Array.isArray(node) || !Object.hasOwn(node, name))
			return undefined;
		node = (node as Record<string, unknown>)[name];
		if (select === undefined) continue;
		if (!Array.isArray(node)) return undefined;
		node =
			'id' in select
				? node.find((x: unknown) => typeof x === 'object' && x !== null && (x as { id?: unknown }).id === select.id)
				: node[select.index];
	}
	return node;
}

/** Whether a value is a dated series of numbers with provenance, as the validator makes them. */
function isLeafSeries(value: unknown): value is Series<Leaf> {
	if (typeof value !== 'object' || value === null) return false;
	const { path, entries } = value as { path?: unknown; entries?: unknown };
	return (
		typeof path === 'string' &&
		Array.isArray(entries) &&
		entries.length > 0 &&
		entries.every((e: { value?: unknown }) => {
			const leaf = e.value as Partial<Leaf> | null | undefined;
			return (
				leaf === null ||
				(typeof leaf === 'object' &&
					typeof leaf.value === 'string' &&
					typeof leaf.path === 'string' &&
					typeof leaf.provenance === 'object')
			);
		})
	);
}

/** Whether a value is a dated series (of anything), as the validator makes them. */
function isSeries(value: unknown): value is Series<unknown> {
	if (typeof value !== 'object' || value === null) return false;
	const { path, entries } = value as { path?: unknown; entries?: unknown };
	return typeof path === 'string' && Array.isArray(entries);
}

// Entries as text, for comparing values (a key is plain data), by entry (read-only once validated).
const entryTexts = new WeakMap<object, string>();
function textOf(value: unknown): string {
	if (typeof value !== 'object' || value === null) return JSON.stringify(value);
	let text = entryTexts.get(value);
	if (text === undefined) entryTexts.set(value, (text = JSON.stringify(value)));
	return text;
}

/** Whether the same value holds from the same date in both (undefined: none in force in either). */
function sameEntry(a: { from: string; value: unknown } | undefined, b: { from: string; value: unknown } | undefined) {
	if (!a || !b) return a === b;
	return a.from === b.from && (a.value === b.value || textOf(a.value) === textOf(b.value));
}

/** The first year whose lookup (on 1 January) finds an entry dated `from`. */
function firstYearOf(from: string): number {
	const year = Number(from.slice(0, 4));
	return from.slice(4) === '-01-01' ? year : year + 1;
}

/**
 * The lookups in which two series of keys, methods or legal forms give a different value in force,
 * as reads (seriesReadPath): each year of the horizon and the years looked back before it, and one
 * "before" and one "after" for all years outside those.
 */
function changedLookups(before: Series<unknown>, after: Series<unknown>, horizon: Horizon): string[] {
	const [first, last] = [horizon.from - YEARS_LOOKED_BACK, horizon.to];
	const same = (y: number) => sameEntry(entryAt(before, yearDate(y)), entryAt(after, yearDate(y)));
	const reads = new Set<string>();
	// Outside those years the value in force changes only in the years the entries start.
	const starts = [...before.entries, ...after.entries].map((e) => firstYearOf(e.from));
	for (const y of [first - 1, last + 1, ...starts])
		if ((y < first || y > last) && !same(y)) reads.add(seriesReadPath(before.path, y, horizon));
	for (let y = first; y <= last; y++) if (!same(y)) reads.add(seriesReadPath(before.path, y, horizon));
	return [...reads];
}

/**
 * What the changes change, as the reads of a computation name them (see the top of this file): the
 * paths of the old and new leaves of a series of numbers, so that a result which read any of the old
 * ones is computed again, and the years of a series of other values in which its value differs. Undefined
 * when some change does more than replace a dated series that `from` has, or either scenario is not
 * exactly what its plain data validates to (markValidated).
 * @param from the scenario the changes were applied to
 * @param to the result, validated
 */
export function changedLeafPaths(from: Scenario, to: Scenario, changes: readonly Change[]): string[] | undefined {
	// Only a scenario exactly as its plain data validates to: the variant is validated from that data.
	if (changes.length === 0 || !isValidated(from) || !isValidated(to)) return undefined;
	const paths = new Set<string>();
	for (const change of changes) {
		const [before, after] = [at(from, change.set), at(to, change.set)];
		if (!isSeries(before) || !isSeries(after) || before.path !== after.path) return undefined;
		// The series found must be the one the change wrote: named as the change names it, and changed.
		const name = parsePath(change.set)!.at(-1)!.name;
		if (before.path !== name && !before.path.endsWith(`.${name}`)) return undefined;
		if (before === after || JSON.stringify(before.entries) === JSON.stringify(after.entries)) return undefined;
		if (isLeafSeries(before) && isLeafSeries(after)) {
			for (const series of [before, after]) for (const e of series.entries) if (e.value) paths.add(e.value.path);
			continue;
		}
		// A series of numbers on one side only is no replacement of like by like.
		if (isLeafSeries(before) || isLeafSeries(after)) return undefined;
		if (from.horizon.from !== to.horizon.from || from.horizon.to !== to.horizon.to) return undefined;
		for (const read of changedLookups(before, after, to.horizon)) paths.add(read);
	}
	return [...paths];
}
