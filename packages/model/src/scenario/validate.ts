// Raw data to a validated Scenario, collecting every issue at once ({code, path, message}). Structure,
// provenance, ids and dates are checked here; whether every value is in force in every year of the
// horizon is checked by a dry run of the computation (see load.ts).
import type { Issue, Result } from '../domain/issue.ts';
import type { Basis, LegalForm, Provenance } from '../domain/result.ts';
import { isDecimalString } from '../money/decimal.ts';
import { BASES, FORBIDDEN_KEYS, ID_PATTERN, isIsoDate } from '../domain/format.ts';
import { checkFormula } from './formula.ts';
import { readFairness, readInHouse } from './in-house.ts';
import {
	KEY_TYPES,
	METHOD_IDS,
	type AllocationSetting,
	type CentrumgemeenteSettings,
	type Change,
	type DatedEntry,
	type Driver,
	type GovernanceItem,
	type Key,
	type Leaf,
	type MethodId,
	type Participant,
	type Pool,
	type Scenario,
	type Series,
	type Source,
	type Variant
} from './types.ts';

export const SCENARIO_FORMAT = 'sp71-scenario/1';
export const VARIANT_FORMAT = 'sp71-scenario-variant/1';

const LEAF_FIELDS = ['value', 'basis', 'source', 'note', 'confidence', 'range', 'checkedOn', 'unit', 'label'];

type Kind = 'money' | 'ratio' | 'count' | 'rate';

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export { isIsoDate };

/** Collects issues while reading raw data. */
export class Reader {
	readonly issues: Issue[] = [];
	constructor(
		readonly sources: Readonly<Record<string, Source>>,
		readonly file?: string
	) {}

	issue(code: string, path: string, message: string, severity: 'error' | 'warning' = 'error'): void {
		this.issues.push({
			code,
			path,
			message,
			...(severity === 'warning' ? { severity } : {}),
			...(this.file ? { file: this.file } : {})
		});
	}

	/** Remove the unknown_field warning at `path` (when an error about the same field replaces it). */
	dropWarning(path: string): void {
		const i = this.issues.findIndex((x) => x.code === 'unknown_field' && x.path === path);
		if (i >= 0) this.issues.splice(i, 1);
	}

	object(value: unknown, path: string, allowed: readonly string[]): Obj | undefined {
		if (!isObj(value)) {
			this.issue('invalid_type', path, `expected a map, got ${describe(value)}`);
			return undefined;
		}
		for (const key of Object.keys(value)) {
			if (!allowed.includes(key) && !FORBIDDEN_KEYS.has(key))
				this.issue('unknown_field', join(path, key), `unknown field "${key}" is ignored`, 'warning');
		}
		return value;
	}

	string(value: unknown, path: string, required = true): string | undefined {
		if (value === undefined && !required) return undefined;
		if (typeof value !== 'string' || value.trim() === '') {
			this.issue(
				value === undefined ? 'required' : 'invalid_type',
				path,
				value === undefined ? 'is required' : `expected text, got ${describe(value)}`
			);
			return undefined;
		}
		return value;
	}

