// The preview of an import: every value the mapped sheets hold, read with the model's number parser,
// compared with the value in force in the scenario; every issue with its cell address, and every
// value that would change (old → new). Applying it is the variant it carries: one dated change per
// changed value, with the file, sheet and cell as source and the basis the user chose.
import { issueMessage, issueTexts, makeIssue, type Issue, type IssueTexts } from '../domain/issue.ts';
import { formatExact } from '../vocabulary/format.ts';
import type { Basis } from '../domain/result.ts';
import { parseLocaleNumber, type NumberParseIssueCode } from '../vocabulary/parse-number.ts';
import { Decimal } from '../money/decimal.ts';
import { applyVariant } from '../facade/load.ts';
import { entryAt, yearDate } from '../scenario/resolve.ts';
import type { Change, Key, Leaf, Scenario, Series } from '../scenario/types.ts';
import { VARIANT_FORMAT } from '../scenario/validate.ts';
import { parsePath } from '../scenario/variant.ts';
import { isTotalLabel, scenarioNames, type Axis, type ImportMapping, type LongColumns, type Names } from './mapping.ts';
import {
	cellAddress,
	cellAt,
	cellText,
	columnNumber,
	sheetWidth,
	type CellValue,
	type Sheet,
	type Workbook
} from './workbook.ts';

/** One value read from a cell, and what it sets. */
interface ReadValue {
	readonly cell: string;
	readonly sheet: string;
	/** The dated series the value belongs to ("drivers.inwoners.values.leiden", "pools[id=ict].cost", "pools[id=ict].key"). */
	readonly series: string;
	/** The date it holds from. */
	readonly from: string;
	/** For key shares: the recipient whose share this is. */
	readonly share?: string;
	readonly value: string;
	readonly label: string;
}

/** A value that would change. */
export interface ImportChange {
	readonly cell: string;
	readonly path: string;
	readonly from: string;
	readonly label: string;
	/** The value in force before (null when there was none). */
	readonly old: string | null;
	readonly new: string;
}

export interface ImportPreview {
	readonly file: string;
	readonly mappings: readonly ImportMapping[];
	/** Errors block applying; warnings do not. Paths are cell addresses ("Blad1!C7") or "" for the file. */
	readonly issues: readonly Issue[];
	readonly changes: readonly ImportChange[];
	/** Values read that equal the scenario's already. */
	readonly unchanged: number;
	/** The variant applying creates (no changes when nothing differs); null when there are errors. */
	readonly variant: {
		readonly format: string;
		readonly id: string;
		readonly title: { readonly nl: string; readonly en: string };
		readonly description: string;
		readonly base: string;
		readonly changes: readonly Change[];
	} | null;
}

export interface PreviewOptions {
	/** The id of the variant to create (default "import-" and the file's name). */
	readonly id?: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The plain data at a change path in raw scenario data (undefined when absent). */
export function rawAt(raw: unknown, path: string): unknown {
	const segments = parsePath(path);
	if (!segments) return undefined;
	let at: unknown = raw;
	for (const seg of segments) {
		if (!isObj(at) || !Object.hasOwn(at, seg.name)) return undefined;
		at = at[seg.name];
		if (seg.select) {
			if (!Array.isArray(at)) return undefined;
			const sel = seg.select;
			at = 'id' in sel ? at.find((x) => isObj(x) && x.id === sel.id) : at[sel.index];
		}
	}
	return at;
}

const NUMBER_MESSAGES: Record<NumberParseIssueCode, IssueTexts> = {
	number_empty: { en: 'is empty', nl: 'is leeg' },
	number_invalid: { en: 'is not a number', nl: 'is geen getal' },
	number_ambiguous: {
		en: 'is ambiguous in this notation (write e.g. 1.234,56 in Dutch notation)',
		nl: 'is dubbelzinnig in deze notatie (schrijf bijvoorbeeld 1.234,56 in Nederlandse notatie)'
	},
	number_too_long: { en: 'has too many digits (at most 40)', nl: 'heeft te veel cijfers (hoogstens 40)' },
	number_percent_not_allowed: {
		en: 'is a percentage where a number is expected',
		nl: 'is een percentage waar een getal verwacht wordt'
	}
};

/** Whether a cell's target is a reason it has none (a label that is not known). */
function isMiss(t: Target | IssueTexts): t is IssueTexts {
	return 'en' in t;
}

/** A decimal string from a cell: numbers through their shortest form, text through parseLocaleNumber. */
function cellNumber(
	value: CellValue,
	mapping: ImportMapping,
	percent: boolean
): { value: string } | { message: IssueTexts } {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return { message: { en: 'is not a finite number', nl: 'is geen eindig getal' } };
		return { value: new Decimal(String(value)).toFixed() };
	}
	const parsed = parseLocaleNumber(String(value), { locale: mapping.locale, percent });
	return parsed.ok ? { value: parsed.value } : { message: NUMBER_MESSAGES[parsed.code] };
}

