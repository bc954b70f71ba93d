// Raw scenario data the model owns and has frozen. A variant's raw data shares with its baseline's
// every map and list its changes leave alone (scenario/variant.ts), so the same sealed part is
// validated again and again; because it can no longer change, what was read from it once may be
// reused (scenario/reader.ts). Only the model seals: data a caller passes in stays theirs.
import { FORBIDDEN_KEYS } from '../domain/format.ts';

// Frozen maps and lists whose whole subtree is frozen and holds no forbidden key.
const sealed = new WeakSet<object>();

/**
 * Freeze `value` and everything below it, and remember the parts that hold no forbidden key.
 * Parts sealed before are not walked again. Returns `value`.
 */
export function sealRaw<T>(value: T): T {
	sealPart(value);
	return value;
}

/** Seal one part; whether it is clean (frozen below and without a forbidden key). */
function sealPart(value: unknown): boolean {
	if (typeof value !== 'object' || value === null) return true;
	if (sealed.has(value)) return true;
	// Only plain maps and lists (what YAML and JSON give): freezing anything else need not stop change.
	const proto = Object.getPrototypeOf(value) as unknown;
	if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return false;
	let clean = true;
	if (Array.isArray(value)) {
		for (const item of value) if (!sealPart(item)) clean = false;
	} else
		for (const key of Object.keys(value)) {
			if (FORBIDDEN_KEYS.has(key)) clean = false;
			else if (!sealPart((value as Record<string, unknown>)[key])) clean = false;
		}
	Object.freeze(value);
	if (clean) sealed.add(value);
	return clean;
}

/** Whether `value` is a sealed part: frozen all the way down, with no forbidden key anywhere in it. */
export function isSealed(value: unknown): value is object {
	return typeof value === 'object' && value !== null && sealed.has(value);
}
