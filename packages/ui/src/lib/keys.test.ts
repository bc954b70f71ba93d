import { describe, expect, it } from 'vitest';
import { issuesAt, keyChange } from './keys.ts';

describe('key edits as scenario changes', () => {
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
