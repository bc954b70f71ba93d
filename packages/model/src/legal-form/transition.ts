// Transition costs (frictiekosten). Rule: when the centrumgemeente is in force in some year of the
// horizon, the amounts budgeted per year are incurred in those years (under either legal form) and
// divided over the participants by the transition key, by the largest-remainder rule.
import { roundToCents, toDecimal, ZERO } from '../money/decimal.ts';
import { recordedLeaf } from '../money/tape.ts';
import { yearDate } from '../scenario/resolve.ts';
import type { Computation } from './context.ts';
import { fmt, type CostItem, type Figure, type ParticipantDetail, type YearDetail } from './detail.ts';
import { keyUse, splitByKey } from './key-use.ts';
import { message } from '../vocabulary/messages.ts';

/** The transition costs of `year` and their key, or undefined when none are incurred. */
export function transitionCosts(ctx: Computation, year: number): YearDetail['transition'] {
	const tc = ctx.scenario.centrumgemeente?.transitionCosts;
	const leaf = tc?.amounts[String(year)];
	// The legal form of every year is read only in a year with a budget (a year without one reads none).
	if (!tc || !leaf || !ctx.moves) return undefined;
	const amount: Figure = {
		value: roundToCents(recordedLeaf(leaf.path, toDecimal(leaf.value))),
		rule: message('rule.transitionBudget', { year }),
		inputs: [
			{
				path: 'centrumgemeente.transitionCosts.amounts',
				label: `transition costs ${year}`,
				from: String(year),
				value: leaf.value,
				provenance: leaf.provenance,
				asOf: yearDate(year)
			}
		]
	};
	const key = tc.key ? keyUse(ctx, tc.key, year, 'transition cost key', { participantsOnly: true }) : undefined;
	return { amount, ...(key ? { key } : {}) };
}

/** Charge each participant its share of the transition costs, and count them among the year's costs. */
export function applyTransition(
	ctx: Computation,
	participants: Map<string, ParticipantDetail>,
	transition: YearDetail['transition'],
	costItems: CostItem[]
): void {
	if (!transition) return;
	const split = splitByKey(ctx, transition.amount.value, transition.key);
	costItems.push({ label: 'transition costs (frictiekosten)', amount: transition.amount.value });
	for (const [p, d] of participants) {
		d.components.transition = split.get(p) ?? ZERO;
		d.notes.transition = {
			rule: message('rule.transitionShare', {
				amount: fmt(transition.amount.value),
				key: transition.key?.rule ?? message('key.none')
			}),
			inputs: [...transition.amount.inputs, ...(transition.key?.inputs ?? [])]
		};
	}
}
