// The view state that travels in the address: scenario, variant, year, method, language and the user's edits
// (variant-format changes, each with the side it applies to). Pure encode/decode, so a copied URL reopens the
// same view. Edits are compressed (deflate-raw) behind a version prefix; links of the first, uncompressed form
// still open.
import { deflateSync, Inflate } from 'fflate';
import {
	DATE_PATTERN,
	EDIT_SIDES,
	METHOD_IDS,
	isValidId,
	type Edit,
	type EditSide,
	type IssueTexts,
	type MethodId
} from '@sp71/model';

export type Method = MethodId;
export { METHOD_IDS };
/** One edit: `{ set: 'pools[id=ict].key', from: '2025-01-01', value, side? }` (the variant format plus a side). */
export type Change = Edit;
export type { EditSide };

export interface ViewState {
	readonly scenario: string | null;
	readonly variant: string | null;
	readonly year: number | null;
	readonly method: Method | null;
	readonly changes: readonly Change[];
}

export const EMPTY_VIEW: ViewState = { scenario: null, variant: null, year: null, method: null, changes: [] };

/**
 * A decoded value, or what is wrong: `message` in English and `messages` in both languages (as an issue
 * carries them); `code` names the limit a link goes beyond (`link_too_long`).
 */
export type Decoded<T> =
	| { readonly ok: true; readonly value: T }
	| {
			readonly ok: false;
			readonly message: string;
			readonly messages: IssueTexts;
			readonly code?: 'link_too_long';
	  };

/** A failed decode with its text in both languages. */
function refuse(en: string, nl: string, code?: 'link_too_long'): Decoded<never> {
	return { ok: false, message: en, messages: { nl, en }, ...(code ? { code } : {}) };
}

/** The prefix of the current edits encoding: "z1." + base64url(deflate-raw(UTF-8 JSON)). */
export const EDITS_PREFIX = 'z1.';
/** Longest edits parameter and largest inflated text accepted from a link (a link is not an upload). */
export const MAX_EDITS_PARAM = 64 * 1024;
export const MAX_EDITS_JSON = 1024 * 1024;

/** The query parameters that hold view state (all others are page-local, like the figure being explained). */
export const VIEW_PARAMS = ['s', 'v', 'y', 'm', 'c', 'lang'] as const;

function bytesToBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlToBytes(text: string): Uint8Array {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
	const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
	const binary = atob(padded);
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Inflate deflate-raw data, refusing output beyond `limit` bytes (a small link must not expand without bound). */
function inflateLimited(data: Uint8Array, limit: number): Uint8Array {
	const chunks: Uint8Array[] = [];
	let size = 0;
	let done = false;
	const inflate = new Inflate((chunk, final) => {
		size += chunk.length;
		if (size > limit) throw new Error('too large');
		chunks.push(chunk);
		done = final;
	});
	inflate.push(data, true);
	if (!done) throw new Error('truncated');
	const out = new Uint8Array(size);
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.length;
	}
	return out;
}

/** Edits → "z1." + compact base64url of the deflate-raw compressed JSON (UTF-8 safe). */
export function encodeChanges(changes: readonly Change[]): string {
	return EDITS_PREFIX + bytesToBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(changes)), { level: 9 }));
}

/** Edits in the first link format (uncompressed base64url JSON), still accepted when reading. */
export function encodeChangesV0(changes: readonly Change[]): string {
	return bytesToBase64Url(new TextEncoder().encode(JSON.stringify(changes)));
}

/** Check that a parsed value has the shape of an edits list. */
export function checkChanges(value: unknown): Decoded<Change[]> {
	if (!Array.isArray(value)) return refuse('changes is not a list', 'de wijzigingen zijn geen lijst');
	for (const [i, change] of value.entries()) {
		const n = i + 1;
		if (typeof change !== 'object' || change === null)
			return refuse(`change ${n} is not an object`, `wijziging ${n} is geen object`);
		const c = change as Record<string, unknown>;
		if (typeof c.set !== 'string' || c.set === '')
			return refuse(`change ${n} has no path (set)`, `wijziging ${n} heeft geen pad (set)`);
		if (c.from !== undefined && (typeof c.from !== 'string' || !DATE_PATTERN.test(c.from)))
			return refuse(`change ${n} has an invalid date (from)`, `wijziging ${n} heeft een ongeldige datum (from)`);
		if (!('value' in c)) return refuse(`change ${n} has no value`, `wijziging ${n} heeft geen waarde`);
		if (c.side !== undefined && !EDIT_SIDES.includes(c.side as EditSide))
			return refuse(
				`change ${n} has an unknown side "${String(c.side)}"`,
				`wijziging ${n} heeft een onbekende kant "${String(c.side)}"`
			);
	}
	return { ok: true, value: value as Change[] };
}

