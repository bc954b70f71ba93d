// A small fuzz run inside `npm test`: every target for a few hundred mutated inputs, with fixed
// seeds so a failure reproduces. The large run is `npm run fuzz -- --runs 100000`.
import { describe, expect, it } from 'vitest';
import { TARGETS, fuzz, type TargetName } from './targets.ts';

const RUNS: Partial<Record<TargetName, number>> = { scenario: 60, 'scenario-text': 60, variant: 60, 'import-xlsx': 40 };

describe('fuzzing: every outcome is a reconciled result or a list of issues', () => {
	for (const name of Object.keys(TARGETS) as TargetName[])
		it(`${name}`, { timeout: 120_000 }, async () => {
			const runs = RUNS[name] ?? 300;
			const counts = await fuzz(name, runs, 12);
			expect(counts.results + counts.issues).toBe(runs);
		});
});
