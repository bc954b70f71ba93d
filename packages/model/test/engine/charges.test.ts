// A year's charges to each participant by pool, as the scenario computation takes them from the
// engine: kept in cents (CentsMap) they must be the very charges of the Decimal maps, in the same
// order, with the rounding difference in the same place; and a CentsMap must read as the Map would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateRounded } from '../../src/allocation/index.ts';
import { chargesAsDecimals, chargesInCents, type YearAllocationInput } from '../../src/legal-form/engine.ts';
import { CentsMap, centsAt, sumAt } from '../../src/money/cents-map.ts';
import { Decimal, sum } from '../../src/money/decimal.ts';
import { METHOD_IDS } from '../../src/scenario/types.ts';
import { problems } from './arbitraries.ts';
import { normalise } from './helpers.ts';

const entries = (map: ReadonlyMap<string, Decimal>) => [...map].map(([id, v]) => [id, v.toString()]);

describe.each(METHOD_IDS)('the charges of a %s year', (method) => {
	it('are the very Decimal charges, pool by pool and in the same order', () => {
		let moved = 0;
		fc.assert(
			fc.property(problems(method !== 'direct'), ({ problem }) => {
				const normalised = normalise(problem, method);
				const input: YearAllocationInput = {
					method,
					order: normalised.order,
					pools: normalised.pools.map((p) => ({ id: p.id, cost: p.cost, weights: p.drivers })),
					participants: normalised.recipients
				};
				const rounded = allocateRounded(normalised);
				if (rounded.differences.some((d) => d !== 0n)) moved++;
				const inCents = chargesInCents(input, rounded)!;
				const asDecimals = chargesAsDecimals(input, rounded);
				expect(inCents.map(entries)).toEqual(asDecimals.map(entries));
				inCents.forEach((map, r) => {
					expect(map.size).toBe(asDecimals[r]!.size);
					for (const id of input.pools.map((p) => p.id)) {
						expect(map.has(id)).toBe(asDecimals[r]!.has(id));
						expect(map.get(id)?.toString()).toBe(asDecimals[r]!.get(id)?.toString());
					}
				});
			}),
			{ numRuns: 150 }
		);
		// Not vacuous: some problems move a rounding cent into a pool charge.
		expect(moved).toBeGreaterThan(0);
	});
});

describe('CentsMap', () => {
	const ids = ['b', 'a', 'c'];
	const index = new Map(ids.map((id, i) => [id, i]));
	const map = new CentsMap(ids, index, Float64Array.from([1234, Number.NaN, -5]));

	it('reads as the Map of its present entries, in its order', () => {
		const plain = new Map([
			['b', new Decimal('12.34')],
			['c', new Decimal('-0.05')]
		]);
		expect(entries(map)).toEqual(entries(plain));
		expect([...map.keys()]).toEqual(['b', 'c']);
		expect([...map.values()].map(String)).toEqual(['12.34', '-0.05']);
		expect(map.size).toBe(2);
		expect(map.has('a')).toBe(false);
		expect(map.get('a')).toBeUndefined();
		expect(map.get('zz')).toBeUndefined();
		const seen: string[] = [];
		map.forEach((v, id) => seen.push(`${id}=${v.toFixed(2)}`));
		expect(seen).toEqual(['b=12.34', 'c=-0.05']);
		// One Decimal per entry, made once.
		expect(map.get('b')).toBe(map.get('b'));
	});

	it('gives cents and sums as the Decimals do', () => {
		expect(centsAt(map, 'b')).toBe(1234);
		expect(centsAt(map, 'a')).toBeUndefined();
		expect(centsAt(new Map([['x', new Decimal('0.125')]]), 'x')).toBeUndefined();
		const other = new CentsMap(ids, index, Float64Array.from([66, 7, Number.NaN]));
		const plain = new Map([['b', new Decimal('0.005')]]);
		for (const maps of [[map, other], [map, other, plain], []] as ReadonlyMap<string, Decimal>[][])
			for (const id of ['a', 'b', 'c'])
				expect(sumAt(maps, id).toString()).toBe(sum(maps.map((m) => m.get(id) ?? new Decimal(0))).toString());
	});
});
