// Entry point of the `sp71` command line. Exit codes: 0 ok, 1 invalid input, 2 usage error,
// 3 internal error (a bug: reported in one line, with the stack only when SP71_DEBUG is set).
import { readFileSync } from 'node:fs';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError } from './args.ts';
import { COMMANDS } from './commands/index.ts';
import { nodeIo, type CliIo } from './io.ts';
import { printableIo } from './printable.ts';
import { preloadForFiles } from './preload.ts';

/** The package version, read from package.json (two folders up from both src/cli and dist/cli). */
export function packageVersion(): string {
	const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
	return (JSON.parse(text) as { version: string }).version;
}

function overview(): string {
	const names = Object.keys(COMMANDS);
	const width = Math.max(...names.map((name) => name.length));
	const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
	return [
		'Usage: sp71 <command> [options]',
		'',
		'Commands:',
		...lines,
		'',
		'Options: -h, --help (also after a command), -V, --version.',
		'Run "sp71 <command> --help" for the options of a command.',
		'Exit codes: 0 ok, 1 invalid input (one line per issue: path: message [code]), 2 usage error.',
		''
	].join('\n');
}

/** Run the command line with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], given: CliIo = nodeIo()): Promise<number> {
	const io = printableIo(given);
	const [name, ...args] = argv;
	if (name === undefined) {
		io.stderr(overview());
		return EXIT_USAGE;
	}
	if (name === '--help' || name === '-h' || name === 'help') {
		io.stdout(overview());
		return EXIT_OK;
	}
	if (name === '--version' || name === '-V' || name === 'version') {
		io.stdout(`${packageVersion()}\n`);
		return EXIT_OK;
	}
	const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
	if (!entry) {
		io.stderr(`sp71: unknown command "${name}"\nRun "sp71 --help" for the list of commands.\n`);
		return EXIT_USAGE;
	}
	const command = await entry.load();
	if (args.includes('--help') || args.includes('-h')) {
		io.stdout(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
		return EXIT_OK;
	}
	try {
		await preloadForFiles(args, io);
		return await command.run(args, io);
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr(`sp71 ${name}: ${error.message}\nRun "sp71 ${name} --help" for usage.\n`);
			return EXIT_USAGE;
		}
		const message = error instanceof Error ? error.message : String(error);
		io.stderr(`sp71 ${name}: internal error: ${message}\n`);
		if (process.env.SP71_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
		return EXIT_INTERNAL;
	}
}
