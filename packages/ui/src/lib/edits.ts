// How the edit list describes an edit: which field it sets (by its label where the model has one) and its new
// value in the page's notation.
import type { InputValue, Scenario } from '@sp71/model';
import { formatDecimal } from './format.ts';
import type { Change } from './state/url.ts';

/** The field an edit sets, in words: an input's label, "key of <pool>", or else its path. */
export function editLabel(
	edit: Change,
	context: { readonly inputs: readonly InputValue[]; readonly scenario: Scenario | null; readonly keyOf: string }
): string {
	const key = /^pools\[id=([^\]]+)\]\.key$/.exec(edit.set);
	if (key) return `${context.keyOf} ${context.scenario?.pools.find((p) => p.id === key[1])?.name ?? key[1]}`;
	const [path, from] =
		edit.from === undefined && /\.\d{4}$/.test(edit.set)
			? [edit.set.slice(0, -5), edit.set.slice(-4)]
			: [edit.set, edit.from];
	const input =
		context.inputs.find((i) => i.path === path && (from === undefined || i.from === from)) ??
		context.inputs.find((i) => i.path === path);
	return input?.label ?? edit.set;
}

/** The new value of an edit: a number as written in the page's notation, a key by its type, else compact JSON. */
export function editValue(edit: Change, lang: 'nl' | 'en', keyTypeName: (type: string) => string): string {
	const value = edit.value as Record<string, unknown> | string | number | null;
	if (typeof value === 'string' || typeof value === 'number') return formatDecimal(String(value), lang);
	if (value && typeof value === 'object') {
		if (typeof value.value === 'string' || typeof value.value === 'number')
			return formatDecimal(String(value.value), lang);
		if (typeof value.type === 'string') return keyTypeName(value.type);
	}
	return JSON.stringify(value);
}
