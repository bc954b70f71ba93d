// Fuzz targets: fast-check generators that mutate valid inputs (problem files, scenarios, variants,
// formulas, CSV and XLSX imports) and a check of each outcome. Every outcome must be either a valid
// result that reconciles to the cent, or a list of issues; a thrown exception or a result that does
// not reconcile is a failure. Run by fuzz.test.ts (a small run in `npm test`) and by
// scripts/fuzz.mjs (`npm run fuzz -- --runs N`).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
// The formula parser is installed as the package entry does; without it every formula would be an issue.
import '../../src/scenario/formula-parser.ts';
import { allocateNormalised } from '../../src/allocation/index.ts';
import { METHOD_IDS } from '../../src/problem/types.ts';
import { readProblem } from '../../src/problem/validate.ts';
import { Decimal, sum } from '../../src/money/decimal.ts';
import { applyVariant, loadScenarioFromTexts, resolveVariant } from '../../src/facade/load.ts';
import { runScenario, tryRunScenario } from '../../src/legal-form/run.ts';
import { comparabilityIssues, compare } from '../../src/compare/compare.ts';
import { comparisonOptions } from '../../src/compare/compare-scenarios.ts';
import type { RunResult } from '../../src/domain/result.ts';
import { evaluateKeyFormula } from '../../src/legal-form/key-preview.ts';
import { guessMappings } from '../../src/import/mapping.ts';
import { previewImport } from '../../src/import/preview.ts';
import { readCsvText, readXlsx } from '../../src/import/read.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import type { Issue } from '../../src/domain/issue.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');
const TWO_TOWNS_TEXT = readFileSync(join(FIXTURES, 'two-towns.yaml'), 'utf8');
const TWO_TOWNS_RAW = parse(TWO_TOWNS_TEXT, { version: '1.2' }) as Record<string, unknown>;
const loaded = loadScenarioFromTexts({ scenario: TWO_TOWNS_TEXT, file: 'two-towns.yaml' });
if (!loaded.ok) throw new Error('two-towns fixture invalid');
const TWO_TOWNS: Scenario = loaded.value;

/** What one fuzz input came to: a checked result, or issues. A thrown exception is a failure. */
export type Outcome = 'result' | 'issues';

export class Unreconciled extends Error {}

const issuesOk = (issues: readonly Issue[]): Outcome => {
	// Every issue names its code and carries a message; a list without any is not an answer.
	if (issues.length === 0) throw new Error('a failure without issues');
	for (const i of issues)
		if (typeof i.code !== 'string' || typeof i.path !== 'string' || !(i.message.length > 0))
			throw new Error(`malformed issue ${JSON.stringify(i)}`);
	return 'issues';
};

// ---- values a mutation puts somewhere: every JSON type, odd numbers and strings, hostile keys
const oddString = fc.oneof(
	fc.constantFrom(
		'',
		' ',
		'__proto__',
		'constructor',
		'prototype',
		'toString',
		'valueOf',
		'hasOwnProperty',
		'1e999',
		'-0',
		'0.005',
		'1'.repeat(70),
		'NaN',
		'Infinity',
		'2023-02-29',
		'2023-13-01',
		'x\u0000y',
		'\u001b[31m',
		'Gemeente Groot',
		'groot',
		'ict',
		'inwoners',
		'=1+1'
	),
	fc.string({ maxLength: 12 }),
	fc.stringMatching(/^-?\d{1,20}(\.\d{1,5})?$/)
);
const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small' },
		oddString,
		fc.double(),
		fc.integer(),
		fc.boolean(),
		fc.constant(null),
		fc.array(tie('value'), { maxLength: 3 }),
		fc.dictionary(oddString, tie('value'), { maxKeys: 3 })
	)
})).value;

/** All paths (as key lists) of plain data, so a mutation can reach any field. */
function pathsOf(
	value: unknown,
	prefix: (string | number)[] = [],
	out: (string | number)[][] = []
): (string | number)[][] {
	out.push(prefix);
	if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
	else if (typeof value === 'object' && value !== null)
		for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
	return out;
}