	id(value: unknown, path: string): string | undefined {
		const id = this.string(value, path);
		if (id !== undefined && !ID_PATTERN.test(id)) {
			this.issue('invalid_id', path, `"${id}" is not a valid id (letters, digits, - and _)`);
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

	/** A plain number written as text (no provenance needed), e.g. comparison.tolerance. */
	plainNumber(value: unknown, path: string, kind: Kind): string | undefined {
		if (typeof value === 'number') {
			if (kind === 'money') {
				this.issue(
					'money_not_string',
					path,
					`money must be a decimal string ("${value}"), not a number: floats lose cents`
				);
				return undefined;
			}
			if (!Number.isFinite(value)) {
				this.issue('invalid_number', path, `${value} is not a number`);
				return undefined;
			}
			return String(value);
		}
		if (typeof value !== 'string' || !isDecimalString(value)) {
			this.issue('invalid_number', path, `expected a decimal number as text, got ${describe(value)}`);
			return undefined;
		}
		const text = value.trim();
		if (text.startsWith('-') && Number(text) !== 0 && kind !== 'rate') {
			this.issue('negative_value', path, `${text} is negative`);
			return undefined;
		}
		if (kind === 'ratio' && Number(text) > 1) {
			this.issue('out_of_range', path, `${text} is a share and must lie between 0 and 1`);
			return undefined;
		}
		return text;
	}

	provenance(o: Obj, path: string, what: string): Provenance | undefined {
		const basis = o.basis;
		if (basis === undefined) {
			this.issue(
				'missing_provenance',
				path,
				`${what} has no provenance: add basis (measured | derived | estimate) with a source or a note`
			);
			return undefined;
		}
		if (typeof basis !== 'string' || !(BASES as readonly string[]).includes(basis)) {
			this.issue(
				'invalid_basis',
				join(path, 'basis'),
				`basis must be measured, derived or estimate, got ${describe(basis)}`
			);
			return undefined;
		}
		const source = this.source(o.source, join(path, 'source'));
		const note = typeof o.note === 'string' && o.note.trim() !== '' ? o.note : undefined;
		if (o.note !== undefined && typeof o.note !== 'string')
			this.issue('invalid_type', join(path, 'note'), 'a note must be text');
		if (basis === 'measured' && o.source === undefined)
			this.issue('missing_provenance', path, `${what} is marked measured but names no source`);
		if (basis === 'estimate' && note === undefined)
			this.issue('missing_provenance', path, `${what} is an estimate without a note giving its basis`);
		if (basis === 'derived' && o.source === undefined && note === undefined)
			this.issue('missing_provenance', path, `${what} is derived but has neither a source nor a note saying how`);
		let range: [string, string] | undefined;
		if (o.range !== undefined) {
			if (
				Array.isArray(o.range) &&
				o.range.length === 2 &&
				o.range.every((r) => (typeof r === 'string' ? isDecimalString(r) : typeof r === 'number'))
			)
				range = [String(o.range[0]), String(o.range[1])];
			else this.issue('invalid_range', join(path, 'range'), 'range must be a list of two numbers ["low", "high"]');
		}
		return {
			basis: basis as Basis,
			...(source ? { source } : {}),
			...(note ? { note } : {}),
			...(range ? { range } : {})
		};
	}

	source(value: unknown, path: string): Provenance['source'] | undefined {
		if (value === undefined) return undefined;
		if (typeof value === 'string') {
			const known = this.sources[value];
			if (!known) {
				this.issue('unknown_source', path, `no source "${value}" in sources`);
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
	leaf(value: unknown, path: string, kind: Kind, label: string): Leaf | undefined {
		if (!isObj(value) || !('value' in value)) {
			if (typeof value === 'number' && kind === 'money')
				this.issue(
					'money_not_string',
					path,
					`money must be a decimal string, not the number ${value}: floats lose cents`
				);
			this.issue(
				'missing_provenance',
				path,
				`${label}: a number must be written as { value, basis, source | note }, got ${describe(value)}`
			);
			return undefined;
		}
		this.object(value, path, LEAF_FIELDS);
		const v = this.plainNumber(value.value, join(path, 'value'), kind);
		const provenance = this.provenance(value, path, label);
		if (value.checkedOn !== undefined && !isIsoDate(value.checkedOn))
			this.issue(
				'invalid_date',
				join(path, 'checkedOn'),
				`checkedOn must be a date YYYY-MM-DD, got ${describe(value.checkedOn)}`
			);
		if (v === undefined || !provenance) return undefined;
		return { value: v, provenance, path, ...(typeof value.unit === 'string' ? { unit: value.unit } : {}) };
	}

	/** A dated series: a map from ISO date to an entry (or null, which ends the value). */
	series<T>(value: unknown, path: string, entry: (v: unknown, p: string) => T | undefined): Series<T> | undefined {
		if (!isObj(value)) {
			this.issue(
				'invalid_type',
				path,
				`expected a dated series (a map from dates such as 2021-01-01 to values), got ${describe(value)}`
			);
			return undefined;
		}
		const entries: DatedEntry<T>[] = [];
		let ok = true;
		for (const [date, v] of Object.entries(value)) {
			if (FORBIDDEN_KEYS.has(date)) continue;
			const p = join(path, date);
			if (!isIsoDate(date)) {
				this.issue('invalid_date', p, `"${date}" is not a date YYYY-MM-DD`);
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
			this.issue('empty_series', path, 'a dated series needs at least one dated value');
			ok = false;
		}
		entries.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
		return ok ? { path, entries } : undefined;
	}

	leafSeries(value: unknown, path: string, kind: Kind, label: string): Series<Leaf> | undefined {
		return this.series(value, path, (v, p) => this.leaf(v, p, kind, label));
	}

	optionalLeafSeries(value: unknown, path: string, kind: Kind, label: string): Series<Leaf> | undefined {
		return value === undefined ? undefined : this.leafSeries(value, path, kind, label);
	}

	/** A key; `covered` is true inside a key whose provenance covers nested numbers. */
	key(value: unknown, path: string, covered = false): Key | undefined {
		if (!isObj(value)) {
			this.issue(
				'invalid_key',
				path,
				`expected a key such as { type: driver, driver: inwoners }, got ${describe(value)}`
			);
			return undefined;
		}
		const type = value.type;
		if (typeof type !== 'string' || !KEY_TYPES.includes(type as Key['type'])) {
			this.issue(
				'invalid_key_type',
				join(path, 'type'),
				`key type must be one of ${KEY_TYPES.join(', ')}, got ${describe(type)}`
			);
			return undefined;
		}
		const prov = ['basis', 'source', 'note', 'confidence', 'checkedOn', 'range', 'label'];
		const needsProvenance = (hasNumbers: boolean): Provenance | undefined | false => {
			if (value.basis !== undefined) return this.provenance(value, path, `the ${type} key`) ?? false;
			if (hasNumbers && !covered) {
				this.issue(
					'missing_provenance',
					path,
					`the ${type} key contains numbers but has no provenance (basis with source or note)`
				);
				return false;
			}
			return undefined;
		};
		const base = (p: Provenance | undefined) => ({ path, ...(p ? { provenance: p } : {}) });
		switch (type) {
			case 'fixed': {
				this.object(value, path, ['type', 'shares', ...prov]);
				const sharesRaw = value.shares;
				const shares: Record<string, string> = {};
				let ok = true;
				if (!isObj(sharesRaw) || Object.keys(sharesRaw).length === 0) {
					this.issue('invalid_key', join(path, 'shares'), 'a fixed key needs shares: { recipient: "percentage", … }');
					ok = false;
				} else {
					for (const [id, share] of Object.entries(sharesRaw)) {
						if (FORBIDDEN_KEYS.has(id)) continue;
						const s = this.plainNumber(share, join(path, 'shares', id), 'count');
						if (s === undefined) ok = false;
						else shares[id] = s;
					}
					if (ok && Object.values(shares).every((s) => Number(s) === 0)) {
						this.issue('driver_total_zero', join(path, 'shares'), 'the shares sum to zero');
						ok = false;
					}
				}
				const p = needsProvenance(true);
				if (!ok || p === false) return undefined;
				return { type, shares, ...base(p) };
			}
			case 'driver':
			case 'price-quantity': {
				this.object(value, path, [
					'type',
					'driver',
					...(type === 'price-quantity' ? ['price', 'settlement'] : []),
					...prov
				]);
				const driver = this.string(value.driver, join(path, 'driver'));
				let price: string | undefined;
				let settlement: Key | undefined;
				let ok = driver !== undefined;
				if (type === 'price-quantity') {
					if (value.price !== undefined) {
						price = this.plainNumber(value.price, join(path, 'price'), 'money');
						if (price === undefined) ok = false;
					}
					if (value.settlement !== undefined) {
						settlement = this.key(value.settlement, join(path, 'settlement'), covered || value.basis !== undefined);
						if (!settlement) ok = false;
					}
				}
				const p = needsProvenance(price !== undefined);
				if (!ok || p === false) return undefined;
				return type === 'driver'
					? { type, driver: driver!, ...base(p) }
					: { type, driver: driver!, ...(price ? { price } : {}), ...(settlement ? { settlement } : {}), ...base(p) };
			}
			case 'even': {
				this.object(value, path, ['type', ...prov]);
				const p = needsProvenance(false);
				return p === false ? undefined : { type, ...base(p) };
			}
			case 'base-plus-usage': {
				this.object(value, path, ['type', 'baseShare', 'base', 'usage', ...prov]);
				const inner = covered || value.basis !== undefined;
				const baseShare = this.plainNumber(value.baseShare, join(path, 'baseShare'), 'ratio');
				const b = this.key(value.base, join(path, 'base'), inner);
				const u = this.key(value.usage, join(path, 'usage'), inner);
				const p = needsProvenance(true);
				if (baseShare === undefined || !b || !u || p === false) return undefined;
				return { type, baseShare, base: b, usage: u, ...base(p) };
			}
			case 'formula': {
				this.object(value, path, ['type', 'expression', ...prov]);
				const expression = this.string(value.expression, join(path, 'expression'));
				if (expression === undefined) return undefined;
				const check = checkFormula(expression);
				if (!check.ok) {
					for (const i of check.issues) this.issue(i.code, join(path, 'expression'), i.message);
					return undefined;
				}
				const p = needsProvenance(check.value.hasConstants);
				if (p === false) return undefined;
				return { type, expression, ...base(p) };
			}
		}
		return undefined;
	}
}

function join(path: string, ...parts: string[]): string {
	return [path, ...parts].filter((p) => p !== '').join('.');
}

function describe(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a map';
	if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
	return String(value);
}

/** Report every `__proto__`, `constructor` or `prototype` key anywhere in the data. */
function findForbiddenKeys(value: unknown, path: string, out: Reader): void {
	if (Array.isArray(value)) value.forEach((v, i) => findForbiddenKeys(v, `${path}[${i}]`, out));
	else if (isObj(value)) {
		for (const key of Object.keys(value)) {
			if (FORBIDDEN_KEYS.has(key)) out.issue('forbidden_key', join(path, key), `the key "${key}" is not allowed`);
			else findForbiddenKeys(value[key], join(path, key), out);
		}
	}
}

const TOP_FIELDS = [
	'format',
	'id',
	'title',
	'description',
	'horizon',
	'referenceYear',
	'sources',
	'participants',
	'drivers',
	'pools',
	'allocation',
	'legalForm',
	'indexation',
	'gr',
	'centrumgemeente',
	'vat',
	'comparison',
	'inHouse',
	'fairness',
	'variants'
];

export interface ValidateOptions {
	/** File name reported in issues. */
	readonly file?: string;
}

/**
 * Validate raw scenario data (parsed YAML/JSON) into a Scenario, collecting every structural issue.
 * This does not check that values are in force in every year; `loadScenario`/`checkScenario` do.
 */
export function validateStructure(raw: unknown, options: ValidateOptions = {}): Result<Scenario> {
	const pre = new Reader({}, options.file);
	findForbiddenKeys(raw, '', pre);
	if (!isObj(raw)) {
		pre.issue('invalid_type', '', `a scenario must be a map, got ${describe(raw)}`);
		return { ok: false, issues: pre.issues };
	}
	// Sources first: leaves refer to them by id.
	const sources: Record<string, Source> = {};
	if (raw.sources !== undefined) {
		const o = pre.object(raw.sources, 'sources', Object.keys(isObj(raw.sources) ? raw.sources : {}));
		for (const [id, s] of Object.entries(o ?? {})) {
			if (FORBIDDEN_KEYS.has(id)) continue;
			const so = pre.object(s, `sources.${id}`, ['title', 'url', 'accessed', 'note', 'publisher']);
			if (!so) continue;
			const title = pre.string(so.title, `sources.${id}.title`);
			const url = pre.string(so.url, `sources.${id}.url`);
			if (so.accessed !== undefined && !isIsoDate(so.accessed) && !(so.accessed instanceof Date))
				pre.issue('invalid_date', `sources.${id}.accessed`, `accessed must be a date YYYY-MM-DD`);
			if (title && url)
				sources[id] = { id, title, url, ...(typeof so.accessed === 'string' ? { accessed: so.accessed } : {}) };
		}
	}
	const r = new Reader(sources, options.file);
	r.issues.push(...pre.issues);
	r.object(raw, '', TOP_FIELDS);

	if (raw.format !== undefined && raw.format !== SCENARIO_FORMAT)
		r.issue('unknown_format', 'format', `expected format ${SCENARIO_FORMAT}, got ${describe(raw.format)}`);
	const id = r.id(raw.id, 'id');
	const title = r.text(raw.title, 'title', id ?? 'scenario');
	const description = typeof raw.description === 'string' ? raw.description : undefined;

	// horizon and reference year
	let horizon = { from: 0, to: -1 };
	const h = r.object(raw.horizon, 'horizon', ['from', 'to']);
	if (h) {
		const from = h.from,
			to = h.to;
		if (
			!Number.isInteger(from) ||
			!Number.isInteger(to) ||
			(from as number) > (to as number) ||
			(from as number) < 1900 ||
			(to as number) > 2200
		)
			r.issue('invalid_horizon', 'horizon', 'horizon needs whole years from ≤ to, e.g. { from: 2021, to: 2030 }');
		else horizon = { from: from as number, to: to as number };
	}
	let referenceYear = horizon.from;
	if (raw.referenceYear !== undefined) {
		if (!Number.isInteger(raw.referenceYear)) r.issue('invalid_type', 'referenceYear', 'referenceYear must be a year');
		else referenceYear = raw.referenceYear as number;
	}
	if (horizon.to >= horizon.from && (referenceYear < horizon.from || referenceYear > horizon.to))
		r.issue(
			'out_of_range',
			'referenceYear',
			`referenceYear ${referenceYear} lies outside the horizon ${horizon.from}–${horizon.to}`
		);

	// participants
	const participants: Participant[] = [];
	if (!Array.isArray(raw.participants) || raw.participants.length === 0)
		r.issue('required', 'participants', 'a scenario needs a list of participants');
	else
		raw.participants.forEach((p, i) => {
			const path = `participants[${i}]`;
			const o = r.object(p, path, ['id', 'name', 'cbsCode', 'role']);
			if (!o) return;
			const pid = r.id(o.id, `${path}.id`);
			if (pid === undefined) return;
			if (participants.some((q) => q.id === pid)) {
				r.issue('duplicate_id', `${path}.id`, `participant "${pid}" appears twice`);
				return;
			}
			participants.push({
				id: pid,
				name: typeof o.name === 'string' ? o.name : pid,
				...(typeof o.cbsCode === 'string' ? { cbsCode: o.cbsCode } : {})
			});
		});
	const participantIds = new Set(participants.map((p) => p.id));

	// pools (ids first: drivers may name them)
	const rawPools = Array.isArray(raw.pools) ? raw.pools : [];
	if (!Array.isArray(raw.pools) || raw.pools.length === 0)
		r.issue('required', 'pools', 'a scenario needs a list of pools');
	const poolIds = new Set<string>();
	const poolPaths: string[] = [];
	rawPools.forEach((p, i) => {
		const pid = isObj(p) && typeof p.id === 'string' ? p.id : undefined;
		if (pid !== undefined && poolIds.has(pid)) r.issue('duplicate_id', `pools[${i}].id`, `pool "${pid}" appears twice`);
		if (pid !== undefined && participantIds.has(pid))
			r.issue('duplicate_id', `pools[${i}].id`, `"${pid}" is both a participant and a pool`);
		if (pid !== undefined) poolIds.add(pid);
		poolPaths.push(pid !== undefined && ID_PATTERN.test(pid) ? `pools[id=${pid}]` : `pools[${i}]`);
	});
	const recipients = new Set([...participantIds, ...poolIds]);

	// drivers
	const drivers: Record<string, Driver> = {};
	const dr =
		raw.drivers === undefined
			? {}
			: r.object(raw.drivers, 'drivers', Object.keys(isObj(raw.drivers) ? raw.drivers : {}));
	for (const [name, d] of Object.entries(dr ?? {})) {
		if (FORBIDDEN_KEYS.has(name)) continue;
		const path = `drivers.${name}`;
		if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
			r.issue('invalid_id', path, `driver name "${name}" must be a word (letters, digits, _) so formulas can use it`);
			continue;
		}
		const o = r.object(d, path, ['label', 'unit', 'values', 'description']);
		if (!o) continue;
		const values: Record<string, Series<Leaf>> = {};
		const vo = r.object(o.values, `${path}.values`, [...recipients]);
		for (const [rid, s] of Object.entries(vo ?? {})) {
			if (FORBIDDEN_KEYS.has(rid)) continue;
			if (!recipients.has(rid)) {
				r.dropWarning(`${path}.values.${rid}`); // replaced by the error below
				r.issue('unknown_recipient', `${path}.values.${rid}`, `"${rid}" is neither a participant nor a pool`);
				continue;
			}
			const series = r.leafSeries(s, `${path}.values.${rid}`, 'count', `driver ${name} for ${rid}`);
			if (series) values[rid] = series;
		}
		drivers[name] = {
			id: name,
			label: r.text(o.label, `${path}.label`, name),
			...(typeof o.unit === 'string' ? { unit: o.unit } : {}),
			values
		};
	}
	if (participants.length > 0 && !drivers.inwoners && !(isObj(raw.drivers) && 'inwoners' in raw.drivers))
		r.issue(
			'required',
			'drivers.inwoners',
			'the driver inwoners (inhabitants) is required: it gives euros per inhabitant'
		);

	const keySeries = (value: unknown, path: string): Series<Key> | undefined =>
		r.series(value, path, (v, p) => r.key(v, p));

	// pools
	const pools: Pool[] = [];
	rawPools.forEach((p, i) => {
		const path = poolPaths[i]!;
		const o = r.object(p, path, [
			'id',
			'name',
			'kind',
			'cost',
			'revenue',
			'wageShare',
			'vatTaxableShare',
			'key',
			'description'
		]);
		if (!o) return;
		const pid = r.id(o.id, `${path}.id`);
		const kind = o.kind ?? 'service';
		if (kind !== 'service' && kind !== 'support')
			r.issue('invalid_value', `${path}.kind`, `kind must be service or support, got ${describe(kind)}`);
		const cost = r.leafSeries(o.cost, `${path}.cost`, 'money', `cost of pool ${pid ?? i}`);
		const revenue = r.optionalLeafSeries(o.revenue, `${path}.revenue`, 'money', `revenue of pool ${pid ?? i}`);
		const wageShare = r.optionalLeafSeries(o.wageShare, `${path}.wageShare`, 'ratio', `wage share of pool ${pid ?? i}`);
		const vatTaxableShare = r.optionalLeafSeries(
			o.vatTaxableShare,
			`${path}.vatTaxableShare`,
			'ratio',
			`VAT-taxable share of pool ${pid ?? i}`
		);
		const key =
			o.key === undefined
				? (r.issue('required', `${path}.key`, 'a pool needs a key'), undefined)
				: keySeries(o.key, `${path}.key`);
		if (!pid || !cost || !key || (kind !== 'service' && kind !== 'support')) return;
		pools.push({
			id: pid,
			name: typeof o.name === 'string' ? o.name : pid,
			kind,
			cost,
			key,
			...(revenue ? { revenue } : {}),
			...(wageShare ? { wageShare } : {}),
			...(vatTaxableShare ? { vatTaxableShare } : {})
		});
	});

	// allocation
	const allocation =
		raw.allocation === undefined
			? { path: 'allocation', entries: [{ from: '1900-01-01', value: { method: 'direct' as MethodId } }] }
			: r.series<AllocationSetting>(raw.allocation, 'allocation', (v, p) => {
					const o = r.object(v, p, ['method', 'order', 'rationale', 'note']);
					if (!o) return undefined;
					if (typeof o.method !== 'string' || !METHOD_IDS.includes(o.method as MethodId)) {
						r.issue(
							'unknown_method',
							`${p}.method`,
							`method must be one of ${METHOD_IDS.join(', ')}, got ${describe(o.method)}`
						);
						return undefined;
					}
					let order: string[] | undefined;
					if (o.order !== undefined) {
						if (!Array.isArray(o.order) || !o.order.every((x) => typeof x === 'string')) {
							r.issue('invalid_order', `${p}.order`, 'order must be a list of pool ids');
							return undefined;
						}
						order = o.order as string[];
						const seen = new Set<string>();
						for (const [j, x] of order.entries()) {
							if (!poolIds.has(x)) r.issue('unknown_pool', `${p}.order[${j}]`, `no pool "${x}"`);
							if (seen.has(x)) r.issue('duplicate_id', `${p}.order[${j}]`, `pool "${x}" appears twice in the order`);
							seen.add(x);
						}
						for (const pid of poolIds)
							if (!seen.has(pid)) r.issue('incomplete_order', `${p}.order`, `the step-down order omits pool "${pid}"`);
					}
					return { method: o.method as MethodId, ...(order ? { order } : {}) };
				});

	// legal form
	const legalForm =
		raw.legalForm === undefined
			? { path: 'legalForm', entries: [{ from: '1900-01-01', value: 'gr' as LegalForm }] }
			: r.series<LegalForm>(raw.legalForm, 'legalForm', (v, p) => {
					const value = isObj(v) ? v.value : v;
					if (isObj(v)) r.object(v, p, [...LEAF_FIELDS, 'rationale']);
					if (value !== 'gr' && value !== 'centrumgemeente') {
						r.issue('invalid_value', p, `legal form must be gr or centrumgemeente, got ${describe(value)}`);
						return undefined;
					}
					return value;
				});

	// indexation
	const ix = raw.indexation === undefined ? {} : r.object(raw.indexation, 'indexation', ['wage', 'price']);
	const wage = r.optionalLeafSeries(ix?.wage, 'indexation.wage', 'rate', 'wage index');
	const price = r.optionalLeafSeries(ix?.price, 'indexation.price', 'rate', 'price index');

	const participantMap = (
		value: unknown,
		path: string,
		kind: Kind,
		label: string,
		only?: Set<string>
	): Record<string, Series<Leaf>> => {
		const out: Record<string, Series<Leaf>> = {};
		if (value === undefined) return out;
		const o = r.object(value, path, [...(only ?? participantIds)]);
		for (const [pid, s] of Object.entries(o ?? {})) {
			if (FORBIDDEN_KEYS.has(pid)) continue;
			if (!participantIds.has(pid)) {
				r.dropWarning(`${path}.${pid}`); // replaced by the error below
				r.issue('unknown_participant', `${path}.${pid}`, `no participant "${pid}"`);
				continue;
			}
			const series = r.leafSeries(s, `${path}.${pid}`, kind, `${label} for ${pid}`);
			if (series) out[pid] = series;
		}
		return out;
	};

	// gr
	const go = raw.gr === undefined ? {} : r.object(raw.gr, 'gr', ['governance', 'governanceKey', 'ownerCosts']);
	const governance: GovernanceItem[] = [];
	if (go?.governance !== undefined) {
		if (!Array.isArray(go.governance)) r.issue('invalid_type', 'gr.governance', 'governance must be a list of items');
		else
			go.governance.forEach((g, i) => {
				const gid = isObj(g) && typeof g.id === 'string' ? g.id : undefined;
				const path = gid ? `gr.governance[id=${gid}]` : `gr.governance[${i}]`;
				const o = r.object(g, path, ['id', 'label', 'cost', 'wageShare', 'description']);
				if (!o) return;
				const id2 = r.id(o.id, `${path}.id`);
				if (id2 && governance.some((x) => x.id === id2))
					r.issue('duplicate_id', `${path}.id`, `governance item "${id2}" appears twice`);
				const cost = r.leafSeries(o.cost, `${path}.cost`, 'money', `governance cost ${id2 ?? i}`);
				const ws = r.optionalLeafSeries(o.wageShare, `${path}.wageShare`, 'ratio', `wage share of ${id2 ?? i}`);
				if (id2 && cost)
					governance.push({
						id: id2,
						label: typeof o.label === 'string' ? o.label : id2,
						cost,
						...(ws ? { wageShare: ws } : {})
					});
			});
	}
	const governanceKey = go?.governanceKey === undefined ? undefined : keySeries(go.governanceKey, 'gr.governanceKey');
	if (governance.length > 0 && go?.governanceKey === undefined)
		r.issue(
			'required',
			'gr.governanceKey',
			'GR governance costs need a governanceKey to divide them over the participants'
		);
	const ownerCosts = participantMap(go?.ownerCosts, 'gr.ownerCosts', 'money', 'owner costs');

	// centrumgemeente
	let centrumgemeente: CentrumgemeenteSettings | undefined;
	if (raw.centrumgemeente !== undefined) {
		const co = r.object(raw.centrumgemeente, 'centrumgemeente', [
			'host',
			'transitionYears',
			'markup',
			'efficiency',
			'hostContractManagement',
			'partnerContractManagement',
			'transitionCosts'
		]);
		if (co) {
			const host = r.string(co.host, 'centrumgemeente.host');
			if (host !== undefined && !participantIds.has(host))
				r.issue('unknown_participant', 'centrumgemeente.host', `no participant "${host}"`);
			const partners = new Set([...participantIds].filter((p) => p !== host));
			let transitionCosts: CentrumgemeenteSettings['transitionCosts'];
			if (co.transitionCosts !== undefined) {
				const to = r.object(co.transitionCosts, 'centrumgemeente.transitionCosts', ['amounts', 'key', 'description']);
				if (to) {
					const amounts: Record<string, Leaf> = {};
					const ao = r.object(
						to.amounts,
						'centrumgemeente.transitionCosts.amounts',
						Object.keys(isObj(to.amounts) ? to.amounts : {})
					);
					for (const [year, leafRaw] of Object.entries(ao ?? {})) {
						if (FORBIDDEN_KEYS.has(year)) continue;
						const p = `centrumgemeente.transitionCosts.amounts.${year}`;
						if (!/^\d{4}$/.test(year)) {
							r.issue('invalid_year', p, `"${year}" is not a year`);
							continue;
						}
						const l = r.leaf(leafRaw, p, 'money', `transition costs ${year}`);
						if (l) amounts[year] = l;
					}
					const key = to.key === undefined ? undefined : keySeries(to.key, 'centrumgemeente.transitionCosts.key');
					if (to.key === undefined && Object.keys(amounts).length > 0)
						r.issue('required', 'centrumgemeente.transitionCosts.key', 'transition costs need a key');
					transitionCosts = { amounts, ...(key ? { key } : {}) };
				}
			}
			const seriesOpt = (field: string, kind: Kind, label: string) =>
				r.optionalLeafSeries(co[field], `centrumgemeente.${field}`, kind, label);
			const transitionYears = seriesOpt('transitionYears', 'count', 'transition years');
			const markup = seriesOpt('markup', 'count', 'mark-up');
			const efficiency = seriesOpt('efficiency', 'ratio', 'efficiency');
			const hostContractManagement = seriesOpt('hostContractManagement', 'money', 'host contract management');
			const partnerContractManagement = participantMap(
				co.partnerContractManagement,
				'centrumgemeente.partnerContractManagement',
				'money',
				'contract management',
				partners
			);
			if (host)
				centrumgemeente = {
					host,
					partnerContractManagement,
					...(transitionYears ? { transitionYears } : {}),
					...(markup ? { markup } : {}),
					...(efficiency ? { efficiency } : {}),
					...(hostContractManagement ? { hostContractManagement } : {}),
					...(transitionCosts ? { transitionCosts } : {})
				};
		}
	}
	if (legalForm?.entries.some((e) => e.value === 'centrumgemeente') && raw.centrumgemeente === undefined)
		r.issue(
			'required',
			'centrumgemeente',
			'the legal form becomes centrumgemeente, so the centrumgemeente settings are required'
		);

	// vat
	const vo = raw.vat === undefined ? {} : r.object(raw.vat, 'vat', ['rate', 'bcfCompensable']);
	const rate = r.optionalLeafSeries(vo?.rate, 'vat.rate', 'ratio', 'VAT rate');
	const bcfCompensable = participantMap(vo?.bcfCompensable, 'vat.bcfCompensable', 'ratio', 'BCF-compensable share');

	// comparison
	const cmp = raw.comparison === undefined ? {} : r.object(raw.comparison, 'comparison', ['discountRate', 'tolerance']);
	const discountRate = r.optionalLeafSeries(cmp?.discountRate, 'comparison.discountRate', 'ratio', 'discount rate');
	let tolerance = '0.00';
	if (cmp?.tolerance !== undefined) {
		const t = isObj(cmp.tolerance)
			? r.leaf(cmp.tolerance, 'comparison.tolerance', 'money', 'tolerance')?.value
			: r.plainNumber(cmp.tolerance, 'comparison.tolerance', 'money');
		if (t !== undefined) tolerance = t;
	}

	// inline variants
	const variants: Variant[] = [];
	if (raw.variants !== undefined) {
		if (!Array.isArray(raw.variants)) r.issue('invalid_type', 'variants', 'variants must be a list');
		else
			raw.variants.forEach((v, i) => {
				const parsed = readVariant(v, `variants[${i}]`, r, id);
				if (parsed) variants.push(parsed);
			});
	}

	// the in-house option and the fairness settings
	const known = {
		participants: participantIds,
		servicePools: new Set(pools.filter((p) => p.kind === 'service').map((p) => p.id)),
		drivers: new Set(Object.keys(drivers))
	};
	const inHouse = raw.inHouse === undefined ? undefined : readInHouse(raw.inHouse, r, known);
	const fairness = raw.fairness === undefined ? undefined : readFairness(raw.fairness, r, known);

	// references between parts
	const scenarioDraft = { participants, pools, drivers };
	for (const pool of pools)
		for (const e of pool.key.entries) if (e.value) checkKeyReferences(e.value, scenarioDraft, r, pool.id);
	for (const s of [governanceKey, centrumgemeente?.transitionCosts?.key])
		for (const e of s?.entries ?? []) if (e.value) checkKeyReferences(e.value, scenarioDraft, r, undefined, true);

	const errors = r.issues.filter((i) => i.severity !== 'warning');
	if (errors.length > 0 || !id || !allocation || !legalForm) return { ok: false, issues: r.issues };
	const warnings = r.issues.filter((i) => i.severity === 'warning');
	const scenario: Scenario = {
		id,
		title,
		...(description ? { description } : {}),
		horizon,
		referenceYear,
		sources,
		participants,
		drivers,
		pools,
		allocation,
		legalForm,
		indexation: { ...(wage ? { wage } : {}), ...(price ? { price } : {}) },
		gr: { governance, ownerCosts, ...(governanceKey ? { governanceKey } : {}) },
		...(centrumgemeente ? { centrumgemeente } : {}),
		vat: { bcfCompensable, ...(rate ? { rate } : {}) },
		comparison: { tolerance, ...(discountRate ? { discountRate } : {}) },
		...(inHouse ? { inHouse } : {}),
		...(fairness ? { fairness } : {}),
		variants,
		raw,
		variantId: null,
		lineage: [id],
		changeCount: 0
	};
	return { ok: true, value: scenario, ...(warnings.length ? { warnings } : {}) };
}

/** Check that a key names known drivers and recipients, and that a pool's key does not serve the pool itself. */
function checkKeyReferences(
	key: Key,
	s: { participants: readonly Participant[]; pools: readonly Pool[]; drivers: Readonly<Record<string, Driver>> },
	r: Reader,
	poolId: string | undefined,
	participantsOnly = false
): void {
	const participantIds = new Set(s.participants.map((p) => p.id));
	const poolIds = new Set(s.pools.map((p) => p.id));
	const needDriver = (name: string, path: string) => {
		if (!s.drivers[name]) r.issue('unknown_driver', path, `no driver "${name}" in drivers`);
	};
	switch (key.type) {
		case 'fixed':
			for (const rid of Object.keys(key.shares)) {
				const p = `${key.path}.shares.${rid}`;
				if (rid === poolId) r.issue('self_service', p, `pool "${rid}" cannot serve itself`);
				else if (participantsOnly ? !participantIds.has(rid) : !participantIds.has(rid) && !poolIds.has(rid))
					r.issue(
						'unknown_recipient',
						p,
						participantsOnly ? `no participant "${rid}"` : `"${rid}" is neither a participant nor a pool`
					);
			}
			break;
		case 'driver':
			needDriver(key.driver, `${key.path}.driver`);
			break;
		case 'price-quantity':
			needDriver(key.driver, `${key.path}.driver`);
			if (key.settlement) checkKeyReferences(key.settlement, s, r, poolId, participantsOnly);
			break;
		case 'base-plus-usage':
			checkKeyReferences(key.base, s, r, poolId, participantsOnly);
			checkKeyReferences(key.usage, s, r, poolId, participantsOnly);
			break;
		case 'formula': {
			const check = checkFormula(key.expression);
			if (check.ok)
				for (const name of check.value.symbols)
					if (!s.drivers[name])
						r.issue('unknown_driver', `${key.path}.expression`, `the formula uses "${name}", which is not a driver`);
			break;
		}
		case 'even':
			break;
	}
}

/** Read one variant (inline or from its own file). */
function readVariant(value: unknown, path: string, r: Reader, defaultBase: string | undefined): Variant | undefined {
	const o = r.object(value, path, ['format', 'id', 'title', 'description', 'base', 'changes']);
	if (!o) return undefined;
	if (o.format !== undefined && o.format !== VARIANT_FORMAT)
		r.issue('unknown_format', join(path, 'format'), `expected format ${VARIANT_FORMAT}, got ${describe(o.format)}`);
	const id = r.id(o.id, join(path, 'id'));
	const base = o.base === undefined ? defaultBase : r.id(o.base, join(path, 'base'));
	if (base === undefined && o.base === undefined) r.issue('required', join(path, 'base'), 'a variant names its base');
	const changes: Change[] = [];
	if (!Array.isArray(o.changes))
		r.issue('required', join(path, 'changes'), 'a variant needs a list of changes (it may be empty: [])');
	else
		o.changes.forEach((c, i) => {
			const p = `${join(path, 'changes')}[${i}]`;
			const co = r.object(c, p, ['set', 'from', 'value', 'rationale']);
			if (!co) return;
			const set = r.string(co.set, `${p}.set`);
			if (co.from !== undefined && !isIsoDate(co.from))
				r.issue('invalid_date', `${p}.from`, `"${String(co.from)}" is not a date YYYY-MM-DD`);
			if (!('value' in co)) r.issue('required', `${p}.value`, 'a change needs a value');
			if (set === undefined) return;
			changes.push({
				set,
				value: co.value,
				...(typeof co.from === 'string' && isIsoDate(co.from) ? { from: co.from } : {}),
				...(typeof co.rationale === 'string' ? { rationale: co.rationale } : {})
			});
		});
	if (!id || !base) return undefined;
	return {
		id,
		title: r.text(o.title, join(path, 'title'), id),
		base,
		changes,
		...(typeof o.description === 'string' ? { description: o.description } : {})
	};
}

/**
 * Validate a variant file's data.
 * @param raw parsed variant file
 * @param options.file file name, reported in issues
 */
export function validateVariant(raw: unknown, options: ValidateOptions = {}): Result<Variant> {
	const r = new Reader({}, options.file);
	findForbiddenKeys(raw, '', r);
	const v = readVariant(raw, '', r, undefined);
	const errors = r.issues.filter((i) => i.severity !== 'warning');
	if (errors.length > 0 || !v) return { ok: false, issues: r.issues };
	const warnings = r.issues.filter((i) => i.severity === 'warning');
	return {
		ok: true,
		value: { ...v, ...(options.file ? { file: options.file } : {}) },
		...(warnings.length ? { warnings } : {})
	};
}
