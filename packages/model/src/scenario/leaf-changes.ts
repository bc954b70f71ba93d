// The leaves a variant changes, when it changes nothing else: every change replaces a dated series of
// numbers that the scenario it is applied to already has, at a path that names it in both scenarios.
// The variant's years may then take every result of the scenario's own that read none of those
// leaves (legal-form/incremental.ts), as a tornado end does. Anything else (a key, the legal form, a
// series added or removed, a path inside a series) gives undefined: only the allocations are shared.
import { parsePath } from './variant.ts';
import type { Change, Leaf, Scenario, Series } from './types.ts';
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

/**
 * The paths of every leaf the changes replace, in both scenarios (the old and the new dated values,
 * so that a result which read any of the old ones is computed again), or undefined when some change
 * does more than replace a dated series of numbers that `from` has, or either scenario is not
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
		if (!isLeafSeries(before) || !isLeafSeries(after) || before.path !== after.path) return undefined;
		// The series found must be the one the change wrote: named as the change names it, and changed.
		const name = parsePath(change.set)!.at(-1)!.name;
		if (before.path !== name && !before.path.endsWith(`.${name}`)) return undefined;
		if (before === after || JSON.stringify(before.entries) === JSON.stringify(after.entries)) return undefined;
		for (const series of [before, after]) for (const e of series.entries) if (e.value) paths.add(e.value.path);
	}
	return [...paths];
}
