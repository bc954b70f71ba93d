// The formula key's language: an advisor's expression over named drivers, parsed with mathjs's
// expression parser and checked here (evaluation is the computation's, over Decimals). Sandboxed: only arithmetic operators, parentheses, numeric
// constants, driver names and a short whitelist of functions are allowed; anything else is an issue.
import { create, parseDependencies, type MathNode } from 'mathjs';
import type { Issue, Result } from '../domain/issue.ts';

// Only the parser, not the full mathjs instance: keeps the web bundle small.
const math = create({ parseDependencies: parseDependencies! }, {});

/** The functions a formula may call. */
export const FORMULA_FUNCTIONS = ['min', 'max', 'sqrt', 'abs', 'round', 'floor', 'ceil', 'log', 'exp'] as const;
const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);
const MAX_LENGTH = 500;

export interface FormulaInfo {
	/** The driver names the expression uses. */
	readonly symbols: readonly string[];
	/** Whether the expression contains numeric constants (then the key needs provenance). */
	readonly hasConstants: boolean;
	readonly node: MathNode;
}

/**
 * Parse and check a formula; returns the driver names it uses, or issues (`formula_syntax`,
 * `formula_not_allowed`) whose messages say what is wrong. The issue paths are empty: callers add the field.
 */
export function checkFormula(expression: string): Result<FormulaInfo> {
	if (expression.length > MAX_LENGTH)
		return {
			ok: false,
			issues: [{ code: 'formula_too_long', path: '', message: `a formula may be at most ${MAX_LENGTH} characters` }]
		};
	let node: MathNode;
	try {
		node = math.parse(expression);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return {
			ok: false,
			issues: [{ code: 'formula_syntax', path: '', message: `the formula cannot be read: ${message}` }]
		};
	}
	const issues: Issue[] = [];
	const symbols = new Set<string>();
	let hasConstants = false;
	const walk = (n: MathNode): void => {
		const any = n as unknown as Record<string, unknown>;
		switch (n.type) {
			case 'ConstantNode':
				if (typeof any.value !== 'number' || !Number.isFinite(any.value)) {
					issues.push({
						code: 'formula_not_allowed',
						path: '',
						message: `only numbers are allowed as constants, not ${JSON.stringify(any.value)}`
					});
				} else hasConstants = true;
				return;
			case 'SymbolNode':
				symbols.add(String(any.name));
				return;
			case 'ParenthesisNode':
				walk(any.content as MathNode);
				return;
			case 'OperatorNode':
				if (!OPERATORS.has(String(any.fn))) {
					issues.push({
						code: 'formula_not_allowed',
						path: '',
						message: `the operator "${String(any.op)}" is not allowed (use + - * / ^ and parentheses)`
					});
					return;
				}
				for (const arg of any.args as MathNode[]) walk(arg);
				return;
			case 'FunctionNode': {
				const fn = any.fn as Record<string, unknown>;
				const name = fn.type === 'SymbolNode' ? String(fn.name) : '';
				if (!(FORMULA_FUNCTIONS as readonly string[]).includes(name)) {
					issues.push({
						code: 'formula_not_allowed',
						path: '',
						message: `the function "${name || 'expression'}" is not allowed (allowed: ${FORMULA_FUNCTIONS.join(', ')})`
					});
					return;
				}
				const args = any.args as MathNode[];
				const arity = name === 'min' || name === 'max' ? args.length >= 1 : args.length === 1;
				if (!arity)
					issues.push({
						code: 'formula_not_allowed',
						path: '',
						message: `${name} takes ${name === 'min' || name === 'max' ? 'one or more arguments' : 'one argument'}`
					});
				for (const arg of args) walk(arg);
				return;
			}
			default:
				issues.push({
					code: 'formula_not_allowed',
					path: '',
					message: `"${n.toString()}" is not allowed in a formula (${n.type}): only arithmetic over driver names`
				});
		}
	};
	walk(node);
	if (issues.length > 0) return { ok: false, issues };
	return { ok: true, value: { symbols: [...symbols].sort(), hasConstants, node } };
}
