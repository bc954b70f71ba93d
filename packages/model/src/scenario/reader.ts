// Reader primitives for raw scenario data: maps, text, ids, numbers with provenance and dated series,
// each reporting what is wrong ({code, path, message}) to one issue collector and returning undefined.
import { IssueCollector, type Issue, type IssueText, type IssueTexts, type Severity } from '../domain/issue.ts';
import type { Basis, Provenance } from '../domain/result.ts';
import { Decimal, isDecimalString } from '../money/decimal.ts';
import { MAX_AMOUNT_WHOLE_DIGITS } from '../money/limits.ts';
import { BASES, FORBIDDEN_KEYS, ID_PATTERN, isIsoDate } from '../domain/format.ts';
import type { ScenarioIssueCode } from './issue-codes.ts';
import type { DatedEntry, Leaf, Series, Source } from './types.ts';
import { checkLeafUncertainty, readUncertaintyFields } from './uncertainty.ts';
import { isSealed } from './sealed.ts';

export const LEAF_FIELDS = [
	'value',
	'basis',
	'source',
	'note',
	'confidence',
	'range',
	'distribution',
	'checkedOn',
	'unit',
	'label'
];

export type Kind = 'money' | 'ratio' | 'count' | 'rate';

export type Obj = Record<string, unknown>;

/** A number other than an amount lies within 10^±30 (or is zero) and has at most 40 significant digits. */
export const NUMBER_MAGNITUDE = 30;
export const NUMBER_MAX_DIGITS = 40;

/**
 * What is wrong with the size of a decimal string, or undefined: an amount (money) has at most two
 * decimals (whole cents) and at most 15 whole digits (the exact range); any other number lies within
 * 10^±30 with at most 40 significant digits. Checked on the Decimal's exponent, never by expanding
 * the number, so "1e999999999" is refused at once. `cents: false` for a tariff (a price per unit).
 */
export function numberSizeIssue(
	text: string,
	kind: Kind,
	cents = true
): { code: ScenarioIssueCode; message: IssueTexts } | undefined {
	// Nearly every number is a plain decimal well inside the limits, which its digits alone show: at most
	// 15 whole digits and 2 decimals for an amount, 29 and 10 (so at most 39 digits) for any other number.
	if ((kind === 'money' ? PLAIN_AMOUNT : PLAIN_NUMBER).test(text)) return undefined;
	const d = new Decimal(text);
	const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
	if (d.isZero()) return undefined;
	if (kind === 'money') {
		if (d.e >= MAX_AMOUNT_WHOLE_DIGITS)
			return {
				code: 'amount_too_large',
				message: {
					en: `${shown} is beyond the exact range: amounts have at most ${MAX_AMOUNT_WHOLE_DIGITS} digits before the decimal point (below € 10^${MAX_AMOUNT_WHOLE_DIGITS})`,
					nl: `${shown} valt buiten het exacte bereik: een bedrag heeft hoogstens ${MAX_AMOUNT_WHOLE_DIGITS} cijfers vóór de komma (onder € 10^${MAX_AMOUNT_WHOLE_DIGITS})`
				}
			};
		if (cents && d.decimalPlaces() > 2)
			return {
				code: 'money_precision',
				message: {
					en: `${shown} has more than two decimals; amounts are in whole cents`,
					nl: `${shown} heeft meer dan twee decimalen; bedragen zijn in hele centen`
				}
			};
	}
	if (d.e >= NUMBER_MAGNITUDE || d.e < -NUMBER_MAGNITUDE || d.sd() > NUMBER_MAX_DIGITS)
		return {
			code: 'number_out_of_range',
			message: {
				en: `${shown} is beyond what a number may be: within 10^±${NUMBER_MAGNITUDE}, at most ${NUMBER_MAX_DIGITS} significant digits`,
				nl: `${shown} valt buiten wat een getal mag zijn: binnen 10^±${NUMBER_MAGNITUDE}, hoogstens ${NUMBER_MAX_DIGITS} significante cijfers`
			}
		};
	return undefined;
}

const PLAIN_AMOUNT = /^-?\d{1,15}(?:\.\d{1,2})?$/;
const PLAIN_NUMBER = /^-?\d{1,29}(?:\.\d{1,10})?$/;