interface Target {
	readonly series: string;
	readonly from: string;
	readonly share?: string;
	readonly label: string;
}

/** What a cell sets, from the labels of its row and column; a message when a label is not known. */
function target(
	mapping: ImportMapping,
	names: Names,
	scenario: Scenario,
	labels: Partial<Record<Axis, CellValue>>
): Target | IssueTexts {
	const participantLabel = cellText(labels.participant ?? null);
	const poolLabel = cellText(labels.pool ?? null);
	const participant = labels.participant !== undefined ? names.participant(participantLabel) : undefined;
	const pool = labels.pool !== undefined ? names.pool(poolLabel) : undefined;
	if (
		labels.participant !== undefined &&
		participant === undefined &&
		!(mapping.kind === 'driver' && names.pool(participantLabel))
	)
		return {
			en: `"${participantLabel}" is not a participant of ${scenario.id} (known: ${scenario.participants.map((p) => p.name).join(', ')})`,
			nl: `"${participantLabel}" is geen deelnemer van ${scenario.id} (bekend: ${scenario.participants.map((p) => p.name).join(', ')})`
		};
	if (labels.pool !== undefined && pool === undefined && !(mapping.kind === 'driver' && names.participant(poolLabel)))
		return {
			en: `"${poolLabel}" is not a pool of ${scenario.id} (known: ${scenario.pools.map((p) => p.id).join(', ')})`,
			nl: `"${poolLabel}" is geen kostenpool van ${scenario.id} (bekend: ${scenario.pools.map((p) => p.id).join(', ')})`
		};
	const year = labels.year !== undefined ? names.year(labels.year) : mapping.year;
	if (year === undefined)
		return labels.year !== undefined
			? { en: `"${cellText(labels.year)}" is not a year`, nl: `"${cellText(labels.year)}" is geen jaartal` }
			: { en: 'the mapping gives no year for this value', nl: 'de koppeling geeft geen jaar voor deze waarde' };
	const from = yearDate(year);
	switch (mapping.kind) {
		case 'driver': {
			const recipient = participant ?? pool ?? names.participant(participantLabel) ?? names.pool(poolLabel);
			if (!mapping.driver || !scenario.drivers[mapping.driver])
				return {
					en: `the mapping names no driver of ${scenario.id} (give "driver": one of ${Object.keys(scenario.drivers).join(', ')})`,
					nl: `de koppeling noemt geen verdeelgrondslag van ${scenario.id} (geef "driver": een van ${Object.keys(scenario.drivers).join(', ')})`
				};
			if (!recipient)
				return { en: 'no participant or pool for this value', nl: 'geen deelnemer of kostenpool voor deze waarde' };
			return {
				series: `drivers.${mapping.driver}.values.${recipient}`,
				from,
				label: `${mapping.driver} ${recipient} ${year}`
			};
		}
		case 'cost':
			if (!pool) return { en: 'no pool for this value', nl: 'geen kostenpool voor deze waarde' };
			return { series: `pools[id=${pool}].cost`, from, label: `${pool} ${year}` };
		case 'key':
			if (!pool || !participant)
				return {
					en: 'a key share needs a pool and a participant',
					nl: 'een aandeel in een verdeelsleutel vraagt een kostenpool en een deelnemer'
				};
			return { series: `pools[id=${pool}].key`, from, share: participant, label: `${pool} ${participant} ${year}` };
		default:
			return {
				en: 'the paths layout has no row or column labels',
				nl: 'de indeling paths heeft geen labels voor rijen of kolommen'
			};
	}
}

