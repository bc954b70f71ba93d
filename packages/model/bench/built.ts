// Whether the built package (packages/model/dist) is older than its source. The benchmarks of the
// model measure the built package, the code a researcher or the `sp71` command runs, not the
// TypeScript source through the tsx loader (whose transformed modules run slower and whose loader
// thread adds to the memory); see require-built.ts.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** The newest modification time of a file under `dir` (ms), 0 when there is none. */
export function newest(dir: string): number {
	let latest = 0;
	try {
		for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
			if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
	} catch {
		return 0;
	}
	return latest;
}

/** Whether packages/model/dist is older than a file of packages/model/src. */
export function buildIsStale(): boolean {
	return newest(join(packageDir, 'dist')) < newest(join(packageDir, 'src'));
}
