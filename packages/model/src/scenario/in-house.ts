// The in-house option (eigen organisatie): a municipality, or a group of them, runs its own
// bedrijfsvoering. Its cost per service follows a cost function with economies of scale,
//   cost_s(F) = costPerFte_s × F_ref × (F / F_ref)^b,
// with F the size of the organisation served (a driver, e.g. own FTE), F_ref the size at which the
// benchmark figures hold and b ≤ 1 the scale exponent; and leaving a GR or DVO costs exit costs.
// Every number is a dated leaf with provenance, like the rest of the scenario. This module holds
// the settings' types and reads the `inHouse` and `fairness` sections of a scenario file, with every
// issue at its path (called by the scenario validator, with its reader).
import { FORBIDDEN_KEYS, isIsoDate } from '../domain/format.ts';
import type { Leaf, Series } from './types.ts';
import type { Reader } from './reader.ts';

/** Who runs in-house from when (a variant adds entries: "Oegstgeest alone from 2027"). */
export interface InHouseMember {
	readonly participant: string;
	/** The first day in-house (ISO date; the model works in whole years, so 1 January). */
	readonly from: string;
	readonly path: string;
}

/** The in-house settings of a scenario (`inHouse` in the file). */
export interface InHouseSettings {
	/** The driver that measures the size of the organisation served, e.g. ownFte. */
	readonly sizeDriver: string;
	/** F_ref: the size at which the per-FTE benchmark figures hold. */
	readonly referenceSize: Series<Leaf>;
	/** b: the scale exponent (1 = no economies of scale). */
	readonly exponent: Series<Leaf>;
	/** Share of in-house costs that are wages, for indexation from `priceYear` on. */
	readonly wageShare: Series<Leaf>;
	/** The year whose price level the per-FTE figures are in. */
	readonly priceYear: number;
	/** Per service pool id: cost per FTE served at the reference size, in `priceYear` prices. */
	readonly services: Readonly<Record<string, Series<Leaf>>>;
	/** Exit costs of a participant that leaves, as multiples, in the year it leaves. */
	readonly exitCosts: {
		/** × the leaver's charge for services in the year before it leaves; paid to those who stay. */
		readonly uittredingsvergoeding: Series<Leaf>;
		/** × its first year's in-house cost: building up the own organisation (recruitment, project). */
		readonly frictiekosten: Series<Leaf>;
		/** × its first year's in-house cost of `ictPool`: disentangling ICT (data, licences, migration). */
		readonly ictDisentangling: Series<Leaf>;
		readonly ictPool: string;
	};
	readonly members: readonly InHouseMember[];
}

/** The fairness settings of a scenario (`fairness` in the file). */
export interface FairnessSettings {
	/** Per service pool id: the driver of the pure usage key ("what each municipality takes"). */
	readonly usageDrivers: Readonly<Record<string, string>>;
}

/** What the sections may refer to. */
export interface KnownIds {
	readonly participants: ReadonlySet<string>;
	readonly servicePools: ReadonlySet<string>;
	readonly drivers: ReadonlySet<string>;
}

function driverRef(r: Reader, value: unknown, path: string, known: KnownIds): string | undefined {
	const id = r.id(value, path);
	if (id !== undefined && !known.drivers.has(id))
		r.issue('unknown_driver', path, {
			en: `no driver "${id}" in drivers`,
			nl: `er is geen verdeelgrondslag "${id}" in drivers`
		});
	return id !== undefined && known.drivers.has(id) ? id : undefined;
}

type LeafSeries = NonNullable<ReturnType<Reader['leafSeries']>>;

/** Read `inHouse.services`: a cost per FTE for every service pool, each required. */
function readServices(value: unknown, r: Reader, known: KnownIds): Record<string, LeafSeries> {
	const services: Record<string, LeafSeries> = {};
	const so = r.object(value, 'inHouse.services', [...known.servicePools]);
	for (const [pool, series] of Object.entries(so ?? {})) {
		if (FORBIDDEN_KEYS.has(pool) || !known.servicePools.has(pool)) continue;
		const s = r.leafSeries(series, `inHouse.services.${pool}`, 'money', {
			en: `in-house cost per FTE of ${pool}`,
			nl: `in-house kosten per fte van ${pool}`
		});
		if (s) services[pool] = s;
	}
	for (const pool of known.servicePools)
		if (so && so[pool] === undefined)
			r.issue('required', `inHouse.services.${pool}`, {
				en: `the in-house cost per FTE of service pool "${pool}" is required`,
				nl: `de in-house kosten per fte van de dienstenpool "${pool}" zijn verplicht`
			});
	return services;
}

