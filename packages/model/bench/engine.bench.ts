// `npm run bench` (engine part): each method at 10, 50 and 200 pools with 400 recipients, exact
// (Decimal) engine next to the Float64Array floor, with the ratio. Prints a Markdown table.
import { cpus } from 'node:os';
import { METHODS } from '../src/allocation/index.ts';
import { validateProblem } from '../src/problem/validate.ts';
import type { MethodId, NormalisedProblem } from '../src/problem/types.ts';
import { allocateFloat, toFloatProblem } from './float-floor.ts';
import { generateProblem } from './generate.ts';

const SIZES = [10, 50, 200];
const RECIPIENTS = 400;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time in ms over `runs` runs after one warm-up (at least `minMs` of runs for tiny timings). */
function time(fn: () => unknown, runs: number, minMs = 1000): number {
	fn();
	const samples: number[] = [];
	const start = performance.now();
	while (samples.length < runs || (performance.now() - start < minMs && samples.length < 1000)) {
		const t0 = performance.now();
		fn();
		samples.push(performance.now() - t0);
	}
	return median(samples);
}

const format = (ms: number): string => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

console.log(`Allocation engine benchmark: ${RECIPIENTS} recipients; median wall time per allocation`);
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}\n`);
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

console.log('| method | pools | validate ms | exact ms | float ms | exact / float |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const size of SIZES) {
	const problem = generateProblem(size, RECIPIENTS);
	let normalised: NormalisedProblem | undefined;
	const validateMs = time(() => {
		const result = validateProblem(problem);
		if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
		normalised = result.value;
	}, 3);
	const floatProblem = toFloatProblem(normalised!);
	for (const method of Object.keys(METHODS) as MethodId[]) {
		const runs = size >= 200 ? 5 : 9;
		const exactMs = time(() => METHODS[method].allocate({ ...normalised!, method }), runs);
		const floatMs = time(() => allocateFloat(floatProblem, method), runs);
		console.log(
			`| ${method} | ${size} | ${format(validateMs)} | ${format(exactMs)} | ${format(floatMs)} | ${(exactMs / floatMs).toFixed(1)}× |`
		);
	}
}
