// `npm run bench` (analysis part): the Monte Carlo, tornado and memory figures of the uncertainty
// analysis on the reference comparison (servicepunt71 against centrumgemeente-leiden, 2021–2030),
// each printed next to its target. The draws run on the recorded float kernel (the fast path); the
// exact path's time per draw is measured in the same run, on a few hundred draws, for the ratio.
// Measured on the built package (see built.ts).
// Usage: node --expose-gc --import tsx packages/model/bench/analysis.bench.ts [--draws N]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import './require-built.ts';
import { drawEvaluator } from '../dist/analysis/index.js';
import { exactEvaluator } from '../dist/analysis/exact-evaluator.js';
import { evaluateExact, prepareAnalysis } from '../dist/analysis/pair.js';
import { scenarioTornado } from '../dist/analysis/sensitivity.js';
import { runSimulation, summarizeSimulation } from '../dist/analysis/simulate.js';
import { loadScenarioFromTexts, resolveVariant } from '../dist/facade/load.js';

const arg = process.argv.indexOf('--draws');
const DRAWS = arg > 0 ? Number(process.argv[arg + 1]) : 10_000;
const root = new URL('../../..', import.meta.url).pathname;
const dir = join(root, 'scenarios', 'servicepunt71');
const variants = Object.fromEntries(
	readdirSync(join(dir, 'variants')).map((f) => [f, readFileSync(join(dir, 'variants', f), 'utf8')])
);
const loaded = loadScenarioFromTexts({ scenario: readFileSync(join(dir, 'scenario.yaml'), 'utf8'), variants });
if (!loaded.ok) throw new Error('the reference scenario does not load');
const variant = resolveVariant(loaded.value, 'centrumgemeente-leiden');
if (!variant.ok) throw new Error('the reference variant does not resolve');
const pair = prepareAnalysis(loaded.value, variant.value);

console.log(
	`Uncertainty analysis benchmark: servicepunt71 vs centrumgemeente-leiden, ${pair.inputs.length} uncertain inputs`
);
console.log(
	`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, load average ${loadavg()
		.map((l) => l.toFixed(1))
		.join(' ')}`
);
(globalThis as { gc?: () => void }).gc?.();

// One exact comparison (both sides, 10 years), median of 9 after a warm-up. Each run gets fresh
// copies of both scenarios: the model computes a scenario object once, so the same objects would
// measure a lookup.
const fresh = () => ({ ...pair, base: { ...pair.base }, variant: { ...pair.variant } });
evaluateExact(fresh());
const samples: number[] = [];
for (let i = 0; i < 9; i++) {
	const copy = fresh();
	const t0 = performance.now();
	evaluateExact(copy);
	samples.push(performance.now() - t0);
}
const exactMs = samples.sort((a, b) => a - b)[4]!;

(globalThis as { gc?: () => void }).gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let peak = heapBefore;
const t0 = performance.now();
const evaluate = drawEvaluator(pair);
const recordMs = performance.now() - t0;
const draws = runSimulation(pair, evaluate, {
	draws: DRAWS,
	seed: 1,
	chunk: 100,
	onProgress: () => (peak = Math.max(peak, process.memoryUsage().heapUsed))
});
const report = summarizeSimulation(pair, draws);
const { fallbacks, draws: evaluated } = evaluate.stats;
const mcMs = performance.now() - t0;
const memoryMb = (peak - heapBefore) / 2 ** 20;

// The exact path on the same sample, a few hundred draws (all 10 000 would take minutes).
const EXACT_DRAWS = Math.min(DRAWS, 200);
const t2 = performance.now();
runSimulation(pair, exactEvaluator(pair), { draws: EXACT_DRAWS, seed: 1 });
const exactPerDraw = (performance.now() - t2) / EXACT_DRAWS;
const fastPerDraw = (mcMs - recordMs) / DRAWS;
// The evaluator alone on the run's own points (without sampling, reordering and statistics).
const point = new Float64Array(draws.k);
const scratch = new Float64Array(draws.outputs.length / draws.n);
const t3 = performance.now();
for (let i = 0; i < draws.n; i++) {
	for (let j = 0; j < draws.k; j++) point[j] = draws.u[j * draws.n + i]!;
	evaluate(point, scratch);
}
const kernelPerDraw = (performance.now() - t3) / draws.n;

// The tornado on fresh copies too: each run includes computing both sides once at their values. The
// first run is printed on its own (it also warms up the incremental recomputation); the figure is the
// median of the five runs after it, as for the command line, with their range (the host's speed drifts).
const tornadoRun = (): number => {
	const copy = fresh();
	const t1 = performance.now();
	scenarioTornado(copy);
	return performance.now() - t1;
};
const firstTornadoMs = tornadoRun();
const tornadoRuns = Array.from({ length: 5 }, tornadoRun).sort((a, b) => a - b);
const tornadoMs = tornadoRuns[2]!;

const rows = [
	['figure', 'measured', 'target', 'ratio to target'],
	['one exact comparison (both sides, 10 years)', `${exactMs.toFixed(1)} ms`, '–', '–'],
	[
		`${DRAWS} draws, Node`,
		`${(mcMs / 1000).toFixed(2)} s`,
		DRAWS === 10_000 ? '≤ 3 s' : '(10 000 draws: ≤ 3 s)',
		DRAWS === 10_000 ? `${(mcMs / 3000).toFixed(2)}×` : '–'
	],
	['  of which recording the kernel and its self-check', `${(recordMs / 1000).toFixed(2)} s`, '–', '–'],
	['per draw (all included)', `${(mcMs / DRAWS).toFixed(3)} ms`, '≤ 0.30 ms', `${(mcMs / DRAWS / 0.3).toFixed(2)}×`],
	['per draw, fast path (draws, sampling, statistics)', `${fastPerDraw.toFixed(3)} ms`, '–', '–'],
	['  of which the kernel evaluation alone', `${kernelPerDraw.toFixed(3)} ms`, '–', '–'],
	[`per draw, exact path (${EXACT_DRAWS} draws, same run)`, `${exactPerDraw.toFixed(1)} ms`, '–', '–'],
	['fast ÷ exact per draw', `1 : ${(exactPerDraw / fastPerDraw).toFixed(0)}`, '–', '–'],
	[
		'draws recomputed exactly (a guard failed)',
		`${fallbacks} of ${evaluated}`,
		'–',
		`kernel: ${evaluate.stats.instructions} instructions, ${evaluate.stats.guards} guards`
	],
	[
		`tornado (${pair.inputs.length} inputs × 2 ends, exact), median of 5`,
		`${(tornadoMs / 1000).toFixed(2)} s`,
		'≤ 1 s',
		`${(tornadoMs / 1000).toFixed(2)}×`
	],
	[
		'  its five runs; the first run before them',
		`${tornadoRuns.map((t) => (t / 1000).toFixed(2)).join(' ')}; ${(firstTornadoMs / 1000).toFixed(2)} s`,
		'–',
		'–'
	],
	[`heap growth during ${DRAWS} draws`, `${memoryMb.toFixed(0)} MB`, '≤ 200 MB', `${(memoryMb / 200).toFixed(2)}×`]
];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const [i, r] of rows.entries()) {
	console.log(`| ${r.map((c, j) => c.padEnd(widths[j]!)).join(' | ')} |`);
	if (i === 0) console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
}
console.log(
	`(Leiderdorp NPV P50 € ${report.participants[1]?.npv.p50}, P(cheaper) ${report.participants[1]?.probabilityCheaper})`
);
