// Raw data to a validated Scenario, collecting every issue at once ({code, path, message}). Structure,
// provenance, ids and dates are checked here, one short function per section over the reader
// primitives of reader.ts; whether every value is in force in every year of the horizon is checked by a
// dry run of the computation (see facade/load.ts).
import type { IssueText, IssueTexts, Result } from '../domain/issue.ts';
import type { LegalForm } from '../domain/result.ts';
import { FORBIDDEN_KEYS, ID_PATTERN, isIsoDate } from '../domain/format.ts';
import { readFairness, readInHouse } from './in-house.ts';
import { checkKeyReferences, readKey } from './read-key.ts';
import type { ScenarioIssueCode } from './issue-codes.ts';
import { checkKeyUncertainty, readUncertaintySection, scenarioLeaves, type LeafSections } from './uncertainty.ts';
import { isSealed } from './sealed.ts';
import { markValidated } from './validated.ts';
import { LEAF_FIELDS, Reader, describe, findForbiddenKeys, isObj, join, type Kind, type Obj } from './reader.ts';
import {
	METHOD_IDS,
	type AllocationSetting,
	type CentrumgemeenteSettings,
	type Change,
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

export { isIsoDate };

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
	'uncertainty',
	'inHouse',
	'fairness',
	'variants'
];

const POOL_FIELDS = ['id', 'name', 'kind', 'cost', 'revenue', 'wageShare', 'vatTaxableShare', 'key', 'description'];

const CENTRUMGEMEENTE_FIELDS = [
	'host',
	'transitionYears',
	'markup',
	'efficiency',
	'hostContractManagement',
	'partnerContractManagement',
	'transitionCosts'
];

export interface ValidateOptions {
	/** File name reported in issues. */
	readonly file?: string;
}

/** What the sections read so far that later sections refer to. */
interface Known {
	readonly participantIds: ReadonlySet<string>;
	readonly poolIds: ReadonlySet<string>;
}

function keySeries(r: Reader, value: unknown, path: string): Series<Key> | undefined {
	return r.series(value, path, (v, p) => readKey(r, v, p));
}

/** An optional section: a map with these fields, or an empty map when it is absent. */
function section(r: Reader, value: unknown, path: string, fields: readonly string[]): Obj | undefined {
	return value === undefined ? {} : r.object(value, path, fields);
}

/** A map whose fields are ids of the caller's choosing (sources, drivers): every field is allowed. */
function openMap(r: Reader, value: unknown, path: string): Obj | undefined {
	return r.object(value, path, Object.keys(isObj(value) ? value : {}));
}

// The sources read from a sealed part without an issue: its variants then share the very map, which
// lets the reader give them the very leaves too (Reader.leafSeries).
const sourcesRead = new WeakMap<object, Record<string, Source>>();

/** sources: read first, because leaves refer to them by id. */
function readSources(r: Reader, value: unknown): Record<string, Source> {
	if (!isSealed(value)) return readSourcesOnce(r, value);
	const known = sourcesRead.get(value);
	if (known) return known;
	const before = r.reported;
	const sources = readSourcesOnce(r, value);
	if (r.reported === before) sourcesRead.set(value, sources);
	return sources;
}

function readSourcesOnce(r: Reader, value: unknown): Record<string, Source> {
	const sources: Record<string, Source> = {};
	if (value === undefined) return sources;
	for (const [id, s] of Object.entries(openMap(r, value, 'sources') ?? {})) {
		if (FORBIDDEN_KEYS.has(id)) continue;
		if (!ID_PATTERN.test(id)) {
			r.issue('invalid_id', `sources.${id}`, {
				en: `${JSON.stringify(id)} is not a valid source id (letters, digits, - and _)`,
				nl: `${JSON.stringify(id)} is geen geldige id voor een bron (letters, cijfers, - en _)`
			});
			continue;
		}
		const so = r.object(s, `sources.${id}`, ['title', 'url', 'accessed', 'note', 'publisher']);
		if (!so) continue;
		const title = r.string(so.title, `sources.${id}.title`);
		const url = r.string(so.url, `sources.${id}.url`);
		if (so.accessed !== undefined && !isIsoDate(so.accessed) && !(so.accessed instanceof Date))
			r.issue('invalid_date', `sources.${id}.accessed`, {
				en: `accessed must be a date YYYY-MM-DD`,
				nl: `accessed moet een datum JJJJ-MM-DD zijn`
			});
		if (title && url)
			sources[id] = { id, title, url, ...(typeof so.accessed === 'string' ? { accessed: so.accessed } : {}) };
	}
	return sources;
}

