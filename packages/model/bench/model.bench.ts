// `npm run bench` (model part): the speed of the scenario model itself, each figure next to its
// target. The reference comparison (load excluded) with its full trace, beside the same comparison
// without the explanation trees; loading and validating the reference scenario with its variants;
// a generated scenario of 400 participants × 100 pools × 10 years (each size in a fresh process, for
// its peak memory) with how time grows; the reciprocal solve at 200 pools × 400 recipients beside a
// dense float solve of the same system. Measured on the built package (see built.ts).
import './require-built.ts';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
	applyVariant,
	compareScenarios,
	explainScenario,
	loadScenarioFromTexts,
	resolveVariant
} from '../dist/index.js';
import type { Scenario } from '../dist/scenario/types.js';
import { validateProblem } from '../dist/problem/validate.js';
import { allocateReciprocal } from '../dist/allocation/reciprocal.js';
import { allocateFloat, toFloatProblem } from '../dist/allocation/float.js';
import { prepareAnalysis } from '../dist/analysis/pair.js';
import { fastEvaluator } from '../dist/analysis/fast-evaluator.js';
import { outputWidth } from '../dist/analysis/simulate.js';
import { Decimal } from '../dist/money/decimal.js';
import { generateProblem } from './generate.ts';

const root = join(new URL('.', import.meta.url).pathname, '..', '..', '..');

/** Median wall time in ms over `runs` runs after one warm-up. */
function median(fn: () => unknown, runs: number): number {
	(globalThis as { gc?: () => void }).gc?.();
	fn();
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		fn();
		samples.push(performance.now() - t0);
	}
	return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** Median CPU time of the process (user + system) in ms over `runs` runs after one warm-up. */
function medianCpu(fn: () => unknown, runs: number): number {
	(globalThis as { gc?: () => void }).gc?.();
	fn();
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const before = process.cpuUsage();
		fn();
		const used = process.cpuUsage(before);
		samples.push((used.user + used.system) / 1000);
	}
	return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const verdict = (value: number, target: number): string => (value <= target ? 'yes' : 'NO');
// Measured first, as a reference for the figures below (see hostSpeed).
const speedBefore = hostSpeed();
const rows: string[] = [];
const row = (figure: string, value: string, target: string, met: string) =>
	rows.push(`| ${figure} | ${value} | ${target} | ${met} |`);

// The reference scenario as texts, read once (reading files is not part of any figure).
const dir = join(root, 'scenarios', 'servicepunt71');
const variants = Object.fromEntries(
	readdirSync(join(dir, 'variants')).map((f) => [`variants/${f}`, readFileSync(join(dir, 'variants', f), 'utf8')])
);
const texts = { scenario: readFileSync(join(dir, 'scenario.yaml'), 'utf8'), file: 'scenario.yaml', variants };
const loaded = loadScenarioFromTexts(texts);
if (!loaded.ok) throw new Error('the reference scenario does not load');
const must = (r: ReturnType<typeof resolveVariant>): Scenario => {
	if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
	return r.value;
};
const base = must(resolveVariant(loaded.value, null));
const variant = must(resolveVariant(loaded.value, 'centrumgemeente-leiden'));

/**
 * Like median(), but each run gets fresh copies of both scenarios, made outside the timing: the model
 * computes a scenario object's years once, so a run on the same objects would measure a lookup.
 */
function medianFresh(fn: (pair: readonly [Scenario, Scenario]) => unknown, runs: number): number {
	const fresh = () => [{ ...base }, { ...variant }] as const;
	(globalThis as { gc?: () => void }).gc?.();
	fn(fresh());
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const pair = fresh();
		const t0 = performance.now();
		fn(pair);
		samples.push(performance.now() - t0);
	}
	return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

// 1. The reference comparison, 2021–2030, with the explanation tree of every participant-year of both.
const tracedIn =
	(locale: 'en' | 'nl') =>
	([b, v]: readonly [Scenario, Scenario]) => {
		const comparison = compareScenarios(b, v);
		for (const s of [b, v])
			for (const p of s.participants)
				for (let y = s.horizon.from; y <= s.horizon.to; y++) explainScenario(s, p.id, y, { locale });
		return comparison;
	};
