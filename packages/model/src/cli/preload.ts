// What a command needs loaded before it runs synchronously: the formula parser (mathjs), only when a
// file argument mentions a formula key. Kept apart from the commands so `sp71 --help` loads nothing.
import { statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { loadFormulaParser } from '../scenario/formula.ts';
import { STDIN, isDirectory, listFiles, readTextFile, type CliIo } from './io.ts';

/**
 * Load the formula parser (mathjs) when a file argument mentions a formula key, so that scenarios
 * without formulas never load it. Reads each file once more; unreadable paths are left to the command.
 */
export async function preloadForFiles(args: readonly string[], io: CliIo): Promise<void> {
	// Whole-line comments cannot hold a key (a note that mentions a formula should not load mathjs).
	const mentionsFormula = (text: string) => /formula|\\/.test(text.replace(/^[ \t]*#.*$/gm, ''));
	for (const arg of args) {
		if (arg.startsWith('-') && arg !== STDIN) continue;
		// A folder's own scenario.yaml given directly brings its variants/ along (see loadScenarioAt).
		const folder =
			basename(arg) === 'scenario.yaml' && isDirectory(join(dirname(arg), 'variants'), io) ? dirname(arg) : arg;
		const files = isDirectory(folder, io) ? listFiles(folder, io, (f) => /\.(ya?ml|json)$/i.test(f)) : [arg];
		for (const file of files) {
			const read = arg === STDIN || isSmallRegularFile(resolve(io.cwd, file)) ? readTextFile(file, io) : undefined;
			if (read?.ok && mentionsFormula(read.text)) return loadFormulaParser();
		}
	}
}

/** Only a regular file of a readable size is peeked at: a FIFO, a device or a huge file is the command's to refuse. */
function isSmallRegularFile(path: string): boolean {
	try {
		const stat = statSync(path);
		return stat.isFile() && stat.size <= 64 * 1024 * 1024;
	} catch {
		return false;
	}
}
