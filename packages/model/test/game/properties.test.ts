// Axioms of the Shapley value and the nucleolus, checked exactly over generated games of one
// to five players: efficiency, symmetry, the dummy player, additivity (Shapley), individual
// rationality and core membership (nucleolus), and the least core as the nucleolus' largest excess.
import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockingCoalitions, grandMask, shapley, solveGame, type Game, type GameKind } from '../../src/game/index.ts';

const amount = fc.integer({ min: -100_000, max: 100_000 }).map((cents) => new Fraction(cents, 100));

/** A game of n players with arbitrary worths (in cents), cost or value. */
const anyGame = (minPlayers = 1, maxPlayers = 5): fc.Arbitrary<Game> =>
	fc
		.record({ n: fc.integer({ min: minPlayers, max: maxPlayers }), kind: fc.constantFrom<GameKind>('cost', 'value') })
		.chain(({ n, kind }) =>
			fc.array(amount, { minLength: grandMask(n), maxLength: grandMask(n) }).map((values): Game => ({
				players: Array.from({ length: n }, (_, i) => `p${i}`),
				kind,
				worth: [new Fraction(0), ...values]
			}))
		);

const total = (values: readonly Fraction[]): Fraction => values.reduce((a, b) => a.add(b), new Fraction(0));
const swap01 = (mask: number): number => (mask & ~3) | ((mask & 1) << 1) | ((mask & 2) >> 1);
const runs = { numRuns: 150 };

describe('Shapley value and nucleolus', () => {
	it('are efficient: each adds up exactly to the grand coalition’s worth', () => {
		fc.assert(
			fc.property(anyGame(), (game) => {
				const solution = solveGame(game);
				expect(total(solution.shapley).equals(solution.grand)).toBe(true);
				expect(total(solution.nucleolus).equals(solution.grand)).toBe(true);
			}),
			runs
		);
	});

	it('treat symmetric players alike', () => {
		fc.assert(
			fc.property(anyGame(2), (raw) => {
				// Symmetrise in players 0 and 1: v(S) + v(swap(S)) is unchanged by swapping them.
				const game: Game = { ...raw, worth: raw.worth.map((w, mask) => w.add(raw.worth[swap01(mask)]!)) };
				const solution = solveGame(game);
				expect(solution.shapley[0]!.equals(solution.shapley[1]!)).toBe(true);
				expect(solution.nucleolus[0]!.equals(solution.nucleolus[1]!)).toBe(true);
			}),
			runs
		);
	});

	it('give a dummy player exactly its own worth', () => {
		fc.assert(
			fc.property(anyGame(1, 4), amount, (raw, own) => {
				// Add a player d with v(S ∪ d) = v(S) + own for every S.
				const n = raw.players.length;
				const bit = 1 << n;
				const worth = [...raw.worth, ...raw.worth.map((w) => w.add(own))];
				const game: Game = { ...raw, players: [...raw.players, 'dummy'], worth };
				expect(worth[bit]!.equals(own)).toBe(true);
				const solution = solveGame(game);
				expect(solution.shapley[n]!.equals(own)).toBe(true);
				if (solution.individuallyRational) expect(solution.nucleolus[n]!.equals(own)).toBe(true);
			}),
			runs
		);
	});

	it('Shapley value is additive: φ(v + w) = φ(v) + φ(w)', () => {
		fc.assert(
			fc.property(
				fc
					.integer({ min: 1, max: 5 })
					.chain((n) =>
						fc.tuple(
							fc.constant(n),
							fc.array(amount, { minLength: grandMask(n), maxLength: grandMask(n) }),
							fc.array(amount, { minLength: grandMask(n), maxLength: grandMask(n) })
						)
					),
				([n, a, b]) => {
					const v = [new Fraction(0), ...a];
					const w = [new Fraction(0), ...b];
					const sum = v.map((x, i) => x.add(w[i]!));
					const left = shapley(n, sum);
					const right = shapley(n, v).map((x, i) => x.add(shapley(n, w)[i]!));
					left.forEach((x, i) => expect(x.equals(right[i]!)).toBe(true));
				}
			),
			runs
		);
	});

	it('nucleolus is individually rational whenever an imputation exists', () => {
		fc.assert(
			fc.property(anyGame(), (game) => {
				const solution = solveGame(game);
				if (!solution.individuallyRational) return;
				solution.nucleolus.forEach((x, i) => {
					const own = solution.standAlone[i]!;
					expect(game.kind === 'cost' ? x.compare(own) <= 0 : x.compare(own) >= 0).toBe(true);
				});
			}),
			runs
		);
	});

	it('nucleolus lies in the core whenever the core is non-empty, and nothing lies in an empty core', () => {
		fc.assert(
			fc.property(anyGame(), (game) => {
				const solution = solveGame(game);
				const blocking = blockingCoalitions(game.players.length, game.kind, game.worth, solution.nucleolus);
				expect(blocking.length === 0).toBe(solution.coreNonEmpty);
			}),
			runs
		);
	});

	it('nucleolus’ largest coalition gain equals the least-core ε', () => {
		fc.assert(
			fc.property(anyGame(2), (game) => {
				const solution = solveGame(game);
				if (!solution.individuallyRational) return;
				const n = game.players.length;
				let largest: Fraction | null = null;
				for (let mask = 1; mask < grandMask(n); mask++) {
					let paid = new Fraction(0);
					for (let i = 0; i < n; i++) if ((mask >> i) & 1) paid = paid.add(solution.nucleolus[i]!);
					const gain = game.kind === 'cost' ? paid.sub(game.worth[mask]!) : game.worth[mask]!.sub(paid);
					if (largest === null || gain.compare(largest) > 0) largest = gain;
				}
				expect(largest!.equals(solution.leastCore)).toBe(true);
			}),
			runs
		);
	});
});