/** horizon and referenceYear. */
function readYears(r: Reader, raw: Obj): { horizon: { from: number; to: number }; referenceYear: number } {
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
			r.issue('invalid_horizon', 'horizon', {
				en: 'horizon needs whole years from ≤ to, e.g. { from: 2021, to: 2030 }',
				nl: 'horizon vraagt hele jaren met from ≤ to, bijvoorbeeld { from: 2021, to: 2030 }'
			});
		else horizon = { from: from as number, to: to as number };
	}
	let referenceYear = horizon.from;
	if (raw.referenceYear !== undefined) {
		if (!Number.isInteger(raw.referenceYear))
			r.issue('invalid_type', 'referenceYear', {
				en: 'referenceYear must be a year',
				nl: 'referenceYear moet een jaartal zijn'
			});
		else referenceYear = raw.referenceYear as number;
	}
	if (horizon.to >= horizon.from && (referenceYear < horizon.from || referenceYear > horizon.to))
		r.issue('out_of_range', 'referenceYear', {
			en: `referenceYear ${referenceYear} lies outside the horizon ${horizon.from}–${horizon.to}`,
			nl: `referenceYear ${referenceYear} ligt buiten de horizon ${horizon.from}–${horizon.to}`
		});
	return { horizon, referenceYear };
}

function readParticipants(r: Reader, value: unknown): Participant[] {
	const participants: Participant[] = [];
	if (!Array.isArray(value) || value.length === 0) {
		r.issue('required', 'participants', {
			en: 'a scenario needs a list of participants',
			nl: 'een scenario heeft een lijst van deelnemers nodig'
		});
		return participants;
	}
	value.forEach((p, i) => {
		const path = `participants[${i}]`;
		const o = r.object(p, path, ['id', 'name', 'cbsCode', 'role']);
		if (!o) return;
		const pid = r.id(o.id, `${path}.id`);
		if (pid === undefined) return;
		if (participants.some((q) => q.id === pid)) {
			r.issue('duplicate_id', `${path}.id`, {
				en: `participant "${pid}" appears twice`,
				nl: `de deelnemer "${pid}" komt twee keer voor`
			});
			return;
		}
		participants.push({
			id: pid,
			name: typeof o.name === 'string' ? o.name : pid,
			...(typeof o.cbsCode === 'string' ? { cbsCode: o.cbsCode } : {})
		});
	});
	return participants;
}

/** The pools' ids, read before the drivers (which may name them), and the path of each pool. */
function readPoolIds(r: Reader, rawPools: readonly unknown[], participantIds: ReadonlySet<string>) {
	if (rawPools.length === 0)
		r.issue('required', 'pools', {
			en: 'a scenario needs a list of pools',
			nl: 'een scenario heeft een lijst van kostenpools nodig'
		});
	const poolIds = new Set<string>();
	const poolPaths: string[] = [];
	rawPools.forEach((p, i) => {
		const pid = isObj(p) && typeof p.id === 'string' ? p.id : undefined;
		if (pid !== undefined && poolIds.has(pid))
			r.issue('duplicate_id', `pools[${i}].id`, {
				en: `pool "${pid}" appears twice`,
				nl: `de kostenpool "${pid}" komt twee keer voor`
			});
		if (pid !== undefined && participantIds.has(pid))
			r.issue('duplicate_id', `pools[${i}].id`, {
				en: `"${pid}" is both a participant and a pool`,
				nl: `"${pid}" is zowel een deelnemer als een kostenpool`
			});
		if (pid !== undefined) poolIds.add(pid);
		poolPaths.push(pid !== undefined && ID_PATTERN.test(pid) ? `pools[id=${pid}]` : `pools[${i}]`);
	});
	return { poolIds, poolPaths };
}