type Mutation = {
	readonly path: (string | number)[];
	readonly op: 'set' | 'delete' | 'rename';
	readonly value: unknown;
	readonly key: string;
};

function mutations(data: unknown): fc.Arbitrary<Mutation[]> {
	const paths = pathsOf(data).filter((p) => p.length > 0);
	const one = fc.record({
		path: fc.constantFrom(...paths),
		op: fc.constantFrom('set' as const, 'set' as const, 'delete' as const, 'rename' as const),
		value: jsonValue,
		key: oddString
	});
	return fc.array(one, { minLength: 1, maxLength: 3 });
}

function mutate<T>(data: T, list: readonly Mutation[]): T {
	const copy = structuredClone(data) as unknown;
	for (const m of list) {
		let at = copy as Record<string | number, unknown>;
		for (const seg of m.path.slice(0, -1)) {
			const next = at?.[seg];
			if (typeof next !== 'object' || next === null) return copy as T;
			at = next as Record<string | number, unknown>;
		}
		const last = m.path[m.path.length - 1]!;
		if (m.op === 'delete') {
			if (Array.isArray(at) && typeof last === 'number') at.splice(last, 1);
			else delete at[last];
		} else if (m.op === 'rename' && !Array.isArray(at)) {
			const v = at[last];
			delete at[last];
			Object.defineProperty(at, m.key, { value: v, enumerable: true, writable: true, configurable: true });
		} else Object.defineProperty(at, last, { value: m.value, enumerable: true, writable: true, configurable: true });
	}
	return copy as T;
}

// ---- problem files
const PROBLEM = {
	method: 'reciprocal',
	pools: [
		{ id: 'ict', cost: '1000.00', drivers: { north: 3, south: 1, hr: 1 } },
		{ id: 'hr', cost: '500.55', drivers: { ict: '0.5', north: 1, south: 2 } },
		{ id: 'fac', cost: '0.01', drivers: { ict: 1, hr: 1, south: 1 } }
	],
	recipients: ['north', 'south']
};

function checkProblem(text: string): Outcome {
	let outcome: Outcome = 'issues';
	for (const method of METHOD_IDS) {
		// As the CLI does with --method: validate for the method, then allocate.
		const read = readProblem(text, { method });
		if (!read.ok) {
			issuesOk(read.issues);
			continue;
		}
		const r = allocateNormalised(read.value, method);
		const total = sum(read.value.pools.map((p) => p.cost));
		const recipients = sum(Object.values(r.recipientTotals).map((v) => new Decimal(v)));
		const unallocated = sum(Object.values(r.unallocated).map((v) => new Decimal(v)));
		if (!recipients.plus(unallocated).eq(total))
			throw new Unreconciled(`${method}: ${recipients} to recipients + ${unallocated} unallocated ≠ ${total}`);
		if (!new Decimal(r.check.allocated).eq(recipients))
			throw new Unreconciled(`${method}: check.allocated ${r.check.allocated} ≠ ${recipients}`);
		outcome = 'result';
	}
	return outcome;
}

// ---- scenarios and variants
function checkScenario(s: Scenario): Outcome {
	const run = tryRunScenario(s);
	if (!run.ok) return issuesOk(run.issues);
	checkRun(run.value);
	return 'result';
}

/** A run reconciles: costs equal charges every year, and the rows add up to the charges. */
function checkRun(run: RunResult): void {
	for (const r of run.reconciliation)
		if (r.costs !== r.charged) throw new Unreconciled(`${r.year}: costs ${r.costs}, charged ${r.charged}`);
	for (const year of run.years) {
		const rows = run.rows.filter((x) => x.year === year);
		const charged = sum(rows.map((x) => new Decimal(x.total)));
		const rec = run.reconciliation.find((x) => x.year === year)!;
		if (!charged.eq(new Decimal(rec.charged)))
			throw new Unreconciled(`${year}: rows ${charged} ≠ charged ${rec.charged}`);
	}
}

function checkScenarioText(text: string): Outcome {
	// As `sp71 run` loads: the baseline is dry-run, the variants checked for structure (the variant
	// target applies and runs variants); the dry runs of both inline variants would triple the time.
	const r = loadScenarioFromTexts({ scenario: text, file: 'fuzz.yaml' }, { dryRunVariants: [] });
	if (!r.ok) return issuesOk(r.issues);
	return checkScenario(r.value);
}

