// Benchmark of the exact game solver: Shapley value and nucleolus of generated cost games of 8, 10
// and 12 players (12 is the documented maximum), and the Servicepunt71 fairness game (15
// coalitions, each a model run). Prints each figure; asserts nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Fraction from 'fraction.js';
import { fairnessReport, scenarioGame } from '../src/fairness/index.ts';
import { loadScenarioFromTexts, resolveVariant } from '../src/facade/load.ts';
import { grandMask, solveGame, type Game } from '../src/game/index.ts';

/** A subadditive cost game with economies of scale and a little noise, from a fixed seed. */
function generated(n: number): Game {
	let seed = 7;
	const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const size = Array.from({ length: n }, () => 1000 + Math.floor(next() * 1_000_000));
	const worth = [new Fraction(0)];
	for (let mask = 1; mask <= grandMask(n); mask++) {
		let total = 0;
		for (let i = 0; i < n; i++) if ((mask >> i) & 1) total += size[i]!;
		// Whole cents from a float formula: the game itself is then exact data.
		worth[mask] = new Fraction(Math.round(total ** 0.9 * (1 + next() * 0.05) * 100), 100);
	}
	return { players: size.map((_, i) => `p${i}`), kind: 'cost', worth };
}

function time(label: string, f: () => void): void {
	const start = performance.now();
	f();
	console.log(`${label.padEnd(58)} ${(performance.now() - start).toFixed(0).padStart(7)} ms`);
}

for (const n of [8, 10, 12])
	time(`game of ${n} players (${grandMask(n)} coalitions): Shapley + nucleolus`, () => solveGame(generated(n)));

const root = new URL('../../../scenarios/servicepunt71/', import.meta.url);
const variants = Object.fromEntries(
	readdirSync(new URL('variants/', root)).map((f) => [f, readFileSync(new URL(join('variants', f), root), 'utf8')])
);
const loaded = loadScenarioFromTexts({ scenario: readFileSync(new URL('scenario.yaml', root), 'utf8'), variants });
if (!loaded.ok) throw new Error('the reference scenario does not load');
const variant = resolveVariant(loaded.value, 'centrumgemeente-leiden');
if (!variant.ok) throw new Error('centrumgemeente-leiden does not resolve');
time('Servicepunt71 fairness game, centrumgemeente-leiden, NPV', () =>
	fairnessReport(scenarioGame(variant.value, { npv: true }))
);
console.log('\nNo target is set for these; the maximum of 12 players is documented in docs/game-format.md.');
