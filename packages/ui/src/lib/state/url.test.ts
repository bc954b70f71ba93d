import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import {
	decodeChanges,
	decodeView,
	EDITS_PREFIX,
	encodeChanges,
	encodeChangesV0,
	encodeView,
	hasViewParams,
	type ViewState
} from './url.ts';

const view: ViewState = {
	scenario: 'servicepunt71',
	variant: 'centrumgemeente-leiden',
	year: 2025,
	method: 'step-down',
	changes: [
		{ set: 'pools[id=ict].key', from: '2025-01-01', value: { type: 'driver', driver: 'werkplekken' } },
		{ set: 'centrumgemeente.markup', value: { value: '0', basis: 'estimate', note: 'geen opslag – één € teken' } }
	]
};

describe('URL state', () => {
	it('round-trips a full view through query parameters', () => {
		const params = new URLSearchParams(encodeView(view).toString());
		expect(decodeView(params)).toEqual({ ok: true, value: view });
	});

	it('round-trips changes with non-ASCII text through base64url without padding or unsafe characters', () => {
		const encoded = encodeChanges(view.changes);
		expect(encoded).toMatch(/^z1\.[A-Za-z0-9_-]+$/);
		expect(decodeChanges(encoded)).toEqual({ ok: true, value: view.changes });
	});

	it('leaves unset fields out of the query and reads an empty query as an empty view', () => {
		const params = encodeView({ scenario: 'servicepunt71', variant: null, year: null, method: null, changes: [] });
		expect(params.toString()).toBe('s=servicepunt71');
		expect(hasViewParams(new URLSearchParams(''))).toBe(false);
		expect(decodeView(new URLSearchParams(''))).toEqual({
			ok: true,
			value: { scenario: null, variant: null, year: null, method: null, changes: [] }
		});
	});

	it('accepts every id the model accepts, capitals and underscores included, and refuses the rest', () => {
		const view: ViewState = { scenario: 'Two_Towns', variant: 'Variant_B-2', year: 2025, method: null, changes: [] };
		expect(decodeView(encodeView(view))).toEqual({ ok: true, value: view });
		expect(decodeView(new URLSearchParams('v=__proto__')).ok).toBe(false);
		expect(decodeView(new URLSearchParams('s=-leading')).ok).toBe(false);
	});

	it('reports a damaged edits parameter instead of returning part of it', () => {
		const result = decodeView(new URLSearchParams('s=servicepunt71&c=%%%not-base64'));
		expect(result.ok).toBe(false);
		const truncated = encodeChanges(view.changes).slice(0, 20);
		expect(decodeChanges(truncated).ok).toBe(false);
	});

	it('rejects an unknown method, an impossible year and a change without a path', () => {
		const result = decodeView(new URLSearchParams('m=magic&y=20x5'));
		expect(result).toEqual({
			ok: false,
			message: 'invalid year "20x5"; unknown method "magic"',
			messages: {
				en: 'invalid year "20x5"; unknown method "magic"',
				nl: 'ongeldig jaar "20x5"; onbekende methode "magic"'
			}
		});
		expect(decodeChanges(encodeChanges([{ value: 1 } as never])).ok).toBe(false);
	});

	it('compresses the edits behind a version prefix: a variant’s worth of edits takes a fraction of the old length', () => {
		const many = Array.from({ length: 12 }, (_, i) => ({
			set: `pools[id=pool-${i}].key`,
			from: '2025-01-01',
			value: {
				type: 'driver',
				driver: 'werkplekken',
				basis: 'estimate',
				note: 'Aangepast in de web-app (was 1.234,5)'
			},
			side: 'both' as const
		}));
		const compressed = encodeChanges(many);
		expect(compressed.startsWith(EDITS_PREFIX)).toBe(true);
		expect(compressed.length).toBeLessThan(encodeChangesV0(many).length / 4);
		expect(decodeChanges(compressed)).toEqual({ ok: true, value: many });
	});

	it('still opens a link in the first, uncompressed format', () => {
		const old = `s=servicepunt71&v=centrumgemeente-leiden&y=2025&c=${encodeChangesV0(view.changes)}`;
		expect(decodeView(new URLSearchParams(old))).toEqual({ ok: true, value: { ...view, method: null } });
	});

	it('says so when a link comes from a newer format, and refuses an edit with an unknown side', () => {
		expect(decodeChanges('z9.abc')).toMatchObject({
			ok: false,
			message: 'the link was made by a newer version',
			messages: { nl: 'de link is gemaakt door een nieuwere versie' }
		});
		expect(decodeChanges(encodeChanges([{ set: 'a', value: 1, side: 'left' } as never]))).toMatchObject({
			ok: false,
			message: 'change 1 has an unknown side "left"',
			messages: { nl: 'wijziging 1 heeft een onbekende kant "left"' }
		});
	});

	it('refuses edits that would inflate beyond the limit instead of expanding them', () => {
		const bomb = deflateSync(new Uint8Array(2 * 1024 * 1024).fill(32));
		let binary = '';
		for (const byte of bomb) binary += String.fromCharCode(byte);
		const text = EDITS_PREFIX + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
		expect(decodeChanges(text)).toMatchObject({ ok: false, message: 'the edits in the link cannot be read' });
	});
});
