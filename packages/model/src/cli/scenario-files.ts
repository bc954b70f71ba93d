// Reading a scenario from disk for the CLI: a folder (scenario.yaml + variants/*.yaml) or a single
// file (variants inline). The library itself only takes texts (loadScenarioFromTexts).
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Issue, Result } from '../domain/issue.ts';
import { formatIssues } from '../domain/issue.ts';
import type { Locale } from '../vocabulary/format.ts';
import { loadScenarioFromTexts, type LoadOptions } from '../facade/load.ts';
import type { Scenario } from '../scenario/types.ts';
import { UsageError } from './args.ts';
import { STDIN, isDirectory, listFiles, readTextFile, type CliIo } from './io.ts';
import { counted, say } from './text.ts';

/** Whether `path` looks like a scenario: a folder with scenario.yaml, or a YAML/JSON file declaring the scenario format. */
export function isScenarioPath(path: string, io: CliIo): boolean {
	if (path === STDIN) {
		const read = readTextFile(path, io);
		return read.ok && /^\s*["']?format["']?\s*:\s*["']?sp71-scenario\//m.test(read.text);
	}
	if (isDirectory(path, io)) return existsSync(resolve(io.cwd, path, 'scenario.yaml'));
	if (/\.ya?ml$/i.test(path)) return true;
	if (/\.json$/i.test(path)) {
		const read = readTextFile(path, io);
		return read.ok && /"format"\s*:\s*"sp71-scenario\//.test(read.text);
	}
	return false;
}

/**
 * Load a scenario folder or file, resolving the path as given (relative to the working directory);
 * `options.dryRunVariants` limits the dry run to the variants a command computes. Warnings are printed
 * in `lang` unless `lang` is null (the caller prints them itself).
 * @throws UsageError when the path cannot be read
 */
export function loadScenarioAt(
	path: string,
	io: CliIo,
	lang: Locale | null,
	options: LoadOptions = {}
): Result<Scenario> {
	const loaded = loadScenarioFrom(path, io, options);
	// A warning (an unknown, often misspelt, field that is ignored) may drop money: every command that
	// computes says so on stderr, not only `validate` (which prints it itself, with the verdict).
	if (lang !== null && loaded.ok && loaded.warnings?.length) printIssues(loaded.warnings, io, lang);
	return loaded;
}

function loadScenarioFrom(path: string, io: CliIo, options: LoadOptions): Result<Scenario> {
	// A folder's own scenario.yaml given directly still brings its variants/ along.
	if (basename(path) === 'scenario.yaml' && isDirectory(join(dirname(path), 'variants'), io)) path = dirname(path);
	if (isDirectory(path, io)) {
		const main = join(path, 'scenario.yaml');
		const read = readTextFile(main, io);
		if (!read.ok) throw new UsageError(`cannot read ${main}: ${read.reason} (a scenario folder holds scenario.yaml)`);
		const variantsDir = join(path, 'variants');
		const variantFiles = isDirectory(variantsDir, io)
			? listFiles(variantsDir, io, (f) => /\.(ya?ml|json)$/i.test(f))
			: [];
		const variants: Record<string, string> = {};
		for (const f of variantFiles) {
			const text = readTextFile(f, io);
			if (!text.ok) throw new UsageError(`cannot read ${f}: ${text.reason}`);
			variants[f] = text.text;
		}
		return loadScenarioFromTexts({ scenario: read.text, file: main, variants }, options);
	}
	const read = readTextFile(path, io);
	if (!read.ok) throw new UsageError(`cannot read ${path}: ${read.reason}`);
	const file = path === STDIN ? '<stdin>' : path.includes('/') ? path : basename(path);
	return loadScenarioFromTexts({ scenario: read.text, file }, options);
}

/** Warnings one per line, each marked as a warning in `lang`. */
export function formatWarnings(warnings: readonly Issue[], lang: Locale): string {
	return formatIssues(warnings, lang)
		.split('\n')
		.map((l) => `${say(lang, 'warningMark')}${l}`)
		.join('\n');
}

/** Print issues in `lang` (on stderr, one per line: path: message [code]; warnings marked). */
export function printIssues(issues: readonly Issue[], io: CliIo, lang: Locale): void {
	const errors = issues.filter((i) => i.severity !== 'warning');
	const warnings = issues.filter((i) => i.severity === 'warning');
	if (errors.length) io.stderr(`${formatIssues(errors, lang)}\n`);
	if (warnings.length) io.stderr(`${formatWarnings(warnings, lang)}\n`);
}

/** Validate a scenario folder or file for `sp71 validate`; prints the verdict in `lang`, returns whether it is valid. */
export function validateScenarioAt(path: string, io: CliIo, lang: Locale): boolean {
	const loaded = loadScenarioAt(path, io, null);
	if (!loaded.ok) {
		io.stdout(`${formatIssues(loaded.issues, lang)}\n`);
		return false;
	}
	const s = loaded.value;
	if (loaded.warnings?.length) io.stdout(`${formatWarnings(loaded.warnings, lang)}\n`);
	const summary = say(lang, 'validScenario', {
		id: s.id,
		participants: counted(lang, s.participants.length, 'participant'),
		pools: counted(lang, s.pools.length, 'pool'),
		from: s.horizon.from,
		to: s.horizon.to,
		variants: counted(lang, s.variants.length, 'variant'),
		list: s.variants.map((v) => v.id).join(', ') || say(lang, 'none')
	});
	io.stdout(`${path}: ${summary}\n`);
	return true;
}
