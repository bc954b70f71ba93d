// `sp71 import FILE --into SCENARIO [--sheet NAME] [--mapping MAPPING.json] [--dry-run] [--out VARIANT.yaml]`:
// read a CSV or XLSX, print the preview (every issue with its cell, every value old → new) and
// write the variant that applies it. Never overwrites a file without --force.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { Issue } from '../../domain/issue.ts';
import { formatIssues, makeIssue } from '../../domain/issue.ts';
import type { Locale } from '../../vocabulary/format.ts';
import type { Basis } from '../../domain/result.ts';
import { guessMappings, readMappings, type ImportMapping } from '../../import/mapping.ts';
import { previewImport, type ImportPreview } from '../../import/preview.ts';
import { readSpreadsheet } from '../../import/read.ts';
import { MAX_IMPORT_BYTES, type Workbook } from '../../import/workbook.ts';
import { parseJson } from '../../problem/json.ts';
import { resolveVariant } from '../../facade/load.ts';
import type { Scenario } from '../../scenario/types.ts';
import type { NumberLocale } from '../../vocabulary/parse-number.ts';
import {
	EXIT_INVALID,
	EXIT_OK,
	UsageError,
	oneOf,
	parseCommandArgs,
	type OptionSpec,
	type ParsedArgs
} from '../args.ts';
import { isDirectory, readTextFile, type CliIo } from '../io.ts';
import { formatWarnings, loadScenarioAt, printIssues } from '../scenario-files.ts';
import { LANG_OPTION, langOf } from '../text.ts';
import { formatExact } from '../../vocabulary/format.ts';
import type { Command } from './types.ts';

const usage = `Usage: sp71 import FILE --into SCENARIO [--sheet NAME] [--mapping MAPPING.json] [--dry-run] [--out VARIANT.yaml] [--force] [--lang nl|en]

Import driver tables, budget tables or key shares from a spreadsheet (XLSX or CSV) into a scenario
as a variant. Dutch notation is read as advisors write it: 1.234.567,89, 1.000,-, (1.000) for a
negative, € and spaces; "bedragen x € 1.000" scales amounts; ; or , separators and Excel's sep= line;
municipality names in any case or with "Gemeente " in front; years as columns or as rows.

The column mapping is guessed and printed; correct it with --mapping (a JSON file with the fields
printed, e.g. {"sheet": "Blad1", "kind": "driver", "driver": "inwoners", "headerRow": 2}). The
preview lists every issue with its cell (Blad1!C7) and every value that would change, old → new.
Imported values carry the file, sheet and cell as their source and the basis of --basis.

Options:
  --into SCENARIO   the scenario (folder or file) the values are compared with (required)
  --base VARIANT    compare with a variant instead of the baseline (the new variant stacks on it)
  --sheet NAME      import only this sheet
  --mapping FILE    a mapping JSON file (one mapping or a list, fields over the guessed ones)
  --basis B         measured (default: a ledger extract), derived or estimate
  --locale L        nl (default) or en: the notation of numbers written as text
  --id ID           the id of the new variant (default import-<file name>)
  --out FILE        where to write the variant (default: SCENARIO/variants/<id>.yaml for a folder)
  --force           overwrite --out when it exists
  --dry-run         print the preview only; write nothing
  --format F        text (default) or json (the preview with the variant)
  --lang L          nl (default) or en: the language of the preview's headings and the issues
  -h, --help        show this help

The file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB and 1,000,000 cells. Exit codes: 0 written (or
nothing to change), 1 issues in the file or the mapping (nothing written), 2 usage error.
`;

/** Read a regular file of at most `limit` bytes; a FIFO or a device is a usage error, a larger file an issue. */
function readBinary(path: string, io: CliIo, limit: number): Uint8Array | Issue {
	const full = resolve(io.cwd, path);
	let size: number;
	try {
		const stat = statSync(full);
		if (stat.isDirectory()) throw new UsageError(`cannot read ${path}: is a directory`);
		if (!stat.isFile()) throw new UsageError(`cannot read ${path}: not a regular file`);
		size = stat.size;
	} catch (error) {
		if (error instanceof UsageError) throw error;
		throw new UsageError(
			`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`
		);
	}
	if (size > limit)
		return makeIssue('import_too_large', '', {
			en: `the file is ${Math.ceil(size / 1024 / 1024)} MB; an import file may be at most ${limit / 1024 / 1024} MB`,
			nl: `het bestand is ${Math.ceil(size / 1024 / 1024)} MB; een importbestand mag hoogstens ${limit / 1024 / 1024} MB zijn`
		});
	return new Uint8Array(readFileSync(full));
}

