// The shape of a command in the `sp71` registry.
import type { CliIo } from '../io.ts';

export interface Command {
	/** The full text for `sp71 <command> --help`. */
	readonly usage: string;
	/** Run with the arguments after the command name; returns the exit code (0 ok, 1 invalid input, 2 usage). */
	readonly run: (args: readonly string[], io: CliIo) => number | Promise<number>;
}
