// `npm run bench`: the allocation engine benchmark (exact engine next to a Float64Array floor, per
// method at 10, 50 and 200 pools with 400 recipients), the exact game solver, then the web app's benchmark when present.
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

run('allocation engine', ['--expose-gc', '--import', 'tsx', join('packages', 'model', 'bench', 'engine.bench.ts')]);
run('cooperative games', ['--import', 'tsx', join('packages', 'model', 'bench', 'game.bench.ts')]);
const ui = join(root, 'scripts', 'bench-ui.mjs');
if (existsSync(ui)) run('web app', [ui]);
process.exit(failed ? 1 : 0);
