// `npm run bench` (command-line part): wall time of the whole `sp71` process, as a user sees it,
// median of 7 runs after one warm-up, next to its target. Runs the built JavaScript (bin/sp71.js).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(new URL('.', import.meta.url).pathname, '..', '..', '..');
const bin = join(root, 'packages', 'model', 'bin', 'sp71.js');
const RUNS = 7;

/** Median and range of the wall time (ms) of `node bin/sp71.js ...args` over RUNS runs after a warm-up. */
function wallTime(args) {
	const once = () => {
		const t0 = process.hrtime.bigint();
		const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
		const ms = Number(process.hrtime.bigint() - t0) / 1e6;
		if (result.status !== 0) throw new Error(`sp71 ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
		return ms;
	};
	once();
	const samples = Array.from({ length: RUNS }, once).sort((a, b) => a - b);
	return { median: samples[Math.floor(RUNS / 2)], min: samples[0], max: samples[RUNS - 1] };
}

const cases = [
	{ label: 'sp71 --help', args: ['--help'], target: 250 },
	{ label: 'sp71 --version', args: ['--version'], target: 250 },
	{
		label: 'sp71 compare scenarios/servicepunt71 --variant centrumgemeente-leiden --format json',
		args: ['compare', 'scenarios/servicepunt71', '--variant', 'centrumgemeente-leiden', '--format', 'json'],
		target: 700
	},
	{
		label: 'sp71 validate scenarios/duivenvoorde',
		args: ['validate', 'scenarios/duivenvoorde'],
		target: undefined
	}
];

console.log(`sp71 as a whole process (node ${process.version}), wall time in ms: median of ${RUNS} runs (min–max)\n`);
console.log('| command | median | min–max | target | met |');
console.log('|---|---:|---:|---:|:---:|');
for (const c of cases) {
	const t = wallTime(c.args);
	const met = c.target === undefined ? '' : t.median <= c.target ? 'yes' : 'NO';
	console.log(
		`| \`${c.label}\` | ${t.median.toFixed(0)} | ${t.min.toFixed(0)}–${t.max.toFixed(0)} | ${c.target === undefined ? '–' : `≤ ${c.target}`} | ${met} |`
	);
}
