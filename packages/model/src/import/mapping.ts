// The column mapping of an import: which sheet, which row holds the headers, what the rows and the
// columns are (participants, pools or years), what the values are (a driver, a pool's budget, key
// shares, or the model's own path layout), the scale and the basis. Guessed from the sheet and the
// scenario, and correctable by the user (a mapping JSON file in the CLI, fields in the app).
import { makeIssue, type Issue, type IssueTexts, type Result } from '../domain/issue.ts';
import type { Basis } from '../domain/result.ts';
import type { NumberLocale } from '../vocabulary/parse-number.ts';
import type { Scenario } from '../scenario/types.ts';
import {
	cellAt,
	cellText,
	columnLetters,
	columnNumber,
	sheetWidth,
	type CellValue,
	type Sheet,
	type Workbook
} from './workbook.ts';

/** What the imported values are: counts of a driver, a pool's cost (a budget), fixed key shares, or rows with a scenario path. */
export type ImportKind = 'driver' | 'cost' | 'key' | 'paths';
/** What a header row or a label column lists. */
export type Axis = 'participant' | 'pool' | 'year';

export const IMPORT_KINDS: readonly ImportKind[] = ['driver', 'cost', 'key', 'paths'];
const AXES: readonly Axis[] = ['participant', 'pool', 'year'];
const BASES: readonly Basis[] = ['measured', 'derived', 'estimate'];

/** Columns of a long table (one value per row), as letters. */
export interface LongColumns {
	readonly participant?: string;
	readonly pool?: string;
	readonly year?: string;
	readonly value: string;
	/** The paths layout: the scenario path and the date a value holds from. */
	readonly path?: string;
	readonly from?: string;
}

export interface ImportMapping {
	readonly sheet: string;
	readonly kind: ImportKind;
	/** The driver whose values are imported (kind driver). */
	readonly driver?: string;
	/** The year of every value, when the table has no year axis (key shares, a one-year driver list). */
	readonly year?: number;
	/** The 1-based row with the headers; the data are in the rows below it. */
	readonly headerRow: number;
	/** grid: row labels in `labelColumn`, column headers in `headerRow`; long: one value per row. */
	readonly layout: 'grid' | 'long';
	readonly labelColumn?: string;
	readonly rows?: Axis;
	readonly columns?: Axis;
	readonly long?: LongColumns;
	/** Every amount is multiplied by this ("bedragen x € 1.000" → "1000"); only for kind cost. */
	readonly scale: string;
	/** The basis of every imported value: measured for a ledger extract, estimate for a budget guess. */
	readonly basis: Basis;
	/** The notation of numbers written as text. */
	readonly locale: NumberLocale;
}

/** Lower case, no accents, no "Gemeente " in front, single spaces: how names are compared. */
export function normaliseName(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[\s_]+/g, ' ')
		.trim()
		.replace(/^gemeente /, '');
}

/** Labels that sum a table; skipped without an issue. */
const TOTAL_LABELS = new Set(['totaal', 'total', 'samen', 'som', 'sum', 'subtotaal', 'subtotal']);

/** Whether a label is a total row or column ("Totaal", "Samen"). */
export function isTotalLabel(text: string): boolean {
	return TOTAL_LABELS.has(normaliseName(text));
}

/** Resolves names in a sheet to the scenario's ids. */
export interface Names {
	readonly participant: (label: string) => string | undefined;
	readonly pool: (label: string) => string | undefined;
	readonly driver: (label: string) => string | undefined;
	readonly year: (value: CellValue) => number | undefined;
}

function lookup(entries: readonly (readonly [string, readonly string[]])[]): (label: string) => string | undefined {
	const map = new Map<string, string>();
	for (const [id, names] of entries) for (const n of [id, ...names]) map.set(normaliseName(n), id);
	return (label) => (label === '' ? undefined : map.get(normaliseName(label)));
}

