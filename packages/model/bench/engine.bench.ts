// `npm run bench` (engine part): each method at 10, 50 and 200 pools with 400 recipients, exact
// (Decimal) engine next to the Float64Array floor, with the ratio. Prints a Markdown table.
import { cpus, loadavg } from 'node:os';
import { METHODS, allocate } from '../src/allocation/index.ts';
import { validateProblem } from '../src/problem/validate.ts';
import type { MethodId, NormalisedProblem } from '../src/problem/types.ts';
import { allocateFloat, toFloatProblem } from '../src/allocation/float.ts';
import { generateProblem } from './generate.ts';

const SIZES = [10, 50, 200];
const RECIPIENTS = 400;

interface Timing {
	readonly median: number;
	readonly best: number;
}

/** Wall time in ms (median and best) over `runs` runs after one warm-up (at least `minMs` of runs for tiny timings). */
function time(fn: () => unknown, runs: number, minMs = 1000): Timing {
	// Start each measurement from a clean heap when node runs with --expose-gc (npm run bench does).
	(globalThis as { gc?: () => void }).gc?.();
	fn();
	const samples: number[] = [];
	const start = performance.now();
	while (samples.length < runs || (performance.now() - start < minMs && samples.length < 1000)) {
		const t0 = performance.now();
		fn();
		samples.push(performance.now() - t0);
	}
	const sorted = samples.sort((a, b) => a - b);
	return { median: sorted[Math.floor(sorted.length / 2)]!, best: sorted[0]! };
}

const format = (ms: number): string => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

console.log(`Allocation engine benchmark: ${RECIPIENTS} recipients; wall time per allocation in ms, median (best)`);
console.log(
	`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, load average ${loadavg()
		.map((l) => l.toFixed(1))
		.join(' ')}`
);
console.log('exact = the method on a validated problem; float = the same arithmetic in Float64Array;');
console.log('allocate() = validation + method, as a caller of the library sees it; ratio = exact / float (medians)\n');
// Warm up the JIT on every code path first, so the first row is not measured cold.
{
	const warm = validateProblem(generateProblem(20, RECIPIENTS, 1));
	if (!warm.ok) throw new Error('warm-up problem invalid');
	const floatWarm = toFloatProblem(warm.value);
	for (let i = 0; i < 5; i++)
		for (const method of Object.keys(METHODS) as MethodId[]) {
			METHODS[method].allocate({ ...warm.value, method });
			allocateFloat(floatWarm, method);
		}
}

console.log('| method | pools | exact | float | exact / float | allocate() |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const size of SIZES) {
	const problem = generateProblem(size, RECIPIENTS);
	const validated = validateProblem(problem);
	if (!validated.ok) throw new Error(JSON.stringify(validated.issues.slice(0, 3)));
	const normalised: NormalisedProblem = validated.value;
	const floatProblem = toFloatProblem(normalised);
	for (const method of Object.keys(METHODS) as MethodId[]) {
		const runs = size >= 200 ? 5 : 9;
		// `.trace` is built when first read: read it, so the figure includes the full trace.
		const exact = time(() => METHODS[method].allocate({ ...normalised, method }).trace, runs);
		const float = time(() => allocateFloat(floatProblem, method), runs);
		const whole = time(
			() => (allocate(problem, method) as { value?: { trace: unknown } }).value?.trace,
			size >= 200 ? 3 : runs
		);
		const cell = (t: Timing) => `${format(t.median)} (${format(t.best)})`;
		console.log(
			`| ${method} | ${size} | ${cell(exact)} | ${cell(float)} | ${(exact.median / float.median).toFixed(1)}× | ${cell(whole)} |`
		);
	}
}
