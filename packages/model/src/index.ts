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
/** parseLocaleNumber(text, { locale: 'nl' | 'en', percent? }) → { ok, value } | { ok: false, code, message }: the one parser for typed or pasted numbers. */
export { parseLocaleNumber, MAX_NUMBER_DIGITS, MAX_NUMBER_TEXT_LENGTH } from './vocabulary/parse-number.ts';
export type {
	NumberLocale,
	NumberParseIssueCode,
	NumberParseResult,
	ParseNumberOptions
} from './vocabulary/parse-number.ts';
/** The constants of the data formats, defined once (method ids, key types, bases, forbidden keys, id and date patterns). */
export {
	BASES,
	DATE_PATTERN,
	FORBIDDEN_KEYS,
	ID_PATTERN,
	KEY_TYPES,
	NOT_FORBIDDEN,
	isValidId
} from './domain/format.ts';
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
	TraceNode,
	TraceValueKind
} from './domain/result.ts';

// The scenario model: GR versus centrumgemeente (issue 3).
/** Parse scenario or variant text (YAML/JSON) into plain data, with line and column on syntax errors. */
export { parseScenarioText } from './scenario/parse.ts';
/** validateScenario(raw, { file? }) → Result<Scenario>: every issue at once, including values not in force. */
/** loadScenarioFromTexts({ scenario, file?, variants? }) → Result<Scenario> (baseline with its variants). */
/** resolveVariant(scenario, variantId | null, extraChanges?) → Result<Scenario>: a variant (stacked) plus inline edits. */
/** applyVariant(scenario, changes, { id? }) → Result<Scenario>: apply `changes` (the variant format) and re-validate. */
export { validateScenario, loadScenarioFromTexts, resolveVariant, applyVariant, findVariant } from './facade/load.ts';
export type { ScenarioTexts } from './facade/load.ts';
/** validateStructure(raw) → Result<Scenario> without the dry run; validateVariant(raw) → Result<Variant>. */
export { validateStructure, validateVariant, isIsoDate, SCENARIO_FORMAT, VARIANT_FORMAT } from './scenario/validate.ts';
/** applyChangesToRaw(raw, changes) → { raw, issues }: the delta mechanism on plain data. */
export { applyChangesToRaw, parsePath } from './scenario/variant.ts';
/** valueAt(series, year) / entryAt(series, date): the dated value in force (a year is evaluated at 1 January). */
export { valueAt, entryAt, yearDate } from './scenario/resolve.ts';
/** listInputs(scenario, { locale? }) → InputValue[]; summarizeInputs(scenario, year?) → counts by basis and the share of euros on estimates. */
export { listInputs, summarizeInputs } from './scenario/inputs.ts';
export type { InputSummary } from './scenario/inputs.ts';
export type {
	Scenario,
	Variant,
	Change,
	Leaf,
	Series,
	DatedEntry,
	Key,
	KeyType,
	Pool,
	Participant,
	Driver,
	Source,
	AllocationSetting
} from './scenario/types.ts';
/** runScenario(scenario, { method? }) → RunResult (throws ScenarioError on data issues); tryRunScenario → Result<RunResult>. */
export { runScenario, tryRunScenario, ScenarioError } from './legal-form/run.ts';
export type { RunOptions } from './legal-form/run.ts';
/** checkFormula(expression) → Result<FormulaInfo>: the sandboxed formula key; FORMULA_FUNCTIONS is its whitelist. */
export { checkFormula, FORMULA_FUNCTIONS } from './scenario/formula.ts';
/** compare(baseRun, variantRun, options?) → Comparison; compareScenarios(base, variant, options?) runs both first. */
export { compare, changedComponents, noOpReasonIn } from './compare/compare.ts';
export type { CompareOptions } from './compare/compare.ts';
export { compareScenarios, comparisonOptions } from './compare/compare-scenarios.ts';
/** formatEuro(amount, 'nl' | 'en') → "€ 12.300" / "€12,300"; formatNumber for tables. */
export { formatEuro, formatNumber, formatTraceValue } from './vocabulary/format.ts';
export type { Locale } from './vocabulary/format.ts';

