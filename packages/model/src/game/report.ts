// A game's figures as plain JSON data (the output of `sp71 game`): decimal strings exact to at
// least 6 decimals, and the exact fractions beside them.
import type Fraction from 'fraction.js';
import { coalitionKey } from './coalition.ts';
import { blockingCoalitions } from './core.ts';
import { formatAmountText, formatFraction } from './format.ts';
import type { GameSolution } from './solve.ts';
import type { GameKind } from './types.ts';

/** Amounts per player id. */
export type AmountsById = Readonly<Record<string, string>>;

/** The JSON report of a solved game. */
export interface GameReport {
	readonly players: readonly string[];
	readonly kind: GameKind;
	readonly grand: string;
	readonly standAlone: AmountsById;
	readonly shapley: AmountsById;
	readonly nucleolus: AmountsById;
	/** Whether the nucleolus respects individual rationality (false: no imputation exists; it is the prenucleolus). */
	readonly individuallyRational: boolean;
	readonly core: { readonly nonEmpty: boolean; readonly leastCore: string; readonly nucleolusInCore: boolean };
	readonly exact: {
		readonly grand: string;
		readonly shapley: AmountsById;
		readonly nucleolus: AmountsById;
		readonly leastCore: string;
	};
}

/** Amounts per player, written by `write`, in a null-prototype object (ids may be any string). */
export function byPlayer(
	players: readonly string[],
	amounts: readonly Fraction[],
	write: (f: Fraction) => string
): Record<string, string> {
	const out = Object.create(null) as Record<string, string>;
	players.forEach((id, i) => (out[id] = write(amounts[i]!)));
	return out;
}

/** The report of `solution`. */
export function gameReport(solution: GameSolution): GameReport {
	const { players, kind, worth } = solution.game;
	const blocking = blockingCoalitions(players.length, kind, worth, solution.nucleolus);
	return {
		players,
		kind,
		grand: formatAmountText(solution.grand),
		standAlone: byPlayer(players, solution.standAlone, formatAmountText),
		shapley: byPlayer(players, solution.shapley, formatAmountText),
		nucleolus: byPlayer(players, solution.nucleolus, formatAmountText),
		individuallyRational: solution.individuallyRational,
		core: {
			nonEmpty: solution.coreNonEmpty,
			leastCore: formatAmountText(solution.leastCore),
			nucleolusInCore: blocking.length === 0
		},
		exact: {
			grand: formatFraction(solution.grand),
			shapley: byPlayer(players, solution.shapley, formatFraction),
			nucleolus: byPlayer(players, solution.nucleolus, formatFraction),
			leastCore: formatFraction(solution.leastCore)
		}
	};
}

/** The canonical key of every coalition, in listing order, for messages. */
export function coalitionName(mask: number, players: readonly string[]): string {
	return `{${coalitionKey(mask, players).split(',').join(', ')}}`;
}
