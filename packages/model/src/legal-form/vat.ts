// VAT. Rule: a charge between municipalities is VAT-exempt up to the taxable share of each pool
// (the koepelvrijstelling covers the rest); the VAT on the taxable base is a real cost only for the
// part the BCF does not compensate: round(base × rate × (1 − BCF-compensable share)), in cents.
// Under the centrumgemeente the base is the partner's DVO fee; the host's own use is in-house.
import { Decimal, ZERO, roundToCents, sum } from '../money/decimal.ts';
import { centsAt } from '../money/cents-map.ts';
import { isRecording } from '../money/tape.ts';
import type { UsedInput } from '../scenario/resolve.ts';
import type { Computation } from './context.ts';
import type { Figure, PoolYear } from './detail.ts';
import { ratio } from './indexation.ts';
import { message } from '../vocabulary/messages.ts';

const ONE = new Decimal(1);

/** The VAT rate in force in `year` (0 when the scenario gives none). */
export function vatRate(ctx: Computation, year: number): Figure {
	const inputs: UsedInput[] = [];
	const value = ratio(ctx, ctx.scenario.vat.rate, year, 'VAT rate', '0', inputs);
	return { value, rule: message('rule.vatRate'), inputs };
}

/** The taxable base of a participant's pool charges: Σ charge × taxable share, × `factor` (the fee over cost). */
export function taxableBase(
	pools: readonly PoolYear[],
	charges: ReadonlyMap<string, Decimal>,
	inputs: UsedInput[],
	factor?: Decimal
): Decimal {
	let base: Decimal;
	// A kernel being recorded sees every term (and no operation outside its own).
	if (isRecording()) {
		for (const pool of pools) inputs.push(...pool.taxableShare.inputs);
		base = sum(pools.map((pool) => (charges.get(pool.id) ?? ZERO).times(pool.taxableShare.value)));
	} else {
		const shares = taxableShares(pools);
		for (let i = 0; i < shares.inputs.length; i++) inputs.push(shares.inputs[i]!);
		base = (shares.units && integerBase(shares.units, shares.places, charges)) ?? decimalBase(pools, charges);
	}
	return factor ? base.times(factor) : base;
}

/** A year's taxable shares, read once for all its participants. */
interface TaxableShares {
	/** The inputs behind every pool's share, in pool order. */
	readonly inputs: readonly UsedInput[];
	/** Per pool with a share other than zero: its id and the share as units of 10^-places (a safe integer). */
	readonly units: readonly { readonly id: string; readonly units: number }[] | undefined;
	readonly places: number;
}

// Per year's pools (an array read-only once made): their taxable shares.
const sharesOfPools = new WeakMap<readonly PoolYear[], TaxableShares>();

function taxableShares(pools: readonly PoolYear[]): TaxableShares {
	let shares = sharesOfPools.get(pools);
	if (shares) return shares;
	const inputs = pools.flatMap((pool) => pool.taxableShare.inputs);
	const taxed = pools.filter((pool) => !pool.taxableShare.value.isZero());
	const own = taxed.map((pool) => unitsOf(pool.taxableShare.value));
	const places = Math.max(0, ...own.map((u) => u?.places ?? 0));
	let units: { id: string; units: number }[] | undefined = taxed.map((pool, i) => ({
		id: pool.id,
		units: own[i] ? own[i].units * 10 ** (places - own[i].places) : Number.NaN
	}));
	// A share with more places than a double holds exactly: no integer path for this year.
	if (places > 15 || units.some((u) => !Number.isSafeInteger(u.units))) units = undefined;
	sharesOfPools.set(pools, (shares = { inputs, units, places }));
	return shares;
}

// A share as units of 10^-places, by share (a leaf's Decimal serves every year it is in force).
const sharesAsUnits = new WeakMap<Decimal, { readonly units: number; readonly places: number } | null>();

/** A share as a safe integer of units of 10^-places, null when it has no such form. */
function unitsOf(share: Decimal): { readonly units: number; readonly places: number } | null {
	let found = sharesAsUnits.get(share);
	if (found === undefined) {
		const places = share.decimalPlaces();
		const units = places <= 15 ? share.times(`1e${places}`).toNumber() : Number.NaN;
		sharesAsUnits.set(share, (found = Number.isSafeInteger(units) ? { units, places } : null));
	}
	return found;
}

/**
 * The base in integers: Σ cents × units, exact while every product and partial sum is a safe integer
 * (the Decimal sum of the same products is exact too, at 60 digits, so both give the same value);
 * undefined when a charge is not in whole cents or a number would leave the safe range.
 */
function integerBase(
	units: readonly { readonly id: string; readonly units: number }[],
	places: number,
	charges: ReadonlyMap<string, Decimal>
): Decimal | undefined {
	let total = 0;
	for (const { id, units: u } of units) {
		if (!charges.has(id)) continue;
		const cents = centsAt(charges, id);
		if (cents === undefined) return undefined;
		const product = cents * u;
		total += product;
		if (!Number.isSafeInteger(product) || !Number.isSafeInteger(total)) return undefined;
	}
	return total === 0 ? ZERO : new Decimal(`${total}e-${places + 2}`);
}

/** Σ charge × taxable share term by term in Decimal; a pool without a charge or a share adds nothing. */
function decimalBase(pools: readonly PoolYear[], charges: ReadonlyMap<string, Decimal>): Decimal {
	let base = ZERO;
	for (const pool of pools) {
		const charge = charges.get(pool.id);
		const share = pool.taxableShare.value;
		if (charge && !charge.isZero() && !share.isZero()) base = base.plus(charge.times(share));
	}
	return base;
}

/** The VAT that the BCF does not compensate on `base`, in cents. */
export function nonCompensatedVat(
	ctx: Computation,
	year: number,
	participant: string,
	base: Decimal,
	rate: Decimal,
	inputs: UsedInput[]
): Decimal {
	const bcfSeries = ctx.scenario.vat.bcfCompensable[participant];
	const bcf = ratio(ctx, bcfSeries, year, `BCF-compensable share (${participant})`, '0', inputs);
	return roundToCents(base.times(rate).times(ONE.minus(bcf)));
}
