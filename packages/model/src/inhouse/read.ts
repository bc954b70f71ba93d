// Reading the `inHouse` and `fairness` sections of a scenario file into typed settings, with
// every issue at its path (called by the scenario validator, with its reader).
import { isIsoDate, type Reader } from '../scenario/validate.ts';
import type { FairnessSettings, InHouseMember, InHouseSettings } from './types.ts';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** What the sections may refer to. */
export interface KnownIds {
	readonly participants: ReadonlySet<string>;
	readonly servicePools: ReadonlySet<string>;
	readonly drivers: ReadonlySet<string>;
}

function driverRef(r: Reader, value: unknown, path: string, known: KnownIds): string | undefined {
	const id = r.id(value, path);
	if (id !== undefined && !known.drivers.has(id)) r.issue('unknown_driver', path, `no driver "${id}" in drivers`);
	return id !== undefined && known.drivers.has(id) ? id : undefined;
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
	const referenceSize = r.leafSeries(o.referenceSize, 'inHouse.referenceSize', 'count', 'in-house reference size');
	const exponent = r.leafSeries(o.exponent, 'inHouse.exponent', 'count', 'in-house scale exponent');
	const wageShare = r.leafSeries(o.wageShare, 'inHouse.wageShare', 'ratio', 'in-house wage share');
	if (!Number.isInteger(o.priceYear))
		r.issue('invalid_type', 'inHouse.priceYear', 'priceYear must be a year, e.g. 2021');
	const services: Record<string, NonNullable<ReturnType<Reader['leafSeries']>>> = {};
	const so = r.object(o.services, 'inHouse.services', [...known.servicePools]);
	for (const [pool, series] of Object.entries(so ?? {})) {
		if (FORBIDDEN.has(pool) || !known.servicePools.has(pool)) continue;
		const s = r.leafSeries(series, `inHouse.services.${pool}`, 'money', `in-house cost per FTE of ${pool}`);
		if (s) services[pool] = s;
	}
	for (const pool of known.servicePools)
		if (so && so[pool] === undefined)
			r.issue(
				'required',
				`inHouse.services.${pool}`,
				`the in-house cost per FTE of service pool "${pool}" is required`
			);
	const eo = r.object(o.exitCosts, 'inHouse.exitCosts', [
		'uittredingsvergoeding',
		'frictiekosten',
		'ictDisentangling',
		'ictPool'
	]);
	const exit = eo && {
		uittredingsvergoeding: r.leafSeries(
			eo.uittredingsvergoeding,
			'inHouse.exitCosts.uittredingsvergoeding',
			'count',
			'uittredingsvergoeding'
		),
		frictiekosten: r.leafSeries(
			eo.frictiekosten,
			'inHouse.exitCosts.frictiekosten',
			'count',
			'frictiekosten of leaving'
		),
		ictDisentangling: r.leafSeries(
			eo.ictDisentangling,
			'inHouse.exitCosts.ictDisentangling',
			'count',
			'disentangling ICT'
		),
		ictPool: r.id(eo.ictPool, 'inHouse.exitCosts.ictPool')
	};
	if (exit?.ictPool !== undefined && !known.servicePools.has(exit.ictPool))
		r.issue('unknown_pool', 'inHouse.exitCosts.ictPool', `no service pool "${exit.ictPool}"`);
	const members: InHouseMember[] = [];
	const mo = o.members === undefined ? {} : r.object(o.members, 'inHouse.members', [...known.participants]);
	for (const [participant, entry] of Object.entries(mo ?? {})) {
		const path = `inHouse.members.${participant}`;
		if (FORBIDDEN.has(participant)) continue;
		if (!known.participants.has(participant)) {
			r.issue('unknown_participant', path, `no participant "${participant}"`);
			continue;
		}
		const e = r.object(entry, path, ['from', 'basis', 'source', 'note', 'confidence']);
		if (!e) continue;
		if (!isIsoDate(e.from) || !e.from.endsWith('-01-01'))
			r.issue(
				'invalid_date',
				`${path}.from`,
				'from must be 1 January of a year, e.g. 2027-01-01 (the model works in whole years)'
			);
		else if (r.provenance(e, path, `in-house membership of ${participant}`))
			members.push({ participant, from: e.from, path });
	}
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