function readDriver(r: Reader, name: string, d: unknown, recipients: ReadonlySet<string>): Driver | undefined {
	const path = `drivers.${name}`;
	if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
		r.issue('invalid_id', path, {
			en: `driver name "${name}" must be a word (letters, digits, _) so formulas can use it`,
			nl: `de naam van de verdeelgrondslag "${name}" moet één woord zijn (letters, cijfers, _), zodat formules hem kunnen gebruiken`
		});
		return undefined;
	}
	const o = r.object(d, path, ['label', 'unit', 'values', 'description']);
	if (!o) return undefined;
	const values: Record<string, Series<Leaf>> = {};
	const vo = r.object(o.values, `${path}.values`, [...recipients]);
	for (const [rid, s] of Object.entries(vo ?? {})) {
		if (FORBIDDEN_KEYS.has(rid)) continue;
		if (!recipients.has(rid)) {
			r.dropWarning(`${path}.values.${rid}`); // replaced by the error below
			r.issue('unknown_recipient', `${path}.values.${rid}`, {
				en: `"${rid}" is neither a participant nor a pool`,
				nl: `"${rid}" is geen deelnemer en geen kostenpool`
			});
			continue;
		}
		const series = r.leafSeries(s, `${path}.values.${rid}`, 'count', {
			en: `driver ${name} for ${rid}`,
			nl: `verdeelgrondslag ${name} voor ${rid}`
		});
		if (series) values[rid] = series;
	}
	return {
		id: name,
		label: r.text(o.label, `${path}.label`, name),
		...(typeof o.unit === 'string' ? { unit: o.unit } : {}),
		values
	};
}

function readDrivers(r: Reader, value: unknown, known: Known, hasParticipants: boolean): Record<string, Driver> {
	const drivers: Record<string, Driver> = {};
	const recipients = new Set([...known.participantIds, ...known.poolIds]);
	const dr = value === undefined ? {} : openMap(r, value, 'drivers');
	for (const [name, d] of Object.entries(dr ?? {})) {
		if (FORBIDDEN_KEYS.has(name)) continue;
		const driver = readDriver(r, name, d, recipients);
		if (driver) drivers[name] = driver;
	}
	if (hasParticipants && !drivers.inwoners && !(isObj(value) && 'inwoners' in value))
		r.issue('required', 'drivers.inwoners', {
			en: 'the driver inwoners (inhabitants) is required: it gives euros per inhabitant',
			nl: 'de verdeelgrondslag inwoners is verplicht: daarmee worden de euro’s per inwoner berekend'
		});
	return drivers;
}

function readPool(r: Reader, p: unknown, path: string, i: number): Pool | undefined {
	const o = r.object(p, path, POOL_FIELDS);
	if (!o) return undefined;
	const pid = r.id(o.id, `${path}.id`);
	const kind = o.kind ?? 'service';
	if (kind !== 'service' && kind !== 'support')
		r.issue('invalid_value', `${path}.kind`, {
			en: `kind must be service or support, got ${describe(kind)}`,
			nl: `kind moet service of support zijn, maar is ${describe(kind, 'nl')}`
		});
	const what = `${pid ?? i}`;
	const cost = r.leafSeries(o.cost, `${path}.cost`, 'money', {
		en: `cost of pool ${what}`,
		nl: `kosten van kostenpool ${what}`
	});
	const revenue = r.optionalLeafSeries(o.revenue, `${path}.revenue`, 'money', {
		en: `revenue of pool ${what}`,
		nl: `baten van kostenpool ${what}`
	});
	const wageShare = r.optionalLeafSeries(o.wageShare, `${path}.wageShare`, 'ratio', {
		en: `wage share of pool ${what}`,
		nl: `loonaandeel van kostenpool ${what}`
	});
	const vatTaxableShare = r.optionalLeafSeries(o.vatTaxableShare, `${path}.vatTaxableShare`, 'ratio', {
		en: `VAT-taxable share of pool ${what}`,
		nl: `btw-belast aandeel van kostenpool ${what}`
	});
	const key =
		o.key === undefined
			? (r.issue('required', `${path}.key`, {
					en: 'a pool needs a key',
					nl: 'een kostenpool heeft een verdeelsleutel nodig'
				}),
				undefined)
			: keySeries(r, o.key, `${path}.key`);
	if (!pid || !cost || !key || (kind !== 'service' && kind !== 'support')) return undefined;
	return {
		id: pid,
		name: typeof o.name === 'string' ? o.name : pid,
		kind,
		cost,
		key,
		...(revenue ? { revenue } : {}),
		...(wageShare ? { wageShare } : {}),
		...(vatTaxableShare ? { vatTaxableShare } : {})
	};
}