function describeMapping(m: ImportMapping): string {
	const what =
		m.kind === 'driver'
			? `driver ${m.driver ?? '(none: give "driver")'}`
			: m.kind === 'cost'
				? 'pool costs'
				: m.kind === 'key'
					? 'key shares'
					: 'scenario paths';
	const layout =
		m.layout === 'grid'
			? `rows ${m.rows} (labels in column ${m.labelColumn}) × columns ${m.columns}`
			: `one value per row (${Object.entries(m.long ?? {})
					.map(([k, v]) => `${k} ${v}`)
					.join(', ')})`;
	return `sheet "${m.sheet}": ${what}; headers in row ${m.headerRow}; ${layout}${m.year !== undefined ? `; year ${m.year}` : ''}${m.scale !== '1' ? `; amounts × ${m.scale}` : ''}; basis ${m.basis}; notation ${m.locale}`;
}

/** The preview's headings in each language (the mapping itself is described with its field names). */
const PREVIEW_TEXT = {
	nl: {
		title: (file: string, target: string) => `Import van ${file} in ${target}`,
		mapping: 'Koppeling:',
		noMapping: '  (geen gevonden)',
		issues: (n: number) => `Problemen (${n}):`,
		changes: (n: number) => `Wijzigingen (${n}), oud → nieuw:`,
		none: '(geen)',
		unchanged: (n: number) => `Ongewijzigde waarden: ${n}`,
		invalid: (n: number, file: string) =>
			`sp71 import: ${n} ${n === 1 ? 'probleem' : 'problemen'} in ${file}; niets geschreven`,
		allEqual: 'sp71 import: elke waarde is al gelijk aan die van het scenario; niets geschreven',
		dryRun: 'sp71 import: proefrun (--dry-run); niets geschreven',
		wrote: (path: string, n: number) =>
			`sp71 import: ${path} geschreven (${n} ${n === 1 ? 'gewijzigde waarde' : 'gewijzigde waarden'})`
	},
	en: {
		title: (file: string, target: string) => `Import of ${file} into ${target}`,
		mapping: 'Mapping:',
		noMapping: '  (none found)',
		issues: (n: number) => `Issues (${n}):`,
		changes: (n: number) => `Changes (${n}), old → new:`,
		none: '(none)',
		unchanged: (n: number) => `Unchanged values: ${n}`,
		invalid: (n: number, file: string) => `sp71 import: ${n} issue${n === 1 ? '' : 's'} in ${file}; nothing written`,
		allEqual: 'sp71 import: every value equals the scenario already; nothing written',
		dryRun: 'sp71 import: dry run; nothing written',
		wrote: (path: string, n: number) => `sp71 import: wrote ${path} (${n} changed value${n === 1 ? '' : 's'})`
	}
} as const;

function renderPreview(preview: ImportPreview, target: string, lang: Locale): string {
	const t = PREVIEW_TEXT[lang];
	const lines = [t.title(preview.file, target), t.mapping];
	for (const m of preview.mappings) lines.push(`  ${describeMapping(m)}`);
	if (preview.mappings.length === 0) lines.push(t.noMapping);
	const errors = preview.issues.filter((i) => i.severity !== 'warning');
	const warnings = preview.issues.filter((i) => i.severity === 'warning');
	if (errors.length)
		lines.push(
			t.issues(errors.length),
			...formatIssues(errors, lang)
				.split('\n')
				.map((l) => `  ${l}`)
		);
	if (warnings.length)
		lines.push(
			...formatWarnings(warnings, lang)
				.split('\n')
				.map((l) => `  ${l}`)
		);
	lines.push(t.changes(preview.changes.length));
	const width = Math.max(0, ...preview.changes.map((c) => c.cell.length));
	// Values in the preview's notation ("27.115 → 27.100"), every digit as read.
	const value = (text: string) => formatExact(text, lang);
	for (const c of preview.changes)
		lines.push(
			`  ${c.cell.padEnd(width)}  ${c.path} ${c.from.slice(0, 4)}: ${c.old === null ? t.none : value(c.old)} → ${value(c.new)}`
		);
	lines.push(t.unchanged(preview.unchanged));
	return `${lines.join('\n')}\n`;
}