const CHANGE_PATHS = [
	'pools[id=ict].cost',
	'pools[id=hrm].key',
	'pools[id=ict].key',
	'drivers.inwoners.values.groot',
	'legalForm',
	'allocation',
	'centrumgemeente.host',
	'centrumgemeente.markup',
	'vat.bcfCompensable.klein',
	'horizon',
	'participants[id=derde]',
	'pools[id=nieuw]',
	'__proto__.x',
	'gr.ownerCosts.groot',
	'comparison.tolerance'
];
const leafValue = fc.oneof(
	jsonValue,
	fc.record({
		value: oddString,
		basis: fc.constantFrom('measured', 'derived', 'estimate', 'guess'),
		note: fc.constant('fuzz'),
		source: fc.constantFrom('handboek', 'toString', '__proto__', undefined)
	})
);
const change = fc.record(
	{
		set: fc.oneof(fc.constantFrom(...CHANGE_PATHS), oddString),
		from: fc.constantFrom('2021-01-01', '2022-01-01', '2023-01-01', '2023-02-29', 'x'),
		value: fc.oneof(
			leafValue,
			fc.dictionary(fc.constantFrom('2021-01-01', '2023-01-01', 'x'), leafValue, { maxKeys: 2 })
		)
	},
	{ requiredKeys: ['set', 'value'] }
);

// Changes that are valid on their own, so mutated lists also reach the computation.
const validChange = fc.oneof(
	fc.record({
		set: fc.constant('pools[id=ict].cost'),
		from: fc.constantFrom('2022-01-01', '2023-01-01'),
		value: fc.record({
			value: fc.stringMatching(/^\d{1,7}\.\d{2}$/),
			basis: fc.constant('estimate'),
			note: fc.constant('fuzz')
		})
	}),
	fc.record({
		set: fc.constant('legalForm'),
		from: fc.constantFrom('2022-01-01', '2023-01-01'),
		value: fc.record({ value: fc.constantFrom('gr', 'centrumgemeente') })
	}),
	fc.record({
		set: fc.constant('horizon'),
		value: fc.record({ from: fc.constantFrom(2020, 2021, 2022), to: fc.constantFrom(2023, 2024, 2026) })
	}),
	fc.record({
		set: fc.constant('participants[id=derde]'),
		value: fc.record({ id: fc.constant('derde'), name: fc.constantFrom('Derde', 'De\nrde', 'D\u001b[31m') })
	}),
	fc.record({
		set: fc.constant('allocation'),
		from: fc.constant('2022-01-01'),
		value: fc.record({ method: fc.constantFrom('direct', 'step-down', 'reciprocal') })
	}),
	fc.record({
		set: fc.constant('pools[id=hrm].key'),
		from: fc.constant('2023-01-01'),
		value: fc.record({
			type: fc.constant('fixed'),
			shares: fc.record({ groot: fc.stringMatching(/^\d{1,3}$/), klein: fc.stringMatching(/^\d{1,3}$/) }),
			basis: fc.constant('estimate'),
			note: fc.constant('fuzz')
		})
	})
);

const BASE_RUN = runScenario(TWO_TOWNS);

// A variant that runs is also compared with its baseline, as `sp71 compare` does: the comparison is
// made, or refused with issues (another horizon or other participants), never a crash.
function checkVariant(changes: readonly unknown[]): Outcome {
	const applied = resolveVariant(TWO_TOWNS, null, changes as never);
	if (!applied.ok) return issuesOk(applied.issues);
	const run = tryRunScenario(applied.value);
	if (!run.ok) return issuesOk(run.issues);
	checkRun(run.value);
	const refused = comparabilityIssues(BASE_RUN, run.value);
	if (refused.length > 0) return issuesOk(refused);
	const c = compare(BASE_RUN, run.value, comparisonOptions(TWO_TOWNS));
	// compare(a, b) is the exact negative of compare(b, a): checked on the cumulative differences.
	const back = compare(run.value, BASE_RUN, comparisonOptions(TWO_TOWNS));
	for (const [i, row] of c.summary.entries())
		if (!new Decimal(row.cumulativeDelta).eq(new Decimal(back.summary[i]!.cumulativeDelta).negated()))
			throw new Unreconciled(`${row.participant}: compare is not antisymmetric`);
	return 'result';
}