/** Records one cell's value (or its issue): the labels' target and the cell's raw value. */
type PushValue = (r: number, c: number, raw: CellValue, t: Target | IssueTexts, labelCell: string) => void;

/** The recorder of a sheet's values: checks each number against the mapping's kind and adds it to `out`, or an issue. */
function valueRecorder(sheet: Sheet, mapping: ImportMapping, issues: Issue[], out: ReadValue[]): PushValue {
	const addr = (r: number, c: number) => cellAddress(sheet.name, r, c);
	const scale = new Decimal(mapping.scale);
	const reported = new Set<string>();
	return (r, c, raw, t, labelCell) => {
		if (isMiss(t)) {
			if (!reported.has(`${labelCell}|${t.en}`)) issues.push(makeIssue('import_unknown_label', labelCell, t));
			reported.add(`${labelCell}|${t.en}`);
			return;
		}
		const read = cellNumber(raw, mapping, mapping.kind === 'key' || t.series.endsWith('Share'));
		if ('message' in read) {
			issues.push(
				makeIssue('import_invalid_number', addr(r, c), {
					en: `"${cellText(raw)}" ${read.message.en}`,
					nl: `"${cellText(raw)}" ${read.message.nl}`
				})
			);
			return;
		}
		let value = new Decimal(read.value);
		if (mapping.kind === 'cost') value = value.times(scale);
		if (mapping.kind === 'cost' && value.decimalPlaces() > 2) {
			issues.push(
				makeIssue('import_precision', addr(r, c), {
					en: `${value.toFixed()} has more than two decimals: an amount is in euros and cents`,
					nl: `${formatExact(value.toFixed(), 'nl')} heeft meer dan twee decimalen: een bedrag is in euro’s en centen`
				})
			);
			return;
		}
		if (value.isNegative() && mapping.kind !== 'cost') {
			issues.push(
				makeIssue('import_negative', addr(r, c), {
					en: `${value.toFixed()} is negative: counts and shares cannot be`,
					nl: `${formatExact(value.toFixed(), 'nl')} is negatief: aantallen en aandelen kunnen dat niet zijn`
				})
			);
			return;
		}
		out.push({
			cell: addr(r, c),
			sheet: sheet.name,
			series: t.series,
			from: t.from,
			value: value.toFixed(),
			label: t.label,
			...(t.share ? { share: t.share } : {})
		});
	};
}

/** What a mapping reads from: its sheet, the scenario and the scenario's names. */
interface SheetContext {
	readonly sheet: Sheet;
	readonly mapping: ImportMapping;
	readonly scenario: Scenario;
	readonly names: Names;
	readonly issues: Issue[];
}

/** The header columns a grid skips: empty ones and totals. */
function skippedColumns(sheet: Sheet, mapping: ImportMapping, lc: number): Set<number> {
	const skip = new Set<number>();
	for (let c = lc + 1; c <= sheetWidth(sheet); c++) {
		const h = cellAt(sheet, mapping.headerRow, c);
		if (h === null || isTotalLabel(cellText(h))) skip.add(c);
	}
	return skip;
}

/** Read a grid: row labels in the label column, column headers in the header row, a value in every cell between. */
function readGrid(ctx: SheetContext, push: PushValue): void {
	const { sheet, mapping, scenario, names, issues } = ctx;
	const addr = (r: number, c: number) => cellAddress(sheet.name, r, c);
	const lc = columnNumber(mapping.labelColumn ?? 'A') ?? 1;
	const rowAxis = mapping.rows ?? 'participant';
	const colAxis = mapping.columns ?? 'year';
	const width = sheetWidth(sheet);
	const skipColumns = skippedColumns(sheet, mapping, lc);
	for (let r = mapping.headerRow + 1; r <= sheet.rows.length; r++) {
		const label = cellAt(sheet, r, lc);
		const row = sheet.rows[r - 1] ?? [];
		const hasValues = row.some((v, i) => i + 1 > lc && v !== null && !skipColumns.has(i + 1));
		if (label === null || isTotalLabel(cellText(label))) {
			if (label === null && hasValues)
				issues.push(
					makeIssue(
						'import_unknown_label',
						addr(r, lc),
						{ en: 'this row has values but no label', nl: 'deze rij heeft waarden maar geen label' },
						{
							severity: 'warning'
						}
					)
				);
			continue;
		}
		for (let c = lc + 1; c <= width; c++) {
			const raw = cellAt(sheet, r, c);
			if (raw === null || skipColumns.has(c)) continue;
			const labels = { [rowAxis]: label, [colAxis]: cellAt(sheet, mapping.headerRow, c) } as Partial<
				Record<Axis, CellValue>
			>;
			const t = target(mapping, names, scenario, labels);
			const bad = isMiss(t) ? (t.en.includes(`"${cellText(label)}"`) ? addr(r, lc) : addr(mapping.headerRow, c)) : '';
			push(r, c, raw, t, bad);
		}
	}
}

