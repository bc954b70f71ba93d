// `npm run fuzz -- --runs N [--target NAME] [--seed S]`: run every fuzz target (or one) for N inputs
// and print, per target, the inputs tried, how many gave a valid result and how many gave issues,
// and the time. Exits with 1 at the first uncaught exception or unreconciled result (with the input).
import { parseArgs } from 'node:util';
import { TARGETS, fuzz, type TargetName } from './targets.ts';

const { values } = parseArgs({
	options: { runs: { type: 'string' }, target: { type: 'string' }, seed: { type: 'string' } }
});
const runs = Number(values.runs ?? '1000');
const names = (values.target ? [values.target] : Object.keys(TARGETS)) as TargetName[];
let failed = false;
for (const name of names) {
	if (!(name in TARGETS)) {
		console.error(`unknown target ${name} (targets: ${Object.keys(TARGETS).join(', ')})`);
		process.exit(2);
	}
	const started = performance.now();
	try {
		const counts = await fuzz(name, runs, values.seed === undefined ? undefined : Number(values.seed), (done, c) =>
			console.error(
				`${name.padEnd(14)} ${done} of ${runs}: ${c.results} valid results, ${c.issues} issue lists (${((performance.now() - started) / 1000).toFixed(0)} s)`
			)
		);
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		console.log(
			`${name.padEnd(14)} ${runs} inputs: ${counts.results} valid results, ${counts.issues} issue lists, 0 uncaught exceptions, 0 unreconciled (${seconds} s)`
		);
	} catch (error) {
		failed = true;
		console.log(`${name.padEnd(14)} FAILED: ${(error as Error).message.split('\n').slice(0, 12).join('\n')}`);
	}
}
process.exit(failed ? 1 : 0);