/** The step-down order: a list naming every pool once. */
function readOrder(r: Reader, value: unknown, p: string, poolIds: ReadonlySet<string>): string[] | undefined {
	if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) {
		r.issue('invalid_order', `${p}.order`, {
			en: 'order must be a list of pool ids',
			nl: 'order moet een lijst van ids van kostenpools zijn'
		});
		return undefined;
	}
	const order = value as string[];
	const seen = new Set<string>();
	for (const [j, x] of order.entries()) {
		if (!poolIds.has(x))
			r.issue('unknown_pool', `${p}.order[${j}]`, { en: `no pool "${x}"`, nl: `er is geen kostenpool "${x}"` });
		if (seen.has(x))
			r.issue('duplicate_id', `${p}.order[${j}]`, {
				en: `pool "${x}" appears twice in the order`,
				nl: `de kostenpool "${x}" komt twee keer voor in de volgorde`
			});
		seen.add(x);
	}
	for (const pid of poolIds)
		if (!seen.has(pid))
			r.issue('incomplete_order', `${p}.order`, {
				en: `the step-down order omits pool "${pid}"`,
				nl: `de volgorde van de step-downmethode laat de kostenpool "${pid}" weg`
			});
	return order;
}

function readAllocation(
	r: Reader,
	value: unknown,
	poolIds: ReadonlySet<string>
): Series<AllocationSetting> | undefined {
	if (value === undefined)
		return { path: 'allocation', entries: [{ from: '1900-01-01', value: { method: 'direct' as MethodId } }] };
	return r.series<AllocationSetting>(value, 'allocation', (v, p) => {
		const o = r.object(v, p, ['method', 'order', 'rationale', 'note']);
		if (!o) return undefined;
		if (typeof o.method !== 'string' || !METHOD_IDS.includes(o.method as MethodId)) {
			r.issue('unknown_method', `${p}.method`, {
				en: `method must be one of ${METHOD_IDS.join(', ')}, got ${describe(o.method)}`,
				nl: `method moet een van ${METHOD_IDS.join(', ')} zijn, maar is ${describe(o.method, 'nl')}`
			});
			return undefined;
		}
		if (o.order === undefined) return { method: o.method as MethodId };
		const order = readOrder(r, o.order, p, poolIds);
		if (order === undefined) return undefined;
		return { method: o.method as MethodId, order };
	});
}

function readLegalForm(r: Reader, value: unknown): Series<LegalForm> | undefined {
	if (value === undefined) return { path: 'legalForm', entries: [{ from: '1900-01-01', value: 'gr' as LegalForm }] };
	return r.series<LegalForm>(value, 'legalForm', (v, p) => {
		const form = isObj(v) ? v.value : v;
		if (isObj(v)) r.object(v, p, [...LEAF_FIELDS, 'rationale']);
		if (form !== 'gr' && form !== 'centrumgemeente') {
			r.issue('invalid_value', p, {
				en: `legal form must be gr or centrumgemeente, got ${describe(form)}`,
				nl: `de rechtsvorm moet gr of centrumgemeente zijn, maar is ${describe(form, 'nl')}`
			});
			return undefined;
		}
		return form;
	});
}

function readIndexation(r: Reader, value: unknown): Scenario['indexation'] {
	const ix = section(r, value, 'indexation', ['wage', 'price']);
	const wage = r.optionalLeafSeries(ix?.wage, 'indexation.wage', 'rate', { en: 'wage index', nl: 'loonindex' });
	const price = r.optionalLeafSeries(ix?.price, 'indexation.price', 'rate', { en: 'price index', nl: 'prijsindex' });
	return { ...(wage ? { wage } : {}), ...(price ? { price } : {}) };
}

/** A map from participant id to a dated series of numbers; fields outside `only` are warned about. */
function participantMap(
	r: Reader,
	value: unknown,
	path: string,
	kind: Kind,
	label: IssueTexts,
	participantIds: ReadonlySet<string>,
	only: ReadonlySet<string> = participantIds
): Record<string, Series<Leaf>> {
	const out: Record<string, Series<Leaf>> = {};
	if (value === undefined) return out;
	const o = r.object(value, path, [...only]);
	for (const [pid, s] of Object.entries(o ?? {})) {
		if (FORBIDDEN_KEYS.has(pid)) continue;
		if (!participantIds.has(pid)) {
			r.dropWarning(`${path}.${pid}`); // replaced by the error below
			r.issue('unknown_participant', `${path}.${pid}`, {
				en: `no participant "${pid}"`,
				nl: `er is geen deelnemer "${pid}"`
			});
			continue;
		}
		const series = r.leafSeries(s, `${path}.${pid}`, kind, {
			en: `${label.en} for ${pid}`,
			nl: `${label.nl} voor ${pid}`
		});
		if (series) out[pid] = series;
	}
	return out;
}

