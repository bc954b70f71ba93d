// The API documentation's contract: every function (and class) the package exports carries a summary
// in a doc comment on its declaration, which TypeDoc turns into docs/api/ (`npm run docs:api`).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './scenario/helpers.ts';

const ENTRY = join(ROOT, 'packages/model/src/index.ts');

/** Each exported name that is a function or class, and whether its declaration has a summary. */
function exportedCallables(entry: string): { name: string; summary: string; file: string }[] {
	const program = ts.createProgram([entry], {
		allowImportingTsExtensions: true,
		noEmit: true,
		module: ts.ModuleKind.ESNext,
		moduleResolution: ts.ModuleResolutionKind.Bundler,
		target: ts.ScriptTarget.ES2022,
		skipLibCheck: true
	});
	const checker = program.getTypeChecker();
	const source = program.getSourceFile(entry)!;
	const moduleSymbol = checker.getSymbolAtLocation(source)!;
	const found: { name: string; summary: string; file: string }[] = [];
	for (const exported of checker.getExportsOfModule(moduleSymbol)) {
		const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
		const declaration = symbol.declarations?.[0];
		if (!declaration) continue;
		const callable =
			ts.isFunctionDeclaration(declaration) ||
			ts.isClassDeclaration(declaration) ||
			(ts.isVariableDeclaration(declaration) &&
				declaration.initializer !== undefined &&
				(ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer)));
		if (!callable) continue;
		found.push({
			name: exported.name,
			summary: ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim(),
			file: declaration.getSourceFile().fileName.replace(`${ROOT}/`, '')
		});
	}
	return found;
}

describe('API documentation', () => {
	const callables = exportedCallables(ENTRY);

	it('finds the exported functions through the package entry', () => {
		expect(callables.length).toBeGreaterThan(30);
		expect(callables.map((c) => c.name)).toContain('compareScenarios');
	});

	it('gives every exported function a summary on its declaration', () => {
		const missing = callables.filter((c) => c.summary.length === 0).map((c) => `${c.name} (${c.file})`);
		expect(missing).toEqual([]);
	});

	it('notices a function without a summary, even when its re-export line has a comment', () => {
		const dir = mkdtempSync(join(tmpdir(), 'sp71-docs-'));
		try {
			writeFileSync(join(dir, 'a.ts'), '/** Adds. */\nexport function add() {}\nexport function bare() {}\n');
			writeFileSync(
				join(dir, 'index.ts'),
				"/** A comment on the re-export line. */\nexport { add, bare } from './a.ts';\n"
			);
			const found = exportedCallables(join(dir, 'index.ts'));
			expect(found.map((c) => [c.name, c.summary])).toEqual([
				['add', 'Adds.'],
				['bare', '']
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
