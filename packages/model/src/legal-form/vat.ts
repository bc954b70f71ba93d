// VAT. Rule: a charge between municipalities is VAT-exempt up to the taxable share of each pool
// (the koepelvrijstelling covers the rest); the VAT on the taxable base is a real cost only for the
// part the BCF does not compensate: round(base × rate × (1 − BCF-compensable share)), in cents.
// Under the centrumgemeente the base is the partner's DVO fee; the host's own use is in-house.
import { Decimal, ZERO, roundToCents, sum } from '../money/decimal.ts';
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
	const base = sum(pools.map((pool) => (charges.get(pool.id) ?? ZERO).times(pool.taxableShare.value)));
	return factor ? base.times(factor) : base;
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