function readGovernance(r: Reader, value: unknown): GovernanceItem[] {
	const governance: GovernanceItem[] = [];
	if (value === undefined) return governance;
	if (!Array.isArray(value)) {
		r.issue('invalid_type', 'gr.governance', {
			en: 'governance must be a list of items',
			nl: 'governance moet een lijst van posten zijn'
		});
		return governance;
	}
	value.forEach((g, i) => {
		const gid = isObj(g) && typeof g.id === 'string' ? g.id : undefined;
		const path = gid ? `gr.governance[id=${gid}]` : `gr.governance[${i}]`;
		const o = r.object(g, path, ['id', 'label', 'cost', 'wageShare', 'description']);
		if (!o) return;
		const id = r.id(o.id, `${path}.id`);
		if (id && governance.some((x) => x.id === id))
			r.issue('duplicate_id', `${path}.id`, {
				en: `governance item "${id}" appears twice`,
				nl: `de bestuurspost "${id}" komt twee keer voor`
			});
		const cost = r.leafSeries(o.cost, `${path}.cost`, 'money', {
			en: `governance cost ${id ?? i}`,
			nl: `bestuurskosten ${id ?? i}`
		});
		const ws = r.optionalLeafSeries(o.wageShare, `${path}.wageShare`, 'ratio', {
			en: `wage share of ${id ?? i}`,
			nl: `loonaandeel van ${id ?? i}`
		});
		if (id && cost)
			governance.push({
				id,
				label: typeof o.label === 'string' ? o.label : id,
				cost,
				...(ws ? { wageShare: ws } : {})
			});
	});
	return governance;
}

function readGr(r: Reader, value: unknown, known: Known): Scenario['gr'] {
	const go = section(r, value, 'gr', ['governance', 'governanceKey', 'ownerCosts']);
	const governance = readGovernance(r, go?.governance);
	const governanceKey =
		go?.governanceKey === undefined ? undefined : keySeries(r, go.governanceKey, 'gr.governanceKey');
	if (governance.length > 0 && go?.governanceKey === undefined)
		r.issue('required', 'gr.governanceKey', {
			en: 'GR governance costs need a governanceKey to divide them over the participants',
			nl: 'de bestuurskosten van de GR hebben een governanceKey nodig om ze over de deelnemers te verdelen'
		});
	const ownerCosts = participantMap(
		r,
		go?.ownerCosts,
		'gr.ownerCosts',
		'money',
		{ en: 'owner costs', nl: 'eigenaarskosten' },
		known.participantIds
	);
	return { governance, ownerCosts, ...(governanceKey ? { governanceKey } : {}) };
}

function readTransitionCosts(r: Reader, value: unknown): CentrumgemeenteSettings['transitionCosts'] {
	const path = 'centrumgemeente.transitionCosts';
	const to = r.object(value, path, ['amounts', 'key', 'description']);
	if (!to) return undefined;
	const amounts: Record<string, Leaf> = {};
	for (const [year, leafRaw] of Object.entries(openMap(r, to.amounts, `${path}.amounts`) ?? {})) {
		if (FORBIDDEN_KEYS.has(year)) continue;
		const p = `${path}.amounts.${year}`;
		if (!/^\d{4}$/.test(year)) {
			r.issue('invalid_year', p, { en: `"${year}" is not a year`, nl: `"${year}" is geen jaartal` });
			continue;
		}
		const l = r.leaf(leafRaw, p, 'money', { en: `transition costs ${year}`, nl: `frictiekosten ${year}` });
		if (l) amounts[year] = l;
	}
	const key = to.key === undefined ? undefined : keySeries(r, to.key, `${path}.key`);
	if (to.key === undefined && Object.keys(amounts).length > 0)
		r.issue('required', `${path}.key`, {
			en: 'transition costs need a key',
			nl: 'de frictiekosten hebben een verdeelsleutel nodig'
		});
	return { amounts, ...(key ? { key } : {}) };
}

