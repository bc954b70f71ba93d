import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../money/decimal.ts';
import type { UsedInput } from '../scenario/resolve.ts';
import type { PoolYear } from './detail.ts';
import { taxableBase } from './vat.ts';

// Only the id and the taxable share of a pool year are read by the base.
function poolYears(shares: readonly string[]): PoolYear[] {
	return shares.map(
		(share, i) =>
			({
				id: `pool${i}`,
				taxableShare: { value: new Decimal(share), inputs: [{ path: `pools[id=pool${i}].vatTaxableShare` }] }
			}) as unknown as PoolYear
	);
}

describe('taxableBase', () => {
	// A share with up to 20 places (beyond 15 the base is taken in Decimals), zero and one included.
	const share = fc.oneof(
		fc.constant('0'),
		fc.constant('1'),
		fc
			.tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 20 }))
			.map(([units, places]) => new Decimal(`${units}e-${places}`).toString())
	);
	// A charge in cents (now and then one finer than a cent, which also takes the Decimal path), or none.
	const charge = fc.oneof(
		fc.integer({ min: -1e14, max: 1e14 }).map((c) => new Decimal(c).dividedBy(100)),
		fc.constant(undefined),
		fc.integer({ min: 1, max: 1e6 }).map((c) => new Decimal(c).dividedBy(1000))
	);

	it('is Σ charge × share as Decimals give it, with every pool share among the inputs', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(share, charge), { minLength: 1, maxLength: 30 }), (rows) => {
				const pools = poolYears(rows.map(([s]) => s));
				const charges = new Map<string, Decimal>();
				rows.forEach(([, c], i) => c !== undefined && charges.set(`pool${i}`, c));
				const expected = pools.reduce(
					(s, p) => s.plus((charges.get(p.id) ?? new Decimal(0)).times(p.taxableShare.value)),
					new Decimal(0)
				);
				const inputs: UsedInput[] = [];
				const base = taxableBase(pools, charges, inputs);
				expect(base.toString()).toBe(expected.toString());
				expect(inputs).toEqual(pools.flatMap((p) => p.taxableShare.inputs));
				const factor = new Decimal('1.03');
				expect(taxableBase(pools, charges, [], factor).toString()).toBe(expected.times(factor).toString());
			}),
			{ numRuns: 300 }
		);
	});
});