// The few dates a scenario writes recur in every series: each is checked on the calendar once.
const validDates = new Set<string>();
const MAX_REMEMBERED_DATES = 4096;

/** isIsoDate for a series date, remembering the dates found valid. */
function isSeriesDate(text: string): boolean {
	if (validDates.has(text)) return true;
	if (!isIsoDate(text)) return false;
	if (validDates.size < MAX_REMEMBERED_DATES) validDates.add(text);
	return true;
}

/** A text of an issue in one language (a plain string is the same in both). */
export function inLocale(text: IssueText, locale: 'nl' | 'en'): string {
	return typeof text === 'string' ? text : text[locale];
}

/** Whether a value is a map (not null, not a list). */
export function isObj(value: unknown): value is Obj {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The series read from a sealed part without an issue, with what else the reading depended on.
const leafSeriesRead = new WeakMap<
	object,
	{ path: string; kind: Kind; sources: Readonly<Record<string, Source>>; series: Series<Leaf> }[]
>();

/** Reads raw data into typed values, reporting every problem to one issue collector. */
export class Reader {
	/** Sources by id, which leaves may name; set once the sources section is read. */
	sources: Readonly<Record<string, Source>> = {};
	readonly out: IssueCollector<ScenarioIssueCode>;
	/** How many issues (errors and warnings) were reported so far; never goes down. */
	reported = 0;
	constructor(file?: string) {
		this.out = new IssueCollector<ScenarioIssueCode>(file);
	}

	get issues(): readonly Issue[] {
		return this.out.issues;
	}

	issue(code: ScenarioIssueCode, path: string, message: IssueText, severity: Severity = 'error'): void {
		this.reported++;
		this.out.add(code, path, message, severity);
	}

	/** Remove the unknown_field warning at `path` (when an error about the same field replaces it). */
	dropWarning(path: string): void {
		this.out.drop('unknown_field', path);
	}

	object(value: unknown, path: string, allowed: readonly string[]): Obj | undefined {
		if (!isObj(value)) {
			this.issue('invalid_type', path, {
				en: `expected a map, got ${describe(value)}`,
				nl: `verwacht een object met velden, maar kreeg ${describe(value, 'nl')}`
			});
			return undefined;
		}
		for (const key of Object.keys(value)) {
			if (!allowed.includes(key) && !FORBIDDEN_KEYS.has(key)) {
				const near = nearest(key, allowed);
				this.issue(
					'unknown_field',
					join(path, key),
					{
						en: `unknown field "${key}" is ignored${near ? ` (did you mean "${near}"?)` : ''}`,
						nl: `onbekend veld "${key}" wordt genegeerd${near ? ` (bedoelt u "${near}"?)` : ''}`
					},
					'warning'
				);
			}
		}
		return value;
	}

	string(value: unknown, path: string, required = true): string | undefined {
		if (value === undefined && !required) return undefined;
		if (typeof value !== 'string' || value.trim() === '') {
			this.issue(
				value === undefined ? 'required' : 'invalid_type',
				path,
				value === undefined
					? { en: 'is required', nl: 'is verplicht' }
					: { en: `expected text, got ${describe(value)}`, nl: `verwacht tekst, maar kreeg ${describe(value, 'nl')}` }
			);
			return undefined;
		}
		return value;
	}

	id(value: unknown, path: string): string | undefined {
		const id = this.string(value, path);
		if (id !== undefined && !ID_PATTERN.test(id)) {
			this.issue('invalid_id', path, {
				en: `"${id}" is not a valid id (letters, digits, - and _)`,
				nl: `"${id}" is geen geldige id (letters, cijfers, - en _)`
			});
			return undefined;
		}
		return id;
	}

	text(value: unknown, path: string, fallback: string): { nl: string; en: string } {
		if (value === undefined) return { nl: fallback, en: fallback };
		if (typeof value === 'string') return { nl: value, en: value };
		const o = this.object(value, path, ['nl', 'en']);
		if (!o) return { nl: fallback, en: fallback };
		const nl = typeof o.nl === 'string' ? o.nl : typeof o.en === 'string' ? o.en : fallback;
		const en = typeof o.en === 'string' ? o.en : nl;
		return { nl, en };
	}

	/** A plain number written as text (no provenance needed), e.g. comparison.tolerance; `cents: false` for a tariff. */
	plainNumber(value: unknown, path: string, kind: Kind, cents = true): string | undefined {
		if (typeof value === 'number') {
			if (kind === 'money') {
				this.issue('money_not_string', path, {
					en: `money must be a decimal string ("${value}"), not a number: floats lose cents`,
					nl: `een bedrag moet als tekst geschreven worden ("${value}"), niet als getal: zo gaan er geen centen verloren`
				});
				return undefined;
			}
			if (!Number.isFinite(value)) {
				this.issue('invalid_number', path, { en: `${value} is not a number`, nl: `${value} is geen getal` });
				return undefined;
			}
			return this.plainNumber(String(value), path, kind, cents);
		}
		if (typeof value !== 'string' || !isDecimalString(value)) {
			this.issue('invalid_number', path, {
				en: `expected a decimal number as text, got ${describe(value)}`,
				nl: `verwacht een decimaal getal als tekst, maar kreeg ${describe(value, 'nl')}`
			});
			return undefined;
		}
		const text = value.trim();
		const size = numberSizeIssue(text, kind, cents);
		if (size) {
			this.issue(size.code, path, size.message);
			return undefined;
		}
		if (text.startsWith('-') && Number(text) !== 0 && kind !== 'rate') {
			this.issue('negative_value', path, { en: `${text} is negative`, nl: `${text} is negatief` });
			return undefined;
		}
		if (kind === 'ratio' && Number(text) > 1) {
			this.issue('out_of_range', path, {
				en: `${text} is a share and must lie between 0 and 1`,
				nl: `${text} is een aandeel en moet tussen 0 en 1 liggen`
			});
			return undefined;
		}
		return text;
	}

	provenance(o: Obj, path: string, label: IssueText): Provenance | undefined {
		const what = inLocale(label, 'en');
		const wat = inLocale(label, 'nl');
		const basis = o.basis;
		if (basis === undefined) {
			this.issue('missing_provenance', path, {
				en: `${what} has no provenance: add basis (measured | derived | estimate) with a source or a note`,
				nl: `${wat} heeft geen herkomst: voeg basis toe (measured | derived | estimate) met een bron of een toelichting`
			});
			return undefined;
		}
		if (typeof basis !== 'string' || !(BASES as readonly string[]).includes(basis)) {
			this.issue('invalid_basis', join(path, 'basis'), {
				en: `basis must be measured, derived or estimate, got ${describe(basis)}`,
				nl: `basis moet measured, derived of estimate zijn, maar is ${describe(basis, 'nl')}`
			});
			return undefined;
		}
		const source = this.source(o.source, join(path, 'source'));
		const note = typeof o.note === 'string' && o.note.trim() !== '' ? o.note : undefined;
		if (o.note !== undefined && typeof o.note !== 'string')
			this.issue('invalid_type', join(path, 'note'), {
				en: 'a note must be text',
				nl: 'een toelichting moet tekst zijn'
			});
		if (basis === 'measured' && o.source === undefined)
			this.issue('missing_provenance', path, {
				en: `${what} is marked measured but names no source`,
				nl: `${wat} staat als gemeten (measured) maar noemt geen bron`
			});
		if (basis === 'estimate' && note === undefined)
			this.issue('missing_provenance', path, {
				en: `${what} is an estimate without a note giving its basis`,
				nl: `${wat} is een schatting zonder toelichting waarop die berust`
			});
		if (basis === 'derived' && o.source === undefined && note === undefined)
			this.issue('missing_provenance', path, {
				en: `${what} is derived but has neither a source nor a note saying how`,
				nl: `${wat} is afgeleid (derived) maar heeft geen bron en geen toelichting hoe`
			});
		let range: [string, string] | undefined;
		if (o.range !== undefined) {
			if (
				Array.isArray(o.range) &&
				o.range.length === 2 &&
				o.range.every((r) =>
					typeof r === 'string'
						? isDecimalString(r) && !numberSizeIssue(r.trim(), 'rate')
						: Number.isFinite(r) && !numberSizeIssue(String(r), 'rate')
				)
			)
				range = [String(o.range[0]), String(o.range[1])];
			else
				this.issue('invalid_range', join(path, 'range'), {
					en: `range must be a list of two numbers ["low", "high"], each within 10^±${NUMBER_MAGNITUDE}`,
					nl: `range moet een lijst van twee getallen ["laag", "hoog"] zijn, elk binnen 10^±${NUMBER_MAGNITUDE}`
				});
		}
		return {
			basis: basis as Basis,
			...(source ? { source } : {}),
			...(note ? { note } : {}),
			...(range ? { range } : {}),
			...readUncertaintyFields(o, path, (c, p, m) => this.issue(c, p, m))
		};
	}

	source(value: unknown, path: string): Provenance['source'] | undefined {
		if (value === undefined) return undefined;
		if (typeof value === 'string') {
			const known = Object.hasOwn(this.sources, value) ? this.sources[value] : undefined;
			if (!known) {
				this.issue('unknown_source', path, {
					en: `no source "${value}" in sources`,
					nl: `er is geen bron "${value}" in sources`
				});
				return undefined;
			}
			return { id: known.id, title: known.title, url: known.url };
		}
		const o = this.object(value, path, ['title', 'url', 'accessed']);
		if (!o) return undefined;
		const title = this.string(o.title, join(path, 'title'));
		const url = this.string(o.url, join(path, 'url'));
		return title && url ? { title, url } : undefined;
	}

	/** A number with provenance. */
	leaf(value: unknown, path: string, kind: Kind, label: IssueText): Leaf | undefined {
		if (!isObj(value) || !('value' in value)) {
			if (typeof value === 'number' && kind === 'money')
				this.issue('money_not_string', path, {
					en: `money must be a decimal string, not the number ${value}: floats lose cents`,
					nl: `een bedrag moet als tekst geschreven worden, niet als het getal ${value}: zo gaan er geen centen verloren`
				});
			this.issue('missing_provenance', path, {
				en: `${inLocale(label, 'en')}: a number must be written as { value, basis, source | note }, got ${describe(value)}`,
				nl: `${inLocale(label, 'nl')}: een getal moet geschreven worden als { value, basis, source | note }, maar is ${describe(value, 'nl')}`
			});
			return undefined;
		}
		this.object(value, path, LEAF_FIELDS);
		const v = this.plainNumber(value.value, join(path, 'value'), kind);
		const provenance = this.provenance(value, path, label);
		if (value.checkedOn !== undefined && !isIsoDate(value.checkedOn))
			this.issue('invalid_date', join(path, 'checkedOn'), {
				en: `checkedOn must be a date YYYY-MM-DD, got ${describe(value.checkedOn)}`,
				nl: `checkedOn moet een datum JJJJ-MM-DD zijn, maar is ${describe(value.checkedOn, 'nl')}`
			});
		if (v === undefined || !provenance) return undefined;
		const leaf: Leaf = {
			value: v,
			provenance,
			path,
			kind,
			...(typeof value.unit === 'string' ? { unit: value.unit } : {})
		};
		checkLeafUncertainty(leaf, (c, p, m) => this.issue(c, p, m));
		return leaf;
	}

	/** A dated series: a map from ISO date to an entry (or null, which ends the value). */
	series<T>(value: unknown, path: string, entry: (v: unknown, p: string) => T | undefined): Series<T> | undefined {
		if (!isObj(value)) {
			this.issue('invalid_type', path, {
				en: `expected a dated series (a map from dates such as 2021-01-01 to values), got ${describe(value)}`,
				nl: `verwacht een reeks met datums (een object van datums zoals 2021-01-01 naar waarden), maar kreeg ${describe(value, 'nl')}`
			});
			return undefined;
		}
		const entries: DatedEntry<T>[] = [];
		let ok = true;
		for (const [date, v] of Object.entries(value)) {
			if (FORBIDDEN_KEYS.has(date)) continue;
			const p = join(path, date);
			if (!isSeriesDate(date)) {
				this.issue('invalid_date', p, {
					en: `"${date}" is not a date YYYY-MM-DD`,
					nl: `een datum moet JJJJ-MM-DD zijn, niet "${date}"`
				});
				ok = false;
				continue;
			}
			if (v === null) {
				entries.push({ from: date, value: null });
				continue;
			}
			const parsed = entry(v, p);
			if (parsed === undefined) ok = false;
			else entries.push({ from: date, value: parsed });
		}
		if (Object.keys(value).length === 0) {
			this.issue('empty_series', path, {
				en: 'a dated series needs at least one dated value',
				nl: 'een reeks met datums heeft minstens één gedateerde waarde nodig'
			});
			ok = false;
		}
		entries.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
		return ok ? { path, entries } : undefined;
	}

	/**
	 * A dated series of numbers with provenance. A sealed part read before at the same path, as the
	 * same kind, with the same sources and without any issue, gives the very series read then (the
	 * label only words issues): a variant shares its baseline's leaves, and so what is kept per leaf.
	 */
	leafSeries(value: unknown, path: string, kind: Kind, label: IssueText): Series<Leaf> | undefined {
		if (!isSealed(value)) return this.series(value, path, (v, p) => this.leaf(v, p, kind, label));
		let known = leafSeriesRead.get(value);
		const same = known?.find((k) => k.path === path && k.kind === kind && k.sources === this.sources);
		if (same) return same.series;
		const before = this.reported;
		const series = this.series(value, path, (v, p) => this.leaf(v, p, kind, label));
		if (series && this.reported === before) {
			if (!known) leafSeriesRead.set(value, (known = []));
			known.push({ path, kind, sources: this.sources, series });
		}
		return series;
	}

	optionalLeafSeries(value: unknown, path: string, kind: Kind, label: IssueText): Series<Leaf> | undefined {
		return value === undefined ? undefined : this.leafSeries(value, path, kind, label);
	}
}

/** The allowed field a misspelt one is closest to (at most two edits, or the same but for case), if any. */
export function nearest(key: string, allowed: readonly string[]): string | undefined {
	// Long keys or long lists of allowed ids (recipients) get no suggestion: the search would cost more than it helps.
	if (key.length > 64 || allowed.length > 200) return undefined;
	let best: string | undefined;
	let bestDistance = 3;
	for (const candidate of allowed) {
		const d = candidate.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, candidate);
		if (d < bestDistance) [best, bestDistance] = [candidate, d];
	}
	return best;
}

