// Write the bad-input catalogue as files, so every case can be tried by hand with the real CLI:
//   npx tsx packages/model/test/engine/write-bad-inputs.ts /tmp/bad-inputs
//   for f in /tmp/bad-inputs/*.json; do npx sp71 validate "$f"; echo "exit $?"; done
// (a file named *.reciprocal.json is invalid only with --method reciprocal). The files are not
// committed: some are deliberately malformed JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE, badInputFileName } from './catalogue.ts';

const folder = process.argv[2] ?? join(tmpdir(), 'sp71-bad-inputs');
mkdirSync(folder, { recursive: true });
CATALOGUE.forEach((c, index) => writeFileSync(join(folder, badInputFileName(c, index)), c.text));
console.log(`wrote ${CATALOGUE.length} files to ${folder}`);
