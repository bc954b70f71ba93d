// Regenerate game.schema.json from the zod schema: `npx tsx packages/model/schema/generate-game.ts`
// (then `npx prettier --write packages/model/schema`). A test fails when the two disagree.
import { writeFileSync } from 'node:fs';
import { gameJsonSchema } from '../src/game/schema.ts';

const file = new URL('./game.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(gameJsonSchema(), null, '\t')}\n`);
console.log(`wrote ${file.pathname}`);
