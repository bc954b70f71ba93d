// Builds the published form of @sp71/model: ESM JavaScript with .d.ts files in dist/ (tsc), and the
// licence beside it. Runs on `npm install` of the repository (the `prepare` script) and in `npm test`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const here = join(dirname(new URL(import.meta.url).pathname), '..');
const dist = join(here, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(dist, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

// tsc rewrites `./x.ts` to `./x.js` in JavaScript but keeps the `.ts` in declaration files; consumers
// resolving with `module: nodenext` need the `.js` form there too.
const relativeTs = /((?:from|import)\s*\(?\s*['"]\.{1,2}\/[^'"]*?)\.ts(['"])/g;
function rewriteDeclarations(folder) {
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) rewriteDeclarations(path);
		else if (entry.name.endsWith('.d.ts')) {
			const text = readFileSync(path, 'utf8');
			const rewritten = text.replace(relativeTs, '$1.js$2');
			if (rewritten !== text) writeFileSync(path, rewritten);
		}
	}
}
rewriteDeclarations(dist);
copyFileSync(join(here, '..', '..', 'LICENSE'), join(here, 'LICENSE'));
