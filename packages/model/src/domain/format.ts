// The constants of the data formats, defined once: method ids, key types, bases, forbidden keys and
// the id and date patterns. The problem and scenario validators, the JSON Schema generators and the
// web app all import them from here (through the public index).

/** The ids of the allocation methods, in the order they are usually presented. */
export const METHOD_IDS = ['direct', 'step-down', 'reciprocal'] as const;
export type MethodId = (typeof METHOD_IDS)[number];

/** The key types of the scenario format. */
export const KEY_TYPES = ['fixed', 'driver', 'even', 'price-quantity', 'base-plus-usage', 'formula'] as const;

/** How a number came about. */
export const BASES = ['measured', 'derived', 'estimate'] as const;

/** Object keys that are refused everywhere, so that data can never reach an object's prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** An id: a letter or digit, then letters, digits, '-' or '_' (capitals allowed). */
export const ID_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/;

/** An ISO date as the formats write it (its calendar validity is checked by isIsoDate). */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A dated path segment at the end of a series path: "pools[id=ict].cost.2025-01-01". */
export const DATED_SUFFIX = /\.\d{4}-\d{2}-\d{2}$/;

/** A regular expression that refuses the forbidden keys (for JSON Schema, which has no "not in"). */
export const NOT_FORBIDDEN = new RegExp(`^(?!(${[...FORBIDDEN_KEYS].join('|')})$)`);

/** Whether `id` is a valid id and not a forbidden key. */
export function isValidId(id: string): boolean {
	return ID_PATTERN.test(id) && !FORBIDDEN_KEYS.has(id);
}

/** Whether `text` is an ISO date (yyyy-mm-dd) that exists in the calendar. */
export function isIsoDate(text: unknown): text is string {
	if (typeof text !== 'string') return false;
	if (!DATE_PATTERN.test(text)) return false;
	const [y, mo, d] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
