// Argument parsing for commands, on node:util parseArgs. Usage mistakes throw `UsageError`,
// which `main` turns into exit code 2 with a short message and a pointer to --help.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

/** A mistake in how a command was called (unknown flag, missing file argument, bad flag value). */
export class UsageError extends Error {}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
	readonly values: Readonly<Record<string, string | boolean | undefined>>;
	readonly positionals: readonly string[];
}

/**
 * Parse a command's arguments strictly.
 * @throws UsageError for unknown options, missing values, or a positional count outside [min, max].
 */
export function parseCommandArgs(
	args: readonly string[],
	options: OptionSpec,
	positionals: { readonly min: number; readonly max: number; readonly name: string }
): ParsedArgs {
	let parsed;
	try {
		parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
	} catch (error) {
		throw new UsageError((error as Error).message.split('\n')[0]);
	}
	const count = parsed.positionals.length;
	if (count < positionals.min) throw new UsageError(`missing ${positionals.name}`);
	if (count > positionals.max) throw new UsageError(`unexpected argument "${parsed.positionals[positionals.max]}"`);
	return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
}

/** Check a string option against its allowed values. */
export function oneOf<T extends string>(
	name: string,
	value: string | boolean | undefined,
	allowed: readonly T[]
): T | undefined {
	if (value === undefined) return undefined;
	if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
		throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${String(value)}")`);
	return value as T;
}