const withTrace = tracedIn('en');
const tracedMs = medianFresh(withTrace, 11);
// The same with the trees in Dutch, the app's language (its inputs are labelled as the data page lists them).
const tracedDutchMs = medianFresh(tracedIn('nl'), 11);
const plainMs = medianFresh(([b, v]) => compareScenarios(b, v), 21);
// The float kernel of the same comparison (the uncertainty analysis's fast path: every participant's
// totals, differences and NPV at the inputs' medians), per evaluation, over many evaluations.
const floatKernelMs = (() => {
	const pair = prepareAnalysis(base, variant);
	const evaluate = fastEvaluator(pair);
	if (!evaluate.stats.kernel) return undefined;
	const u = new Float64Array(pair.inputs.length).fill(0.5);
	const out = new Float64Array(outputWidth(pair) * pair.participants.length);
	const runs = 2000;
	return (
		median(() => {
			for (let i = 0; i < runs; i++) evaluate(u, out);
		}, 5) / runs
	);
})();
// The exact arithmetic alone: every Decimal method the model calls in one traced comparison (fresh
// copies), recorded with its operands and replayed in a loop; making Decimals is not counted. It tells
// how much of the traced time decimal.js itself takes.
const arithmetic = (() => {
	type Method = (this: unknown, ...args: unknown[]) => unknown;
	const prototype = Decimal.prototype as unknown as Record<string, Method>;
	const names = Object.getOwnPropertyNames(prototype).filter(
		(k) => k !== 'constructor' && typeof prototype[k] === 'function'
	);
	const original = new Map(names.map((k) => [k, prototype[k]!]));
	const calls: [Method, unknown, unknown[]][] = [];
	let depth = 0;
	for (const [k, method] of original)
		prototype[k] = function (this: unknown, ...args: unknown[]) {
			// Only the model's own calls: a method that calls another inside decimal.js is replayed once.
			if (depth === 0) calls.push([method, this, args]);
			depth++;
			try {
				return method.apply(this, args);
			} finally {
				depth--;
			}
		};
	try {
		withTrace([{ ...base }, { ...variant }]);
	} finally {
		for (const [k, method] of original) prototype[k] = method;
	}
	const replay = () => {
		for (const [method, self, args] of calls) method.apply(self, args);
	};
	return { ms: median(replay, 21), calls: calls.length };
})();
row('reference comparison with full trace (ms, median)', ms(tracedMs), '≤ 5', verdict(tracedMs, 5));
// What the full trace is (counted outside the timing): every node of the 80 trees, the distinct node
// objects among them (the rest are shared between trees), and the characters of their labels and rules.
const treeSize = (() => {
	const [b, v] = [{ ...base }, { ...variant }];
	const seen = new Set<object>();
	let nodes = 0;
	let characters = 0;
	const walk = (n: ReturnType<typeof explainScenario>): void => {
		nodes++;
		seen.add(n);
		characters += n.label.length + (n.rule?.length ?? 0);
		for (const c of n.children ?? []) walk(c);
	};
	for (const s of [b, v])
		for (const p of s.participants)
			for (let y = s.horizon.from; y <= s.horizon.to; y++) walk(explainScenario(s, p.id, y));
	return { nodes, distinct: seen.size, characters };
})();
row(
	'  its explanation trees: nodes (distinct objects), characters of labels and rules',
	`${treeSize.nodes} (${treeSize.distinct}), ${(treeSize.characters / 1000).toFixed(0)} k`,
	'–',
	''
);
row('  the same with the trees in Dutch (ms)', ms(tracedDutchMs), '–', '');
row(
	'  the same without the explanation trees (ms)',
	ms(plainMs),
	'–',
	`trace costs ${(tracedMs / plainMs).toFixed(1)}×`
);
row(
	'  the same comparison in the float kernel, per evaluation (ms)',
	floatKernelMs === undefined ? 'no kernel' : floatKernelMs.toFixed(3),
	'–',
	floatKernelMs === undefined
		? ''
		: `with trace ${(tracedMs / floatKernelMs).toFixed(0)}×, without ${(plainMs / floatKernelMs).toFixed(0)}× the kernel`
);
row(
	`  its Decimal operations alone, replayed (${arithmetic.calls} calls) (ms)`,
	ms(arithmetic.ms),
	'–',
	`${((arithmetic.ms / tracedMs) * 100).toFixed(0)} % of the traced median`
);

