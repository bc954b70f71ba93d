// The measuring half of bench/scale-run.ts, in plain JavaScript so that it runs in plain Node on the
// built package: read a generated scenario (JSON), validate its structure, apply the centrumgemeente
// variant, and time allocating and comparing both legal forms. Prints one JSON line { ms, mb }
// (mb: this process's peak memory).
import { readFileSync } from 'node:fs';
import { compareScenarios, resolveVariant, validateStructure } from '../dist/index.js';

const [file, rows] = process.argv.slice(2);
const structure = validateStructure(JSON.parse(readFileSync(file, 'utf8')));
if (!structure.ok) throw new Error(JSON.stringify(structure.issues.slice(0, 3)));
const t0 = performance.now();
const variant = resolveVariant(structure.value, 'centrum', [], { dryRun: false });
if (!variant.ok) throw new Error(JSON.stringify(variant.issues.slice(0, 3)));
const comparison = compareScenarios(structure.value, variant.value);
const ms = performance.now() - t0;
if (comparison.rows.length !== Number(rows)) throw new Error('incomplete comparison');
console.log(JSON.stringify({ ms, mb: process.resourceUsage().maxRSS / 1024 }));
