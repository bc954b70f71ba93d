// Variants as deltas over a baseline: each change sets a field at a path ("pools[id=ict].key"), either
// from a date (a dated value added, earlier ones kept, later ones dropped, or with `until` only those up
// to that date, after which the baseline holds again) or as a whole. Changes are
// applied to the plain data, which is then validated again, so a fixed baseline figure flows through
// every variant.
import { DATE_PATTERN, FORBIDDEN_KEYS } from '../domain/format.ts';
import { IssueCollector, type Issue } from '../domain/issue.ts';
import type { ScenarioIssueCode } from './issue-codes.ts';
import type { Change } from './types.ts';

type Segment = { readonly name: string; readonly select?: { readonly id: string } | { readonly index: number } };

/** Parse "pools[id=ict].key" into segments; undefined when malformed. */
export function parsePath(path: string): Segment[] | undefined {
	const segments: Segment[] = [];
	for (const part of path.split('.')) {
		const m = /^([A-Za-z0-9_-]+)(?:\[(?:id=([A-Za-z0-9_-]+)|(\d+))\])?$/.exec(part);
		if (!m || FORBIDDEN_KEYS.has(m[1]!) || (m[2] !== undefined && FORBIDDEN_KEYS.has(m[2]))) return undefined;
		segments.push({
			name: m[1]!,
			...(m[2] !== undefined ? { select: { id: m[2] } } : m[3] !== undefined ? { select: { index: Number(m[3]) } } : {})
		});
	}
	return segments.length > 0 ? segments : undefined;
}

function isObj(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T>(value: T): T {
	return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * Apply changes to plain scenario data, returning new data (the input is not modified) and the
 * issues of changes that cannot be applied (`invalid_path`, `unknown_path`, `not_dated`).
 * @param raw the baseline's plain data
 * @param changes the changes, in order
 * @param path where the changes sit, for issue paths ("changes" or "variants[2].changes")
 */
export function applyChangesToRaw(
	raw: Readonly<Record<string, unknown>>,
	changes: readonly Change[],
	path = 'changes'
): { raw: Record<string, unknown>; issues: Issue[] } {
	return applyAll(clone(raw) as Record<string, unknown>, changes, path, undefined);
}

// Plain data known to hold nothing a JSON copy would change (only text, finite numbers, booleans,
// null, lists and plain maps): raws checked once, and every raw made from one by applyChangesShared.
const jsonSafe = new WeakSet<object>();

/** Whether a JSON copy of `value` would equal it (no undefined, non-finite number, -0, class instance or hole). */
function isJsonSafe(value: unknown): boolean {
	const stack: unknown[] = [value];
	while (stack.length > 0) {
		const v = stack.pop();
		if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
		if (typeof v === 'number') {
			if (!Number.isFinite(v) || Object.is(v, -0)) return false;
			continue;
		}
		if (typeof v !== 'object') return false;
		if (Array.isArray(v)) {
			for (let i = 0; i < v.length; i++) {
				if (!(i in v)) return false;
				stack.push(v[i]);
			}
			continue;
		}
		const proto = Object.getPrototypeOf(v) as unknown;
		if (proto !== Object.prototype && proto !== null) return false;
		for (const child of Object.values(v)) stack.push(child);
	}
	return true;
}

/**
 * Like applyChangesToRaw, but the result shares with `raw` every map and list the changes do not
 * reach (those on a change's path are copied first), so neither may be modified afterwards. The
 * issues and the data are those of applyChangesToRaw: a raw a JSON copy would alter is copied in full.
 */
export function applyChangesShared(
	raw: Readonly<Record<string, unknown>>,
	changes: readonly Change[],
	path = 'changes'
): { raw: Record<string, unknown>; issues: Issue[] } {
	if (!jsonSafe.has(raw)) {
		if (!isJsonSafe(raw)) return applyChangesToRaw(raw, changes, path);
		jsonSafe.add(raw);
	}
	const owned = new WeakSet<object>();
	const data: Record<string, unknown> = { ...raw };
	owned.add(data);
	const result = applyAll(data, changes, path, owned);
	jsonSafe.add(result.raw);
	return result;
}

function applyAll(
	data: Record<string, unknown>,
	changes: readonly Change[],
	path: string,
	owned: WeakSet<object> | undefined
): { raw: Record<string, unknown>; issues: Issue[] } {
	const out = new IssueCollector<ScenarioIssueCode>();
	changes.forEach((change, i) => applyChange(data, change, `${path}[${i}].set`, { out, owned }));
	return { raw: data, issues: out.issues };
}

/** Where a change is applied: its issues, and (when sharing) the maps and lists already copied. */
interface Walk {
	readonly out: IssueCollector<ScenarioIssueCode>;
	readonly owned: WeakSet<object> | undefined;
}

/** `container[key]`, first replaced by a shallow copy when sharing and not yet copied (the walk may modify it). */
function own(container: Record<string, unknown> | unknown[], key: string | number, walk: Walk): unknown {
	const slots = container as Record<string | number, unknown>;
	const value = slots[key];
	if (!walk.owned || typeof value !== 'object' || value === null || walk.owned.has(value)) return value;
	const copy = Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) };
	walk.owned.add(copy);
	slots[key] = copy;
	return copy;
}

/** Marks a change that has been applied or refused, so the walk along its path stops. */
const DONE = Symbol('done');

