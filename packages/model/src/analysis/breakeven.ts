// Break-even on the exact path: the value of one input at which a participant's difference (the
// NPV, or one year) becomes zero, searched within the input's range and verified by recomputing.
import type { Issue } from '../domain/issue.ts';
import { Decimal } from '../money/decimal.ts';
import { scenarioLeaves, leafUncertainty } from '../scenario/uncertainty.ts';
import { evaluateExact, singleInput, type AnalysisPair } from './pair.ts';
import { findRoot } from './root.ts';
import { targetValues, type Target } from './sensitivity.ts';

export interface BreakEvenRequest extends Target {
	readonly input: string;
	readonly participant: string;
	/** Search here instead of the input's own range. */
	readonly range?: readonly [string, string];
	readonly locale?: 'nl' | 'en';
}

/** What `sp71 breakeven` prints. */
export interface BreakEven {
	readonly participant: string;
	readonly input: string;
	readonly path: string;
	/** The value at which the difference is zero (or changes sign), or null: no break-even within the range. */
	readonly value: string | null;
	readonly searchedRange: readonly [string, string];
	/** The difference at the ends of the range, and recomputed at the value found. */
	readonly deltaAtLow: string;
	readonly deltaAtHigh: string;
	readonly deltaAtValue: string | null;
	/** zero: the difference is zero (to a few cents) at the value; jump: it changes sign by a step there (a whole count). */
	readonly crossing: 'zero' | 'jump' | null;
	readonly evaluations: number;
}

/** Check a break-even request against the pair; every problem with its path. */
export function breakEvenIssues(pair: AnalysisPair, request: BreakEvenRequest): Issue[] {
	const issues: Issue[] = [];
	const leaves = [...scenarioLeaves(pair.base), ...scenarioLeaves(pair.variant)];
	if (!leaves.some((l) => l.path === request.input))
		issues.push({
			code: 'unknown_input',
			path: request.input,
			message: `no number at "${request.input}" in either scenario`,
			messages: {
				en: `no number at "${request.input}" in either scenario`,
				nl: `er staat in geen van beide scenario’s een getal op "${request.input}"`
			}
		});
	if (!pair.participants.includes(request.participant))
		issues.push({
			code: 'unknown_participant',
			path: request.participant,
			message: `no participant "${request.participant}" (one of ${pair.participants.join(', ')})`,
			messages: {
				en: `no participant "${request.participant}" (one of ${pair.participants.join(', ')})`,
				nl: `er is geen deelnemer "${request.participant}" (een van ${pair.participants.join(', ')})`
			}
		});
	if (request.year !== undefined && !pair.years.includes(request.year))
		issues.push({
			code: 'year_outside_horizon',
			path: String(request.year),
			message: `${request.year} is outside the horizon`,
			messages: { en: `${request.year} is outside the horizon`, nl: `${request.year} ligt buiten de horizon` }
		});
	return issues;
}

/**
 * Find the break-even value of `request.input` for `request.participant`.
 * @throws RangeError when the request does not fit the pair (see breakEvenIssues)
 */
export function breakEven(pair: AnalysisPair, request: BreakEvenRequest): BreakEven {
	const issues = breakEvenIssues(pair, request);
	if (issues.length) throw new RangeError(`[model] ${issues.map((i) => i.message).join('; ')}`);
	const p = pair.participants.indexOf(request.participant);
	const leaf = [...scenarioLeaves(pair.base), ...scenarioLeaves(pair.variant)].find((l) => l.path === request.input)!;
	const own = leafUncertainty(leaf);
	const [lowText, highText] = request.range ?? [own.low, own.high];
	const money = leaf.kind === 'money';
	const integer = own.integer;
	const text = (x: Decimal) => (money ? x.toFixed(2) : integer ? x.toFixed(0) : x.toString());
	const f = (x: Decimal) =>
		targetValues(pair, evaluateExact(pair, singleInput(pair, request.input, text(x))), request)[p]!;
	const low = new Decimal(lowText);
	const high = new Decimal(highText);
	const fLow = f(low);
	const fHigh = f(high);
	const root = low.equals(high)
		? null
		: findRoot(f, low, high, {
				places: money ? 2 : integer ? 0 : 10,
				xTolerance: money ? new Decimal('0.01') : integer ? new Decimal(1) : high.minus(low).times('1e-9')
			});
	const input = pair.inputs.find((i) => i.path === request.input);
	return {
		participant: request.participant,
		input: input?.label[request.locale ?? 'en'] ?? request.input,
		path: request.input,
		value: root ? text(root.value) : null,
		searchedRange: [lowText, highText],
		deltaAtLow: fLow.toFixed(2),
		deltaAtHigh: fHigh.toFixed(2),
		deltaAtValue: root ? root.f.toFixed(2) : null,
		crossing: root ? (root.f.abs().lessThanOrEqualTo('0.05') ? 'zero' : 'jump') : null,
		evaluations: (root?.evaluations ?? 0) + 2
	};
}
