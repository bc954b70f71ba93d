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
export { formatIssues } from './domain/issue.ts';
export type { Issue, Result, Severity } from './domain/issue.ts';
export { COMPONENTS } from './domain/result.ts';
export type {
	Basis,
	Component,
	Comparison,
	ComparisonRow,
	ComparisonSummary,
	InputValue,
	LegalForm,
	ParticipantYear,
	Provenance,
	Reconciliation,
	RunResult,
	TraceNode
} from './domain/result.ts';
