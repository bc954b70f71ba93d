// Turning a key as the model validated it back into scenario-file form, so an inline edit can be stored as a
// `changes` entry (the same mechanism as variants). Pure data shuffling; the model validates the result.
import type { KeyData } from './model.ts';
import type { Change } from './state/url.ts';

export type RawKey = Record<string, unknown>;

export const EDIT_NOTE = 'Aangepast in de web-app';

/** Scenario-file form of a key (without path/provenance; nested keys are covered by the outer provenance). */
export function keyToRaw(key: KeyData): RawKey {
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
				base: key.base ? keyToRaw(key.base) : undefined,
				usage: key.usage ? keyToRaw(key.usage) : undefined
			};
		case 'formula':
			return { type: 'formula', expression: key.expression };
	}
}

/** A fresh key of `type`, reusing what fits from the current one (driver, shares) so switching type is cheap. */
export function switchKeyType(
	current: RawKey,
	type: KeyData['type'],
	context: { participants: readonly string[]; drivers: readonly string[] }
): RawKey {
	const driver = typeof current.driver === 'string' ? current.driver : (context.drivers[0] ?? 'inwoners');
	const shares =
		current.shares && typeof current.shares === 'object'
			? current.shares
			: Object.fromEntries(context.participants.map((p) => [p, '25']));
	switch (type) {
		case 'fixed':
			return { type, shares };
		case 'driver':
			return { type, driver };
		case 'even':
			return { type };
		case 'price-quantity':
			return { type, driver };
		case 'base-plus-usage':
			return { type, baseShare: '0.40', base: { type: 'fixed', shares }, usage: { type: 'driver', driver } };
		case 'formula':
			return { type, expression: typeof current.expression === 'string' ? current.expression : driver };
	}
}

/** The change that sets a pool's key from `from` on, with the provenance of an advisor's edit. */
export function keyChange(poolId: string, from: string, raw: RawKey): Change {
	return { set: `pools[id=${poolId}].key`, from, value: { ...raw, basis: 'estimate', note: EDIT_NOTE } };
}

/** Issues that belong to a field: those whose path is the field's path or lies below it. */
export function issuesAt<T extends { readonly path: string }>(issues: readonly T[], path: string): T[] {
	return issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`));
}
