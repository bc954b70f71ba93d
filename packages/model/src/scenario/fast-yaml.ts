// The common scenario text, read quickly. js-yaml reads a scenario about five times faster than
// `yaml`, which stays the reader of record: it gives the issues with line and column, and it reads
// every text this module declines. A text is read here only where the two are known to give the
// very same data (test/scenario/fast-yaml.test.ts holds them to it, over every scenario and
// generated texts): js-yaml must read it without an error into a map, and it must avoid each
// construct on which the two readers were found to differ, or which `yaml` refuses where js-yaml
// is lenient. Declining costs only time, so the checks are deliberately coarse.
import { load } from 'js-yaml';

/**
 * At most this many aliases (*name). `yaml` refuses a text in which the aliases of one anchor, times
 * the aliases nested in it, exceed 100 (an expansion attack); with 12 aliases in all no such product
 * reaches 100 (the largest product of counts that add up to 12 is 3 × 3 × 3 × 3 = 81), so `yaml`
 * accepts every text js-yaml reads here.
 */
export const MAX_FAST_ALIASES = 12;

// Any one of these sends a text to `yaml`:
const DECLINED = new RegExp(
	[
		// a float with an exponent of three digits or more (one reader overflows to Infinity)
		String.raw`[0-9.][eE][-+]?[0-9]{3}`,
		// an anchor (&name) on anything but a map or list
		String.raw`(^|[\s[{,:])&[^\s,[\]{}]+(?![^\s,[\]{}])(?![ ]*(#|$|[{[]))`,
		// a byte-order mark, a tab, a carriage return that is not part of a CR LF line end
		String.raw`[\ufeff\t]|\r(?!\n)`,
		// a tag (!) or an explicit key (?)
		String.raw`(^|[\s[{,:])[!?]`,
		// a merge key
		'<<',
		// a block scalar with an indentation or keep indicator (|2, >+, |-1)
		String.raw`[|>]-?[0-9+]`,
		// a key that is null or empty (~:, null:, a bare colon)
		String.raw`(^|[\s,[{])(~|null|Null|NULL)?:(\s|$)`,
		// a directive or a document marker
		String.raw`^[ ]*(---|\.\.\.|%)`
	].join('|'),
	'm'
);

/** The data of a text when it is read quickly, or undefined for `yaml` to read it (see above). */
export function readFastYaml(text: string): Record<string, unknown> | undefined {
	if (DECLINED.test(text)) return undefined;
	let value: unknown;
	try {
		value = load(text, { maxAliases: MAX_FAST_ALIASES });
	} catch {
		return undefined;
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	return Object.getPrototypeOf(value) === Object.prototype ? (value as Record<string, unknown>) : undefined;
}
