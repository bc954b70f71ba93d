// Reading a key (how a pool's cost is divided) from raw data, one function per key type, and checking
// that a key names known drivers and recipients once every section is read.
import type { Provenance } from '../domain/result.ts';
import { FORBIDDEN_KEYS } from '../domain/format.ts';
import { checkFormula } from './formula.ts';
import type { ScenarioIssueCode } from './issue-codes.ts';
import { describe, isObj, join, type Obj, type Reader } from './reader.ts';
import { KEY_TYPES, type Driver, type Key, type Participant, type Pool } from './types.ts';

/** Provenance fields a key may carry next to its own. */
const PROVENANCE_FIELDS = ['basis', 'source', 'note', 'confidence', 'checkedOn', 'range', 'distribution', 'label'];

/** What every key type reads: the raw map, where it is, and whether an outer key's provenance covers it. */
interface KeyInput {
	readonly r: Reader;
	readonly value: Obj;
	readonly path: string;
	readonly covered: boolean;
}

/** The key's provenance: undefined when none is needed, false when it is missing or wrong. */
function keyProvenance({ r, value, path, covered }: KeyInput, hasNumbers: boolean): Provenance | undefined | false {
	const type = typeof value.type === 'string' ? value.type : describe(value.type);
	if (value.basis !== undefined)
		return r.provenance(value, path, { en: `the ${type} key`, nl: `de verdeelsleutel van type ${type}` }) ?? false;
	if (hasNumbers && !covered) {
		r.issue('missing_provenance', path, {
			en: `the ${type} key contains numbers but has no provenance (basis with source or note)`,
			nl: `de verdeelsleutel van type ${type} bevat getallen maar heeft geen herkomst (basis met een bron of toelichting)`
		});
		return false;
	}
	return undefined;
}

function withPath(path: string, p: Provenance | undefined) {
	return { path, ...(p ? { provenance: p } : {}) };
}

function readFixed(k: KeyInput): Key | undefined {
	const { r, value, path } = k;
	r.object(value, path, ['type', 'shares', ...PROVENANCE_FIELDS]);
	const sharesRaw = value.shares;
	const shares: Record<string, string> = {};
	let ok = true;
	if (!isObj(sharesRaw) || Object.keys(sharesRaw).length === 0) {
		r.issue('invalid_key', join(path, 'shares'), {
			en: 'a fixed key needs shares: { recipient: "percentage", … }',
			nl: 'een vaste verdeelsleutel heeft shares nodig: { ontvanger: "percentage", … }'
		});
		ok = false;
	} else {
		for (const [id, share] of Object.entries(sharesRaw)) {
			if (FORBIDDEN_KEYS.has(id)) continue;
			const s = r.plainNumber(share, join(path, 'shares', id), 'count');
			if (s === undefined) ok = false;
			else shares[id] = s;
		}
		if (ok && Object.values(shares).every((s) => Number(s) === 0)) {
			r.issue('driver_total_zero', join(path, 'shares'), {
				en: 'the shares sum to zero',
				nl: 'de aandelen tellen op tot nul'
			});
			ok = false;
		}
	}
	const p = keyProvenance(k, true);
	if (!ok || p === false) return undefined;
	return { type: 'fixed', shares, ...withPath(path, p) };
}

function readDriverKey(k: KeyInput, type: 'driver' | 'price-quantity'): Key | undefined {
	const { r, value, path, covered } = k;
	r.object(value, path, [
		'type',
		'driver',
		...(type === 'price-quantity' ? ['price', 'settlement'] : []),
		...PROVENANCE_FIELDS
	]);
	const driver = r.string(value.driver, join(path, 'driver'));
	let price: string | undefined;
	let settlement: Key | undefined;
	let ok = driver !== undefined;
	if (type === 'price-quantity') {
		if (value.price !== undefined) {
			price = r.plainNumber(value.price, join(path, 'price'), 'money', false);
			if (price === undefined) ok = false;
		}
		if (value.settlement !== undefined) {
			settlement = readKey(r, value.settlement, join(path, 'settlement'), covered || value.basis !== undefined);
			if (!settlement) ok = false;
		}
	}
	const p = keyProvenance(k, price !== undefined);
	if (!ok || p === false) return undefined;
	return type === 'driver'
		? { type, driver: driver!, ...withPath(path, p) }
		: {
				type,
				driver: driver!,
				...(price ? { price } : {}),
				...(settlement ? { settlement } : {}),
				...withPath(path, p)
			};
}

function readEven(k: KeyInput): Key | undefined {
	k.r.object(k.value, k.path, ['type', ...PROVENANCE_FIELDS]);
	const p = keyProvenance(k, false);
	return p === false ? undefined : { type: 'even', ...withPath(k.path, p) };
}