/** Read a long table: one value per row, its labels (or its scenario path and date) in the mapped columns. */
function readLong(ctx: SheetContext, cols: LongColumns, push: PushValue): void {
	const { sheet, mapping, scenario, names } = ctx;
	const addr = (r: number, c: number) => cellAddress(sheet.name, r, c);
	const col = (letters: string | undefined) => (letters ? columnNumber(letters) : undefined);
	const valueCol = col(cols.value)!;
	for (let r = mapping.headerRow + 1; r <= sheet.rows.length; r++) {
		const raw = cellAt(sheet, r, valueCol);
		if (raw === null) continue;
		if (mapping.kind === 'paths') {
			const pathCol = col(cols.path);
			const path = pathCol ? cellText(cellAt(sheet, r, pathCol)) : '';
			if (path === '') continue; // rows without a path describe, they do not set
			const fromCol = col(cols.from);
			const from = fromCol ? cellText(cellAt(sheet, r, fromCol)) : '';
			const t = pathTarget(path, from, scenario);
			push(r, valueCol, raw, t, addr(r, pathCol!));
			continue;
		}
		const labels: Partial<Record<Axis, CellValue>> = {};
		for (const axis of ['participant', 'pool', 'year'] as const) {
			const c = col(cols[axis]);
			if (c) labels[axis] = cellAt(sheet, r, c);
		}
		if (Object.values(labels).some((l) => l !== null && l !== undefined && isTotalLabel(cellText(l)))) continue;
		const t = target(mapping, names, scenario, labels);
		push(r, valueCol, raw, t, addr(r, col(cols.participant) ?? col(cols.pool) ?? valueCol));
	}
}

/** Read every value a mapping points at, with issues at their cells. */
function readMapping(
	workbook: Workbook,
	mapping: ImportMapping,
	scenario: Scenario,
	names: Names,
	issues: Issue[]
): ReadValue[] {
	const sheet = workbook.sheets.find((s) => s.name === mapping.sheet);
	if (!sheet) {
		issues.push(
			makeIssue('import_no_sheet', '', {
				en: `the file has no sheet "${mapping.sheet}" (sheets: ${workbook.sheets.map((s) => s.name).join(', ')})`,
				nl: `het bestand heeft geen werkblad "${mapping.sheet}" (werkbladen: ${workbook.sheets.map((s) => s.name).join(', ')})`
			})
		);
		return [];
	}
	const out: ReadValue[] = [];
	const push = valueRecorder(sheet, mapping, issues, out);
	const ctx: SheetContext = { sheet, mapping, scenario, names, issues };
	if (mapping.layout === 'grid') {
		readGrid(ctx, push);
		return out;
	}
	if (!mapping.long) {
		issues.push(
			makeIssue('mapping_invalid', '', {
				en: 'a long layout needs "long": { "value": "C", … }',
				nl: 'een lange indeling (long) vraagt "long": { "value": "C", … }'
			})
		);
		return [];
	}
	readLong(ctx, mapping.long, push);
	return out;
}

/** What a row of the paths layout sets: a dated leaf ("…cost" + from) or a fixed key share ("…key.shares.leiden"). */
function pathTarget(path: string, from: string, scenario: Scenario): Target | IssueTexts {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(from))
		return {
			en: `"${from}" is not a date YYYY-MM-DD (the date the value holds from)`,
			nl: `"${from}" is geen datum JJJJ-MM-DD (de datum vanaf wanneer de waarde geldt)`
		};
	const share = /^(.*\.key)\.shares\.([A-Za-z0-9_-]+)$/.exec(path);
	const series = share ? share[1]! : path;
	if (!parsePath(series) || seriesAt(scenario, series) === undefined)
		return { en: `"${path}" is not an input of ${scenario.id}`, nl: `"${path}" is geen invoer van ${scenario.id}` };
	return { series, from, label: path, ...(share ? { share: share[2]! } : {}) };
}

