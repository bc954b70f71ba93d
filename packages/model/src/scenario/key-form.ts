// A key as the model validated it, turned back into scenario-file form, so an edit of one key can be stored
// as a variant change; and a fresh key of another type that reuses what fits of the current one.
import type { Change, Key, KeyType } from './types.ts';

/** A key in scenario-file form (plain data, numbers as decimal strings). */
export type RawKey = Record<string, unknown>;

/** Scenario-file form of a key (without path and provenance; nested keys are covered by the outer provenance). */
export function keyToRaw(key: Key): RawKey {
	switch (key.type) {
		case 'fixed':
			return { type: 'fixed', shares: { ...key.shares } };
		case 'driver':
			return { type: 'driver', driver: key.driver };
		case 'even':
			return { type: 'even' };
		case 'price-quantity':
			return {
				type: 'price-quantity',
				driver: key.driver,
				...(key.price !== undefined ? { price: key.price } : {}),
				...(key.settlement ? { settlement: keyToRaw(key.settlement) } : {})
			};
		case 'base-plus-usage':
			return {
				type: 'base-plus-usage',
				baseShare: key.baseShare,
				base: keyToRaw(key.base),
				usage: keyToRaw(key.usage)
			};
		case 'formula':
			return { type: 'formula', expression: key.expression };
	}
}

/** A fresh key of `type`, reusing the current driver and shares where they fit, so switching type is cheap. */
export function switchKeyType(
	current: RawKey,
	type: KeyType,
	context: { readonly participants: readonly string[]; readonly drivers: readonly string[] }
): RawKey {
	const driver = typeof current.driver === 'string' ? current.driver : (context.drivers[0] ?? 'inwoners');
	const even = context.participants.length > 0 ? (100 / context.participants.length).toFixed(2) : '0';
	const shares =
		current.shares && typeof current.shares === 'object'
			? current.shares
			: Object.fromEntries(context.participants.map((p) => [p, even]));
	switch (type) {
		case 'fixed':
			return { type, shares };
		case 'driver':
		case 'price-quantity':
			return { type, driver };
		case 'even':
			return { type };
		case 'base-plus-usage':
			return { type, baseShare: '0.40', base: { type: 'fixed', shares }, usage: { type: 'driver', driver } };
		case 'formula':
			return { type, expression: typeof current.expression === 'string' ? current.expression : driver };
	}
}

/** The change that sets a pool's key from `from` on, with the provenance of an advisor's edit. */
export function keyChange(poolId: string, from: string, raw: RawKey, note: string): Change {
	return { set: `pools[id=${poolId}].key`, from, value: { ...raw, basis: 'estimate', note } };
}