function readCentrumgemeente(r: Reader, value: unknown, known: Known): CentrumgemeenteSettings | undefined {
	if (value === undefined) return undefined;
	const co = r.object(value, 'centrumgemeente', CENTRUMGEMEENTE_FIELDS);
	if (!co) return undefined;
	const host = r.string(co.host, 'centrumgemeente.host');
	if (host !== undefined && !known.participantIds.has(host))
		r.issue('unknown_participant', 'centrumgemeente.host', {
			en: `no participant "${host}"`,
			nl: `er is geen deelnemer "${host}"`
		});
	const partners = new Set([...known.participantIds].filter((p) => p !== host));
	const transitionCosts = co.transitionCosts === undefined ? undefined : readTransitionCosts(r, co.transitionCosts);
	const seriesOpt = (field: string, kind: Kind, label: IssueTexts) =>
		r.optionalLeafSeries(co[field], `centrumgemeente.${field}`, kind, label);
	const transitionYears = seriesOpt('transitionYears', 'count', { en: 'transition years', nl: 'overgangsjaren' });
	const markup = seriesOpt('markup', 'count', { en: 'mark-up', nl: 'opslag' });
	const efficiency = seriesOpt('efficiency', 'ratio', { en: 'efficiency', nl: 'efficiencywinst' });
	const hostContractManagement = seriesOpt('hostContractManagement', 'money', {
		en: 'host contract management',
		nl: 'contractbeheer van de centrumgemeente'
	});
	const partnerContractManagement = participantMap(
		r,
		co.partnerContractManagement,
		'centrumgemeente.partnerContractManagement',
		'money',
		{ en: 'contract management', nl: 'contractbeheer' },
		known.participantIds,
		partners
	);
	if (!host) return undefined;
	return {
		host,
		partnerContractManagement,
		...(transitionYears ? { transitionYears } : {}),
		...(markup ? { markup } : {}),
		...(efficiency ? { efficiency } : {}),
		...(hostContractManagement ? { hostContractManagement } : {}),
		...(transitionCosts ? { transitionCosts } : {})
	};
}

function readVat(r: Reader, value: unknown, known: Known): Scenario['vat'] {
	const vo = section(r, value, 'vat', ['rate', 'bcfCompensable']);
	const rate = r.optionalLeafSeries(vo?.rate, 'vat.rate', 'ratio', { en: 'VAT rate', nl: 'btw-tarief' });
	const bcfCompensable = participantMap(
		r,
		vo?.bcfCompensable,
		'vat.bcfCompensable',
		'ratio',
		{ en: 'BCF-compensable share', nl: 'compensabel aandeel (BCF)' },
		known.participantIds
	);
	return { bcfCompensable, ...(rate ? { rate } : {}) };
}

function readComparison(r: Reader, value: unknown): Scenario['comparison'] {
	const cmp = section(r, value, 'comparison', ['discountRate', 'tolerance']);
	const discountRate = r.optionalLeafSeries(cmp?.discountRate, 'comparison.discountRate', 'ratio', {
		en: 'discount rate',
		nl: 'disconteringsvoet'
	});
	let tolerance = '0.00';
	if (cmp?.tolerance !== undefined) {
		const t = isObj(cmp.tolerance)
			? r.leaf(cmp.tolerance, 'comparison.tolerance', 'money', { en: 'tolerance', nl: 'tolerantie' })?.value
			: r.plainNumber(cmp.tolerance, 'comparison.tolerance', 'money');
		if (t !== undefined) tolerance = t;
	}
	return { tolerance, ...(discountRate ? { discountRate } : {}) };
}

function readInlineVariants(r: Reader, value: unknown, base: string | undefined): Variant[] {
	const variants: Variant[] = [];
	if (value === undefined) return variants;
	if (!Array.isArray(value))
		r.issue('invalid_type', 'variants', { en: 'variants must be a list', nl: 'variants moet een lijst zijn' });
	else
		value.forEach((v, i) => {
			const parsed = readVariant(v, `variants[${i}]`, r, base);
			if (parsed) variants.push(parsed);
		});
	return variants;
}

/** References between sections: every key names known drivers and recipients. */
function checkReferences(
	r: Reader,
	s: Pick<Scenario, 'participants' | 'pools' | 'drivers' | 'gr' | 'centrumgemeente'>
) {
	for (const pool of s.pools) for (const e of pool.key.entries) if (e.value) checkKeyReferences(e.value, s, r, pool.id);
	for (const series of [s.gr.governanceKey, s.centrumgemeente?.transitionCosts?.key])
		for (const e of series?.entries ?? []) if (e.value) checkKeyReferences(e.value, s, r, undefined, true);
}

/** The uncertainty of keys and the top-level correlations, which name leaves read above. */
function readUncertainty(
	r: Reader,
	value: unknown,
	sections: LeafSections & { readonly gr: Scenario['gr'] }
): Scenario['uncertainty'] {
	const issue = (c: ScenarioIssueCode, p: string, m: IssueText) => r.issue(c, p, m);
	const keys = [
		...sections.pools.map((p) => p.key),
		sections.gr.governanceKey,
		sections.centrumgemeente?.transitionCosts?.key
	];
	for (const s of keys) for (const e of s?.entries ?? []) if (e.value) checkKeyUncertainty(e.value, issue);
	return readUncertaintySection(value, scenarioLeaves(sections), issue);
}