/** The name resolvers of a scenario: participants and pools by id or name, drivers by id or label. */
export function scenarioNames(scenario: Scenario): Names {
	return {
		participant: lookup(scenario.participants.map((p) => [p.id, [p.name]] as const)),
		pool: lookup(scenario.pools.map((p) => [p.id, [p.name]] as const)),
		driver: lookup(Object.values(scenario.drivers).map((d) => [d.id, [d.label.nl, d.label.en]] as const)),
		year: (value) => {
			const text = cellText(value);
			const m = /^(\d{4})(?:-01-01)?$/.exec(text);
			if (!m) return undefined;
			const year = Number(m[1]);
			return year >= 1900 && year <= 2200 ? year : undefined;
		}
	};
}

function resolveAxis(names: Names, axis: Axis, value: CellValue): boolean {
	if (axis === 'year') return names.year(value) !== undefined;
	const text = cellText(value);
	return axis === 'participant' ? names.participant(text) !== undefined : names.pool(text) !== undefined;
}

/** The axis most labels resolve to, and how many do. */
function bestAxis(names: Names, labels: readonly CellValue[]): { axis: Axis; count: number } | undefined {
	let best: { axis: Axis; count: number } | undefined;
	for (const axis of AXES) {
		let count = 0;
		for (const label of labels) if (resolveAxis(names, axis, label)) count++;
		if (count > 0 && (!best || count > best.count)) best = { axis, count };
	}
	return best;
}

const SCAN_ROWS = 30;
const SCAN_COLUMNS = 6;
const SCAN_DATA_ROWS = 500;

/** "bedragen x € 1.000", "(x € 1.000)", "in duizenden euro's" → 1000; "x € 1 mln" → 1000000. */
export function findScale(sheet: Sheet): string {
	for (const row of sheet.rows.slice(0, SCAN_ROWS))
		for (const cell of row) {
			if (typeof cell !== 'string') continue;
			const t = cell.toLowerCase();
			if (/x\s*(?:€|eur)?\s*1[.,\s]?000[.,\s]?000\b|x\s*(?:€|eur)?\s*(?:1\s*)?(?:mln|miljoen)|in miljoenen/.test(t))
				return '1000000';
			if (/x\s*(?:€|eur)?\s*1[.,\s]?000\b|in duizenden|x\s*(?:€|eur)?\s*(?:1\s*)?k\b|thousands of euro/.test(t))
				return '1000';
		}
	return '1';
}

const PATH_HEADER = /^(pad|path)$/i;
const FROM_HEADER = /^(vanaf|from|datum|date)$/i;
const VALUE_HEADER = /^(waarde|value|bedrag|amount|aantal|count|aandeel|share)$/i;
const PARTICIPANT_HEADER = /^(gemeente|deelnemer|participant|municipality)$/i;
const POOL_HEADER = /^(pool|kostenpool|taak|programma|kostenplaats|cost pool)$/i;
const YEAR_HEADER = /^(jaar|year)$/i;

function longGuess(
	sheet: Sheet,
	names: Names,
	scenario: Scenario
): Omit<ImportMapping, 'basis' | 'locale'> | undefined {
	for (let r = 1; r <= Math.min(SCAN_ROWS, sheet.rows.length); r++) {
		const row = sheet.rows[r - 1] ?? [];
		const find = (re: RegExp): string | undefined => {
			const i = row.findIndex((c) => re.test(cellText(c)));
			return i >= 0 ? columnLetters(i + 1) : undefined;
		};
		const value = find(VALUE_HEADER);
		if (!value) continue;
		const path = find(PATH_HEADER);
		if (path) {
			const from = find(FROM_HEADER);
			return {
				sheet: sheet.name,
				kind: 'paths',
				headerRow: r,
				layout: 'long',
				long: { path, value, ...(from ? { from } : {}) },
				scale: '1'
			};
		}
		const participant = find(PARTICIPANT_HEADER);
		const pool = find(POOL_HEADER);
		const year = find(YEAR_HEADER);
		if (!participant && !pool) continue;
		const kind: ImportKind = participant && pool ? 'key' : participant ? 'driver' : 'cost';
		const driver = kind === 'driver' ? guessDriver(sheet, r, names) : undefined;
		return {
			sheet: sheet.name,
			kind,
			...(driver ? { driver } : {}),
			...(!year ? { year: guessYear(sheet, r, scenario) } : {}),
			headerRow: r,
			layout: 'long',
			long: {
				value,
				...(participant ? { participant } : {}),
				...(pool ? { pool } : {}),
				...(year ? { year } : {})
			},
			scale: kind === 'cost' ? findScale(sheet) : '1'
		};
	}
	return undefined;
}

