// `npm test`: every test of every package — static checks (formatting, types, lint), unit/property/scenario tests (vitest),
// then end-to-end tests in a real browser (Playwright driving Debian's chromium).
// Prints one closing line "N passed, N failed" over all test cases.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'e2e', 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;
const problems = [];

function run(label, command, args, env = {}) {
	console.log(`\n▶ ${label}: ${[command, ...args].join(' ')}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	if (result.status !== 0) problems.push(`${label} exited with ${result.status ?? result.signal}`);
	return result.status === 0;
}

function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

run('formatting', 'npx', ['prettier', '--check', '.']);
run('typecheck', 'npm', ['run', 'typecheck']);
run('lint', 'npx', ['eslint', '.']);

const vitestJson = join(out, 'vitest.json');
run('unit, property and scenario tests', 'npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${vitestJson}`
]);
const vitest = readJson(vitestJson);
if (vitest) {
	passed += vitest.numPassedTests;
	failed += vitest.numFailedTests;
} else problems.push('vitest wrote no report');

if (
	run('browser', 'node', ['scripts/ensure-chromium.mjs']) &&
	run('build the app', 'npm', ['run', 'build', '-w', '@sp71/ui'])
) {
	const playwrightJson = join(out, 'playwright.json');
	run('end-to-end tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
		PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson
	});
	const report = readJson(playwrightJson);
	if (report) {
		passed += report.stats.expected + report.stats.flaky;
		failed += report.stats.unexpected;
	} else problems.push('playwright wrote no report');
}

for (const problem of problems) console.error(`✗ ${problem}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(problems.length === 0 && failed === 0 ? 0 : 1);