// ---- formulas
const formulaAtom = fc.oneof(
	fc.constantFrom('inwoners', 'fte', '0', '1', '2.5', '-1', '1e308', 'pi', 'x', '"s"'),
	fc.integer({ min: -5, max: 1000 }).map(String)
);
const formula: fc.Arbitrary<string> = fc.letrec((tie) => ({
	expr: fc.oneof(
		{ depthSize: 'small' },
		formulaAtom,
		fc
			.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^', ':', '==', '.', ' and '), tie('expr'))
			.map(([a, op, b]) => `${a}${op}${b}`),
		tie('expr').map((e) => `(${e})`),
		fc
			.tuple(
				fc.constantFrom('min', 'max', 'sqrt', 'abs', 'log', 'exp', 'round', 'import', 'evaluate', 'f'),
				tie('expr')
			)
			.map(([f, e]) => `${f}(${e})`)
	)
})).expr as fc.Arbitrary<string>;

function checkFormula(expression: string): Outcome {
	const r = evaluateKeyFormula(TWO_TOWNS, expression, 2022);
	if (!r.ok) return issuesOk(r.issues);
	const shares = r.rows.map((x) => new Decimal(x.share));
	const total = sum(shares);
	if (!new Decimal(r.total).isZero() && total.minus(1).abs().gt('1e-8'))
		throw new Unreconciled(`shares sum to ${total}`);
	return 'result';
}

// ---- imports
const cell = fc.oneof(
	fc.constantFrom(
		'',
		'Groot',
		'Gemeente Klein',
		'KLEIN',
		'ict',
		'HRM',
		'Totaal',
		'2021',
		'2022',
		'2023',
		'1.234,56',
		'1.000,-',
		'(1.000)',
		'€ 12,50',
		'12%',
		'1,234.56',
		'abc',
		'=1+1',
		'"',
		';'
	),
	fc.stringMatching(/^-?\d{1,9}([.,]\d{1,3})?$/),
	fc.string({ maxLength: 6 })
);
const csvText = fc
	.tuple(
		fc.constantFrom('', 'sep=;\n', 'sep=,\n', '\ufeff'),
		fc.constantFrom(';', ','),
		fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
		fc.constantFrom('Inwoners', 'Begroting (bedragen x € 1.000)', 'Sleutel 2022', 'Gemeente', 'Pad')
	)
	.map(
		([prefix, sep, rows, title]) =>
			`${prefix}${title}${sep}2021${sep}2022\n${rows.map((r) => r.map((c) => (c.includes(sep) || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join('\n')}\n`
	);

function checkImportText(text: string): Outcome {
	const wb = readCsvText(text, 'fuzz.csv');
	if (!wb.ok) return issuesOk(wb.issues);
	const preview = previewImport(wb.value, TWO_TOWNS, guessMappings(wb.value, TWO_TOWNS));
	if (preview.variant === null) return issuesOk(preview.issues);
	if (preview.variant.changes.length === 0) return 'result';
	// A preview that offers a variant promises it applies: applying it must validate and reconcile.
	const applied = applyVariant(TWO_TOWNS, preview.variant.changes);
	if (!applied.ok) throw new Unreconciled(`the preview's variant does not apply: ${applied.issues[0]?.message}`);
	return checkScenario(applied.value);
}

let xlsxBytes: Uint8Array | undefined;
async function validXlsx(): Promise<Uint8Array> {
	if (xlsxBytes) return xlsxBytes;
	const { default: ExcelJS } = await import('exceljs');
	const book = new ExcelJS.Workbook();
	const ws = book.addWorksheet('Blad1');
	ws.addRow(['Inwoners', 2021, 2022]);
	ws.addRow(['Groot', 1000, '1.100']);
	ws.addRow(['Klein', 500, 510]);
	return (xlsxBytes = new Uint8Array(await book.xlsx.writeBuffer()));
}