/** Read `inHouse.exitCosts`; undefined when it is not an object (each field may still be undefined). */
function readExitCosts(value: unknown, r: Reader, known: KnownIds) {
	const eo = r.object(value, 'inHouse.exitCosts', [
		'uittredingsvergoeding',
		'frictiekosten',
		'ictDisentangling',
		'ictPool'
	]);
	const exit = eo && {
		uittredingsvergoeding: r.leafSeries(eo.uittredingsvergoeding, 'inHouse.exitCosts.uittredingsvergoeding', 'count', {
			en: 'uittredingsvergoeding',
			nl: 'uittredingsvergoeding'
		}),
		frictiekosten: r.leafSeries(eo.frictiekosten, 'inHouse.exitCosts.frictiekosten', 'count', {
			en: 'frictiekosten of leaving',
			nl: 'frictiekosten bij uittreding'
		}),
		ictDisentangling: r.leafSeries(eo.ictDisentangling, 'inHouse.exitCosts.ictDisentangling', 'count', {
			en: 'disentangling ICT',
			nl: 'ontvlechting van ICT'
		}),
		ictPool: r.id(eo.ictPool, 'inHouse.exitCosts.ictPool')
	};
	if (exit?.ictPool !== undefined && !known.servicePools.has(exit.ictPool))
		r.issue('unknown_pool', 'inHouse.exitCosts.ictPool', {
			en: `no service pool "${exit.ictPool}"`,
			nl: `er is geen dienstenpool "${exit.ictPool}"`
		});
	return exit;
}

/** Read `inHouse.members` (optional): who is in-house from 1 January of which year, with provenance. */
function readMembers(value: unknown, r: Reader, known: KnownIds): InHouseMember[] {
	const members: InHouseMember[] = [];
	const mo = value === undefined ? {} : r.object(value, 'inHouse.members', [...known.participants]);
	for (const [participant, entry] of Object.entries(mo ?? {})) {
		const path = `inHouse.members.${participant}`;
		if (FORBIDDEN_KEYS.has(participant)) continue;
		if (!known.participants.has(participant)) {
			r.issue('unknown_participant', path, {
				en: `no participant "${participant}"`,
				nl: `er is geen deelnemer "${participant}"`
			});
			continue;
		}
		const e = r.object(entry, path, ['from', 'basis', 'source', 'note', 'confidence']);
		if (!e) continue;
		if (!isIsoDate(e.from) || !e.from.endsWith('-01-01'))
			r.issue('invalid_date', `${path}.from`, {
				en: 'from must be 1 January of a year, e.g. 2027-01-01 (the model works in whole years)',
				nl: 'from moet 1 januari van een jaar zijn, bijvoorbeeld 2027-01-01 (het model rekent in hele jaren)'
			});
		else if (
			r.provenance(e, path, { en: `in-house membership of ${participant}`, nl: `in-house deelname van ${participant}` })
		)
			members.push({ participant, from: e.from, path });
	}
	return members;
}

/** Read `inHouse`; undefined when it has errors (they are in `r`). */
export function readInHouse(value: unknown, r: Reader, known: KnownIds): InHouseSettings | undefined {
	const o = r.object(value, 'inHouse', [
		'sizeDriver',
		'referenceSize',
		'exponent',
		'wageShare',
		'priceYear',
		'services',
		'exitCosts',
		'members'
	]);
	if (!o) return undefined;
	const before = r.issues.filter((i) => i.severity !== 'warning').length;
	const sizeDriver = driverRef(r, o.sizeDriver, 'inHouse.sizeDriver', known);
	const referenceSize = r.leafSeries(o.referenceSize, 'inHouse.referenceSize', 'count', {
		en: 'in-house reference size',
		nl: 'referentieomvang in-house'
	});
	const exponent = r.leafSeries(o.exponent, 'inHouse.exponent', 'count', {
		en: 'in-house scale exponent',
		nl: 'schaalexponent in-house'
	});
	const wageShare = r.leafSeries(o.wageShare, 'inHouse.wageShare', 'ratio', {
		en: 'in-house wage share',
		nl: 'loonaandeel in-house'
	});
	if (!Number.isInteger(o.priceYear))
		r.issue('invalid_type', 'inHouse.priceYear', {
			en: 'priceYear must be a year, e.g. 2021',
			nl: 'priceYear moet een jaartal zijn, bijvoorbeeld 2021'
		});
	const services = readServices(o.services, r, known);
	const exit = readExitCosts(o.exitCosts, r, known);
	const members = readMembers(o.members, r, known);
	const errors = r.issues.filter((i) => i.severity !== 'warning').length;
	if (errors > before || !sizeDriver || !referenceSize || !exponent || !wageShare || !exit) return undefined;
	const { uittredingsvergoeding, frictiekosten, ictDisentangling, ictPool } = exit;
	if (!uittredingsvergoeding || !frictiekosten || !ictDisentangling || !ictPool) return undefined;
	return {
		sizeDriver,
		referenceSize,
		exponent,
		wageShare,
		priceYear: o.priceYear as number,
		services,
		exitCosts: { uittredingsvergoeding, frictiekosten, ictDisentangling, ictPool },
		members
	};
}

/** Read `fairness`; undefined when it has errors. */
export function readFairness(value: unknown, r: Reader, known: KnownIds): FairnessSettings | undefined {
	const o = r.object(value, 'fairness', ['usageDrivers']);
	if (!o) return undefined;
	const u = r.object(o.usageDrivers, 'fairness.usageDrivers', [...known.servicePools]);
	if (!u) return undefined;
	const usageDrivers: Record<string, string> = {};
	let ok = true;
	for (const pool of known.servicePools) {
		const driver = driverRef(r, u[pool], `fairness.usageDrivers.${pool}`, known);
		if (driver) usageDrivers[pool] = driver;
		else ok = false;
	}
	return ok ? { usageDrivers } : undefined;
}
