// The largest-remainder rule is written twice, over Decimal (roundPreservingTotal, for the model's
// splits) and over bigint fixed point (roundFixedPreserving, for the engine's inner loop); this
// property test holds them to the same result for every input the engine can give them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundPreservingTotal } from './allocate.ts';
import { centsToDecimal, fixedToCents, fromFixedPoint, roundFixedPreserving } from './fixed.ts';

const PER_CENT = 10n ** 28n;

/** Non-negative fixed-point parts (as the engine's pool flows are) with distinct ids, often tied. */
const parts = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/), { minLength: 1, maxLength: 8 }).chain((ids) =>
	fc.record({
		ids: fc.constant(ids),
		parts: fc.array(
			fc.oneof(
				// whole and half cents and thirds, so remainders tie often
				fc.bigInt({ min: 0n, max: 10_000n }).map((c) => c * PER_CENT),
				fc.bigInt({ min: 0n, max: 20_000n }).map((h) => (h * PER_CENT) / 2n),
				fc.bigInt({ min: 0n, max: 30_000n }).map((t) => (t * PER_CENT) / 3n),
				// and any amount down to 10⁻³⁰ euro
				fc.bigInt({ min: 0n, max: 10n ** 36n })
			),
			{ minLength: ids.length, maxLength: ids.length }
		),
		offset: fc.integer({ min: -3, max: 3 })
	})
);

describe('largest remainder, Decimal and bigint', () => {
	it('give the same cents for every split, with the rounded sum as target or a few cents off it', () => {
		fc.assert(
			fc.property(parts, ({ ids, parts, offset }) => {
				fc.pre(parts.some((p) => p !== 0n));
				// The engine's flows and their targets are never negative. (For a negative target the Decimal rule
				// orients every part by the target's sign, as it does for credits, which non-negative parts never are.)
				const rounded = fixedToCents(parts.reduce((s, p) => s + p, 0n)) + BigInt(offset);
				const target = rounded < 0n ? 0n : rounded;
				const fixed = roundFixedPreserving(parts, ids, target).map((c) => centsToDecimal(c).toFixed(2));
				const exact = new Map(ids.map((id, i) => [id, fromFixedPoint(parts[i]!)]));
				const decimal = roundPreservingTotal(exact, centsToDecimal(target));
				expect(fixed).toEqual(ids.map((id) => decimal.get(id)!.toFixed(2)));
			}),
			{ numRuns: 2000 }
		);
	});
});
