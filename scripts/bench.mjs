// `npm run bench`: the allocation engine benchmark (exact engine next to a Float64Array floor, per
// method at 10, 50 and 200 pools with 400 recipients), the scenario model (reference comparison, load,
// scale, reciprocal solve), the exact game solver, the `sp71` command as a whole process, then the web app's benchmark when present.
// A benchmark, not a test: it prints figures and fails only when a benchmark cannot run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let failed = false;

function run(label, args) {
	console.log(`\n▶ ${label}\n`);
	const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(`✗ ${label} exited with ${result.status ?? result.signal}`);
		failed = true;
	}
}

// The model's benchmarks measure the built package: build it first so the figures are of the current source.
run('build the model package', [join('packages', 'model', 'scripts', 'build.mjs')]);
run('allocation engine', ['--expose-gc', '--import', 'tsx', join('packages', 'model', 'bench', 'engine.bench.ts')]);
run('uncertainty analysis', [
	'--expose-gc',
	'--import',
	'tsx',
	join('packages', 'model', 'bench', 'analysis.bench.ts')
]);
run('scenario model', ['--expose-gc', '--import', 'tsx', join('packages', 'model', 'bench', 'model.bench.ts')]);
run('command line', [join('packages', 'model', 'bench', 'cli.bench.mjs')]);
run('cooperative games', ['--import', 'tsx', join('packages', 'model', 'bench', 'game.bench.ts')]);
// The app's benchmarks run in a real browser: the one `npm test` installs when it is missing.
run('a Chromium for the app', [join(root, 'scripts', 'ensure-chromium.mjs')]);
const ui = join(root, 'scripts', 'bench-ui.mjs');
if (existsSync(ui)) run('web app', [ui]);
run('uncertainty analysis in the app', [join(root, 'scripts', 'bench-analysis-ui.mjs')]);
process.exit(failed ? 1 : 0);
