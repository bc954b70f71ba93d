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
export { allocateByWeights, roundPreservingTotal, splitEvenly, wholeEurosAddingUp } from './money/allocate.ts';
export {
	controlledRounding,
	roundPairToDifference,
	roundTableAddingUp,
	type RoundedTable,
	type RoundingOptions
} from './money/controlled-rounding.ts';
export type { Weights } from './money/allocate.ts';
// parseLocaleNumber(text, { locale: 'nl' | 'en', percent? }) → { ok, value } | { ok: false, code, message }: the one parser for typed or pasted numbers.
export { parseLocaleNumber, MAX_NUMBER_DIGITS, MAX_NUMBER_TEXT_LENGTH } from './vocabulary/parse-number.ts';
export type {
	NumberLocale,
	NumberParseIssueCode,
	NumberParseResult,
	ParseNumberOptions
} from './vocabulary/parse-number.ts';
// The constants of the data formats, defined once (method ids, key types, bases, forbidden keys, id and date patterns).
export {
	BASES,
	DATE_PATTERN,
	FORBIDDEN_KEYS,
	ID_PATTERN,
	KEY_TYPES,
	NOT_FORBIDDEN,
	isValidId
} from './domain/format.ts';
export { formatIssues, issueMessage, issuesInLocale, makeIssue } from './domain/issue.ts';
export type { Issue, IssueLocale, IssueText, IssueTexts, Result, Severity } from './domain/issue.ts';
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
// Parse scenario or variant text (YAML/JSON) into plain data, with line and column on syntax errors.
export { parseScenarioText } from './scenario/parse.ts';
// validateScenario(raw, { file? }) → Result<Scenario>: every issue at once, including values not in force.
// loadScenarioFromTexts({ scenario, file?, variants? }) → Result<Scenario> (baseline with its variants).
// resolveVariant(scenario, variantId | null, extraChanges?) → Result<Scenario>: a variant (stacked) plus inline edits.
// applyVariant(scenario, changes, { id? }) → Result<Scenario>: apply `changes` (the variant format) and re-validate.
export { validateScenario, loadScenarioFromTexts, resolveVariant, applyVariant, findVariant } from './facade/load.ts';
export type { ScenarioTexts } from './facade/load.ts';
// validateStructure(raw) → Result<Scenario> without the dry run; validateVariant(raw) → Result<Variant>.
export { validateStructure, validateVariant, isIsoDate, SCENARIO_FORMAT, VARIANT_FORMAT } from './scenario/validate.ts';
export { SCENARIO_ISSUE_CODES, type ScenarioIssueCode } from './scenario/issue-codes.ts';
// applyChangesToRaw(raw, changes) → { raw, issues }: the delta mechanism on plain data.
export { applyChangesToRaw, parsePath } from './scenario/variant.ts';
// valueAt(series, year) / entryAt(series, date): the dated value in force (a year is evaluated at 1 January).
export { valueAt, entryAt, yearDate } from './scenario/resolve.ts';
// listInputs(scenario, { locale? }) → InputValue[]; summarizeInputs(scenario, year?) → counts by basis and the share of euros on estimates.
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
// runScenario(scenario, { method? }) → RunResult (throws ScenarioError on data issues); tryRunScenario → Result<RunResult>.
export { runScenario, tryRunScenario, ScenarioError } from './legal-form/run.ts';
export type { RunOptions } from './legal-form/run.ts';
// checkFormula(expression) → Result<FormulaInfo>: the sandboxed formula key; FORMULA_FUNCTIONS is its whitelist.
export { checkFormula, FORMULA_FUNCTIONS, loadFormulaParser } from './scenario/formula.ts';
// The package entry installs the formula parser, so formula keys work for every user of the library
// (a side effect of importing it: the package declares no `sideEffects: false`, so bundlers keep it).
import './scenario/formula-parser.ts';
// compare(baseRun, variantRun, options?) → Comparison; compareScenarios(base, variant, options?) runs both first.
// comparabilityIssues(baseRun, variantRun) → the issues (not_comparable) when the horizon or participants differ.
export {
	compare,
	comparabilityIssues,
	changedComponents,
	directionOf,
	noOpReasonIn,
	rowDirection
} from './compare/compare.ts';
export type { CompareOptions, Direction } from './compare/compare.ts';
export { compareScenarios, comparisonOptions } from './compare/compare-scenarios.ts';
// formatEuro(amount, 'nl' | 'en') → "€ 12.300" / "€12,300"; formatNumber for tables.
export { formatEuro, formatNumber, formatTraceValue } from './vocabulary/format.ts';
export type { Locale } from './vocabulary/format.ts';
// The model's sentences as data (a code and parameters) and the one function that renders them.
export { message, named, renderMessage, MESSAGE_CODES } from './vocabulary/messages.ts';
export type { Message, MessageCode, MessageParam } from './vocabulary/messages.ts';
// One Dutch and one English name of every component, method, key type, basis, form and phase.
export {
	COMPONENT_NAMES,
	METHOD_NAMES,
	KEY_TYPE_NAMES,
	BASIS_NAMES,
	FORM_NAMES,
	PHASE_NAMES,
	componentName,
	componentShortName,
	methodName,
	keyTypeName,
	basisName,
	formName,
	capitalised
} from './vocabulary/names.ts';
export type { Named } from './vocabulary/names.ts';

