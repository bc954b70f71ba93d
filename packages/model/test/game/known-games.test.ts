// Games with published answers: each test names its source, and the model must reproduce the
// published Shapley value or nucleolus exactly (as fractions, not within a tolerance).
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { blockingCoalitions, solveGame, validateGame, type Game } from '../../src/game/index.ts';

function game(raw: unknown): Game {
	const result = validateGame(raw);
	if (!result.ok) throw new Error(JSON.stringify(result.issues));
	return result.value;
}

const exact = (values: readonly Fraction[]): string[] => values.map((v) => v.toFraction());

/** A game listed in the depth-first order 1, 12, 123, …, 2, 23, … used by Nucleolus.jl's tests. */
function depthFirst(players: string[], kind: 'cost' | 'value', values: string[]): Game {
	const keys: string[] = [];
	const walk = (prefix: string[], start: number): void => {
		for (let i = start; i < players.length; i++) {
			const next = [...prefix, players[i]!];
			keys.push(next.join(','));
			walk(next, i + 1);
		}
	};
	walk([], 0);
	return game({ players, [kind]: Object.fromEntries(keys.map((key, i) => [key, values[i]])) });
}

describe('published nucleoli', () => {
	// Guajardo & Jörnsten (2015), "Common mistakes in computing the nucleolus", EJOR 241(3), example
	// from Lemaire (1991), as used in the test suite of Nucleolus.jl (github.com/AndreyChurkin).
	it('three insurers (Lemaire 1991): 52 687,50; 24 468,75; 12 843,75', () => {
		const g = depthFirst(['1', '2', '3'], 'value', [
			'46125',
			'69187.5',
			'90000',
			'53812.5',
			'17437.5',
			'30750',
			'5812.5'
		]);
		expect(exact(solveGame(g).nucleolus)).toEqual(['105375/2', '97875/4', '51375/4']);
	});

	// Same source: manufacturing cost game of Oh and Shin (2012).
	it('manufacturing cost game (Oh and Shin 2012): 331 695,25; 233 051,25; 207 753,50', () => {
		const g = depthFirst(['1', '2', '3'], 'cost', [
			'375144',
			'568232',
			'772500',
			'551055',
			'245280',
			'452411',
			'211239'
		]);
		expect(exact(solveGame(g).nucleolus)).toEqual(['1326781/4', '932205/4', '415507/2']);
	});

	// Same source: mobiles in broadcast transmission (Hasan et al. 2011), four players.
	it('broadcast transmission cost game (Hasan et al. 2011): 7,5; 0,5; 1,5; 10,5', () => {
		const values = ['8', '8', '10', '20', '19', '10', '20', '19', '1', '10', '13', '12', '10', '12', '11'];
		const g = depthFirst(['1', '2', '3', '4'], 'cost', values);
		expect(exact(solveGame(g).nucleolus)).toEqual(['15/2', '1/2', '3/2', '21/2']);
	});

	// T. S. Ferguson, Game Theory, part IV §4 (math.ucla.edu/~tom/Game_Theory/coal.pdf), exercise
	// used in the test suite of the R package CoopGame: v = (−1, 0, 1, 3, 4, 2, 5).
	it('Ferguson’s three-player game: nucleolus (8/3, 2/3, 5/3)', () => {
		const g = game({
			players: ['1', '2', '3'],
			value: { 1: '-1', 2: '0', 3: '1', '1,2': '3', '1,3': '4', '2,3': '2', '1,2,3': '5' }
		});
		expect(exact(solveGame(g).nucleolus)).toEqual(['8/3', '2/3', '5/3']);
	});

	// Aumann & Maschler (1985), "Game theoretic analysis of a bankruptcy problem from the Talmud",
	// J. Econ. Theory 36: the nucleolus of the bankruptcy game is the Talmud's division of the estate
	// among claims of 100, 200 and 300: 100 → (33⅓, 33⅓, 33⅓), 200 → (50, 75, 75), 300 → (50, 100, 150).
	it.each([
		['100', ['100/3', '100/3', '100/3']],
		['200', ['50', '75', '75']],
		['300', ['50', '100', '150']]
	])('Talmud estate of %s among claims 100, 200, 300', (estate, expected) => {
		const claims = [100, 200, 300];
		const value: Record<string, string> = {};
		for (let mask = 1; mask < 8; mask++) {
			const members = [0, 1, 2].filter((i) => (mask >> i) & 1);
			const outside = claims.reduce((sum, c, i) => (members.includes(i) ? sum : sum + c), 0);
			value[members.map((i) => `c${claims[i]}`).join(',')] = String(Math.max(0, Number(estate) - outside));
		}
		expect(exact(solveGame(game({ players: ['c100', 'c200', 'c300'], value })).nucleolus)).toEqual(expected);
	});
});

