// One scale measurement in its own process: generate a scenario (P participants × N pools × Y
// years), validate its structure, apply the centrumgemeente variant, and time allocating and
// comparing both legal forms. Prints one JSON line { ms, mb } (mb: the process's peak memory).
import { compareScenarios, resolveVariant, validateStructure } from '../src/index.ts';
import { generateScenario } from './scale.ts';

const [participants, pools, years] = process.argv.slice(2).map(Number) as [number, number, number];
const structure = validateStructure(generateScenario(participants, pools, years));
if (!structure.ok) throw new Error(JSON.stringify(structure.issues.slice(0, 3)));
const t0 = performance.now();
const variant = resolveVariant(structure.value, 'centrum', [], { dryRun: false });
if (!variant.ok) throw new Error(JSON.stringify(variant.issues.slice(0, 3)));
const comparison = compareScenarios(structure.value, variant.value);
const ms = performance.now() - t0;
if (comparison.rows.length !== participants * years) throw new Error('incomplete comparison');
console.log(JSON.stringify({ ms, mb: process.resourceUsage().maxRSS / 1024 }));