/** A driver named by the sheet or by a title above the table. */
function guessDriver(sheet: Sheet, headerRow: number, names: Names): string | undefined {
	const byName = names.driver(sheet.name);
	if (byName) return byName;
	for (const row of sheet.rows.slice(0, headerRow))
		for (const cell of row) {
			const id = typeof cell === 'string' ? names.driver(cell.replace(/\(.*\)|:.*$/g, '')) : undefined;
			if (id) return id;
		}
	return undefined;
}

/** A year written in a title above the table, else the first year of the horizon. */
function guessYear(sheet: Sheet, headerRow: number, scenario: Scenario): number {
	for (const row of sheet.rows.slice(0, headerRow))
		for (const cell of row) {
			const m = typeof cell === 'string' ? /\b(19\d\d|2[01]\d\d)\b/.exec(cell) : null;
			if (m) return Number(m[1]);
		}
	return scenario.horizon.from;
}

function gridGuess(
	sheet: Sheet,
	names: Names,
	scenario: Scenario
): Omit<ImportMapping, 'basis' | 'locale'> | undefined {
	let best: { score: number; headerRow: number; labelColumn: number; rows: Axis; columns: Axis } | undefined;
	const width = Math.min(SCAN_COLUMNS, sheetWidth(sheet));
	for (let h = 1; h <= Math.min(SCAN_ROWS, sheet.rows.length); h++) {
		for (let lc = 1; lc <= width; lc++) {
			const headers = (sheet.rows[h - 1] ?? []).slice(lc).filter((c) => c !== null);
			const labels: CellValue[] = [];
			for (let r = h + 1; r <= Math.min(h + SCAN_DATA_ROWS, sheet.rows.length); r++) {
				const c = cellAt(sheet, r, lc);
				if (c !== null) labels.push(c);
			}
			const columns = bestAxis(names, headers);
			const rows = bestAxis(names, labels);
			if (!columns || !rows || columns.axis === rows.axis) continue;
			const score = columns.count + rows.count;
			if (!best || score > best.score)
				best = { score, headerRow: h, labelColumn: lc, rows: rows.axis, columns: columns.axis };
		}
	}
	if (!best) return undefined;
	const axes = new Set([best.rows, best.columns]);
	const kind: ImportKind = axes.has('year') ? (axes.has('pool') ? 'cost' : 'driver') : 'key';
	const driver = kind === 'driver' ? guessDriver(sheet, best.headerRow, names) : undefined;
	return {
		sheet: sheet.name,
		kind,
		...(driver ? { driver } : {}),
		...(kind === 'key' ? { year: guessYear(sheet, best.headerRow, scenario) } : {}),
		headerRow: best.headerRow,
		layout: 'grid',
		labelColumn: columnLetters(best.labelColumn),
		rows: best.rows,
		columns: best.columns,
		scale: kind === 'cost' ? findScale(sheet) : '1'
	};
}

/**
 * Guess a mapping for every sheet that looks like a table of the scenario's inputs (sheets that do
 * not are left out). `defaults` supplies the basis and the notation.
 */
export function guessMappings(
	workbook: Workbook,
	scenario: Scenario,
	defaults: { readonly basis?: Basis; readonly locale?: NumberLocale; readonly sheet?: string } = {}
): ImportMapping[] {
	const names = scenarioNames(scenario);
	const out: ImportMapping[] = [];
	for (const sheet of workbook.sheets) {
		if (defaults.sheet !== undefined && sheet.name !== defaults.sheet) continue;
		const guess = longGuess(sheet, names, scenario) ?? gridGuess(sheet, names, scenario);
		if (guess) out.push({ ...guess, basis: defaults.basis ?? 'measured', locale: defaults.locale ?? 'nl' });
	}
	return out;
}

const MAPPING_FIELDS = [
	'sheet',
	'kind',
	'driver',
	'year',
	'headerRow',
	'layout',
	'labelColumn',
	'rows',
	'columns',
	'long',
	'scale',
	'basis',
	'locale'
];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Readers of one mapping's fields: each gives the checked value, or pushes an issue at the field's path. */
interface FieldReaders {
	readonly str: (field: string, allowed?: readonly string[]) => string | undefined;
	readonly int: (field: string) => number | undefined;
	readonly letters: (field: string, v: unknown) => string | undefined;
}