describe('published Shapley values', () => {
	/** The airport game: a coalition pays for the longest runway its members need. */
	function airport(costs: number[]): Game {
		const players = costs.map((_, i) => `p${i + 1}`);
		const cost: Record<string, string> = {};
		for (let mask = 1; mask < 1 << costs.length; mask++) {
			const members = costs.map((_, i) => i).filter((i) => (mask >> i) & 1);
			cost[members.map((i) => players[i]).join(',')] = String(Math.max(...members.map((i) => costs[i]!)));
		}
		return game({ players, cost });
	}

	// Littlechild & Owen (1973); worked example of Wikipedia's "Airport problem": runway costs
	// 8, 11, 13, 18 give the landing charges 2, 3, 4, 9 (each increment shared by those who need it).
	it('airport game 8, 11, 13, 18 (Wikipedia, Airport problem): 2, 3, 4, 9', () => {
		const solution = solveGame(airport([8, 11, 13, 18]));
		expect(exact(solution.shapley)).toEqual(['2', '3', '4', '9']);
		expect(solution.coreNonEmpty).toBe(true);
	});

	// Six aircraft with runway costs 40 … 90 (math.stackexchange question 4152535, after Littlechild
	// and Owen 1973): Shapley value (40, 52, 67, 87, 117, 177)/6.
	it('airport game 40, 50, …, 90: (40, 52, 67, 87, 117, 177)/6', () => {
		const solution = solveGame(airport([40, 50, 60, 70, 80, 90]));
		expect(solution.shapley.map((v) => v.mul(6).toFraction())).toEqual(['40', '52', '67', '87', '117', '177']);
		expect(blockingCoalitions(6, 'cost', solution.game.worth, solution.nucleolus)).toEqual([]);
	});

	// The glove game (one left glove, two right gloves), e.g. Maschler, Solan & Zamir, Game Theory
	// (2013), ch. 17/18: Shapley (2/3, 1/6, 1/6); the core is the single point (1, 0, 0), so that is
	// also the nucleolus.
	it('glove game: Shapley (2/3, 1/6, 1/6), core and nucleolus (1, 0, 0)', () => {
		const g = game({
			players: ['L', 'R1', 'R2'],
			value: { 'L,R1': '1', 'R2,L': '1', 'L,R1,R2': '1' },
			missing: 'zero'
		});
		const solution = solveGame(g);
		expect(exact(solution.shapley)).toEqual(['2/3', '1/6', '1/6']);
		expect(exact(solution.nucleolus)).toEqual(['1', '0', '0']);
		expect(solution.coreNonEmpty).toBe(true);
	});
});

describe('edge cases', () => {
	// The three-player majority game: any two players win. Its core is empty (each pair would need
	// the whole worth), the least-core ε is 1/3 and by symmetry the nucleolus is (1/3, 1/3, 1/3).
	it('majority game: empty core, ε = 1/3, nucleolus and Shapley (1/3, 1/3, 1/3)', () => {
		const g = game({
			players: ['a', 'b', 'c'],
			value: { 'a,b': '1', 'a,c': '1', 'b,c': '1', 'a,b,c': '1' },
			missing: 'zero'
		});
		const solution = solveGame(g);
		expect(solution.coreNonEmpty).toBe(false);
		expect(solution.leastCore.toFraction()).toBe('1/3');
		expect(exact(solution.nucleolus)).toEqual(['1/3', '1/3', '1/3']);
		expect(exact(solution.shapley)).toEqual(['1/3', '1/3', '1/3']);
		expect(blockingCoalitions(3, 'value', g.worth, solution.nucleolus).map((b) => b.gain.toFraction())).toEqual([
			'1/3',
			'1/3',
			'1/3'
		]);
	});

	it('a one-player game gives the player its own worth, and its core is that point', () => {
		const solution = solveGame(game({ players: ['solo'], cost: { solo: '12.34' } }));
		expect(exact(solution.shapley)).toEqual(['617/50']);
		expect(exact(solution.nucleolus)).toEqual(['617/50']);
		expect(solution.coreNonEmpty).toBe(true);
	});

	it('a cost game where cooperation costs more than going alone has no imputation: the prenucleolus is reported', () => {
		const solution = solveGame(game({ players: ['A', 'B'], cost: { A: '10', B: '10', 'A,B': '30' } }));
		expect(solution.individuallyRational).toBe(false);
		expect(solution.coreNonEmpty).toBe(false);
		expect(exact(solution.nucleolus)).toEqual(['15', '15']);
	});
});