function readBasePlusUsage(k: KeyInput): Key | undefined {
	const { r, value, path, covered } = k;
	r.object(value, path, ['type', 'baseShare', 'base', 'usage', ...PROVENANCE_FIELDS]);
	const inner = covered || value.basis !== undefined;
	const baseShare = r.plainNumber(value.baseShare, join(path, 'baseShare'), 'ratio');
	const b = readKey(r, value.base, join(path, 'base'), inner);
	const u = readKey(r, value.usage, join(path, 'usage'), inner);
	const p = keyProvenance(k, true);
	if (baseShare === undefined || !b || !u || p === false) return undefined;
	return { type: 'base-plus-usage', baseShare, base: b, usage: u, ...withPath(path, p) };
}

function readFormula(k: KeyInput): Key | undefined {
	const { r, value, path } = k;
	r.object(value, path, ['type', 'expression', ...PROVENANCE_FIELDS]);
	const expression = r.string(value.expression, join(path, 'expression'));
	if (expression === undefined) return undefined;
	const check = checkFormula(expression);
	if (!check.ok) {
		for (const i of check.issues)
			r.issue(i.code as ScenarioIssueCode, join(path, 'expression'), i.messages ?? i.message);
		return undefined;
	}
	const p = keyProvenance(k, check.value.hasConstants);
	if (p === false) return undefined;
	return { type: 'formula', expression, ...withPath(path, p) };
}

/** Read a key; `covered` is true inside a key whose provenance covers nested numbers. */
export function readKey(r: Reader, value: unknown, path: string, covered = false): Key | undefined {
	if (!isObj(value)) {
		r.issue('invalid_key', path, {
			en: `expected a key such as { type: driver, driver: inwoners }, got ${describe(value)}`,
			nl: `verwacht een verdeelsleutel zoals { type: driver, driver: inwoners }, maar kreeg ${describe(value, 'nl')}`
		});
		return undefined;
	}
	const type = value.type;
	if (typeof type !== 'string' || !KEY_TYPES.includes(type as Key['type'])) {
		r.issue('invalid_key_type', join(path, 'type'), {
			en: `key type must be one of ${KEY_TYPES.join(', ')}, got ${describe(type)}`,
			nl: `het type van de verdeelsleutel moet een van ${KEY_TYPES.join(', ')} zijn, maar is ${describe(type, 'nl')}`
		});
		return undefined;
	}
	const k: KeyInput = { r, value, path, covered };
	switch (type as Key['type']) {
		case 'fixed':
			return readFixed(k);
		case 'driver':
		case 'price-quantity':
			return readDriverKey(k, type as 'driver' | 'price-quantity');
		case 'even':
			return readEven(k);
		case 'base-plus-usage':
			return readBasePlusUsage(k);
		case 'formula':
			return readFormula(k);
	}
}

/** What a key's references are checked against. */
export interface KeyContext {
	readonly participants: readonly Participant[];
	readonly pools: readonly Pool[];
	readonly drivers: Readonly<Record<string, Driver>>;
}

/** Check that a key names known drivers and recipients, and that a pool's key does not serve the pool itself. */
export function checkKeyReferences(
	key: Key,
	s: KeyContext,
	r: Reader,
	poolId: string | undefined,
	participantsOnly = false
): void {
	const participantIds = new Set(s.participants.map((p) => p.id));
	const poolIds = new Set(s.pools.map((p) => p.id));
	const needDriver = (name: string, path: string) => {
		if (!s.drivers[name])
			r.issue('unknown_driver', path, {
				en: `no driver "${name}" in drivers`,
				nl: `er is geen verdeelgrondslag "${name}" in drivers`
			});
	};
	switch (key.type) {
		case 'fixed':
			for (const rid of Object.keys(key.shares)) {
				const p = `${key.path}.shares.${rid}`;
				if (rid === poolId)
					r.issue('self_service', p, {
						en: `pool "${rid}" cannot serve itself`,
						nl: `de kostenpool "${rid}" kan niet aan zichzelf leveren`
					});
				else if (participantsOnly ? !participantIds.has(rid) : !participantIds.has(rid) && !poolIds.has(rid))
					r.issue(
						'unknown_recipient',
						p,
						participantsOnly
							? { en: `no participant "${rid}"`, nl: `er is geen deelnemer "${rid}"` }
							: {
									en: `"${rid}" is neither a participant nor a pool`,
									nl: `"${rid}" is geen deelnemer en geen kostenpool`
								}
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
					if (!Object.hasOwn(s.drivers, name))
						r.issue('unknown_driver', `${key.path}.expression`, {
							en: `the formula uses "${name}", which is not a driver`,
							nl: `de formule gebruikt "${name}", maar dat is geen verdeelgrondslag`
						});
			break;
		}
		case 'even':
			break;
	}
}