/** The edits parameter (either format) → edits, or a message saying what is wrong with it. */
export function decodeChanges(text: string): Decoded<Change[]> {
	if (text.length > MAX_EDITS_PARAM)
		return refuse(
			`the edits in the link are too long (${Math.ceil(text.length / 1024)} KB; a link holds at most ${MAX_EDITS_PARAM / 1024} KB of edits: share the inputs as an Excel export instead)`,
			`de wijzigingen in de link zijn te lang (${Math.ceil(text.length / 1024)} KB; een link bevat hoogstens ${MAX_EDITS_PARAM / 1024} KB aan wijzigingen: deel de invoer liever als Excel-export)`,
			'link_too_long'
		);
	let parsed: unknown;
	try {
		const compressed = text.startsWith(EDITS_PREFIX);
		if (!compressed && /^z\d+\./.test(text))
			return refuse('the link was made by a newer version', 'de link is gemaakt door een nieuwere versie');
		const bytes = compressed
			? inflateLimited(base64UrlToBytes(text.slice(EDITS_PREFIX.length)), MAX_EDITS_JSON)
			: base64UrlToBytes(text);
		parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		return refuse('the edits in the link cannot be read', 'de wijzigingen in de link zijn niet te lezen');
	}
	return checkChanges(parsed);
}

/** View state → query parameters (only what is set). */
export function encodeView(view: ViewState): URLSearchParams {
	const params = new URLSearchParams();
	if (view.scenario) params.set('s', view.scenario);
	if (view.variant) params.set('v', view.variant);
	if (view.year !== null) params.set('y', String(view.year));
	if (view.method) params.set('m', view.method);
	if (view.changes.length > 0) params.set('c', encodeChanges(view.changes));
	return params;
}

/** True when the query holds any view state (a shared link), as opposed to a bare page address. */
export function hasViewParams(params: URLSearchParams): boolean {
	return ['s', 'v', 'y', 'm', 'c'].some((key) => params.has(key));
}

/** Query parameters → view state; every problem is reported and nothing half-decoded is returned. */
export function decodeView(params: URLSearchParams): Decoded<ViewState> {
	const scenario = params.get('s');
	const variant = params.get('v');
	const yearText = params.get('y');
	const method = params.get('m');
	const changesText = params.get('c');
	const problems: IssueTexts[] = [];
	if (scenario !== null && !isValidId(scenario))
		problems.push({ en: `unknown scenario id "${scenario}"`, nl: `onbekende id van een scenario "${scenario}"` });
	if (variant !== null && !isValidId(variant))
		problems.push({ en: `unknown variant id "${variant}"`, nl: `onbekende id van een variant "${variant}"` });
	const year = yearText === null ? null : Number(yearText);
	if (year !== null && !(Number.isInteger(year) && year >= 1900 && year <= 2200))
		problems.push({ en: `invalid year "${yearText}"`, nl: `ongeldig jaar "${yearText}"` });
	if (method !== null && !METHOD_IDS.includes(method as Method))
		problems.push({ en: `unknown method "${method}"`, nl: `onbekende methode "${method}"` });
	let changes: Change[] = [];
	if (changesText !== null) {
		const decoded = decodeChanges(changesText);
		if (decoded.ok) changes = decoded.value;
		else problems.push(decoded.messages);
	}
	if (problems.length > 0) return refuse(problems.map((p) => p.en).join('; '), problems.map((p) => p.nl).join('; '));
	return { ok: true, value: { scenario, variant, year, method: method as Method | null, changes } };
}

/** `search` (without "?") with `extra` parameters set on top (undefined values are dropped). */
export function withParams(
	search: string,
	extra: Readonly<Record<string, string | number | undefined | null>>
): string {
	const params = new URLSearchParams(search);
	for (const [key, value] of Object.entries(extra)) {
		if (value === undefined || value === null) params.delete(key);
		else params.set(key, String(value));
	}
	return params.toString();
}

/** The view's query `view` with the page-local parameters of `current` (e.g. `p`, `f`) kept. */
export function keepPageParams(view: string, current: string): string {
	const params = new URLSearchParams(view);
	for (const [key, value] of new URLSearchParams(current))
		if (!(VIEW_PARAMS as readonly string[]).includes(key) && !params.has(key)) params.set(key, value);
	return params.toString();
}

/** decodeView for a query string ("?s=…" or "s=…"); null when it holds no view state at all. */
export function decodeSearch(search: string): Decoded<ViewState> | null {
	const params = new URLSearchParams(search);
	return hasViewParams(params) ? decodeView(params) : null;
}