/** The optional in-house and fairness sections, which name participants, service pools and drivers. */
function readInHouseSections(
	r: Reader,
	raw: Obj,
	participants: ReadonlySet<string>,
	pools: Scenario['pools'],
	drivers: Scenario['drivers']
): { inHouse: Scenario['inHouse']; fairness: Scenario['fairness'] } {
	const known = {
		participants,
		servicePools: new Set(pools.filter((p) => p.kind === 'service').map((p) => p.id)),
		drivers: new Set(Object.keys(drivers))
	};
	return {
		inHouse: raw.inHouse === undefined ? undefined : readInHouse(raw.inHouse, r, known),
		fairness: raw.fairness === undefined ? undefined : readFairness(raw.fairness, r, known)
	};
}

/** The format tag, when given, names the scenario format. */
function checkFormat(r: Reader, raw: Obj): void {
	if (raw.format !== undefined && raw.format !== SCENARIO_FORMAT)
		r.issue('unknown_format', 'format', {
			en: `expected format ${SCENARIO_FORMAT}, got ${describe(raw.format)}`,
			nl: `verwacht format ${SCENARIO_FORMAT}, maar kreeg ${describe(raw.format, 'nl')}`
		});
}

/** A legal form that becomes centrumgemeente needs the centrumgemeente settings. */
function requireCentrumgemeente(r: Reader, legalForm: Series<LegalForm> | undefined, raw: Obj): void {
	if (legalForm?.entries.some((e) => e.value === 'centrumgemeente') && raw.centrumgemeente === undefined)
		r.issue('required', 'centrumgemeente', {
			en: 'the legal form becomes centrumgemeente, so the centrumgemeente settings are required',
			nl: 'de rechtsvorm wordt centrumgemeente, dus de instellingen onder centrumgemeente zijn verplicht'
		});
}

/**
 * Validate raw scenario data (parsed YAML/JSON) into a Scenario, collecting every structural issue.
 * This does not check that values are in force in every year; `loadScenario`/`checkScenario` do.
 */
export function validateStructure(raw: unknown, options: ValidateOptions = {}): Result<Scenario> {
	const r = new Reader(options.file);
	findForbiddenKeys(raw, '', r);
	if (!isObj(raw)) {
		r.issue('invalid_type', '', {
			en: `a scenario must be a map, got ${describe(raw)}`,
			nl: `een scenario moet een object met velden zijn, maar is ${describe(raw, 'nl')}`
		});
		return r.out.result<Scenario>(undefined);
	}
	r.sources = readSources(r, raw.sources);
	r.object(raw, '', TOP_FIELDS);
	checkFormat(r, raw);
	const id = r.id(raw.id, 'id');
	const title = r.text(raw.title, 'title', id ?? 'scenario');
	const description = typeof raw.description === 'string' ? raw.description : undefined;
	const { horizon, referenceYear } = readYears(r, raw);
	const participants = readParticipants(r, raw.participants);
	const participantIds = new Set(participants.map((p) => p.id));
	const rawPools = Array.isArray(raw.pools) ? raw.pools : [];
	const { poolIds, poolPaths } = readPoolIds(r, rawPools, participantIds);
	const known: Known = { participantIds, poolIds };
	const drivers = readDrivers(r, raw.drivers, known, participants.length > 0);
	const pools = rawPools.flatMap((p, i) => readPool(r, p, poolPaths[i]!, i) ?? []);
	const allocation = readAllocation(r, raw.allocation, poolIds);
	const legalForm = readLegalForm(r, raw.legalForm);
	const indexation = readIndexation(r, raw.indexation);
	const gr = readGr(r, raw.gr, known);
	const centrumgemeente = readCentrumgemeente(r, raw.centrumgemeente, known);
	requireCentrumgemeente(r, legalForm, raw);
	const vat = readVat(r, raw.vat, known);
	const comparison = readComparison(r, raw.comparison);
	const { inHouse, fairness } = readInHouseSections(r, raw, participantIds, pools, drivers);
	const variants = readInlineVariants(r, raw.variants, id);
	checkReferences(r, { participants, pools, drivers, gr, centrumgemeente });
	const uncertainty = readUncertainty(r, raw.uncertainty, {
		drivers,
		pools,
		indexation,
		gr,
		centrumgemeente,
		vat,
		comparison
	});
	if (!id || !allocation || !legalForm) return r.out.result<Scenario>(undefined);
	return r.out.result<Scenario>(
		markValidated({
			id,
			title,
			...(description ? { description } : {}),
			horizon,
			referenceYear,
			sources: r.sources as Record<string, Source>,
			participants,
			drivers,
			pools,
			allocation,
			legalForm,
			indexation,
			gr,
			...(centrumgemeente ? { centrumgemeente } : {}),
			vat,
			comparison,
			...(uncertainty ? { uncertainty } : {}),
			...(inHouse ? { inHouse } : {}),
			...(fairness ? { fairness } : {}),
			variants,
			raw,
			variantId: null,
			lineage: [id],
			changeCount: 0
		})
	);
}