/** The validated series at a change path. */
function seriesAt(scenario: Scenario, path: string): Series<Leaf | Key> | undefined {
	const m = /^drivers\.([A-Za-z0-9_-]+)\.values\.([A-Za-z0-9_-]+)$/.exec(path);
	if (m) return Object.hasOwn(scenario.drivers, m[1]!) ? scenario.drivers[m[1]!]!.values[m[2]!] : undefined;
	const p = /^pools\[id=([A-Za-z0-9_-]+)\]\.(cost|revenue|wageShare|vatTaxableShare|key)$/.exec(path);
	if (p) {
		const pool = scenario.pools.find((x) => x.id === p[1]);
		return pool ? (pool[p[2] as 'cost'] as Series<Leaf | Key> | undefined) : undefined;
	}
	return undefined;
}

function describeSource(workbook: Workbook, cells: readonly string[]): { title: string; url: string } {
	const file = workbook.file.replace(/^.*[/\\]/, '');
	return { title: `${file}, ${cells.join(', ')}`, url: `${file}#${cells[0] ?? ''}` };
}

/** The new leaf of an imported value: the old leaf's unit and label kept, the provenance replaced. */
function importedLeaf(
	old: unknown,
	value: string,
	basis: Basis,
	source: { title: string; url: string },
	was: string | null
): Record<string, unknown> {
	const keep = isObj(old) ? Object.fromEntries(Object.entries(old).filter(([k]) => k === 'unit' || k === 'label')) : {};
	return { ...keep, value, basis, source, note: `imported from ${source.title}${was === null ? '' : `; was ${was}`}` };
}

/** What the preview collects while it compares: issues, changes, the variant's changes and the years put back. */
interface Collected {
	readonly workbook: Workbook;
	readonly scenario: Scenario;
	readonly mappings: readonly ImportMapping[];
	readonly issues: Issue[];
	readonly changes: ImportChange[];
	readonly variantChanges: Change[];
	/** The dates the import sets, per series ("series|date"). */
	readonly setDates: Set<string>;
	readonly restores: Map<string, Change>;
	unchanged: number;
}

/** Every value the mappings read, with an issue when there is no mapping at all. */
function readAll(
	workbook: Workbook,
	scenario: Scenario,
	mappings: readonly ImportMapping[],
	issues: Issue[]
): ReadValue[] {
	const names = scenarioNames(scenario);
	if (mappings.length === 0)
		issues.push(
			makeIssue('import_no_table', '', {
				en: `no sheet of ${workbook.file} looks like a table of ${scenario.id}'s participants, pools or years: give a mapping`,
				nl: `geen werkblad van ${workbook.file} lijkt op een tabel van de deelnemers, kostenpools of jaren van ${scenario.id}: geef een koppeling`
			})
		);
	const values: ReadValue[] = [];
	for (const mapping of mappings)
		for (const v of readMapping(workbook, mapping, scenario, names, issues)) values.push(v);
	return values;
}

/** The values with each input once: the same input given twice (two cells, or two sheets) with another value is refused. */
function dropDuplicates(values: readonly ReadValue[], issues: Issue[]): ReadValue[] {
	const seen = new Map<string, ReadValue>();
	const unique: ReadValue[] = [];
	for (const v of values) {
		const key = `${v.series}|${v.from}|${v.share ?? ''}`;
		const before = seen.get(key);
		if (before) {
			if (before.value !== v.value)
				issues.push(
					makeIssue('import_duplicate', v.cell, {
						en: `${v.label} is also given in ${before.cell} with another value (${before.value})`,
						nl: `${v.label} staat ook in ${before.cell}, met een andere waarde (${formatExact(before.value, 'nl')})`
					})
				);
			continue;
		}
		seen.set(key, v);
		unique.push(v);
	}
	return unique;
}

/** The basis of a value: its mapping's. */
function basisOf(col: Collected, v: ReadValue): Basis {
	return col.mappings.find((m) => m.sheet === v.sheet)?.basis ?? 'measured';
}

/**
 * Adding a value on 1 January of a year would carry it into the years after; the value in force
 * the next year before the import is put back, so exactly the imported year changes.
 */