const OPTIONS: OptionSpec = {
	into: { type: 'string' },
	base: { type: 'string' },
	sheet: { type: 'string' },
	mapping: { type: 'string' },
	basis: { type: 'string' },
	locale: { type: 'string' },
	id: { type: 'string' },
	out: { type: 'string' },
	force: { type: 'boolean' },
	'dry-run': { type: 'boolean' },
	format: { type: 'string' },
	...LANG_OPTION
};

/** The checked command line of an import. */
interface ImportArgs {
	readonly values: ParsedArgs['values'];
	readonly file: string;
	readonly into: string;
	readonly basis: Basis;
	readonly locale: NumberLocale;
	readonly format: 'text' | 'json';
	readonly id: string | undefined;
	/** The language of the preview and the issues. */
	readonly lang: Locale;
}

/** Parse and check the command line; a mistake throws a UsageError. */
function readArgs(args: readonly string[]): ImportArgs {
	const { values, positionals } = parseCommandArgs(args, OPTIONS, {
		min: 1,
		max: 1,
		name: 'the FILE to import (.xlsx or .csv)'
	});
	const into = values.into;
	if (typeof into !== 'string') throw new UsageError('missing --into SCENARIO');
	const basis = oneOf('basis', values.basis, ['measured', 'derived', 'estimate'] as const) ?? ('measured' as Basis);
	const locale = oneOf('locale', values.locale, ['nl', 'en'] as const) ?? 'nl';
	const format = oneOf('format', values.format, ['text', 'json'] as const) ?? 'text';
	const id = typeof values.id === 'string' ? values.id : undefined;
	if (id !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(id))
		throw new UsageError('--id must be lower-case letters, digits and hyphens');
	return { values, file: positionals[0]!, into, basis, locale, format, id, lang: langOf(values.lang) };
}

/** The file read as a workbook and the scenario it is compared with. */
interface ImportInputs {
	readonly scenario: Scenario;
	readonly workbook: Workbook;
	readonly warnings: readonly Issue[];
}

/** Read the file, the scenario (or its --base variant) and the workbook; the exit code after printing the issues. */
async function loadInputs(a: ImportArgs, io: CliIo): Promise<ImportInputs | number> {
	const { file, into, values, lang } = a;
	const bytes = readBinary(file, io, MAX_IMPORT_BYTES);
	if (!(bytes instanceof Uint8Array)) {
		printIssues([{ ...bytes, file }], io, lang);
		return EXIT_INVALID;
	}
	const loaded = loadScenarioAt(into, io, lang);
	if (!loaded.ok) {
		printIssues(loaded.issues, io, lang);
		return EXIT_INVALID;
	}
	const base = typeof values.base === 'string' ? values.base : null;
	const scenario = resolveVariant(loaded.value, base);
	if (!scenario.ok) {
		printIssues(scenario.issues, io, lang);
		return EXIT_INVALID;
	}
	const workbook = await readSpreadsheet(bytes, file);
	if (!workbook.ok) {
		printIssues(
			workbook.issues.map((i) => ({ ...i, file })),
			io,
			lang
		);
		return EXIT_INVALID;
	}
	return { scenario: scenario.value, workbook: workbook.value, warnings: workbook.warnings ?? [] };
}

