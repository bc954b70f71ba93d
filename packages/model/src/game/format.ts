// Writing exact fractions for people and files: a decimal string that is exact when the
// fraction terminates within 12 decimals, otherwise rounded half-even to 6; and "n/d" text.
import type Fraction from 'fraction.js';

const MAX_EXACT_PLACES = 12;
const ROUNDED_PLACES = 6;

/** Decimal places needed to write `f` exactly, or null when it does not terminate within 12. */
function exactPlaces(f: Fraction): number | null {
	let d = f.d;
	let twos = 0;
	let fives = 0;
	while (d % 2n === 0n) {
		d /= 2n;
		twos++;
	}
	while (d % 5n === 0n) {
		d /= 5n;
		fives++;
	}
	const places = Math.max(twos, fives);
	return d === 1n && places <= MAX_EXACT_PLACES ? places : null;
}

/** `f` rounded half-even to `places` decimals, as text ("-12.50"). */
export function toDecimalText(f: Fraction, places: number): string {
	const scale = 10n ** BigInt(places);
	const scaled = f.n * scale;
	let quotient = scaled / f.d;
	const twice = (scaled % f.d) * 2n;
	if (twice > f.d || (twice === f.d && quotient % 2n === 1n)) quotient++;
	const digits = quotient.toString().padStart(places + 1, '0');
	const text = places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
	return f.s < 0n && quotient !== 0n ? `-${text}` : text;
}

/** The amount as a decimal string: exact when it terminates within 12 decimals (at least 2), else 6 decimals. */
export function formatAmountText(f: Fraction): string {
	const places = exactPlaces(f);
	return toDecimalText(f, places === null ? ROUNDED_PLACES : Math.max(2, places));
}

/** Whether `formatAmountText` writes `f` exactly. */
export function isExactText(f: Fraction): boolean {
	return exactPlaces(f) !== null;
}

/** The exact fraction as "n/d" (or "n" when whole), sign in front. */
export function formatFraction(f: Fraction): string {
	const sign = f.s < 0n && f.n !== 0n ? '-' : '';
	return f.d === 1n ? `${sign}${f.n}` : `${sign}${f.n}/${f.d}`;
}
