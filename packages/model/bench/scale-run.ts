// One scale measurement in its own process: generate a scenario (P participants × N pools × Y
// years), validate its structure, and time applying the centrumgemeente variant and allocating and
// comparing both legal forms. Prints one JSON line { ms, mb } (mb: the measuring process's peak memory).
// The measurement runs the built package (packages/model/dist) in plain Node, as a researcher using
// the library does (bench/scale-measure.mjs), not the TypeScript source through the tsx loader, whose
// loader thread and transformed modules would add some 50 MB to the peak; the package is rebuilt
// first when a source file is newer than it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIsStale, packageDir } from './built.ts';
import { generateScenario } from './scale.ts';

if (buildIsStale()) {
	const build = spawnSync(process.execPath, [join(packageDir, 'scripts', 'build.mjs')], { stdio: 'inherit' });
	if (build.status !== 0) throw new Error('the model package does not build');
}

const [participants, pools, years] = process.argv.slice(2).map(Number) as [number, number, number];
const dir = mkdtempSync(join(tmpdir(), 'sp71-scale-'));
try {
	const file = join(dir, 'scenario.json');
	writeFileSync(file, JSON.stringify(generateScenario(participants, pools, years)));
	const measure = spawnSync(
		process.execPath,
		[join(packageDir, 'bench', 'scale-measure.mjs'), file, String(participants * years)],
		{ encoding: 'utf8', maxBuffer: 1 << 20 }
	);
	if (measure.status !== 0) throw new Error(measure.stderr);
	process.stdout.write(measure.stdout);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
