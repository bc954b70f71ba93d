// restrictRaw builds the restricted data by copying only what it changes, and shares the rest with
// the scenario's own data. It must give the very data the earlier way gave (a deep copy of the data,
// modified in place), which is kept here as the reference: for every scenario, every coalition of
// its participants and both hosts, key order included; and it must leave the data it reads alone.
import { describe, expect, it } from 'vitest';
import { Decimal, roundToCents } from '../../src/money/decimal.ts';
import { restrictRaw } from '../../src/scenario/restrict.ts';
import { isSealed } from '../../src/scenario/sealed.ts';
import { allScenarios } from './helpers.ts';

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The reference: the restriction as a deep copy modified in place.
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
function restrictedInPlace(
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

/** Every non-empty coalition of `ids` (at most 2^n − 1 of them). */
function coalitions(ids: readonly string[]): string[][] {
	const out: string[][] = [];
	for (let mask = 1; mask < 1 << ids.length; mask++) out.push(ids.filter((_, i) => mask & (1 << i)));
	return out;
}

describe('restricting a scenario to a coalition', () => {
	it('gives the data the deep copy modified in place gave, sharing the rest, for every coalition', () => {
		let shared = 0;
		let cases = 0;
		for (const { name, scenario } of allScenarios()) {
			const raw = scenario.raw;
			const before = JSON.stringify(raw);
			const ids = scenario.participants.map((p) => p.id);
			for (const members of coalitions(ids).slice(0, 15))
				for (const factor of [new Decimal('0.8734'), new Decimal(1)]) {
					const host = members.at(-1)!;
					const got = restrictRaw(raw, members, factor, host);
					expect(JSON.stringify(got), `${name} / ${members.join(',')}`).toBe(
						JSON.stringify(restrictedInPlace(raw, members, factor, host))
					);
					if (got.sources !== undefined && got.sources === raw.sources) shared++;
					// Restricted from sealed data, it is sealed too.
					expect(isSealed(got)).toBe(isSealed(raw));
					cases++;
				}
			expect(JSON.stringify(raw), name).toBe(before);
		}
		expect(cases).toBeGreaterThan(50);
		expect(shared).toBeGreaterThan(40);
	});
});
