// The cooperative game: players and the worth of every coalition, exact. A coalition is a bit
// mask over the players in their given order (bit i set = players[i] is a member).
import type Fraction from 'fraction.js';

/** A cost game (lower is better: what a coalition would pay on its own) or a value game (higher is better). */
export type GameKind = 'cost' | 'value';

/** A validated game: `worth[mask]` is the cost or value of the coalition `mask`; `worth[0]` is 0. */
export interface Game {
	readonly players: readonly string[];
	readonly kind: GameKind;
	/** Indexed by coalition mask, length 2ⁿ, exact. */
	readonly worth: readonly Fraction[];
}

/** The most players a game may have: the file lists 2ⁿ − 1 coalitions and the nucleolus solves LPs over all of them. */
export const MAX_PLAYERS = 12;
