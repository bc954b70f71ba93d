// A scenario restricted to a coalition: the members keep one shared back office under the
// scenario's legal form, the others are gone. Done on the plain data, so the model then validates
// and computes it like any scenario: outsiders leave the participant list, their driver values,
// key shares and per-municipality settings; the shared pools' costs (and revenues and frictiekosten)
// scale by the in-house cost function's (F_S / F_N)^b, the economies of scale the coalition keeps.
import { Decimal, roundToCents } from '../money/decimal.ts';
import { isSealed, sealRaw } from './sealed.ts';

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key without the shares of outsiders (and the keys nested in it); the key itself when it names none. */
function restrictKey(key: unknown, keep: ReadonlySet<string>): unknown {
	if (!isObj(key)) return key;
	let out: Obj | undefined;
	const own = (): Obj => (out ??= { ...key });
	if (isObj(key.shares) && Object.keys(key.shares).some((id) => !keep.has(id)))
		own().shares = Object.fromEntries(Object.entries(key.shares).filter(([id]) => keep.has(id)));
	for (const nested of ['base', 'usage', 'settlement']) {
		const restricted = restrictKey(key[nested], keep);
		if (restricted !== key[nested]) own()[nested] = restricted;
	}
	return out ?? key;
}

/** Each dated key of a series restricted (restrictKey); the series itself when none changes. */
function restrictKeySeries(series: unknown, keep: ReadonlySet<string>): unknown {
	return isObj(series) ? mapValues(series, (entry) => restrictKey(entry, keep)) : series;
}

/** `map` without the outsiders' entries (ids of `all` not kept); the map itself when it has none. */
function dropOutsiders(map: unknown, keep: ReadonlySet<string>, all: ReadonlySet<string>): unknown {
	if (!isObj(map) || !Object.keys(map).some((id) => all.has(id) && !keep.has(id))) return map;
	return Object.fromEntries(Object.entries(map).filter(([id]) => !all.has(id) || keep.has(id)));
}

/** `map` with `fn` applied to each value; the map itself when no value changes. */
function mapValues(map: Obj, fn: (value: unknown, key: string) => unknown): Obj {
	let out: Obj | undefined;
	for (const [key, value] of Object.entries(map)) {
		const next = fn(value, key);
		if (next !== value) (out ??= { ...map })[key] = next;
	}
	return out ?? map;
}

/** Every dated amount of a series scaled, marked as derived. */
function scaleSeries(series: unknown, factor: Decimal, note: string): unknown {
	return isObj(series) ? mapValues(series, (entry) => scaleLeaf(entry, factor, note)) : series;
}

function scaleLeaf(leaf: unknown, factor: Decimal, note: string): unknown {
	if (!isObj(leaf) || typeof leaf.value !== 'string') return leaf;
	const { range: _range, ...rest } = leaf;
	return {
		...rest,
		value: roundToCents(new Decimal(leaf.value).times(factor)).toFixed(2),
		basis: 'derived',
		note: `${note}${typeof leaf.note === 'string' ? `; originally: ${leaf.note}` : ''}`
	};
}

/**
 * The plain data of `raw` restricted to `members`, the shared costs scaled by `factor`. `raw` is not
 * modified: the result shares with it every map and list the restriction leaves alone.
 * @param host the member that hosts a centrumgemeente when the scenario's host is not a member
 */
export function restrictRaw(
	raw: Readonly<Record<string, unknown>>,
	members: readonly string[],
	factor: Decimal,
	host: string
): Record<string, unknown> {
	const keep = new Set(members);
	const participants = Array.isArray(raw.participants) ? (raw.participants as Obj[]) : [];
	const all = new Set(participants.map((p) => String(p.id)));
	const note = `scaled × ${factor.toSignificantDigits(10).toString()} for the coalition ${members.join(', ')} (in-house cost function)`;
	const { variants: _variants, ...data } = raw as Obj;
	data.participants = participants.filter((p) => keep.has(String(p.id)));
	if (isObj(raw.drivers))
		data.drivers = mapValues(raw.drivers, (driver) =>
			isObj(driver) && dropOutsiders(driver.values, keep, all) !== driver.values
				? { ...driver, values: dropOutsiders(driver.values, keep, all) }
				: driver
		);
	if (Array.isArray(raw.pools))
		data.pools = raw.pools.map((pool: unknown) =>
			isObj(pool)
				? {
						...pool,
						...('cost' in pool ? { cost: scaleSeries(pool.cost, factor, note) } : {}),
						...('revenue' in pool ? { revenue: scaleSeries(pool.revenue, factor, note) } : {}),
						...('key' in pool ? { key: restrictKeySeries(pool.key, keep) } : {})
					}
				: pool
		);
	if (isObj(raw.gr))
		data.gr = {
			...raw.gr,
			...('ownerCosts' in raw.gr ? { ownerCosts: dropOutsiders(raw.gr.ownerCosts, keep, all) } : {}),
			...('governanceKey' in raw.gr ? { governanceKey: restrictKeySeries(raw.gr.governanceKey, keep) } : {})
		};
	if (isObj(raw.centrumgemeente))
		data.centrumgemeente = restrictCentrumgemeente(raw.centrumgemeente, keep, all, host, factor, note);
	if (isObj(raw.vat) && 'bcfCompensable' in raw.vat)
		data.vat = { ...raw.vat, bcfCompensable: dropOutsiders(raw.vat.bcfCompensable, keep, all) };
	if (isObj(raw.inHouse)) data.inHouse = { ...raw.inHouse, members: {} };
	// Restricted from the model's own data, it is the model's too: sealed, so the validator reuses its readings.
	return isSealed(raw) ? sealRaw(data) : data;
}

/** The centrumgemeente settings for the coalition: a host among it, and partners' terms of members only. */
function restrictCentrumgemeente(
	cg: Obj,
	keep: ReadonlySet<string>,
	all: ReadonlySet<string>,
	host: string,
	factor: Decimal,
	note: string
): Obj {
	const out: Obj = { ...cg };
	if (!keep.has(String(cg.host))) out.host = host;
	if ('partnerContractManagement' in cg) {
		const partners = dropOutsiders(cg.partnerContractManagement, keep, all);
		out.partnerContractManagement =
			isObj(partners) && String(out.host) in partners
				? Object.fromEntries(Object.entries(partners).filter(([id]) => id !== String(out.host)))
				: partners;
	}
	if (isObj(cg.transitionCosts)) {
		const tc = cg.transitionCosts;
		out.transitionCosts = {
			...tc,
			...(isObj(tc.amounts) ? { amounts: mapValues(tc.amounts, (leaf) => scaleLeaf(leaf, factor, note)) } : {}),
			...('key' in tc ? { key: restrictKeySeries(tc.key, keep) } : {})
		};
	}
	return out;
}