/** The mappings to use: guessed for the sheets (or --sheet), with --mapping's fields over them; the exit code after printing its issues. */
function chooseMappings(a: ImportArgs, inputs: ImportInputs, io: CliIo): ImportMapping[] | number {
	const { values, file, basis, locale, lang } = a;
	const { workbook, scenario } = inputs;
	const sheet = typeof values.sheet === 'string' ? values.sheet : undefined;
	if (sheet !== undefined && !workbook.sheets.some((s) => s.name === sheet))
		throw new UsageError(`${file} has no sheet "${sheet}" (sheets: ${workbook.sheets.map((s) => s.name).join(', ')})`);
	const mappings = guessMappings(workbook, scenario, { basis, locale, ...(sheet ? { sheet } : {}) });
	if (typeof values.mapping !== 'string') return mappings;
	const mappingFile = values.mapping;
	const text = readTextFile(mappingFile, io);
	if (!text.ok) throw new UsageError(`cannot read ${mappingFile}: ${text.reason}`);
	const json = parseJson(text.text);
	if (!json.ok) {
		printIssues(
			json.issues.map((i: Issue) => ({ ...i, file: mappingFile })),
			io,
			lang
		);
		return EXIT_INVALID;
	}
	const read = readMappings(json.value.value, mappings.length ? mappings : [defaultMapping(a, workbook, sheet)]);
	if (!read.ok) {
		printIssues(
			read.issues.map((i) => ({ ...i, file: mappingFile })),
			io,
			lang
		);
		return EXIT_INVALID;
	}
	return read.value.map((m) => ({
		...m,
		...(values.basis ? { basis } : {}),
		...(values.locale ? { locale } : {})
	}));
}

/** The mapping a --mapping file is read over when nothing could be guessed: participants by year in the first sheet. */
function defaultMapping(a: ImportArgs, workbook: Workbook, sheet: string | undefined): ImportMapping {
	return {
		sheet: sheet ?? workbook.sheets[0]?.name ?? '',
		kind: 'driver',
		headerRow: 1,
		layout: 'grid',
		labelColumn: 'A',
		rows: 'participant',
		columns: 'year',
		scale: '1',
		basis: a.basis,
		locale: a.locale
	};
}

/** Where the variant goes: --out, else the scenario folder's variants/; checked before anything is printed. */
function outputPath(a: ImportArgs, preview: ImportPreview, io: CliIo): string | undefined {
	const { values, into } = a;
	const outPath =
		typeof values.out === 'string'
			? values.out
			: isDirectory(into, io) && preview.variant
				? join(into, 'variants', `${preview.variant.id}.yaml`)
				: undefined;
	if (preview.variant !== null && values['dry-run'] !== true && preview.changes.length > 0) {
		if (!outPath)
			throw new UsageError('say where to write the variant: --out VARIANT.yaml (or import into a scenario folder)');
		if (existsSync(resolve(io.cwd, outPath)) && values.force !== true)
			throw new UsageError(`${outPath} exists; use --force to overwrite it, or --out another file`);
	}
	return outPath;
}

/** Say why nothing is written, or write the variant and say where; the exit code. */
function finish(a: ImportArgs, preview: ImportPreview, outPath: string | undefined, io: CliIo): number {
	const { file } = a;
	const t = PREVIEW_TEXT[a.lang];
	if (preview.variant === null) {
		io.stderr(`${t.invalid(preview.issues.filter((i) => i.severity !== 'warning').length, file)}\n`);
		return EXIT_INVALID;
	}
	if (preview.changes.length === 0) {
		io.stderr(`${t.allEqual}\n`);
		return EXIT_OK;
	}
	if (a.values['dry-run'] === true) {
		io.stderr(`${t.dryRun}\n`);
		return EXIT_OK;
	}
	const header = `# Imported from ${file.replace(/^.*[/\\]/, '')} by sp71 import: each value's source names its sheet and cell.\n`;
	writeFileSync(resolve(io.cwd, outPath!), header + stringify(preview.variant, { lineWidth: 0 }));
	io.stderr(`${t.wrote(outPath!, preview.changes.length)}\n`);
	return EXIT_OK;
}

export const importCommand: Command = {
	usage,
	async run(args, io) {
		const a = readArgs(args);
		const inputs = await loadInputs(a, io);
		if (typeof inputs === 'number') return inputs;
		const mappings = chooseMappings(a, inputs, io);
		if (typeof mappings === 'number') return mappings;
		const previewed = previewImport(inputs.workbook, inputs.scenario, mappings, a.id ? { id: a.id } : {});
		// Warnings from reading the file (its encoding, say) belong to the preview too.
		const preview = { ...previewed, issues: [...inputs.warnings, ...previewed.issues] };
		const outPath = outputPath(a, preview, io);
		if (a.format === 'json') io.stdout(`${JSON.stringify(preview, null, 2)}\n`);
		else io.stdout(renderPreview(preview, inputs.scenario.variantId ?? inputs.scenario.id, a.lang));
		return finish(a, preview, outPath, io);
	}
};
