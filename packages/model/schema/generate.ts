// Regenerate problem.schema.json from the zod schema: `npx tsx packages/model/schema/generate.ts`
// (then `npx prettier --write packages/model/schema`).
// A test fails when the committed file and the zod schema disagree.
import { writeFileSync } from 'node:fs';
import { problemJsonSchema } from '../src/problem/schema.ts';

const file = new URL('./problem.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(problemJsonSchema(), null, '\t')}\n`);
console.log(`wrote ${file.pathname}`);