/** The field readers of one mapping object; `at` gives a field's path. */
function fieldReaders(item: Record<string, unknown>, at: (field: string) => string, issues: Issue[]): FieldReaders {
	const str = (field: string, allowed?: readonly string[]): string | undefined => {
		const v = item[field];
		if (v === undefined) return undefined;
		if (typeof v !== 'string' || (allowed && !allowed.includes(v))) {
			issues.push(
				makeIssue('mapping_invalid', at(field), {
					en: `${field} must be ${allowed ? `one of ${allowed.join(', ')}` : 'a string'}`,
					nl: `${field} moet ${allowed ? `een van ${allowed.join(', ')}` : 'tekst'} zijn`
				})
			);
			return undefined;
		}
		return v;
	};
	const int = (field: string): number | undefined => {
		const v = item[field];
		if (v === undefined) return undefined;
		if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
			issues.push(
				makeIssue('mapping_invalid', at(field), {
					en: `${field} must be a whole number from 1`,
					nl: `${field} moet een geheel getal vanaf 1 zijn`
				})
			);
			return undefined;
		}
		return v;
	};
	const letters = (field: string, v: unknown): string | undefined => {
		if (v === undefined) return undefined;
		if (typeof v !== 'string' || columnNumber(v) === undefined) {
			issues.push(
				makeIssue('mapping_invalid', at(field), {
					en: `${field} must be a column letter such as "B"`,
					nl: `${field} moet een kolomletter zijn, zoals "B"`
				})
			);
			return undefined;
		}
		return v.toUpperCase();
	};
	return { str, int, letters };
}

/** The columns of a long table as the user gave them (`long`), with an issue when they are not an object or lack the value column. */
function readLongColumns(
	long: unknown,
	at: (field: string) => string,
	letters: FieldReaders['letters'],
	issues: Issue[]
): LongColumns | undefined {
	if (long === undefined) return undefined;
	if (!isObj(long)) {
		issues.push(
			makeIssue('mapping_invalid', at('long'), {
				en: 'long must be an object such as { "participant": "A", "value": "C" }',
				nl: 'long moet een object zijn, zoals { "participant": "A", "value": "C" }'
			})
		);
		return undefined;
	}
	const entries = Object.fromEntries(
		['participant', 'pool', 'year', 'value', 'path', 'from']
			.map((k) => [k, letters(`long.${k}`, long[k])] as const)
			.filter(([, v]) => v !== undefined)
	) as Partial<LongColumns>;
	if (entries.value === undefined) {
		issues.push(
			makeIssue('mapping_invalid', at('long.value'), {
				en: 'long.value (the column of the values) is required',
				nl: 'long.value (de kolom met de waarden) is verplicht'
			})
		);
		return undefined;
	}
	return entries as LongColumns;
}

/** The fields given in one mapping object, checked; an invalid field is left out (and reported). */
function readGivenFields(
	item: Record<string, unknown>,
	at: (field: string) => string,
	issues: Issue[]
): Partial<ImportMapping> {
	const { str, int, letters } = fieldReaders(item, at, issues);
	const year = int('year');
	const headerRow = int('headerRow');
	const kind = str('kind', IMPORT_KINDS) as ImportKind | undefined;
	const layout = str('layout', ['grid', 'long']) as 'grid' | 'long' | undefined;
	const rows = str('rows', AXES) as Axis | undefined;
	const columns = str('columns', AXES) as Axis | undefined;
	const basis = str('basis', BASES) as Basis | undefined;
	const locale = str('locale', ['nl', 'en']) as NumberLocale | undefined;
	const scale = str('scale');
	if (scale !== undefined && !/^[1-9]\d{0,9}$/.test(scale))
		issues.push(
			makeIssue('mapping_invalid', at('scale'), {
				en: 'scale must be a whole number such as "1000"',
				nl: 'scale moet een geheel getal zijn, zoals "1000"'
			})
		);
	const long = readLongColumns(item.long, at, letters, issues);
	return {
		...(kind ? { kind } : {}),
		...(typeof item.driver === 'string' ? { driver: item.driver } : {}),
		...(year !== undefined ? { year } : {}),
		...(headerRow !== undefined ? { headerRow } : {}),
		...(layout ? { layout } : {}),
		...(letters('labelColumn', item.labelColumn) ? { labelColumn: String(item.labelColumn).toUpperCase() } : {}),
		...(rows ? { rows } : {}),
		...(columns ? { columns } : {}),
		...(long ? { long } : {}),
		...(scale ? { scale } : {}),
		...(basis ? { basis } : {}),
		...(locale ? { locale } : {})
	};
}

