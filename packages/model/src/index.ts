// The public surface of @sp71/model: explicit named re-exports only.
export {
	Decimal,
	toDecimal,
	weightToDecimal,
	isDecimalString,
	sum,
	roundToCents,
	formatAmount,
	ZERO,
	CENT
} from './money/decimal.ts';
export type { DecimalInput } from './money/decimal.ts';
export { allocateByWeights, roundPreservingTotal, splitEvenly } from './money/allocate.ts';
export type { Weights } from './money/allocate.ts';
