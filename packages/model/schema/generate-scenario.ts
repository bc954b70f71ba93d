// Regenerate scenario.schema.json and variant.schema.json from the zod schemas:
// `npx tsx packages/model/schema/generate-scenario.ts` (then `npx prettier --write packages/model/schema`).
// A test fails when the committed files and the zod schemas disagree.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemas } from '../src/scenario/schema.ts';

const { scenario, variant } = scenarioJsonSchemas();
for (const [name, schema] of [
	['scenario', scenario],
	['variant', variant]
] as const) {
	const file = new URL(`./${name}.schema.json`, import.meta.url);
	writeFileSync(file, `${JSON.stringify(schema, null, '\t')}\n`);
	console.log(`wrote ${file.pathname}`);
}