// The allocation engine and its problem format (issue 2).
// allocate(problem, method?) → Result<AllocationResult>: validate a problem (file-format data) and allocate it.
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
// validateProblem(value, options?) → Result<NormalisedProblem> with every issue; readProblem(text) parses JSON first.
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
// explain(scenario, variantId | null, participant, year, { method?, changes?, locale? }) → TraceNode; explainScenario(resolved, participant, year, { method?, locale? }).
export { explain, explainScenario } from './facade/explain.ts';
export { traceYear } from './explain/explain.ts';
export type { TraceContext } from './explain/explain.ts';
// computationLog(trace, { maxDepth?, inputs?, locale? }) → indented text lines.
export { computationLog } from './explain/log.ts';
export type { LogOptions } from './explain/log.ts';
// locatePath(text, path) → { line, column } of an issue path in YAML/JSON text; withPositions(issues, text) adds them.
export { locatePath, withPositions } from './scenario/parse.ts';

// What the web app shows, as pure functions: edits per side, keys in file form, and the tables' totals.
// splitEdits(edits) → { base, variant }: which edits apply to the baseline and which to the alternative.
export {
	splitEdits,
	sideOf,
	sameTarget,
	editsToVariantFiles,
	EDIT_SIDES,
	DEFAULT_EDIT_SIDE
} from './scenario/edits.ts';
export type { Edit, EditSide, VariantFile } from './scenario/edits.ts';
// keyToRaw(key) → scenario-file form; switchKeyType(raw, type, context); keyChange(pool, from, raw, note).
export { keyToRaw, switchKeyType, keyChange } from './scenario/key-form.ts';
export type { RawKey } from './scenario/key-form.ts';
// methodSpread(runs, year) → each participant's bill per method, the spread, and whether the total moves.
export { methodSpread } from './compare/method-spread.ts';
export type { MethodSpread, MethodSpreadRow } from './compare/method-spread.ts';
// editEffect(withEdits, reference) → per participant the cumulative difference before and after the edits.
export { editEffect } from './compare/edit-effect.ts';
export type { EditEffectRow } from './compare/edit-effect.ts';
// yearTotal, componentTotals, summaryTotal, balanceOf: the "Samen" lines and the costs = charged balance.
export { yearTotal, componentTotals, summaryTotal, inhabitantsOf, balanceOf } from './compare/totals.ts';
export { shownComparison } from './compare/shown.ts';
export type { ShownComparison, ShownYearFigures } from './compare/shown.ts';
// optionsOverview(comparisons) → every variant × participant with the best option per participant.
export { optionsOverview } from './compare/options-overview.ts';
export type { OptionCell, OptionsOverview } from './compare/options-overview.ts';
// Uncertainty and sensitivity (issue 8).
// The uncertainty format: defaults by basis and confidence, distributions, correlations.
export {
	DEFAULT_RELATIVE_HALF_WIDTH,
	DEFAULT_DISTRIBUTION,
	DISTRIBUTIONS,
	MAX_CORRELATED_INPUTS,
	leafUncertainty,
	scenarioLeaves
} from './scenario/uncertainty.ts';
export type { CorrelationGroup, LeafUncertainty, UncertaintySettings } from './scenario/uncertainty.ts';
export type { Confidence, DistributionName } from './domain/result.ts';
// prepareAnalysis(base, variant) → AnalysisPair: the uncertain inputs of a comparison; evaluateExact(pair, values?) on the exact path.
export { prepareAnalysis, evaluateExact, withLeafValues } from './analysis/pair.ts';
export type { AnalysisPair, UncertainInput, ExactOutcome } from './analysis/pair.ts';
export { DEFAULT_DRAWS, drawEvaluator } from './analysis/index.ts';
export { exactEvaluator } from './analysis/exact-evaluator.ts';
export { fastEvaluator } from './analysis/fast-evaluator.ts';
export type { CountingEvaluator, EvaluationStats } from './analysis/fast-evaluator.ts';
// runSimulation / runSimulationAsync(pair, evaluator, { draws, seed, sampling?, onProgress?, signal? }) → draws; summarizeSimulation(pair, draws) → the report.
export {
	MAX_DRAWS,
	drawsProblem,
	runSimulation,
	runSimulationAsync,
	summarizeSimulation,
	SimulationCancelled
} from './analysis/simulate.ts';
export type {
	PointEvaluator,
	SimulationDraws,
	SimulationOptions,
	SimulationReport,
	AmountSummary
} from './analysis/simulate.ts';
// sensitivity(pair, { year?, sobol? }) → rows of the tornado with Sobol indices; scenarioTornado(pair) → bars per participant.
export { sensitivity, scenarioTornado } from './analysis/sensitivity.ts';
export type { SensitivityRow } from './analysis/sensitivity.ts';
// breakEven(pair, { input, participant, year?, range? }) → the value where the difference is zero, or null.
export { breakEven, breakEvenIssues } from './analysis/breakeven.ts';
export type { BreakEven, BreakEvenRequest } from './analysis/breakeven.ts';
export { measureFirst } from './analysis/measure-first.ts';
export type { MeasureFirstItem } from './analysis/measure-first.ts';
// methodOrderSpread(scenario, { year? }) → each participant's bill under direct, reciprocal and step-down orders, with the spread.
export { methodOrderSpread, MAX_ORDERS, SAMPLED_ORDERS } from './analysis/methods.ts';
export type { MethodOrderSpread, MethodBill } from './analysis/methods.ts';
export { createRandom } from './analysis/random.ts';
export { sobolIndices } from './analysis/sobol.ts';