/** Report every required field that is neither given nor guessed (and not already reported as invalid). */
function reportMissing(merged: Partial<ImportMapping>, at: (field: string) => string, issues: Issue[]): void {
	const required: readonly [keyof ImportMapping, IssueTexts][] = [
		['sheet', { en: 'say which sheet: "sheet": "Blad1"', nl: 'zeg welk werkblad: "sheet": "Blad1"' }],
		[
			'kind',
			{
				en: `say what the values are: "kind": one of ${IMPORT_KINDS.join(', ')}`,
				nl: `zeg wat de waarden zijn: "kind": een van ${IMPORT_KINDS.join(', ')}`
			}
		],
		[
			'headerRow',
			{
				en: 'say which row holds the headers: "headerRow": 1',
				nl: 'zeg in welke rij de kopjes staan: "headerRow": 1'
			}
		],
		['layout', { en: 'say "layout": "grid" or "long"', nl: 'zeg "layout": "grid" of "long"' }]
	];
	for (const [field, message] of required)
		if (merged[field] === undefined && !issues.some((x) => x.path === at(field)))
			issues.push(makeIssue('mapping_invalid', at(field), message));
}

/** Read the `i`th mapping the user wrote over its guess (the guess of its sheet, else the `i`th); undefined when incomplete. */
function readOneMapping(
	item: unknown,
	i: number,
	isList: boolean,
	guessed: readonly ImportMapping[],
	issues: Issue[]
): ImportMapping | undefined {
	const at = (field: string) => (isList ? `[${i}].${field}` : field);
	if (!isObj(item)) {
		issues.push(
			makeIssue('mapping_invalid', isList ? `[${i}]` : '', {
				en: 'a mapping is an object such as { "sheet": "Blad1", "kind": "driver", "driver": "inwoners" }',
				nl: 'een koppeling is een object, zoals { "sheet": "Blad1", "kind": "driver", "driver": "inwoners" }'
			})
		);
		return undefined;
	}
	for (const key of Object.keys(item))
		if (!MAPPING_FIELDS.includes(key))
			issues.push(
				makeIssue('mapping_unknown_field', at(key), {
					en: `unknown mapping field "${key}" (known: ${MAPPING_FIELDS.join(', ')})`,
					nl: `onbekend veld "${key}" in de koppeling (bekend: ${MAPPING_FIELDS.join(', ')})`
				})
			);
	const sheet = typeof item.sheet === 'string' ? item.sheet : guessed[i]?.sheet;
	const base = guessed.find((g) => g.sheet === sheet) ?? guessed[i];
	const given = readGivenFields(item, at, issues);
	const merged = {
		...(base ?? { scale: '1', basis: 'measured' as Basis, locale: 'nl' as NumberLocale }),
		...(sheet !== undefined ? { sheet } : {}),
		...given
	} as Partial<ImportMapping>;
	reportMissing(merged, at, issues);
	return merged.sheet !== undefined && merged.kind && merged.headerRow && merged.layout
		? (merged as ImportMapping)
		: undefined;
}

/**
 * Read a mapping the user wrote (JSON data), over a guess: fields given replace the guessed ones.
 * Accepts one mapping or a list; every issue has the path of its field.
 */
export function readMappings(value: unknown, guessed: readonly ImportMapping[]): Result<ImportMapping[]> {
	const list = Array.isArray(value) ? value : [value];
	const issues: Issue[] = [];
	const out: ImportMapping[] = [];
	list.forEach((item, i) => {
		const mapping = readOneMapping(item, i, Array.isArray(value), guessed, issues);
		if (mapping) out.push(mapping);
	});
	return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out };
}