// The allocation engine and its problem format (issue 2).
/** allocate(problem, method?) → Result<AllocationResult>: validate a problem (file-format data) and allocate it. */
export { allocate, allocateNormalised, METHODS } from './allocation/index.ts';
export { allocateDirect } from './allocation/direct.ts';
export { allocateStepDown } from './allocation/step-down.ts';
export { allocateReciprocal } from './allocation/reciprocal.ts';
export type {
	Allocation,
	AllocationMethod,
	AllocationResult,
	AllocationStep,
	AllocationTrace,
	BalanceCheck,
	MethodInfo,
	RecipientShare,
	RecipientTrace,
	SolveReport
} from './allocation/types.ts';
/** validateProblem(value, options?) → Result<NormalisedProblem> with every issue; readProblem(text) parses JSON first. */
export { validateProblem, readProblem, PROBLEM_ISSUE_CODES } from './problem/validate.ts';
export type { ProblemIssueCode, ValidateOptions } from './problem/validate.ts';
export { parseJson } from './problem/json.ts';
export type { ParsedJson, Position } from './problem/json.ts';
export { METHOD_IDS } from './problem/types.ts';
export type {
	AllocationProblem,
	MethodId,
	NormalisedPool,
	NormalisedProblem,
	ProblemPool,
	ProblemSource
} from './problem/types.ts';
/** explain(scenario, variantId | null, participant, year, { method?, changes?, locale? }) → TraceNode; explainScenario(resolved, participant, year, { method?, locale? }). */
export { explain, explainScenario } from './facade/explain.ts';
export { traceYear } from './explain/explain.ts';
export type { TraceContext } from './explain/explain.ts';
/** computationLog(trace, { maxDepth?, inputs?, locale? }) → indented text lines. */
export { computationLog } from './explain/log.ts';
export type { LogOptions } from './explain/log.ts';
/** locatePath(text, path) → { line, column } of an issue path in YAML/JSON text; withPositions(issues, text) adds them. */
export { locatePath, withPositions } from './scenario/parse.ts';

// What the web app shows, as pure functions: edits per side, keys in file form, and the tables' totals.
/** splitEdits(edits) → { base, variant }: which edits apply to the baseline and which to the alternative. */
export {
	splitEdits,
	sideOf,
	sameTarget,
	editsToVariantFiles,
	EDIT_SIDES,
	DEFAULT_EDIT_SIDE
} from './scenario/edits.ts';
export type { Edit, EditSide, VariantFile } from './scenario/edits.ts';
/** keyToRaw(key) → scenario-file form; switchKeyType(raw, type, context); keyChange(pool, from, raw, note). */
export { keyToRaw, switchKeyType, keyChange } from './scenario/key-form.ts';
export type { RawKey } from './scenario/key-form.ts';
/** methodSpread(runs, year) → each participant's bill per method, the spread, and whether the total moves. */
export { methodSpread } from './compare/method-spread.ts';
export type { MethodSpread, MethodSpreadRow } from './compare/method-spread.ts';
/** editEffect(withEdits, reference) → per participant the cumulative difference before and after the edits. */
export { editEffect } from './compare/edit-effect.ts';
export type { EditEffectRow } from './compare/edit-effect.ts';
/** yearTotal, componentTotals, summaryTotal, balanceOf: the "Samen" lines and the costs = charged balance. */
export { yearTotal, componentTotals, summaryTotal, inhabitantsOf, balanceOf } from './compare/totals.ts';
/** optionsOverview(comparisons) → every variant × participant with the best option per participant. */
export { optionsOverview } from './compare/options-overview.ts';
export type { OptionCell, OptionsOverview } from './compare/options-overview.ts';

// Cooperative games and fair shares (issue 9).
/** validateGame(raw) → Result<Game>; solveGame(game) → Shapley value, nucleolus, core (exact); gameReport(solution) → JSON. */
export {
	validateGame,
	solveGame,
	gameReport,
	shapley,
	nucleolus,
	blockingCoalitions,
	savingsGame,
	MAX_PLAYERS,
	GAME_FORMAT,
	GAME_ISSUE_CODES
} from './game/index.ts';
export type { Game, GameKind, GameSolution, GameReport, GameIssueCode, BlockingCoalition } from './game/index.ts';
/** scenarioGame(scenario, { year } | { npv: true }) → the cost of every coalition; fairnessReport(game) → the fair shares. */
export { scenarioGame, fairnessReport } from './fairness/index.ts';
export type {
	CoalitionCost,
	GameBasis,
	ScenarioGame,
	FairnessReport,
	BlockingCoalitionReport,
	SubsidyReport
} from './fairness/index.ts';
/** inHouseCost(scenario, members, year) → the eigen organisatie's cost per service, with its trace. */
export { inHouseCost, InHouseError } from './legal-form/in-house.ts';
export type { InHouseCost } from './legal-form/in-house.ts';
export type { InHouseSettings, InHouseMember, FairnessSettings } from './scenario/in-house.ts';
export type { RowForm } from './domain/result.ts';