function restoreNextYear(
	col: Collected,
	series: Series<Leaf | Key>,
	seriesPath: string,
	from: string,
	rawSeries: Record<string, unknown>
): void {
	const next = yearDate(Number(from.slice(0, 4)) + 1);
	if (
		Object.hasOwn(rawSeries, next) ||
		col.setDates.has(`${seriesPath}|${next}`) ||
		Number(next.slice(0, 4)) > col.scenario.horizon.to
	)
		return;
	const entry = entryAt(series, next);
	if (!entry) return;
	col.restores.set(`${seriesPath}.${next}`, {
		set: `${seriesPath}.${next}`,
		value: rawSeries[entry.from],
		rationale: 'the value in force before the import, kept for the following years'
	});
}

/** Leaves: one change per changed value. */
function compareLeaf(col: Collected, v: ReadValue): void {
	const series = seriesAt(col.scenario, v.series) as Series<Leaf> | undefined;
	const rawSeries = rawAt(col.scenario.raw, v.series);
	const entry = series ? entryAt(series, v.from) : undefined;
	const old = entry?.value?.value ?? null;
	if (old !== null && isDecimalEqual(old, v.value)) {
		col.unchanged++;
		return;
	}
	if (!isObj(rawSeries) && rawSeries !== undefined) {
		col.issues.push(
			makeIssue('import_not_dated', v.cell, {
				en: `${v.series} is not a dated series`,
				nl: `${v.series} is geen reeks met datums`
			})
		);
		return;
	}
	const source = describeSource(col.workbook, [v.cell]);
	col.changes.push({ cell: v.cell, path: v.series, from: v.from, label: v.label, old, new: v.value });
	const oldRaw = isObj(rawSeries) && entry ? rawSeries[entry.from] : undefined;
	if (rawSeries === undefined)
		col.variantChanges.push({
			set: v.series,
			value: { [v.from]: importedLeaf(oldRaw, v.value, basisOf(col, v), source, old) },
			rationale: `imported from ${source.title}`
		});
	else {
		col.variantChanges.push({
			set: `${v.series}.${v.from}`,
			value: importedLeaf(oldRaw, v.value, basisOf(col, v), source, old),
			rationale: `imported from ${source.title}`
		});
		if (series && entry?.from !== v.from) restoreNextYear(col, series, v.series, v.from, rawSeries);
	}
}

/** The imported key shares grouped per pool key and date. */
function shareGroups(values: readonly ReadValue[]): ReadValue[][] {
	const groups = new Map<string, ReadValue[]>();
	for (const v of values.filter((x) => x.share !== undefined)) {
		const key = `${v.series}|${v.from}`;
		groups.set(key, [...(groups.get(key) ?? []), v]);
	}
	return [...groups.values()];
}

/** Key shares: one fixed key per pool and date, built from the key in force with the imported shares. */
function compareKey(col: Collected, group: readonly ReadValue[]): void {
	const { series: path, from } = group[0]!;
	const series = seriesAt(col.scenario, path) as Series<Key> | undefined;
	const rawSeries = rawAt(col.scenario.raw, path);
	const entry = series ? entryAt(series, from) : undefined;
	const oldKey = entry?.value;
	const oldShares: Readonly<Record<string, string>> = oldKey?.type === 'fixed' ? oldKey.shares : {};
	const shares: Record<string, string> = { ...oldShares };
	const changed = group.filter(
		(v) => !(Object.hasOwn(oldShares, v.share!) && isDecimalEqual(oldShares[v.share!]!, v.value))
	);
	col.unchanged += group.length - changed.length;
	if (changed.length === 0) return;
	for (const v of group) shares[v.share!] = v.value;
	if (oldKey?.type !== 'fixed') {
		const missing = col.scenario.participants.filter((p) => !Object.hasOwn(shares, p.id));
		if (missing.length > 0) {
			col.issues.push(
				makeIssue('import_key_incomplete', group[0]!.cell, {
					en: `the key of ${path} in ${from.slice(0, 4)} is not a fixed key, so the import must give every participant's share (missing: ${missing.map((p) => p.name).join(', ')})`,
					nl: `de verdeelsleutel van ${path} is in ${from.slice(0, 4)} geen vaste verdeelsleutel, dus de import moet het aandeel van elke deelnemer geven (ontbreekt: ${missing.map((p) => p.name).join(', ')})`
				})
			);
			return;
		}
	}
	for (const v of changed)
		col.changes.push({
			cell: v.cell,
			path: `${path}.shares.${v.share}`,
			from,
			label: v.label,
			old: oldShares[v.share!] ?? null,
			new: v.value
		});
	const source = describeSource(
		col.workbook,
		changed.map((v) => v.cell)
	);
	const oldRaw = isObj(rawSeries) && entry ? rawSeries[entry.from] : undefined;
	const keep =
		isObj(oldRaw) && oldKey?.type === 'fixed'
			? Object.fromEntries(Object.entries(oldRaw).filter(([k]) => k === 'label'))
			: {};
	const value = {
		...keep,
		type: 'fixed',
		shares,
		basis: basisOf(col, group[0]!),
		source,
		note: `shares imported from ${source.title}`
	};
	if (!isObj(rawSeries)) {
		col.issues.push(
			makeIssue('import_not_dated', group[0]!.cell, {
				en: `${path} is not a dated series`,
				nl: `${path} is geen reeks met datums`
			})
		);
		return;
	}
	col.variantChanges.push({ set: `${path}.${from}`, value, rationale: `imported from ${source.title}` });
	if (series && entry?.from !== from) restoreNextYear(col, series, path, from, rawSeries);
}