// 2. Loading and validating the reference scenario with its variants (each variant dry-run), in wall
// time and in the process's CPU time (which other work on a shared machine disturbs less).
const loadMs = median(() => loadScenarioFromTexts(texts), 5);
row('load + validate servicepunt71 with its variants (ms)', ms(loadMs), '≤ 150', verdict(loadMs, 150));
const loadCpuMs = medianCpu(() => loadScenarioFromTexts(texts), 5);
row('  the same in CPU time (ms)', ms(loadCpuMs), '–', '');
// An edit as the app applies it on every commit of a field: the directie key's fixed-base share, a new
// value each time, structure checked only (the app then runs the result).
{
	let n = 0;
	const rawKey = (base.raw.pools as { id: string; key: Record<string, unknown> }[]).find(
		(p) => p.id === 'directie'
	)!.key;
	const [from, key] = Object.entries(rawKey)[0]!;
	const edit = () => {
		const value = { ...(key as object), baseShare: `0.${String(100 + (n++ % 800))}`, basis: 'estimate', note: 'edit' };
		return must(applyVariant(base, [{ set: 'pools[id=directie].key', from, value }], { id: 'edit', dryRun: false }));
	};
	const editMs = median(edit, 41);
	row('  one edit of a key applied for the app (applyVariant, structure only) (ms)', ms(editMs), '–', '');
}

// 3. The reciprocal method at 200 pools × 400 recipients beside the same arithmetic in Float64Array.
{
	const validated = validateProblem(generateProblem(200, 400));
	if (!validated.ok) throw new Error('generated problem invalid');
	const problem = { ...validated.value, method: 'reciprocal' as const };
	const floatProblem = toFloatProblem(problem);
	// The result's trace is built when first read: read it, so the figure includes the full trace.
	const exact = median(() => allocateReciprocal(problem).trace, 5);
	const float = median(() => allocateFloat(floatProblem, 'reciprocal'), 5);
	row(
		'reciprocal 200 pools × 400 recipients: exact / float floor',
		`${ms(exact)} / ${ms(float)} ms = ${(exact / float).toFixed(1)}×`,
		'≤ 10×',
		verdict(exact / float, 10)
	);
}

// 4. Scale: each size in its own process (bench/scale-run.ts), for its own peak memory.
function scaleRun(p: number, n: number, y: number): { ms: number; mb: number } | string {
	const result = spawnSync(
		process.execPath,
		['--import', 'tsx', join(root, 'packages', 'model', 'bench', 'scale-run.ts'), String(p), String(n), String(y)],
		{ cwd: root, encoding: 'utf8', timeout: 600_000 }
	);
	if (result.status !== 0) return `failed (${result.status ?? result.signal}): ${result.stderr.split('\n')[0]}`;
	return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { ms: number; mb: number };
}
const full = scaleRun(400, 100, 10);
if (typeof full === 'string') row('scale 400 × 100 × 10', full, '≤ 2 s, ≤ 1 GB', 'NO');
else {
	row(
		'scale 400 participants × 100 pools × 10 years, both forms, built package (s)',
		(full.ms / 1000).toFixed(2),
		'≤ 2',
		verdict(full.ms, 2000)
	);
	row('  its peak memory (MB)', full.mb.toFixed(0), '≤ 1024', verdict(full.mb, 1024));
}

/**
 * The host's speed as the time of a fixed integer loop (ms), taken before and after the figures: on a
 * shared machine the speed drifts by a third and more, and this tells runs on a slow host apart.
 */
function hostSpeed(): number {
	const t0 = performance.now();
	let x = 0;
	for (let i = 0; i < 1e8; i++) x = (x + i * 7) % 1000003;
	if (x < 0) throw new Error('unreachable');
	return performance.now() - t0;
}

console.log(`Scenario model benchmark (node ${process.version}); medians of repeated runs in one process\n`);
console.log(
	`Host speed: a fixed loop took ${speedBefore.toFixed(0)} ms before the figures and ${hostSpeed().toFixed(0)} ms after (lower is faster: compare runs by it).\n`
);
console.log('| figure | measured | target | met |');
console.log('|---|---:|---:|:---:|');
for (const r of rows) console.log(r);

// Growth: each dimension at three sizes around 100 participants × 25 pools × 5 years (each size is a
// process of its own, so the table stays small enough to run in every benchmark).
console.log('\nHow the scale scenario grows (seconds to allocate and compare both legal forms; peak MB):\n');
console.log('| varied | participants × pools × years | s | MB |');
console.log('|---|---|---:|---:|');
const sizes: [string, number, number, number][] = [
	['participants', 50, 25, 5],
	['participants', 100, 25, 5],
	['participants', 200, 25, 5],
	['pools', 100, 12, 5],
	['pools', 100, 50, 5],
	['years', 100, 25, 3],
	['years', 100, 25, 10]
];
for (const [varied, p, n, y] of sizes) {
	const r = scaleRun(p, n, y);
	const cells = typeof r === 'string' ? [r, ''] : [(r.ms / 1000).toFixed(2), r.mb.toFixed(0)];
	console.log(`| ${varied} | ${p} × ${n} × ${y} | ${cells.join(' | ')} |`);
}
