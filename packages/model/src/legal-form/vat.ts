// VAT. Rule: a charge between municipalities is VAT-exempt up to the taxable share of each pool
// (the koepelvrijstelling covers the rest); the VAT on the taxable base is a real cost only for the
// part the BCF does not compensate: round(base × rate × (1 − BCF-compensable share)), in cents.
// Under the centrumgemeente the base is the partner's DVO fee; the host's own use is in-house.
import { Decimal, ZERO, roundToCents, sum } from '../money/decimal.ts';
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
	for (const pool of pools) inputs.push(...pool.taxableShare.inputs);
	return factor ? chargedBase(pools, charges).times(factor) : chargedBase(pools, charges);
}

/** Σ charge × taxable share; a pool without a charge or without a taxable share adds nothing and is left out. */
function chargedBase(pools: readonly PoolYear[], charges: ReadonlyMap<string, Decimal>): Decimal {
	// A kernel being recorded sees every term.
	if (isRecording()) return sum(pools.map((pool) => (charges.get(pool.id) ?? ZERO).times(pool.taxableShare.value)));
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
