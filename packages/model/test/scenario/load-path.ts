// Test helper: load a scenario folder (scenario.yaml + variants/*.yaml) or single file from disk.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadScenarioFromTexts, type Result, type Scenario } from '../../src/index.ts';

export function loadScenarioPath(path: string): Result<Scenario> {
	if (statSync(path).isDirectory()) {
		const variantsDir = join(path, 'variants');
		const variants = existsSync(variantsDir)
			? Object.fromEntries(
					readdirSync(variantsDir)
						.filter((f) => /\.(ya?ml|json)$/.test(f))
						.sort()
						.map((f) => [`variants/${f}`, readFileSync(join(variantsDir, f), 'utf8')])
				)
			: {};
		return loadScenarioFromTexts({
			scenario: readFileSync(join(path, 'scenario.yaml'), 'utf8'),
			file: 'scenario.yaml',
			variants
		});
	}
	return loadScenarioFromTexts({ scenario: readFileSync(path, 'utf8'), file: basename(path) });
}