async function checkXlsx(flips: readonly [number, number][]): Promise<Outcome> {
	const bytes = (await validXlsx()).slice();
	for (const [at, value] of flips) bytes[at % bytes.length] = value;
	const wb = await readXlsx(bytes, 'fuzz.xlsx');
	if (!wb.ok) return issuesOk(wb.issues);
	const preview = previewImport(wb.value, TWO_TOWNS, guessMappings(wb.value, TWO_TOWNS));
	if (preview.variant === null) return issuesOk(preview.issues);
	if (preview.variant.changes.length > 0 && !applyVariant(TWO_TOWNS, preview.variant.changes).ok)
		throw new Unreconciled("the preview's variant does not apply");
	return 'result';
}

/** The fuzz targets: a generator and the check of one input. */
export const TARGETS = {
	'problem-data': { arbitrary: mutations(PROBLEM).map((m) => JSON.stringify(mutate(PROBLEM, m))), check: checkProblem },
	'problem-text': {
		arbitrary: fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 4 })).map(([at, cut, insert]) => {
			const text = JSON.stringify(PROBLEM);
			const i = at % text.length;
			return text.slice(0, i) + insert + text.slice(i + cut);
		}),
		check: checkProblem
	},
	scenario: {
		// Mutated data written as YAML or as JSON (the format reads both; JSON is far quicker to write).
		arbitrary: fc
			.tuple(mutations(TWO_TOWNS_RAW), fc.nat({ max: 3 }))
			.map(([m, form]) =>
				form === 0 ? stringify(mutate(TWO_TOWNS_RAW, m)) : JSON.stringify(mutate(TWO_TOWNS_RAW, m), null, 1)
			),
		check: checkScenarioText
	},
	'scenario-text': {
		arbitrary: fc
			.tuple(
				fc.nat(),
				fc.nat({ max: 6 }),
				fc.constantFrom(
					'',
					'*a',
					'&a ',
					'<<: ',
					'!!js ',
					'{',
					'[',
					']',
					':',
					'- ',
					'\t',
					'"',
					"'",
					'\n  ',
					'#',
					'1e999'
				)
			)
			.map(([at, cut, insert]) => {
				const i = at % TWO_TOWNS_TEXT.length;
				return TWO_TOWNS_TEXT.slice(0, i) + insert + TWO_TOWNS_TEXT.slice(i + cut);
			}),
		check: checkScenarioText
	},
	variant: {
		arbitrary: fc.array(fc.oneof(validChange, validChange, change), { minLength: 1, maxLength: 3 }),
		check: checkVariant
	},
	formula: { arbitrary: formula, check: checkFormula },
	'import-csv': { arbitrary: csvText, check: checkImportText },
	'import-xlsx': {
		arbitrary: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 4 }),
		check: checkXlsx
	}
} as const satisfies Record<
	string,
	{ arbitrary: fc.Arbitrary<unknown>; check: (input: never) => Outcome | Promise<Outcome> }
>;

export type TargetName = keyof typeof TARGETS;

/**
 * Run one target for `runs` inputs; returns the counts, or throws fast-check's report of the first
 * failure. `progress` is called every 10 000 inputs (a long run shows how far it is).
 */
export async function fuzz(
	name: TargetName,
	runs: number,
	seed?: number,
	progress?: (done: number, counts: { results: number; issues: number }) => void
): Promise<{ results: number; issues: number }> {
	const target = TARGETS[name] as {
		arbitrary: fc.Arbitrary<unknown>;
		check: (input: unknown) => Outcome | Promise<Outcome>;
	};
	const counts = { results: 0, issues: 0 };
	await fc.assert(
		fc.asyncProperty(target.arbitrary, async (input) => {
			const outcome = await target.check(input);
			if (outcome === 'result') counts.results++;
			else counts.issues++;
			const done = counts.results + counts.issues;
			if (progress && done % 10_000 === 0) progress(done, counts);
		}),
		{ numRuns: runs, ...(seed !== undefined ? { seed } : {}), endOnFailure: true }
	);
	return counts;
}
