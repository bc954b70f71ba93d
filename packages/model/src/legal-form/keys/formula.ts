// Evaluation of a checked formula key over Decimals, one recipient at a time (the formula language
// and its checks are part of the scenario format: scenario/formula.ts).
import type { MathNode } from 'mathjs';
import { Decimal, weightToDecimal } from '../../money/decimal.ts';
import { FORMULA_MAGNITUDE, type FormulaInfo } from '../../scenario/formula.ts';

/** A formula value outside the magnitudes a weight may have (FORMULA_MAGNITUDE); the key reports `formula_out_of_range`. */
export class FormulaRangeError extends RangeError {}

const LARGEST = new Decimal(10).pow(FORMULA_MAGNITUDE);
const SMALLEST = new Decimal(10).pow(-FORMULA_MAGNITUDE);

// Every value a formula computes is checked, not only its result: a weight beyond 10^30 (or a non-zero
// one below 10^-30) is no ordinary driver arithmetic, and printing 10^1000000 in full would fill memory.
function bounded(value: Decimal): Decimal {
	if (!value.isFinite()) throw new RangeError(`[model] formula result is not a finite number: ${value.toString()}`);
	const size = value.abs();
	if (size.gt(LARGEST) || (!size.isZero() && size.lt(SMALLEST)))
		throw new FormulaRangeError(
			`[model] a value in the formula (about ${size.toSignificantDigits(3).toExponential()}) is beyond 10^±${FORMULA_MAGNITUDE}, the range a formula's values may have`
		);
	return value;
}

/**
 * Evaluate a checked formula for one recipient, over Decimals.
 * @param info the result of checkFormula
 * @param variables the driver values of this recipient, by driver name
 * @throws RangeError when a variable is missing or the result is not a finite number (e.g. division by zero);
 *   FormulaRangeError when a value is beyond 10^±FORMULA_MAGNITUDE
 */
export function evaluateFormula(info: FormulaInfo, variables: Readonly<Record<string, Decimal>>): Decimal {
	const evaluate = (n: MathNode): Decimal => bounded(evaluateNode(n));
	const evaluateNode = (n: MathNode): Decimal => {
		const any = n as unknown as Record<string, unknown>;
		switch (n.type) {
			case 'ConstantNode':
				return weightToDecimal(any.value as number);
			case 'SymbolNode': {
				const v = variables[String(any.name)];
				if (v === undefined) throw new RangeError(`[model] formula variable ${String(any.name)} has no value`);
				return v;
			}
			case 'ParenthesisNode':
				return evaluate(any.content as MathNode);
			case 'OperatorNode': {
				const args = (any.args as MathNode[]).map(evaluate);
				const [a, b] = [args[0]!, args[1]!];
				switch (any.fn) {
					case 'add':
						return a.plus(b);
					case 'subtract':
						return a.minus(b);
					case 'multiply':
						return a.times(b);
					case 'divide':
						if (b.isZero()) throw new RangeError('[model] formula divides by zero');
						return a.dividedBy(b);
					case 'pow':
						return a.pow(b);
					case 'unaryMinus':
						return a.negated();
					default:
						return a;
				}
			}
			case 'FunctionNode': {
				const name = String((any.fn as Record<string, unknown>).name);
				const args = (any.args as MathNode[]).map(evaluate);
				const a = args[0]!;
				switch (name) {
					case 'min':
						return Decimal.min(...args);
					case 'max':
						return Decimal.max(...args);
					case 'sqrt':
						return a.sqrt();
					case 'abs':
						return a.abs();
					case 'round':
						return a.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
					case 'floor':
						return a.floor();
					case 'ceil':
						return a.ceil();
					case 'log':
						return a.ln();
					case 'exp':
						return a.exp();
				}
			}
		}
		throw new RangeError(`[model] invalid formula node: ${n.type}`);
	};
	return evaluate(info.node);
}
