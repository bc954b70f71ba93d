// A scenario restricted to a coalition: the members keep one shared back office under the
// scenario's legal form, the others are gone. Done on the plain data, so the model then validates
// and computes it like any scenario: outsiders leave the participant list, their driver values,
// key shares and per-municipality settings; the shared pools' costs (and revenues and frictiekosten)
// scale by the in-house cost function's (F_S / F_N)^b, the economies of scale the coalition keeps.
import { Decimal, roundToCents } from '../money/decimal.ts';

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drop the shares of outsiders from a key (and from the keys nested in it). */
function restrictKey(key: unknown, keep: ReadonlySet<string>): void {
	if (!isObj(key)) return;
	if (isObj(key.shares)) for (const id of Object.keys(key.shares)) if (!keep.has(id)) delete key.shares[id];
	for (const nested of ['base', 'usage', 'settlement']) restrictKey(key[nested], keep);
}

function restrictKeySeries(series: unknown, keep: ReadonlySet<string>): void {
	if (isObj(series)) for (const entry of Object.values(series)) restrictKey(entry, keep);
}

function dropOutsiders(map: unknown, keep: ReadonlySet<string>, all: ReadonlySet<string>): void {
	if (isObj(map)) for (const id of Object.keys(map)) if (all.has(id) && !keep.has(id)) delete map[id];
}

/** Scale every dated amount of a series, marking the result as derived. */
function scaleSeries(series: unknown, factor: Decimal, note: string): void {
	if (!isObj(series)) return;
	for (const entry of Object.values(series)) scaleLeaf(entry, factor, note);
}

function scaleLeaf(leaf: unknown, factor: Decimal, note: string): void {
	if (!isObj(leaf) || typeof leaf.value !== 'string') return;
	leaf.value = roundToCents(new Decimal(leaf.value).times(factor)).toFixed(2);
	leaf.basis = 'derived';
	leaf.note = `${note}${typeof leaf.note === 'string' ? `; originally: ${leaf.note}` : ''}`;
	delete leaf.range;
}

/**
 * The plain data of `raw` restricted to `members`, the shared costs scaled by `factor`.
 * @param host the member that hosts a centrumgemeente when the scenario's host is not a member
 */
export function restrictRaw(
	raw: Readonly<Record<string, unknown>>,
	members: readonly string[],
	factor: Decimal,
	host: string
): Record<string, unknown> {
	const data = JSON.parse(JSON.stringify(raw)) as Obj;
	const keep = new Set(members);
	const participants = Array.isArray(data.participants) ? (data.participants as Obj[]) : [];
	const all = new Set(participants.map((p) => String(p.id)));
	data.participants = participants.filter((p) => keep.has(String(p.id)));
	const note = `scaled × ${factor.toSignificantDigits(10).toString()} for the coalition ${members.join(', ')} (in-house cost function)`;
	if (isObj(data.drivers))
		for (const driver of Object.values(data.drivers)) if (isObj(driver)) dropOutsiders(driver.values, keep, all);
	for (const pool of Array.isArray(data.pools) ? (data.pools as Obj[]) : []) {
		scaleSeries(pool.cost, factor, note);
		scaleSeries(pool.revenue, factor, note);
		restrictKeySeries(pool.key, keep);
	}
	if (isObj(data.gr)) {
		dropOutsiders(data.gr.ownerCosts, keep, all);
		restrictKeySeries(data.gr.governanceKey, keep);
	}
	const cg = data.centrumgemeente;
	if (isObj(cg)) {
		if (!keep.has(String(cg.host))) cg.host = host;
		dropOutsiders(cg.partnerContractManagement, keep, all);
		if (isObj(cg.partnerContractManagement)) delete cg.partnerContractManagement[String(cg.host)];
		if (isObj(cg.transitionCosts)) {
			if (isObj(cg.transitionCosts.amounts))
				for (const leaf of Object.values(cg.transitionCosts.amounts)) scaleLeaf(leaf, factor, note);
			restrictKeySeries(cg.transitionCosts.key, keep);
		}
	}
	if (isObj(data.vat)) dropOutsiders(data.vat.bcfCompensable, keep, all);
	if (isObj(data.inHouse)) data.inHouse.members = {};
	delete data.variants;
	return data;
}
