// Key edits in the app: the note an advisor's edit carries, and which issues belong to a field. Turning keys
// into scenario-file form is the model's (keyToRaw, switchKeyType, keyChange).
import { keyChange as modelKeyChange, type Change, type RawKey } from '@sp71/model';

export type { RawKey };
export { keyToRaw, switchKeyType } from '@sp71/model';

export const EDIT_NOTE = 'Aangepast in de web-app';

/** The change that sets a pool's key from `from` on, marked as an advisor's edit. */
export function keyChange(poolId: string, from: string, raw: RawKey): Change {
	return modelKeyChange(poolId, from, raw, EDIT_NOTE);
}

/** Issues that belong to a field: those whose path is the field's path or lies below it. */
export function issuesAt<T extends { readonly path: string }>(issues: readonly T[], path: string): T[] {
	return issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`));
}