// Spreadsheet import and export of every input (issue 12).
// readSpreadsheet(bytes, file) → Result<Workbook>; guessMappings(workbook, scenario) → ImportMapping[]; previewImport(workbook, scenario, mappings) → ImportPreview (issues by cell, changes old → new, the variant).
export {
	readSpreadsheet,
	readCsv,
	readCsvText,
	readXlsx,
	guessMappings,
	readMappings,
	previewImport,
	inputWorkbook,
	writeXlsx,
	MAX_IMPORT_BYTES,
	MAX_IMPORT_CELLS
} from './import/index.ts';
export type {
	Workbook,
	Sheet,
	CellValue,
	ImportMapping,
	ImportKind,
	ImportPreview,
	ImportChange
} from './import/index.ts';
// evaluateKeyFormula(scenario, expression, year) → each participant's weight and share under a formula key, or issues.
export { evaluateKeyFormula } from './legal-form/key-preview.ts';
export type { KeyPreview, KeyPreviewRow } from './legal-form/key-preview.ts';
// guardSpreadsheetCell(text): a text cell that Excel would run as a formula, made plain text.
export { guardSpreadsheetCell } from './vocabulary/csv-guard.ts';
// Size limits of scenario texts (characters, nesting, alias expansions).
export { MAX_SCENARIO_LENGTH, MAX_NESTING_DEPTH, MAX_ALIAS_COUNT } from './scenario/parse.ts';
// safeLinkUrl(url): the URL when it is http(s), else undefined: the app links sources only through it.
export { safeLinkUrl } from './vocabulary/safe-url.ts';

// Cooperative games and fair shares (issue 9).
// validateGame(raw) → Result<Game>; solveGame(game) → Shapley value, nucleolus, core (exact); gameReport(solution) → JSON.
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
// scenarioGame(scenario, { year } | { npv: true }) → the cost of every coalition; fairnessReport(game) → the fair shares.
export { scenarioGame, fairnessReport, shownFairShares } from './fairness/index.ts';
export type {
	CoalitionCost,
	GameBasis,
	ScenarioGame,
	FairnessReport,
	BlockingCoalitionReport,
	SubsidyReport,
	ShownFairShares
} from './fairness/index.ts';
// inHouseCost(scenario, members, year) → the eigen organisatie's cost per service, with its trace.
export { inHouseCost, InHouseError } from './legal-form/in-house.ts';
export type { InHouseCost } from './legal-form/in-house.ts';
export type { InHouseSettings, InHouseMember, FairnessSettings } from './scenario/in-house.ts';
export type { RowForm } from './domain/result.ts';
