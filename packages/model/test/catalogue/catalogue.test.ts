// Runs the bad-input catalogue (cases.yaml): each case must produce its issue (code and path)
// through the library, and every `sp71` command it belongs to must exit with 1 (0 for a case that
// is only a warning), print the code, and never report an internal error (exit 3) or a stack trace.
import { describe, expect, it } from 'vitest';
import { commandsFor, expectDutchText, libraryIssues, loadCatalogue, runCli, writeCase } from './harness.ts';

const CASES = loadCatalogue();

describe('the bad-input catalogue', () => {
	it('has at least 80 cases with unique ids, each naming a code and a path', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(80);
		expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
		for (const c of CASES) {
			expect(c.code, c.id).toMatch(/^[a-z_]+$/);
			expect(typeof c.path, c.id).toBe('string');
		}
	});

	for (const c of CASES)
		it(`${c.category}: ${c.title} → ${c.code} at "${c.path}"`, async () => {
			const issues = await libraryIssues(c);
			expect(issues).toContainEqual(expect.objectContaining({ code: c.code, path: c.path }));
			const match = issues.find((i) => i.code === c.code && i.path === c.path)!;
			expect((match.severity ?? 'error') === 'warning').toBe(c.severity === 'warning');
			for (const issue of issues) {
				expect(issue.message.length, issue.code).toBeGreaterThan(8);
				expectDutchText(issue);
			}

			const file = writeCase(c);
			for (const argv of commandsFor(c, file)) {
				const { code, output } = await runCli(argv);
				expect(code, `${argv[0]}: ${output.slice(0, 300)}`).toBe(c.severity === 'warning' ? 0 : 1);
				expect(output).not.toContain('internal error');
				expect(output).not.toMatch(/\n\s+at /);
				// A newline or escape code in the input is shown escaped, never sent raw to the terminal.
				// eslint-disable-next-line no-control-regex -- looking for control characters is the point
				expect(output).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
				if (argv[0] === 'validate' || argv[0] === 'key' || argv[0] === 'import')
					expect(output).toContain(`[${c.code}]`);
			}
		});
});