/** The variant's id: the one given, else "import-" and the file's name in lower case and hyphens. */
function variantId(file: string, options: PreviewOptions): string {
	return (
		options.id ??
		`import-${
			file
				.replace(/\.[^.]*$/, '')
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-+|-+$/g, '') || 'bestand'
		}`
	);
}

/** The variant must validate over its base; an issue it raises is mapped back to its cell. */
function validateVariant(col: Collected, id: string): void {
	if (col.issues.some((i) => i.severity !== 'warning') || col.variantChanges.length === 0) return;
	const applied = applyVariant(col.scenario, col.variantChanges, { id });
	if (applied.ok) return;
	const cellOf = (path: string) =>
		col.changes.find((c) => path.startsWith(c.path) || path.includes(c.path))?.cell ?? '';
	for (const i of applied.issues) {
		const nl = issueMessage(i, 'nl');
		col.issues.push({
			...i,
			path: cellOf(i.path) || i.path,
			...issueTexts({ en: `${i.message} (${i.path})`, nl: `${nl} (${i.path})` })
		});
	}
}

/**
 * Preview an import: read the mapped sheets, compare every value with the scenario, and build the
 * variant that applying creates. Never throws; a file that cannot be mapped gives issues.
 */
export function previewImport(
	workbook: Workbook,
	scenario: Scenario,
	mappings: readonly ImportMapping[],
	options: PreviewOptions = {}
): ImportPreview {
	const issues: Issue[] = [];
	const unique = dropDuplicates(readAll(workbook, scenario, mappings, issues), issues);
	const col: Collected = {
		workbook,
		scenario,
		mappings,
		issues,
		changes: [],
		variantChanges: [],
		setDates: new Set(unique.map((v) => `${v.series}|${v.from}`)),
		restores: new Map(),
		unchanged: 0
	};
	for (const v of unique.filter((x) => x.share === undefined)) compareLeaf(col, v);
	for (const group of shareGroups(unique)) compareKey(col, group);
	for (const change of col.restores.values()) col.variantChanges.push(change);

	const file = workbook.file.replace(/^.*[/\\]/, '');
	const id = variantId(file, options);
	validateVariant(col, id);
	const failed = issues.some((i) => i.severity !== 'warning');
	return {
		file: workbook.file,
		mappings,
		issues,
		changes: col.changes,
		unchanged: col.unchanged,
		variant: failed
			? null
			: {
					format: VARIANT_FORMAT,
					id,
					title: { nl: `Import uit ${file}`, en: `Import from ${file}` },
					description: `Values imported from ${file} (${col.changes.length} changed).`,
					base: scenario.variantId ?? scenario.id,
					changes: col.variantChanges
				}
	};
}

function isDecimalEqual(a: string, b: string): boolean {
	try {
		return new Decimal(a).eq(new Decimal(b));
	} catch {
		return false;
	}
}
