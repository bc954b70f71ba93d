// Variants as deltas over a baseline: each change sets a field at a path ("pools[id=ict].key"), either
// from a date (a dated value added, earlier ones kept, later ones dropped) or as a whole. Changes are
// applied to the plain data, which is then validated again, so a fixed baseline figure flows through
// every variant.
import { DATE_PATTERN, FORBIDDEN_KEYS } from '../domain/format.ts';
import type { Issue } from '../domain/issue.ts';
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
	const data = clone(raw) as Record<string, unknown>;
	const issues: Issue[] = [];
	changes.forEach((change, i) => {
		const where = `${path}[${i}].set`;
		const segments = parsePath(change.set);
		if (!segments) {
			issues.push({
				code: 'invalid_path',
				path: where,
				message: `"${change.set}" is not a path such as pools[id=ict].cost`
			});
			return;
		}
		let container: unknown = data;
		for (let s = 0; s < segments.length; s++) {
			const seg = segments[s]!;
			const last = s === segments.length - 1;
			if (!isObj(container)) {
				issues.push({
					code: 'unknown_path',
					path: where,
					message: `"${change.set}": ${segments
						.slice(0, s)
						.map((x) => x.name)
						.join('.')} is not a map`
				});
				return;
			}
			if (!seg.select) {
				if (last) {
					setField(container, seg.name, change, where, issues);
					return;
				}
				if (container[seg.name] === undefined) {
					if (s === 0) {
						issues.push({
							code: 'unknown_path',
							path: where,
							message: `"${change.set}": the scenario has no field "${seg.name}"`
						});
						return;
					}
					container[seg.name] = {};
				}
				container = container[seg.name];
				continue;
			}
			const list = container[seg.name];
			if (!Array.isArray(list)) {
				issues.push({ code: 'unknown_path', path: where, message: `"${change.set}": ${seg.name} is not a list` });
				return;
			}
			const select = seg.select;
			const index = 'id' in select ? list.findIndex((x) => isObj(x) && x.id === select.id) : select.index;
			if (index < 0 || index >= list.length) {
				if (last && 'id' in select && change.from === undefined && isObj(change.value)) {
					list.push({ ...clone(change.value), id: select.id }); // add a new element (a new pool, say)
					return;
				}
				issues.push({
					code: 'unknown_path',
					path: where,
					message: `"${change.set}": no element ${'id' in select ? `with id ${select.id}` : `at ${select.index}`} in ${seg.name}`
				});
				return;
			}
			if (last) {
				if (change.from !== undefined) {
					issues.push({
						code: 'not_dated',
						path: where,
						message: `"${change.set}" is a list element, not a dated series: drop "from"`
					});
					return;
				}
				list[index] =
					'id' in select && isObj(change.value) ? { ...clone(change.value), id: select.id } : clone(change.value);
				return;
			}
			container = list[index];
		}
	});
	return { raw: data, issues };
}

function setField(
	container: Record<string, unknown>,
	name: string,
	change: Change,
	where: string,
	issues: Issue[]
): void {
	if (FORBIDDEN_KEYS.has(name)) return;
	if (change.from === undefined) {
		if (change.value === null || change.value === undefined) delete container[name];
		else container[name] = clone(change.value);
		return;
	}
	const current = container[name];
	if (current !== undefined && (!isObj(current) || !Object.keys(current).every((k) => DATE_PATTERN.test(k)))) {
		issues.push({
			code: 'not_dated',
			path: where,
			message: `"${change.set}" is not a dated series, so "from" cannot apply: replace it without "from"`
		});
		return;
	}
	const series: Record<string, unknown> = isObj(current) ? { ...current } : {};
	// The new value holds from `from` on: later dated values are dropped, earlier ones kept.
	for (const date of Object.keys(series)) if (date >= change.from) delete series[date];
	series[change.from] = clone(change.value);
	container[name] = Object.fromEntries(Object.entries(series).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