/** A change's end date: a date after `from`, which it needs. */
function readUntil(r: Reader, co: Obj, p: string): string | undefined {
	if (co.until === undefined) return undefined;
	if (!isIsoDate(co.until)) {
		r.issue('invalid_date', `${p}.until`, {
			en: `${describe(co.until)} is not a date YYYY-MM-DD`,
			nl: `een datum moet JJJJ-MM-DD zijn, niet ${describe(co.until, 'nl')}`
		});
		return undefined;
	}
	if (co.from === undefined) {
		r.issue('required', `${p}.from`, {
			en: 'a change with until needs from: the date its value starts to hold',
			nl: 'een wijziging met until heeft ook from nodig: de datum waarop de waarde ingaat'
		});
		return undefined;
	}
	if (isIsoDate(co.from) && co.until <= co.from) {
		r.issue('out_of_range', `${p}.until`, {
			en: `until (${co.until}) must lie after from (${co.from})`,
			nl: `until (${co.until}) moet na from (${co.from}) liggen`
		});
		return undefined;
	}
	return co.until;
}

/** Read one variant (inline or from its own file). */
function readVariant(value: unknown, path: string, r: Reader, defaultBase: string | undefined): Variant | undefined {
	const o = r.object(value, path, ['format', 'id', 'title', 'description', 'base', 'changes']);
	if (!o) return undefined;
	if (o.format !== undefined && o.format !== VARIANT_FORMAT)
		r.issue('unknown_format', join(path, 'format'), {
			en: `expected format ${VARIANT_FORMAT}, got ${describe(o.format)}`,
			nl: `verwacht format ${VARIANT_FORMAT}, maar kreeg ${describe(o.format, 'nl')}`
		});
	const id = r.id(o.id, join(path, 'id'));
	const base = o.base === undefined ? defaultBase : r.id(o.base, join(path, 'base'));
	if (base === undefined && o.base === undefined)
		r.issue('required', join(path, 'base'), {
			en: 'a variant names its base',
			nl: 'een variant noemt het scenario waarop hij voortbouwt (base)'
		});
	const changes: Change[] = [];
	if (!Array.isArray(o.changes))
		r.issue('required', join(path, 'changes'), {
			en: 'a variant needs a list of changes (it may be empty: [])',
			nl: 'een variant heeft een lijst van wijzigingen nodig (die mag leeg zijn: [])'
		});
	else
		o.changes.forEach((c, i) => {
			const p = `${join(path, 'changes')}[${i}]`;
			const co = r.object(c, p, ['set', 'from', 'until', 'value', 'rationale']);
			if (!co) return;
			const set = r.string(co.set, `${p}.set`);
			if (co.from !== undefined && !isIsoDate(co.from))
				r.issue('invalid_date', `${p}.from`, {
					en: `${describe(co.from)} is not a date YYYY-MM-DD`,
					nl: `een datum moet JJJJ-MM-DD zijn, niet ${describe(co.from, 'nl')}`
				});
			const until = readUntil(r, co, p);
			if (!('value' in co))
				r.issue('required', `${p}.value`, {
					en: 'a change needs a value',
					nl: 'een wijziging heeft een waarde (value) nodig'
				});
			if (set === undefined) return;
			changes.push({
				set,
				value: co.value,
				...(typeof co.from === 'string' && isIsoDate(co.from) ? { from: co.from } : {}),
				...(until ? { until } : {}),
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
	const r = new Reader(options.file);
	findForbiddenKeys(raw, '', r);
	const v = readVariant(raw, '', r, undefined);
	return r.out.result(v && { ...v, ...(options.file ? { file: options.file } : {}) });
}
