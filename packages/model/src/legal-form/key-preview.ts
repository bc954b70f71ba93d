// Trying a formula key before it goes into a scenario: each participant's weight and share in one
// year, from the same checker (scenario/formula.ts) and evaluator (keys/weights.ts) as a formula key
// in a scenario. Used by `sp71 key` and the app's key editor.
import { makeIssue, type Issue } from '../domain/issue.ts';
import { ZERO, sum } from '../money/decimal.ts';
import { checkFormula } from '../scenario/formula.ts';
import type { UsedInput } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { Env } from './env.ts';
import { keyWeights } from './keys/weights.ts';

/** One participant's weight and share under a formula. */
export interface KeyPreviewRow {
	readonly participant: string;
	readonly name: string;
	readonly weight: string;
	readonly share: string;
}

export type KeyPreview =
	| {
			readonly ok: true;
			readonly total: string;
			readonly drivers: readonly string[];
			readonly used: readonly UsedInput[];
			readonly rows: readonly KeyPreviewRow[];
	  }
	| { readonly ok: false; readonly issues: readonly Issue[] };

/** The weights and shares of a formula over the participants of a scenario in one year, or the issues. */
export function evaluateKeyFormula(scenario: Scenario, expression: string, year: number): KeyPreview {
	const check = checkFormula(expression);
	if (!check.ok) return { ok: false, issues: check.issues.map((i) => ({ ...i, path: 'expression' })) };
	const unknown = check.value.symbols.filter((s) => !Object.hasOwn(scenario.drivers, s));
	if (unknown.length > 0)
		return {
			ok: false,
			issues: unknown.map((s) =>
				makeIssue('unknown_driver', 'expression', {
					en: `no driver "${s}" in ${scenario.id} (drivers: ${Object.keys(scenario.drivers).join(', ')})`,
					nl: `er is geen verdeelgrondslag "${s}" in ${scenario.id} (verdeelgrondslagen: ${Object.keys(scenario.drivers).join(', ')})`
				})
			)
		};
	const env = new Env();
	const used: UsedInput[] = [];
	const participants = scenario.participants.map((p) => p.id);
	const { weights } = keyWeights(
		{ type: 'formula', expression, path: 'expression' },
		{ year, participants, pools: [], drivers: scenario.drivers, env, used }
	);
	// The evaluator names the key's field ("expression.expression"); here the expression is the whole input.
	if (env.issues.length > 0) return { ok: false, issues: env.issues.map((i) => ({ ...i, path: 'expression' })) };
	const total = sum(weights.values());
	const rows = scenario.participants.map((p) => {
		const w = weights.get(p.id) ?? ZERO;
		return {
			participant: p.id,
			name: p.name,
			weight: w.toSignificantDigits(15).toFixed(),
			share: total.isZero() ? '0' : w.dividedBy(total).toDecimalPlaces(10).toFixed()
		};
	});
	return { ok: true, total: total.toSignificantDigits(15).toFixed(), drivers: check.value.symbols, used, rows };
}
