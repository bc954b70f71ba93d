// Break-even: the value of an input at which an output crosses zero, found on the exact path by the
// Illinois variant of regula falsi (superlinear on the nearly linear outputs of the model) with a
// bisection step whenever it stalls; null when the output has the same sign at both ends.
import { Decimal } from '../money/decimal.ts';

export interface RootOptions {
	/** Stop when the bracket is narrower than this (default 1e-9 of the range). */
	readonly xTolerance?: Decimal;
	/** Stop when |f| is at most this (default 0: the exact zero or the narrowest bracket). */
	readonly fTolerance?: Decimal;
	/** Most evaluations (default 60). */
	readonly maxEvaluations?: number;
	/** Decimal places of the values tried (default 10). */
	readonly places?: number;
}

export interface Root {
	/** The value found: where f is zero, or the end of the final bracket nearest to zero. */
	readonly value: Decimal;
	/** f at the value (recomputed). */
	readonly f: Decimal;
	/** The final bracket [a, b] in which f changes sign. */
	readonly bracket: readonly [Decimal, Decimal];
	readonly evaluations: number;
}

/**
 * Find x in [low, high] with f(x) = 0 (or where f changes sign).
 * @returns the root, or null when f(low) and f(high) have the same strict sign (no break-even in the range)
 */
export function findRoot(
	f: (x: Decimal) => Decimal,
	low: Decimal,
	high: Decimal,
	options: RootOptions = {}
): Root | null {
	const places = options.places ?? 10;
	const xTol = options.xTolerance ?? high.minus(low).abs().times('1e-9');
	const fTol = options.fTolerance ?? new Decimal(0);
	const max = options.maxEvaluations ?? 60;
	let a = low;
	let b = high;
	let fa = f(a);
	let fb = f(b);
	let evaluations = 2;
	if (fa.abs().lessThanOrEqualTo(fTol)) return { value: a, f: fa, bracket: [a, a], evaluations };
	if (fb.abs().lessThanOrEqualTo(fTol)) return { value: b, f: fb, bracket: [b, b], evaluations };
	if (fa.isNegative() === fb.isNegative()) return null;
	let side = 0;
	while (evaluations < max && b.minus(a).abs().greaterThan(xTol)) {
		// Illinois: the secant through (a, fa) and (b, fb), halving the weight of an end kept twice.
		let x = a.minus(fa.times(b.minus(a)).dividedBy(fb.minus(fa))).toDecimalPlaces(places);
		if (!x.greaterThan(Decimal.min(a, b)) || !x.lessThan(Decimal.max(a, b)))
			x = a.plus(b).dividedBy(2).toDecimalPlaces(places);
		if (x.equals(a) || x.equals(b)) break;
		const fx = f(x);
		evaluations++;
		if (fx.abs().lessThanOrEqualTo(fTol)) return { value: x, f: fx, bracket: [x, x], evaluations };
		if (fx.isNegative() === fb.isNegative()) {
			b = x;
			fb = fx;
			if (side === -1) fa = fa.dividedBy(2);
			side = -1;
		} else {
			a = x;
			fa = fx;
			if (side === 1) fb = fb.dividedBy(2);
			side = 1;
		}
	}
	// fa and fb may have been halved: recompute at the end chosen.
	const ea = f(a);
	const eb = f(b);
	evaluations += 2;
	const pick = ea.abs().lessThanOrEqualTo(eb.abs()) ? { value: a, f: ea } : { value: b, f: eb };
	return { ...pick, bracket: Decimal.min(a, b).equals(a) ? [a, b] : [b, a], evaluations };
}
