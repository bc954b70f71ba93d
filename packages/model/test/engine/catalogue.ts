// The bad-input catalogue: each case is the text of a problem file and the issue it must produce
// (code and path). Used by the library tests and by the `sp71 validate` tests.

export interface BadInput {
	readonly name: string;
	readonly text: string;
	readonly code: string;
	readonly path: string;
	readonly method?: 'direct' | 'step-down' | 'reciprocal';
}

const pool = (id: string, cost: string, drivers: Record<string, unknown>) => ({ id, cost, drivers });
const ok = {
	pools: [pool('ict', '100.00', { north: 1, south: 1 }), pool('hr', '50.00', { ict: 1, north: 1 })],
	recipients: ['north', 'south']
};
/** A valid problem with one part replaced. */
const variant = (change: Record<string, unknown>): string => JSON.stringify({ ...ok, ...change }, null, 2);
const withPool = (index: number, replacement: unknown): string =>
	variant({ pools: ok.pools.map((p, i) => (i === index ? replacement : p)) });

export const VALID_TEXT = JSON.stringify(ok, null, 2);

export const CATALOGUE: readonly BadInput[] = [
	{
		name: 'malformed JSON (a missing comma)',
		text: '{\n  "pools": []\n  "recipients": []\n}',
		code: 'invalid_json',
		path: ''
	},
	{ name: 'an empty file', text: '', code: 'invalid_json', path: '' },
	{ name: 'a trailing comma', text: '{"pools": [], "recipients": ["a"],}', code: 'invalid_json', path: '' },
	{
		name: 'the same key twice in one object',
		text: '{"pools": [], "pools": [], "recipients": ["a"]}',
		code: 'duplicate_key',
		path: 'pools'
	},
	{ name: 'an array instead of an object', text: '[1, 2]', code: 'not_an_object', path: '' },
	{ name: 'no pools field', text: JSON.stringify({ recipients: ['a'] }), code: 'missing_field', path: 'pools' },
	{ name: 'no recipients field', text: JSON.stringify({ pools: ok.pools }), code: 'missing_field', path: 'recipients' },
	{ name: 'a misspelt field', text: variant({ recipents: ['north'] }), code: 'unknown_field', path: 'recipents' },
	{ name: 'pools as an object', text: variant({ pools: { ict: {} } }), code: 'wrong_type', path: 'pools' },
	{ name: 'empty pools', text: variant({ pools: [] }), code: 'no_pools', path: 'pools' },
	{
		name: 'empty recipients',
		text: variant({ recipients: [], pools: [pool('ict', '1.00', { ict: 1 })] }),
		code: 'no_recipients',
		path: 'recipients'
	},
	{ name: 'an unknown method', text: variant({ method: 'abc' }), code: 'unknown_method', path: 'method' },
	{
		name: 'a __proto__ key at the top',
		text: '{"__proto__": {"polluted": true}, "pools": [], "recipients": ["a"]}',
		code: 'forbidden_key',
		path: '__proto__'
	},
	{
		name: 'a constructor driver key',
		text: withPool(0, pool('ict', '100.00', { north: 1, constructor: 1 })),
		code: 'forbidden_key',
		path: 'pools[0].drivers.constructor'
	},
	{
		name: 'prototype as a recipient id',
		text: variant({ recipients: ['north', 'south', 'prototype'] }),
		code: 'forbidden_key',
		path: 'recipients[2]'
	},
	{
		name: 'an empty pool id',
		text: withPool(0, pool('', '100.00', { north: 1 })),
		code: 'invalid_id',
		path: 'pools[0].id'
	},
	{
		name: 'a pool id that is a number',
		text: withPool(0, { id: 7, cost: '1.00', drivers: { north: 1 } }),
		code: 'wrong_type',
		path: 'pools[0].id'
	},
	{
		name: 'two pools with the same id',
		text: withPool(1, pool('ict', '50.00', { north: 1 })),
		code: 'duplicate_pool',
		path: 'pools[1].id'
	},
	{
		name: 'a recipient listed twice',
		text: variant({ recipients: ['north', 'south', 'north'] }),
		code: 'duplicate_recipient',
		path: 'recipients[2]'
	},
	{
		name: 'a recipient with the id of a pool',
		text: variant({ recipients: ['north', 'south', 'hr'] }),
		code: 'recipient_is_pool',
		path: 'pools[1].id'
	},
	{
		name: 'a cost given as a JSON number',
		text: withPool(0, { id: 'ict', cost: 100.1, drivers: { north: 1 } }),
		code: 'money_not_string',
		path: 'pools[0].cost'
	},
	{
		name: 'a cost that is not a number',
		text: withPool(0, pool('ict', 'ten euros', { north: 1 })),
		code: 'invalid_money',
		path: 'pools[0].cost'
	},
	{
		name: 'a cost with thousands separators',
		text: withPool(0, pool('ict', '1,000.00', { north: 1 })),
		code: 'invalid_money',
		path: 'pools[0].cost'
	},
	{
		name: 'a cost with fractions of a cent',
		text: withPool(0, pool('ict', '10.005', { north: 1 })),
		code: 'money_precision',
		path: 'pools[0].cost'
	},
	{
		name: 'a negative cost',
		text: withPool(0, pool('ict', '-5.00', { north: 1 })),
		code: 'negative_amount',
		path: 'pools[0].cost'
	},
	{
		name: 'a missing cost',
		text: withPool(0, { id: 'ict', drivers: { north: 1 } }),
		code: 'missing_field',
		path: 'pools[0].cost'
	},
	{
		name: 'a negative weight',
		text: withPool(0, pool('ict', '100.00', { north: -1, south: 2 })),
		code: 'negative_weight',
		path: 'pools[0].drivers.north'
	},
	{
		name: 'a non-numeric weight',
		text: withPool(0, pool('ict', '100.00', { north: 'many', south: 2 })),
		code: 'invalid_weight',
		path: 'pools[0].drivers.north'
	},
	{
		name: 'a boolean weight',
		text: withPool(0, pool('ict', '100.00', { north: true })),
		code: 'invalid_weight',
		path: 'pools[0].drivers.north'
	},
	{
		name: 'an infinite weight (1e999)',
		text: VALID_TEXT.replace('"north": 1,', '"north": 1e999,'),
		code: 'invalid_weight',
		path: 'pools[0].drivers.north'
	},
	{
		name: 'weights that sum to zero',
		text: withPool(0, pool('ict', '100.00', { north: 0, south: '0.0' })),
		code: 'zero_weights',
		path: 'pools[0].drivers'
	},
	{
		name: 'a pool without drivers',
		text: withPool(0, pool('ict', '100.00', {})),
		code: 'zero_weights',
		path: 'pools[0].drivers'
	},
	{
		name: 'drivers as an array',
		text: withPool(0, { id: 'ict', cost: '1.00', drivers: [1, 2] }),
		code: 'wrong_type',
		path: 'pools[0].drivers'
	},
	{
		name: 'a driver to an unknown id',
		text: withPool(0, pool('ict', '100.00', { north: 1, west: 1 })),
		code: 'unknown_target',
		path: 'pools[0].drivers.west'
	},
	{
		name: 'a pool serving itself',
		text: withPool(0, pool('ict', '100.00', { ict: 1, north: 1 })),
		code: 'self_service',
		path: 'pools[0].drivers.ict'
	},
	{
		name: 'a step-down order that leaves out a pool',
		text: variant({ method: 'step-down', order: ['ict'] }),
		code: 'order_missing_pool',
		path: 'order'
	},
	{
		name: 'a step-down order that repeats a pool',
		text: variant({ method: 'step-down', order: ['ict', 'hr', 'ict'] }),
		code: 'order_repeated_pool',
		path: 'order[2]'
	},
	{
		name: 'a step-down order with an unknown pool',
		text: variant({ method: 'step-down', order: ['ict', 'hr', 'finance'] }),
		code: 'order_unknown_pool',
		path: 'order[2]'
	},
	{ name: 'order as a string', text: variant({ order: 'ict, hr' }), code: 'wrong_type', path: 'order' },
	{
		name: 'a reciprocal system with no way out to the recipients (singular)',
		text: variant({
			method: 'reciprocal',
			pools: [...ok.pools, pool('a', '10.00', { b: 1 }), pool('b', '10.00', { a: 1 })]
		}),
		code: 'singular_system',
		path: 'pools[2].drivers'
	},
	{
		name: 'a singular system found when --method reciprocal overrides the file',
		text: variant({ pools: [pool('a', '10.00', { b: 1 }), pool('b', '10.00', { a: 2, north: 0 })] }),
		method: 'reciprocal',
		code: 'singular_system',
		path: 'pools[1].drivers'
	},
	{
		name: 'a weight too large to be a ratio (1e40)',
		text: withPool(0, pool('ict', '100.00', { north: '1e40', south: 1 })),
		code: 'invalid_weight',
		path: 'pools[0].drivers.north'
	},
	{ name: 'a title that is not a string', text: variant({ title: 12 }), code: 'wrong_type', path: 'title' },
	{
		name: 'a source without a title',
		text: variant({ source: { url: 'https://example.org' } }),
		code: 'missing_field',
		path: 'source.title'
	}
];

/** The file name of a catalogue case in ./bad-inputs: "07-unknown_field.json", "41-singular_system.reciprocal.json". */
export function badInputFileName(c: BadInput, index: number): string {
	return `${String(index + 1).padStart(2, '0')}-${c.code}${c.method ? `.${c.method}` : ''}.json`;
}