/** Apply one change to the data in place, walking its path segment by segment. */
function applyChange(data: Record<string, unknown>, change: Change, where: string, walk: Walk): void {
	const { out } = walk;
	const segments = parsePath(change.set);
	if (!segments) {
		out.add('invalid_path', where, {
			en: `"${change.set}" is not a path such as pools[id=ict].cost`,
			nl: `"${change.set}" is geen pad zoals pools[id=ict].cost`
		});
		return;
	}
	let container: unknown = data;
	for (let s = 0; s < segments.length; s++) {
		const seg = segments[s]!;
		const last = s === segments.length - 1;
		if (!isObj(container)) {
			const parent = segments
				.slice(0, s)
				.map((x) => x.name)
				.join('.');
			out.add('unknown_path', where, {
				en: `"${change.set}": ${parent} is not a map`,
				nl: `"${change.set}": ${parent} is geen object met velden`
			});
			return;
		}
		const next = seg.select
			? stepIntoList(container, seg.name, seg.select, last, change, where, walk)
			: stepIntoField(container, seg.name, s === 0, last, change, where, walk);
		if (next === DONE) return;
		container = next;
	}
}

/** The field `name` of a map: the change is set there when it is the last segment; a missing map is made. */
function stepIntoField(
	container: Record<string, unknown>,
	name: string,
	first: boolean,
	last: boolean,
	change: Change,
	where: string,
	walk: Walk
): unknown {
	if (last) {
		setField(container, name, change, where, walk.out);
		return DONE;
	}
	if (container[name] === undefined) {
		if (first) {
			walk.out.add('unknown_path', where, {
				en: `"${change.set}": the scenario has no field "${name}"`,
				nl: `"${change.set}": het scenario heeft geen veld "${name}"`
			});
			return DONE;
		}
		container[name] = {};
	}
	return own(container, name, walk);
}

/** The element of the list `name` chosen by id or index: replaced when it is the last segment, added when new. */
function stepIntoList(
	container: Record<string, unknown>,
	name: string,
	select: NonNullable<Segment['select']>,
	last: boolean,
	change: Change,
	where: string,
	walk: Walk
): unknown {
	const { out } = walk;
	const list = Array.isArray(container[name]) ? own(container, name, walk) : container[name];
	if (!Array.isArray(list)) {
		out.add('unknown_path', where, {
			en: `"${change.set}": ${name} is not a list`,
			nl: `"${change.set}": ${name} is geen lijst`
		});
		return DONE;
	}
	const index = 'id' in select ? list.findIndex((x) => isObj(x) && x.id === select.id) : select.index;
	if (index < 0 || index >= list.length) {
		if (last && 'id' in select && change.from === undefined && isObj(change.value)) {
			list.push({ ...clone(change.value), id: select.id }); // add a new element (a new pool, say)
			return DONE;
		}
		const which = 'id' in select ? `with id ${select.id}` : `at ${select.index}`;
		const welk = 'id' in select ? `met id ${select.id}` : `op plaats ${select.index}`;
		out.add('unknown_path', where, {
			en: `"${change.set}": no element ${which} in ${name}`,
			nl: `"${change.set}": er is geen element ${welk} in ${name}`
		});
		return DONE;
	}
	if (!last) return own(list, index, walk);
	if (change.from !== undefined) {
		out.add('not_dated', where, {
			en: `"${change.set}" is a list element, not a dated series: drop "from"`,
			nl: `"${change.set}" is een element van een lijst, geen reeks met datums: laat "from" weg`
		});
		return DONE;
	}
	list[index] = 'id' in select && isObj(change.value) ? { ...clone(change.value), id: select.id } : clone(change.value);
	return DONE;
}

/** The value of a dated series in force on `date` (the latest dated on or before it), or undefined. */
function inForce(series: Record<string, unknown>, date: string): unknown {
	const dates = Object.keys(series)
		.filter((d) => d <= date)
		.sort();
	return dates.length === 0 ? undefined : series[dates[dates.length - 1]!];
}

function setField(
	container: Record<string, unknown>,
	name: string,
	change: Change,
	where: string,
	out: IssueCollector<ScenarioIssueCode>
): void {
	if (FORBIDDEN_KEYS.has(name)) return;
	if (change.from === undefined) {
		if (change.value === null || change.value === undefined) delete container[name];
		else container[name] = clone(change.value);
		return;
	}
	const current = container[name];
	if (current !== undefined && (!isObj(current) || !Object.keys(current).every((k) => DATE_PATTERN.test(k)))) {
		out.add('not_dated', where, {
			en: `"${change.set}" is not a dated series, so "from" cannot apply: replace it without "from"`,
			nl: `"${change.set}" is geen reeks met datums, dus "from" kan niet gelden: vervang de waarde zonder "from"`
		});
		return;
	}
	const series: Record<string, unknown> = isObj(current) ? { ...current } : {};
	const until = change.until;
	// From `until` on, what the baseline had in force then holds again (null: nothing was in force).
	const restored = until === undefined ? undefined : inForce(series, until);
	// The new value holds from `from` (until `until`): dated values in between are dropped, the others kept.
	for (const date of Object.keys(series))
		if (date >= change.from && (until === undefined || date < until)) delete series[date];
	series[change.from] = clone(change.value);
	if (until !== undefined && !(until in series)) series[until] = restored === undefined ? null : clone(restored);
	container[name] = Object.fromEntries(Object.entries(series).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
