import { describe, expect, it } from 'vitest';
import { issuesAt, keyChange, keyToRaw, switchKeyType } from './keys.ts';

describe('key edits as scenario changes', () => {
	it('turns a validated base-plus-usage key back into file form without paths or nested provenance', () => {
		const raw = keyToRaw({
			type: 'base-plus-usage',
			path: 'pools[id=ict].key.2021-01-01',
			baseShare: '0.40',
			base: { type: 'fixed', path: 'x.base', shares: { a: '60', b: '40' } },
			usage: { type: 'driver', path: 'x.usage', driver: 'werkplekken' },
			provenance: { basis: 'estimate', note: 'n' }
		});
		expect(raw).toEqual({
			type: 'base-plus-usage',
			baseShare: '0.40',
			base: { type: 'fixed', shares: { a: '60', b: '40' } },
			usage: { type: 'driver', driver: 'werkplekken' }
		});
	});

	it('keeps the driver when switching from a driver key to a formula or price × quantity', () => {
		const context = { participants: ['a', 'b'], drivers: ['inwoners'] };
		expect(switchKeyType({ type: 'driver', driver: 'fte' }, 'formula', context)).toEqual({
			type: 'formula',
			expression: 'fte'
		});
		expect(switchKeyType({ type: 'driver', driver: 'fte' }, 'price-quantity', context)).toEqual({
			type: 'price-quantity',
			driver: 'fte'
		});
		expect(switchKeyType({ type: 'even' }, 'fixed', context)).toEqual({ type: 'fixed', shares: { a: '25', b: '25' } });
	});

	it('stores a key edit as a dated change on the pool key path, marked as an estimate with a note', () => {
		expect(keyChange('ict', '2025-01-01', { type: 'even' })).toEqual({
			set: 'pools[id=ict].key',
			from: '2025-01-01',
			value: { type: 'even', basis: 'estimate', note: 'Aangepast in de web-app' }
		});
	});

	it('picks the issues at or below a field path only', () => {
		const issues = [
			{ path: 'pools[id=ict].key.2021-01-01.shares.a', message: 'x' },
			{ path: 'pools[id=ict].keys', message: 'other field' },
			{ path: 'pools[id=hrm].key', message: 'other pool' }
		];
		expect(issuesAt(issues, 'pools[id=ict].key').map((i) => i.message)).toEqual(['x']);
	});
});
