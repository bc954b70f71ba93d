// Golden results for every scenario and variant in scenarios/ (and the fixtures): the run, the
// comparison with the baseline and one explanation (without the provenance texts, so that editing a
// note does not change it), as files under test/golden/. Regenerate with
// UPDATE_GOLDEN=1 npx vitest run --project model test/scenario/golden.test.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	compareScenarios,
	computationLog,
	explainScenario,
	formatIssues,
	resolveVariant,
	runScenario
} from '../../src/index.ts';
import { ROOT, allScenarios } from './helpers.ts';

const GOLDEN = join(ROOT, 'packages/model/test/golden');
const update = process.env.UPDATE_GOLDEN === '1';

function matchGolden(file: string, actual: string): void {
	const path = join(GOLDEN, file);
	if (update) {
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, actual);
		return;
	}
	if (!existsSync(path)) {
		// Like vitest's snapshots: a new scenario or variant gets its golden file written locally; in CI
		// (where it should have been committed) a missing file fails.
		if (process.env.CI) throw new Error(`golden file ${file} is missing: run with UPDATE_GOLDEN=1 and commit it`);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, actual);
		return;
	}
	const expected = readFileSync(path, 'utf8');
	// Written beside the golden file as name-changed.ext (ignored by git) to diff against.
	const changed = path.replace(/(\.[a-z]+)$/, '-changed$1');
	if (expected !== actual) writeFileSync(changed, actual);
	expect(actual, `${file} differs (the new output is in ${changed}; UPDATE_GOLDEN=1 accepts it)`).toBe(expected);
}

const cases = allScenarios().flatMap(({ name, scenario }) =>
	[null, ...scenario.variants.map((v) => v.id)].map((variant) => ({
		name: name.replace(/^fixture /, 'fixtures/'),
		scenario,
		variant
	}))
);

describe.each(cases.map((c) => [`${c.name}/${c.variant ?? 'baseline'}`, c] as const))('%s', (label, c) => {
	it('matches its golden run, comparison and explanation', () => {
		const base = resolveVariant(c.scenario, null);
		const resolved = resolveVariant(c.scenario, c.variant);
		if (!base.ok || !resolved.ok)
			throw new Error(formatIssues([...(base.ok ? [] : base.issues), ...(resolved.ok ? [] : resolved.issues)]));
		const run = runScenario(resolved.value);
		const golden: Record<string, unknown> = { run };
		if (c.variant) golden.comparison = compareScenarios(base.value, resolved.value);
		matchGolden(`${label}.json`, `${JSON.stringify(golden, null, '\t')}\n`);
		const s = resolved.value;
		const participant = s.participants[1] ?? s.participants[0]!;
		const year = Math.min(s.horizon.from + 4, s.horizon.to);
		const log = computationLog(explainScenario(s, participant.id, year), { inputs: false }).join('\n');
		matchGolden(`${label}.${participant.id}-${year}.trace.txt`, `${log}\n`);
	});
});
