// Every fairness figure of a game at once: the grand coalition's worth, each player's
// stand-alone worth, the Shapley value, the nucleolus, and whether the core is empty. A cost game
// is solved through its savings game v(S) = Σ_{i∈S} c(i) − c(S), whose nucleolus maps back to
// costs as x_i = c(i) − y_i (the nucleolus is covariant under this change of game).
import Fraction from 'fraction.js';
import { grandMask } from './coalition.ts';
import { nucleolus } from './nucleolus.ts';
import { shapley } from './shapley.ts';
import type { Game } from './types.ts';

/** The figures of one game, exact, per player in the order of `game.players`. */
export interface GameSolution {
	readonly game: Game;
	/** The worth of the grand coalition: the total to divide. */
	readonly grand: Fraction;
	/** Each player's worth on its own, v({i}) or c({i}). */
	readonly standAlone: readonly Fraction[];
	/** The Shapley value of the game itself: cost shares of a cost game, value shares of a value game. */
	readonly shapley: readonly Fraction[];
	readonly nucleolus: readonly Fraction[];
	/** False when no imputation exists (cooperation loses in total) and the nucleolus is the prenucleolus. */
	readonly individuallyRational: boolean;
	/** The least-core ε: the smallest amount every coalition must be allowed to lose; the core is non-empty iff ε ≤ 0. */
	readonly leastCore: Fraction;
	readonly coreNonEmpty: boolean;
}

/** The savings game of a cost game: what each coalition saves against its members alone. */
export function savingsGame(n: number, cost: readonly Fraction[]): Fraction[] {
	return cost.map((c, mask) => {
		let alone = new Fraction(0);
		for (let i = 0; i < n; i++) if ((mask >> i) & 1) alone = alone.add(cost[1 << i]!);
		return alone.sub(c);
	});
}

/** Solve `game`: Shapley value, nucleolus and the core's emptiness, all exact. */
export function solveGame(game: Game): GameSolution {
	const n = game.players.length;
	const grand = game.worth[grandMask(n)]!;
	const standAlone = game.players.map((_, i) => game.worth[1 << i]!);
	const values = game.kind === 'cost' ? savingsGame(n, game.worth) : game.worth;
	const found = nucleolus(n, values);
	const payoff = game.kind === 'cost' ? found.payoff.map((y, i) => standAlone[i]!.sub(y)) : [...found.payoff];
	// Stage 1 minimises the largest excess over all coalitions: the least core.
	const leastCore = found.stages[0]?.excess ?? new Fraction(0);
	return {
		game,
		grand,
		standAlone,
		shapley: shapley(n, game.worth),
		nucleolus: payoff,
		individuallyRational: found.individuallyRational,
		leastCore,
		coreNonEmpty: found.individuallyRational && leastCore.compare(0) <= 0
	};
}
