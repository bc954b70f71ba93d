// Everything the command line needs from Node (the model itself does no I/O): output streams and
// reading files. Commands receive a `CliIo`, so tests can run them in-process and capture output.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where a command writes, and where relative paths start. */
export interface CliIo {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	readonly cwd: string;
	/** Whether stderr is a terminal (progress is shown only there). */
	readonly stderrIsTerminal?: boolean;
	/** The whole of standard input (read once, when a file argument is `-`). */
	readonly stdin?: () => string;
}

let pipeWatched = false;

/** A reader that stops early (`sp71 … | head`) closes the pipe: stop quietly then, as Unix tools do. */
function quietWhenThePipeCloses(): void {
	if (pipeWatched) return;
	pipeWatched = true;
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code !== 'EPIPE') throw error;
		process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
	});
}

/** The real process streams and working directory. */
export function nodeIo(): CliIo {
	quietWhenThePipeCloses();
	let input: string | undefined;
	return {
		stdout: (text) => void process.stdout.write(text),
		stderr: (text) => void process.stderr.write(text),
		cwd: process.cwd(),
		stderrIsTerminal: process.stderr.isTTY === true,
		stdin: () => (input ??= readFileSync(0, 'utf8'))
	};
}

/** An `CliIo` that collects output in strings (for tests and embedding); `stdin` is what `-` reads. */
export function memoryIo(
	cwd = process.cwd(),
	stdin?: string
): CliIo & { readonly out: () => string; readonly err: () => string } {
	let out = '';
	let err = '';
	return {
		stdout: (text) => void (out += text),
		stderr: (text) => void (err += text),
		cwd,
		...(stdin === undefined ? {} : { stdin: () => stdin }),
		out: () => out,
		err: () => err
	};
}

/** The file name `-` stands for standard input. */
export const STDIN = '-';

/** The outcome of reading a file: its text, or a short reason it could not be read. */
export type ReadOutcome =
	{ readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** Read a UTF-8 text file relative to `io.cwd` (`-`: standard input); never throws. */
export function readTextFile(path: string, io: CliIo): ReadOutcome {
	try {
		if (path === STDIN && !io.stdin) return { ok: false, reason: 'no standard input' };
		const text = path === STDIN ? io.stdin!() : readFileSync(resolve(io.cwd, path), 'utf8');
		return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason =
			code === 'ENOENT'
				? 'no such file'
				: code === 'EISDIR'
					? 'is a directory'
					: code === 'EACCES'
						? 'permission denied'
						: (error as Error).message;
		return { ok: false, reason };
	}
}

/** Whether `path` (relative to `io.cwd`) is a directory. */
export function isDirectory(path: string, io: CliIo): boolean {
	try {
		return statSync(resolve(io.cwd, path)).isDirectory();
	} catch {
		return false;
	}
}

/** Files below `dir` (recursively, sorted, relative paths joined to `dir`) that satisfy `keep`. */
export function listFiles(dir: string, io: CliIo, keep: (file: string) => boolean = () => true): string[] {
	const found: string[] = [];
	const walk = (relative: string): void => {
		const entries = readdirSync(resolve(io.cwd, relative), { withFileTypes: true }).sort((a, b) =>
			a.name < b.name ? -1 : a.name > b.name ? 1 : 0
		);
		for (const entry of entries) {
			const path = join(relative, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path);
			} else if (keep(path)) found.push(path);
		}
	};
	walk(dir);
	return found;
}
