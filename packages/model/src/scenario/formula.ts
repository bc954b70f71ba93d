// The formula key's language: an advisor's expression over named drivers, parsed with mathjs's
// expression parser and checked here (evaluation is the computation's, over Decimals). Sandboxed: only arithmetic operators, parentheses, numeric
// constants, driver names and a short whitelist of functions are allowed; anything else is an issue.
// The parser itself (mathjs) is loaded only for scenarios with formula keys: formula-parser.ts installs
// it; the package entry imports that module, and the CLI loads it when a file mentions a formula.
import type { MathNode } from 'mathjs';
import { IssueCollector, makeIssue, type IssueText, type Result } from '../domain/issue.ts';
import type { ScenarioIssueCode } from './issue-codes.ts';

let parseExpression: ((expression: string) => MathNode) | undefined;

/** Install the expression parser (formula-parser.ts does, with mathjs's `parse`). */
export function setFormulaParser(parse: (expression: string) => MathNode): void {
	parseExpression = parse;
}

/** Load the expression parser (mathjs) unless it is loaded already. */
export async function loadFormulaParser(): Promise<void> {
	if (!parseExpression) await import('./formula-parser.ts');
}

function parse(expression: string): MathNode {
	if (!parseExpression)
		throw new Error('[model] formula keys need the formula parser: import "@sp71/model" or await loadFormulaParser()');
	return parseExpression(expression);
}

/** The functions a formula may call. */
export const FORMULA_FUNCTIONS = ['min', 'max', 'sqrt', 'abs', 'round', 'floor', 'ceil', 'log', 'exp'] as const;
const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);
const MAX_LENGTH = 500;
/** Every value a formula computes, its constants and its result lie within 10^±30 (or are zero). */
export const FORMULA_MAGNITUDE = 30;
/** A constant exponent (`x ^ 2`) may be at most this large in magnitude. */
export const FORMULA_MAX_EXPONENT = 100;

export interface FormulaInfo {
	/** The driver names the expression uses. */
	readonly symbols: readonly string[];
	/** Whether the expression contains numeric constants (then the key needs provenance). */
	readonly hasConstants: boolean;
	readonly node: MathNode;
}

/**
 * Parse and check a formula; returns the driver names it uses, or issues (`formula_syntax`,
 * `formula_not_allowed`, `formula_out_of_range`) whose messages say what is wrong. The issue paths are empty: callers add the field.
 */
export function checkFormula(expression: string): Result<FormulaInfo> {
	if (expression.length > MAX_LENGTH)
		return {
			ok: false,
			issues: [
				makeIssue('formula_too_long', '', {
					en: `a formula may be at most ${MAX_LENGTH} characters`,
					nl: `een formule mag hoogstens ${MAX_LENGTH} tekens lang zijn`
				})
			]
		};
	let node: MathNode;
	try {
		node = parse(expression);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return {
			ok: false,
			issues: [
				makeIssue('formula_syntax', '', {
					en: `the formula cannot be read: ${message}`,
					nl: `de formule is niet te lezen: ${message}`
				})
			]
		};
	}
	const found: Found = {
		out: new IssueCollector<ScenarioIssueCode>(),
		symbols: new Set<string>(),
		hasConstants: false
	};
	walk(node, found);
	if (found.out.issues.length > 0) return { ok: false, issues: found.out.issues };
	return { ok: true, value: { symbols: [...found.symbols].sort(), hasConstants: found.hasConstants, node } };
}

/** What a walk over a formula finds: issues, the driver names it uses, and whether it has constants. */
interface Found {
	readonly out: IssueCollector<ScenarioIssueCode>;
	readonly symbols: Set<string>;
	hasConstants: boolean;
}

function notAllowed(found: Found, message: IssueText): void {
	found.out.add('formula_not_allowed', '', message);
}

function checkMagnitude(value: number, found: Found): void {
	const size = Math.abs(value);
	if (size > 10 ** FORMULA_MAGNITUDE || (size !== 0 && size < 10 ** -FORMULA_MAGNITUDE))
		found.out.add('formula_out_of_range', '', {
			en: `the constant ${value} is beyond 10^±${FORMULA_MAGNITUDE}, the range a formula's values may have`,
			nl: `de constante ${value} valt buiten 10^±${FORMULA_MAGNITUDE}, het bereik dat de waarden van een formule mogen hebben`
		});
}

