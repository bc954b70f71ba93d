// Entry point of the `sp71` command line. Exit codes: 0 ok, 1 invalid input, 2 usage error.
export async function main(argv: readonly string[]): Promise<number> {
	if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
		process.stdout.write('Usage: sp71 <command> [options]\n');
		return argv.length === 0 ? 2 : 0;
	}
	process.stderr.write(`sp71: unknown command "${argv[0]}"\n`);
	return 2;
}