// Levenshtein distance over one rolling row (the keys compared are field names, a few dozen characters).
function editDistance(a: string, b: string): number {
	let row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const next = [i];
		for (let j = 1; j <= b.length; j++)
			next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		row = next;
	}
	return row[b.length]!;
}

/** A field path: the non-empty parts joined with dots. */
export function join(path: string, ...parts: string[]): string {
	// Built by concatenation: the validator joins a path for every field it reads.
	let out = path;
	for (const part of parts) if (part !== '') out = out === '' ? part : `${out}.${part}`;
	return out;
}

/** A short description of a value for a message ("a list", "nothing", the text quoted), in English or Dutch. */
export function describe(value: unknown, locale: 'nl' | 'en' = 'en'): string {
	const nl = locale === 'nl';
	if (value === undefined) return nl ? 'niets' : 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return nl ? 'een lijst' : 'a list';
	if (typeof value === 'object') return nl ? 'een object' : 'a map';
	if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
	return String(value);
}

/** Report every `__proto__`, `constructor` or `prototype` key anywhere in the data. */
export function findForbiddenKeys(value: unknown, path: string, out: Reader): void {
	// The path of a node is spelt out only where a forbidden key is found: the walk visits every node.
	const trail: (string | number)[] = [];
	const spell = (): string => {
		let p = path;
		for (const step of trail) p = typeof step === 'number' ? `${p}[${step}]` : join(p, step);
		return p;
	};
	const walk = (v: unknown): void => {
		// A sealed part holds no forbidden key (scenario/sealed.ts).
		if (isSealed(v)) return;
		if (Array.isArray(v))
			for (let i = 0; i < v.length; i++) {
				trail.push(i);
				walk(v[i]);
				trail.pop();
			}
		else if (isObj(v))
			for (const key of Object.keys(v)) {
				trail.push(key);
				if (FORBIDDEN_KEYS.has(key))
					out.issue('forbidden_key', spell(), {
						en: `the key "${key}" is not allowed`,
						nl: `de veldnaam "${key}" is niet toegestaan`
					});
				else walk(v[key]);
				trail.pop();
			}
	};
	walk(value);
}