// A constant exponent is checked before evaluation: `x ^ 1e9` is rejected when the scenario is read,
// not only when a recipient's value overflows.
function checkExponent(any: Record<string, unknown>, found: Found): void {
	if (any.fn !== 'pow') return;
	let exponent = (any.args as MathNode[])[1] as unknown as Record<string, unknown> | undefined;
	while (exponent?.type === 'ParenthesisNode') exponent = exponent.content as Record<string, unknown>;
	const negated = exponent?.type === 'OperatorNode' && exponent.fn === 'unaryMinus';
	const constant = negated ? ((exponent!.args as unknown[])[0] as Record<string, unknown>) : exponent;
	if (constant?.type === 'ConstantNode' && typeof constant.value === 'number')
		if (Math.abs(constant.value) > FORMULA_MAX_EXPONENT)
			found.out.add('formula_out_of_range', '', {
				en: `the exponent ${negated ? '-' : ''}${constant.value} is beyond ±${FORMULA_MAX_EXPONENT}, the largest exponent a formula allows`,
				nl: `de exponent ${negated ? '-' : ''}${constant.value} valt buiten ±${FORMULA_MAX_EXPONENT}, de grootste exponent die een formule toestaat`
			});
}

/** Check one node of a formula and the nodes below it: only arithmetic over driver names is allowed. */
function walk(n: MathNode, found: Found): void {
	const any = n as unknown as Record<string, unknown>;
	switch (n.type) {
		case 'ConstantNode':
			if (typeof any.value !== 'number' || !Number.isFinite(any.value)) {
				notAllowed(found, {
					en: `only numbers are allowed as constants, not ${JSON.stringify(any.value)}`,
					nl: `alleen getallen zijn toegestaan als constante, niet ${JSON.stringify(any.value)}`
				});
			} else {
				found.hasConstants = true;
				checkMagnitude(any.value, found);
			}
			return;
		case 'SymbolNode':
			found.symbols.add(String(any.name));
			return;
		case 'ParenthesisNode':
			walk(any.content as MathNode, found);
			return;
		case 'OperatorNode':
			if (!OPERATORS.has(String(any.fn))) {
				notAllowed(found, {
					en: `the operator "${String(any.op)}" is not allowed (use + - * / ^ and parentheses)`,
					nl: `de bewerking "${String(any.op)}" is niet toegestaan (gebruik + - * / ^ en haakjes)`
				});
				return;
			}
			checkExponent(any, found);
			for (const arg of any.args as MathNode[]) walk(arg, found);
			return;
		case 'FunctionNode': {
			const fn = any.fn as Record<string, unknown>;
			const name = fn.type === 'SymbolNode' ? String(fn.name) : '';
			if (!(FORMULA_FUNCTIONS as readonly string[]).includes(name)) {
				notAllowed(found, {
					en: `the function "${name || 'expression'}" is not allowed (allowed: ${FORMULA_FUNCTIONS.join(', ')})`,
					nl: `de functie "${name || 'expressie'}" is niet toegestaan (toegestaan: ${FORMULA_FUNCTIONS.join(', ')})`
				});
				return;
			}
			const args = any.args as MathNode[];
			const arity = name === 'min' || name === 'max' ? args.length >= 1 : args.length === 1;
			if (!arity)
				notAllowed(found, {
					en: `${name} takes ${name === 'min' || name === 'max' ? 'one or more arguments' : 'one argument'}`,
					nl: `${name} neemt ${name === 'min' || name === 'max' ? 'een of meer argumenten' : 'één argument'}`
				});
			for (const arg of args) walk(arg, found);
			return;
		}
		default:
			notAllowed(found, {
				en: `"${n.toString()}" is not allowed in a formula (${n.type}): only arithmetic over driver names`,
				nl: `"${n.toString()}" is niet toegestaan in een formule (${n.type}): alleen rekenen met namen van verdeelgrondslagen`
			});
	}
}
