// Validation of an allocation problem: every issue at once as {code, path, message}, then a
// normalised problem (exact Decimals, full step-down order) that every method can compute on.
// The issue codes are documented in docs/problem-format.md; `PROBLEM_ISSUE_CODES` lists them.
import { FORBIDDEN_KEYS } from '../domain/format.ts';
import { MAX_AMOUNT_WHOLE_DIGITS, beyondExactRange } from '../money/limits.ts';
import {
	IssueCollector,
	formatIssueCount,
	makeIssue,
	type Issue,
	type IssueTexts,
	type Result
} from '../domain/issue.ts';
import { Decimal, ZERO, isDecimalString, sum, weightToDecimal } from '../money/decimal.ts';
import { childPath, indexPath, parseJson, type Position } from './json.ts';
import { METHOD_IDS, type MethodId, type NormalisedPool, type NormalisedProblem } from './types.ts';

/** Every code `validateProblem` and `readProblem` can return, with a one-line meaning. */
export const PROBLEM_ISSUE_CODES = {
	invalid_json: 'the text is not well-formed JSON (line and column given)',
	too_deep: 'the JSON nests objects or arrays deeper than 64 levels',
	too_large: 'the file, its pools or recipients, or a reciprocal system exceed the documented limits',
	amount_too_large: 'a cost has more than 15 digits before the decimal point (beyond the exact range)',
	duplicate_key: 'a key occurs twice in one JSON object',
	not_an_object: 'the problem is not a JSON object',
	missing_field: 'a required field is absent',
	unknown_field: 'a field the format does not define (often a typo)',
	wrong_type: 'a field has the wrong JSON type',
	forbidden_key: 'a key or id such as __proto__, constructor or prototype',
	unknown_method: 'method is not direct, step-down or reciprocal',
	no_pools: 'pools is empty',
	no_recipients: 'recipients is empty',
	invalid_id: 'an id is empty or has leading or trailing spaces',
	duplicate_pool: 'two pools have the same id',
	duplicate_recipient: 'a recipient is listed twice',
	recipient_is_pool: 'a recipient has the id of a pool',
	money_not_string: 'a cost is a JSON number; money must be a decimal string',
	invalid_money: 'a cost string is not a decimal number',
	money_precision: 'a cost has more than two decimals',
	negative_amount: 'a cost is negative',
	invalid_weight: 'a driver weight is not a finite number or decimal string',
	negative_weight: 'a driver weight is negative',
	unknown_target: 'a driver names neither a recipient nor a pool',
	self_service: 'a pool has a driver weight to itself',
	zero_weights: "a pool's driver weights sum to zero, so its cost cannot be divided",
	order_unknown_pool: 'the step-down order names an id that is not a pool',
	order_repeated_pool: 'the step-down order names a pool twice',
	order_missing_pool: 'the step-down order leaves out a pool',
	singular_system: 'reciprocal: some pools only serve each other, so their cost never reaches a recipient',
	unallocated_cost: 'warning (direct, step-down): a pool has no weight to anything it may allocate to'
} as const;
export type ProblemIssueCode = keyof typeof PROBLEM_ISSUE_CODES;

/** Options for `validateProblem`. */
export interface ValidateOptions {
	/** Use this method instead of the file's (as `sp71 allocate --method` does). */
	readonly method?: MethodId;
	/** Positions of values in the source text (from `parseJson`), so issues carry line and column. */
	readonly positions?: ReadonlyMap<string, Position>;
}

const ROOT_FIELDS = new Set(['method', 'order', 'pools', 'recipients', 'title', 'description', 'source']);
const POOL_FIELDS = new Set(['id', 'cost', 'drivers', 'label']);
const SOURCE_FIELDS = new Set(['title', 'url', 'note']);
/** Size limits of a problem (documented in docs/problem-format.md): above them a file is refused with `too_large`. */
export const MAX_PROBLEM_LENGTH = 20 * 1024 * 1024;
export const MAX_POOLS = 5000;
export const MAX_RECIPIENTS = 5000;
/** The reciprocal method solves a dense system of pools × pools: beyond this it is refused (`too_large`). */
export const MAX_RECIPROCAL_POOLS = 400;

const MONEY = /^-?\d+(\.\d+)?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

const DUTCH_TYPES: Readonly<Record<string, string>> = {
	string: 'tekst',
	number: 'een getal',
	boolean: 'een waarheidswaarde (true/false)',
	bigint: 'een getal',
	undefined: 'niets'
};

/** typeName in Dutch. */
function typeNaam(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'een lijst';
	if (typeof value === 'object') return 'een object';
	return DUTCH_TYPES[typeof value] ?? typeof value;
}

type Collector = IssueCollector<ProblemIssueCode>;

/** The collector of a validation, placing each issue at its value in the source text when positions are known. */
function collector(positions?: ReadonlyMap<string, Position>): Collector {
	if (!positions) return new IssueCollector<ProblemIssueCode>();
	// A missing field has no position of its own: point at the closest enclosing value.
	return new IssueCollector<ProblemIssueCode>(undefined, (path) => {
		for (let p = path; ;) {
			const found = positions.get(p);
			if (found) return found;
			if (p === '') return undefined;
			const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
			p = cut <= 0 ? '' : p.slice(0, cut);
		}
	});
}

/** Check keys of an object: forbidden keys and fields the format does not define. */
function checkFields(value: Record<string, unknown>, path: string, allowed: Set<string>, out: Collector): void {
	for (const key of Object.keys(value)) {
		if (FORBIDDEN_KEYS.has(key))
			out.add('forbidden_key', childPath(path, key), {
				en: `the key ${JSON.stringify(key)} is not allowed`,
				nl: `de veldnaam ${JSON.stringify(key)} is niet toegestaan`
			});
		else if (!allowed.has(key))
			out.add('unknown_field', childPath(path, key), {
				en: `unknown field ${JSON.stringify(key)}; expected one of ${[...allowed].join(', ')}`,
				nl: `onbekend veld ${JSON.stringify(key)}; verwacht een van ${[...allowed].join(', ')}`
			});
	}
}

/** Check an id; returns it when usable. */
function checkId(value: unknown, path: string, what: IssueTexts, out: Collector): string | undefined {
	if (typeof value !== 'string') {
		out.add('wrong_type', path, {
			en: `${what.en} must be a string, not ${typeName(value)}`,
			nl: `${what.nl} moet tekst zijn, niet ${typeNaam(value)}`
		});
		return undefined;
	}
	if (value.trim() === '' || value.trim() !== value) {
		out.add('invalid_id', path, {
			en: `${what.en} ${JSON.stringify(value)} must be non-empty without leading or trailing spaces`,
			nl: `${what.nl} ${JSON.stringify(value)} mag niet leeg zijn en niet met een spatie beginnen of eindigen`
		});
		return undefined;
	}
	if (FORBIDDEN_KEYS.has(value)) {
		out.add('forbidden_key', path, {
			en: `${JSON.stringify(value)} cannot be used as ${what.en}`,
			nl: `${JSON.stringify(value)} kan niet gebruikt worden als ${what.nl}`
		});
		return undefined;
	}
	return value;
}

function checkMoney(value: unknown, path: string, out: Collector): Decimal | undefined {
	if (typeof value === 'number') {
		out.add('money_not_string', path, {
			en: `write the amount as a decimal string ("${value}"), not a JSON number: floats lose cents`,
			nl: `schrijf het bedrag als tekst ("${value}"), niet als JSON-getal: zo gaan er geen centen verloren`
		});
		return undefined;
	}
	if (typeof value !== 'string') {
		out.add('wrong_type', path, {
			en: `an amount must be a decimal string, not ${typeName(value)}`,
			nl: `een bedrag moet een decimaal getal als tekst zijn, niet ${typeNaam(value)}`
		});
		return undefined;
	}
	if (!MONEY.test(value)) {
		out.add('invalid_money', path, {
			en: `${JSON.stringify(value)} is not a decimal amount such as "1234.56"`,
			nl: `${JSON.stringify(value)} is geen decimaal bedrag zoals "1234.56"`
		});
		return undefined;
	}
	if (beyondExactRange(value)) {
		out.add('amount_too_large', path, {
			en: `${value.length > 40 ? `${value.slice(0, 40)}…` : value} is beyond the exact range: amounts have at most ${MAX_AMOUNT_WHOLE_DIGITS} digits before the decimal point`,
			nl: `${value.length > 40 ? `${value.slice(0, 40)}…` : value} valt buiten het exacte bereik: een bedrag heeft hoogstens ${MAX_AMOUNT_WHOLE_DIGITS} cijfers vóór de komma`
		});
		return undefined;
	}
	const amount = new Decimal(value);
	if (amount.decimalPlaces() > 2) {
		out.add('money_precision', path, {
			en: `${value} has more than two decimals; amounts are in whole cents`,
			nl: `${value} heeft meer dan twee decimalen; bedragen zijn in hele centen`
		});
		return undefined;
	}
	if (amount.isNegative() && !amount.isZero()) {
		out.add('negative_amount', path, { en: `the cost ${value} is negative`, nl: `de kosten ${value} zijn negatief` });
		return undefined;
	}
	return amount.plus(0);
}

/** A JSON value for a message, whatever its type (objects from the reader have no prototype, so no String()). */
function describeJson(value: unknown, nl = false): string {
	if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	if (value === null) return 'null';
	if (Array.isArray(value)) return nl ? 'een lijst' : 'a list';
	if (typeof value === 'object') return nl ? 'een object' : 'an object';
	return String(value);
}

function checkWeight(value: unknown, path: string, out: Collector): Decimal | undefined {
	let weight: Decimal | undefined;
	if (typeof value === 'number' && Number.isFinite(value)) weight = weightToDecimal(value);
	else if (typeof value === 'string' && isDecimalString(value)) weight = weightToDecimal(value);
	if (weight === undefined || !weight.isFinite()) {
		out.add('invalid_weight', path, {
			en: `the weight ${describeJson(value)} is not a finite number or decimal string`,
			nl: `een gewicht moet een eindig getal of een decimaal getal als tekst zijn, niet ${describeJson(value, true)}`
		});
		return undefined;
	}
	if (!weight.isZero() && (weight.abs().greaterThan('1e30') || weight.abs().lessThan('1e-30'))) {
		out.add('invalid_weight', path, {
			en: `the weight ${String(value)} is out of range: use zero or a value between 1e-30 and 1e30`,
			nl: `het gewicht ${String(value)} valt buiten het bereik: gebruik nul of een waarde tussen 1e-30 en 1e30`
		});
		return undefined;
	}
	if (weight.isNegative() && !weight.isZero()) {
		out.add('negative_weight', path, {
			en: `the weight ${String(value)} is negative; weights must be zero or more`,
			nl: `het gewicht ${String(value)} is negatief; gewichten moeten nul of meer zijn`
		});
		return undefined;
	}
	return weight.plus(0);
}

interface DraftPool {
	readonly index: number;
	readonly id: string | undefined;
	readonly cost: Decimal | undefined;
	readonly drivers: Map<string, Decimal>;
	/** Whether the drivers object was readable and every target known (the service graph is reliable). */
	driversReliable: boolean;
}

/** The method: the problem's own, overridden by the caller's option. */
function readMethod(input: Record<string, unknown>, override: MethodId | undefined, out: Collector): MethodId {
	let method: MethodId = 'direct';
	if (input.method !== undefined) {
		if (typeof input.method !== 'string')
			out.add('wrong_type', 'method', {
				en: `method must be a string, not ${typeName(input.method)}`,
				nl: `method moet tekst zijn, niet ${typeNaam(input.method)}`
			});
		else if (!(METHOD_IDS as readonly string[]).includes(input.method))
			out.add('unknown_method', 'method', {
				en: `unknown method ${JSON.stringify(input.method)}; use ${METHOD_IDS.join(', ')}`,
				nl: `onbekende methode ${JSON.stringify(input.method)}; gebruik ${METHOD_IDS.join(', ')}`
			});
		else method = input.method as MethodId;
	}
	if (override !== undefined) {
		if ((METHOD_IDS as readonly string[]).includes(override)) method = override;
		else
			out.add('unknown_method', 'method', {
				en: `unknown method ${JSON.stringify(override)}; use ${METHOD_IDS.join(', ')}`,
				nl: `onbekende methode ${JSON.stringify(override)}; gebruik ${METHOD_IDS.join(', ')}`
			});
	}

	return method;
}

/** title, description and source: text only, checked for their types. */
function checkMeta(input: Record<string, unknown>, out: Collector): void {
	for (const field of ['title', 'description'] as const)
		if (input[field] !== undefined && typeof input[field] !== 'string')
			out.add('wrong_type', field, {
				en: `${field} must be a string, not ${typeName(input[field])}`,
				nl: `${field} moet tekst zijn, niet ${typeNaam(input[field])}`
			});
	if (input.source !== undefined) {
		if (!isRecord(input.source))
			out.add('wrong_type', 'source', {
				en: `source must be an object {title, url, note}, not ${typeName(input.source)}`,
				nl: `source moet een object {title, url, note} zijn, niet ${typeNaam(input.source)}`
			});
		else {
			checkFields(input.source, 'source', SOURCE_FIELDS, out);
			if (input.source.title === undefined)
				out.add('missing_field', 'source.title', {
					en: 'source needs a title',
					nl: 'source heeft een titel (title) nodig'
				});
			for (const field of SOURCE_FIELDS)
				if (input.source[field] !== undefined && typeof input.source[field] !== 'string')
					out.add('wrong_type', `source.${field}`, {
						en: `source.${field} must be a string`,
						nl: `source.${field} moet tekst zijn`
					});
		}
	}
}

function readRecipients(input: Record<string, unknown>, out: Collector): string[] {
	const recipients: string[] = [];
	if (input.recipients === undefined)
		out.add('missing_field', 'recipients', {
			en: 'recipients is required: the ids that finally bear the costs',
			nl: 'recipients is verplicht: de ids van de ontvangers die uiteindelijk de kosten dragen'
		});
	else if (!Array.isArray(input.recipients))
		out.add('wrong_type', 'recipients', {
			en: `recipients must be an array of ids, not ${typeName(input.recipients)}`,
			nl: `recipients moet een lijst van ids zijn, niet ${typeNaam(input.recipients)}`
		});
	else if (input.recipients.length === 0)
		out.add('no_recipients', 'recipients', {
			en: 'there must be at least one recipient',
			nl: 'er moet minstens één ontvanger zijn'
		});
	else
		input.recipients.forEach((value: unknown, index: number) => {
			const path = indexPath('recipients', index);
			const id = checkId(value, path, { en: 'a recipient id', nl: 'de id van een ontvanger' }, out);
			if (id === undefined) return;
			if (recipients.includes(id))
				out.add('duplicate_recipient', path, {
					en: `the recipient ${JSON.stringify(id)} is listed twice`,
					nl: `de ontvanger ${JSON.stringify(id)} staat er twee keer in`
				});
			else recipients.push(id);
		});
	return recipients;
}

function poolList(input: Record<string, unknown>, out: Collector): unknown[] {
	const rawPools: unknown[] = [];
	if (input.pools === undefined)
		out.add('missing_field', 'pools', { en: 'pools is required', nl: 'pools is verplicht' });
	else if (!Array.isArray(input.pools))
		out.add('wrong_type', 'pools', {
			en: `pools must be an array, not ${typeName(input.pools)}`,
			nl: `pools moet een lijst zijn, niet ${typeNaam(input.pools)}`
		});
	else if (input.pools.length === 0)
		out.add('no_pools', 'pools', { en: 'there must be at least one pool', nl: 'er moet minstens één kostenpool zijn' });
	else for (const pool of input.pools as unknown[]) rawPools.push(pool); // no spread: a file may hold any number of pools
	return rawPools;
}

/** The pools' ids, read first because drivers may name pools defined later. */
function readPoolIds(
	rawPools: readonly unknown[],
	recipientSet: ReadonlySet<string>,
	poolIds: Map<string, number>,
	out: Collector
): (string | undefined)[] {
	return rawPools.map((raw, index) => {
		const path = indexPath('pools', index);
		if (!isRecord(raw)) {
			out.add('wrong_type', path, {
				en: `a pool must be an object {id, cost, drivers}, not ${typeName(raw)}`,
				nl: `een kostenpool moet een object {id, cost, drivers} zijn, niet ${typeNaam(raw)}`
			});
			return undefined;
		}
		checkFields(raw, path, POOL_FIELDS, out);
		if (raw.id === undefined) {
			out.add('missing_field', `${path}.id`, { en: 'a pool needs an id', nl: 'een kostenpool heeft een id nodig' });
			return undefined;
		}
		const id = checkId(raw.id, `${path}.id`, { en: 'a pool id', nl: 'de id van een kostenpool' }, out);
		if (id === undefined) return undefined;
		if (poolIds.has(id)) {
			out.add('duplicate_pool', `${path}.id`, {
				en: `the pool id ${JSON.stringify(id)} is also used by pools[${poolIds.get(id)}]`,
				nl: `de id ${JSON.stringify(id)} wordt ook gebruikt door pools[${poolIds.get(id)}]`
			});
			return undefined;
		}
		if (recipientSet.has(id))
			out.add('recipient_is_pool', `${path}.id`, {
				en: `${JSON.stringify(id)} is both a pool and a recipient`,
				nl: `${JSON.stringify(id)} is zowel een kostenpool als een ontvanger`
			});
		poolIds.set(id, index);
		return id;
	});
}

/** The ids a driver weight may name. */
interface Targets {
	readonly recipients: ReadonlySet<string>;
	readonly poolIds: ReadonlyMap<string, number>;
}

/** One pool's cost and driver weights. */
function readDraft(
	raw: Record<string, unknown>,
	index: number,
	id: string | undefined,
	targets: Targets,
	out: Collector
): DraftPool {
	const path = indexPath('pools', index);
	if (raw.label !== undefined && typeof raw.label !== 'string')
		out.add('wrong_type', `${path}.label`, {
			en: `label must be a string, not ${typeName(raw.label)}`,
			nl: `label moet tekst zijn, niet ${typeNaam(raw.label)}`
		});
	let cost: Decimal | undefined;
	if (raw.cost === undefined)
		out.add('missing_field', `${path}.cost`, {
			en: 'a pool needs a cost (a decimal string)',
			nl: 'een kostenpool heeft kosten (cost) nodig, als decimaal getal in tekst'
		});
	else cost = checkMoney(raw.cost, `${path}.cost`, out);
	const draft: DraftPool = { index, id, cost, drivers: new Map<string, Decimal>(), driversReliable: id !== undefined };
	readDrivers(raw.drivers, `${path}.drivers`, draft, targets, out);
	return draft;
}

/** A pool's driver weights into `draft.drivers`; marks the draft unreliable where the service graph is unknown. */
function readDrivers(value: unknown, driversPath: string, draft: DraftPool, targets: Targets, out: Collector): void {
	const { id, index, drivers } = draft;
	if (value === undefined) {
		out.add('missing_field', driversPath, {
			en: 'a pool needs drivers: weights over recipients and other pools',
			nl: 'een kostenpool heeft drivers nodig: gewichten over ontvangers en andere kostenpools'
		});
		draft.driversReliable = false;
		return;
	}
	if (!isRecord(value)) {
		out.add('wrong_type', driversPath, {
			en: `drivers must be an object of weights by id, not ${typeName(value)}`,
			nl: `drivers moet een object met gewichten per id zijn, niet ${typeNaam(value)}`
		});
		draft.driversReliable = false;
		return;
	}
	let weightsValid = true;
	for (const [target, weightRaw] of Object.entries(value)) {
		const targetPath = childPath(driversPath, target);
		if (FORBIDDEN_KEYS.has(target)) {
			out.add('forbidden_key', targetPath, {
				en: `the key ${JSON.stringify(target)} is not allowed`,
				nl: `de veldnaam ${JSON.stringify(target)} is niet toegestaan`
			});
			draft.driversReliable = false;
			continue;
		}
		const weight = checkWeight(weightRaw, targetPath, out);
		if (weight === undefined) weightsValid = false;
		if (target === id) {
			out.add('self_service', targetPath, {
				en: `the pool ${JSON.stringify(id)} cannot serve itself; leave its own weight out`,
				nl: `de kostenpool ${JSON.stringify(id)} kan niet aan zichzelf leveren; laat het eigen gewicht weg`
			});
			continue;
		}
		if (!targets.recipients.has(target) && !targets.poolIds.has(target)) {
			out.add('unknown_target', targetPath, {
				en: `${JSON.stringify(target)} is neither a recipient nor a pool`,
				nl: `${JSON.stringify(target)} is geen ontvanger en geen kostenpool`
			});
			draft.driversReliable = false;
			continue;
		}
		if (weight !== undefined) drivers.set(target, weight);
	}
	if (weightsValid && draft.driversReliable && sum(drivers.values()).isZero())
		out.add(
			'zero_weights',
			driversPath,
			drivers.size === 0
				? {
						en: `the pool ${JSON.stringify(id ?? index)} has no driver weights, so its cost cannot be divided`,
						nl: `de kostenpool ${JSON.stringify(id ?? index)} heeft geen gewichten, dus de kosten zijn niet te verdelen`
					}
				: {
						en: `the driver weights of ${JSON.stringify(id ?? index)} sum to zero, so its cost cannot be divided`,
						nl: `de gewichten van ${JSON.stringify(id ?? index)} tellen op tot nul, dus de kosten zijn niet te verdelen`
					}
		);
}

/** The step-down order (validated whenever given; every pool in file order when absent). */
function readOrder(value: unknown, poolIds: ReadonlyMap<string, number>, out: Collector): string[] {
	if (value === undefined) return [...poolIds.keys()];
	const order: string[] = [];
	if (!Array.isArray(value)) {
		out.add('wrong_type', 'order', {
			en: `order must be an array of pool ids, not ${typeName(value)}`,
			nl: `order moet een lijst van ids van kostenpools zijn, niet ${typeNaam(value)}`
		});
		return order;
	}
	value.forEach((id: unknown, index: number) => {
		const path = indexPath('order', index);
		if (typeof id !== 'string')
			out.add('wrong_type', path, {
				en: `order must list pool ids (strings), not ${typeName(id)}`,
				nl: `order moet ids van kostenpools (tekst) bevatten, niet ${typeNaam(id)}`
			});
		else if (!poolIds.has(id))
			out.add('order_unknown_pool', path, {
				en: `${JSON.stringify(id)} in the order is not a pool`,
				nl: `${JSON.stringify(id)} in de volgorde is geen kostenpool`
			});
		else if (order.includes(id))
			out.add('order_repeated_pool', path, {
				en: `the pool ${JSON.stringify(id)} appears twice in the order`,
				nl: `de kostenpool ${JSON.stringify(id)} komt twee keer voor in de volgorde`
			});
		else order.push(id);
	});
	for (const id of poolIds.keys())
		if (!order.includes(id))
			out.add('order_missing_pool', 'order', {
				en: `the order leaves out the pool ${JSON.stringify(id)}`,
				nl: `de volgorde laat de kostenpool ${JSON.stringify(id)} weg`
			});
	return order;
}

/** Refuse a problem beyond the documented size limits before reading it (docs/problem-format.md). */
function tooLarge(input: Record<string, unknown>, out: Collector): boolean {
	for (const [field, limit] of [
		['pools', MAX_POOLS],
		['recipients', MAX_RECIPIENTS]
	] as const) {
		const list = input[field];
		if (Array.isArray(list) && list.length > limit) {
			out.add('too_large', field, {
				en: `${list.length} ${field}: a problem may have at most ${limit} ${field}`,
				nl: `${formatIssueCount(list.length, 'nl')} ${field}: een verdeelprobleem mag hoogstens ${formatIssueCount(limit, 'nl')} ${field} hebben`
			});
			return true;
		}
	}
	return false;
}

/**
 * Validate an allocation problem (a parsed JSON value or a JS object of the same shape).
 * Returns every issue at once; warnings (unallocated cost) ride along with a valid problem.
 */
export function validateProblem(input: unknown, options: ValidateOptions = {}): Result<NormalisedProblem> {
	const out = collector(options.positions);
	if (!isRecord(input)) {
		out.add('not_an_object', '', {
			en: `an allocation problem must be a JSON object, not ${typeName(input)}`,
			nl: `een verdeelprobleem moet een JSON-object zijn, niet ${typeNaam(input)}`
		});
		return { ok: false, issues: out.issues };
	}
	checkFields(input, '', ROOT_FIELDS, out);
	if (tooLarge(input, out)) return { ok: false, issues: out.issues };
	const method = readMethod(input, options.method, out);
	checkMeta(input, out);
	const recipients = readRecipients(input, out);
	const recipientSet = new Set(recipients);
	const rawPools = poolList(input, out);
	const poolIds = new Map<string, number>();
	const poolIdOf = readPoolIds(rawPools, recipientSet, poolIds, out);
	const targets: Targets = { recipients: recipientSet, poolIds };
	const drafts = rawPools.flatMap((raw, index) =>
		isRecord(raw) ? [readDraft(raw, index, poolIdOf[index], targets, out)] : []
	);
	const fullOrder = readOrder(input.order, poolIds, out);

	const graphReliable = drafts.length > 0 && drafts.every((draft) => draft.driversReliable);
	if (method === 'reciprocal' && drafts.length > MAX_RECIPROCAL_POOLS)
		out.add('too_large', 'pools', {
			en: `the reciprocal method solves all pools at once; it takes at most ${MAX_RECIPROCAL_POOLS} pools (this problem has ${drafts.length}): use step-down or direct`,
			nl: `de reciproque methode lost alle kostenpools tegelijk op; de methode werkt met hoogstens ${formatIssueCount(MAX_RECIPROCAL_POOLS, 'nl')} kostenpools (dit probleem heeft er ${formatIssueCount(drafts.length, 'nl')}): gebruik step-down of direct`
		});
	else if (graphReliable && method === 'reciprocal') checkReachesRecipients(drafts, recipientSet, out);
	if (graphReliable && out.errorCount === 0 && method !== 'reciprocal')
		warnUnallocated(drafts, recipientSet, method === 'step-down' ? fullOrder : [], out);

	if (out.errorCount > 0) return { ok: false, issues: out.issues };
	const pools: NormalisedPool[] = drafts.map((draft) => ({ id: draft.id!, cost: draft.cost!, drivers: draft.drivers }));
	const value: NormalisedProblem = { method, order: fullOrder, pools, recipients };
	return out.issues.length > 0 ? { ok: true, value, warnings: out.issues } : { ok: true, value };
}

/** What the reachability check reads of a pool (its weights only read, never changed). */
type ReachingPool = Pick<DraftPool, 'index' | 'id'> & { readonly drivers: ReadonlyMap<string, Decimal> };

/** Reciprocal: I − Sᵀ is singular exactly when some pools serve only each other (no path to a recipient). */
function checkReachesRecipients(
	drafts: readonly ReachingPool[],
	recipients: ReadonlySet<string>,
	out: Collector
): void {
	const reaches = new Set<string>();
	let changed = true;
	while (changed) {
		changed = false;
		for (const draft of drafts) {
			if (reaches.has(draft.id!)) continue;
			for (const [target, weight] of draft.drivers) {
				if (weight.isZero()) continue;
				if (recipients.has(target) || reaches.has(target)) {
					reaches.add(draft.id!);
					changed = true;
					break;
				}
			}
		}
	}
	for (const draft of drafts) {
		if (reaches.has(draft.id!) || sum(draft.drivers.values()).isZero()) continue;
		const served = [...draft.drivers].filter(([, w]) => !w.isZero()).map(([t]) => t);
		out.add('singular_system', `pools[${draft.index}].drivers`, {
			en: `the cost of ${JSON.stringify(draft.id)} never reaches a recipient: it serves only ${served.join(', ')}, and none of the pools it reaches serves a recipient, so the reciprocal system is singular (it has no solution)`,
			nl: `de kosten van ${JSON.stringify(draft.id)} bereiken nooit een ontvanger: de kostenpool levert alleen aan ${served.join(', ')} en geen van de kostenpools die hij bereikt levert aan een ontvanger, dus het reciproque stelsel is singulier (het heeft geen oplossing)`
		});
	}
}

/**
 * The issues that make a normalised problem unsolvable with its method: for the reciprocal method,
 * pools whose cost never reaches a recipient (the same check validateProblem makes).
 */
export function solvabilityIssues(problem: NormalisedProblem): Issue[] {
	if (problem.method !== 'reciprocal') return [];
	const out = collector();
	const drafts: ReachingPool[] = problem.pools.map((pool, index) => ({ index, id: pool.id, drivers: pool.drivers }));
	checkReachesRecipients(drafts, new Set(problem.recipients), out);
	return out.issues;
}

/** Direct and step-down: a pool with no weight to what it may allocate to keeps its cost; say so up front. */
function warnUnallocated(
	drafts: readonly DraftPool[],
	recipients: ReadonlySet<string>,
	order: readonly string[],
	out: Collector
): void {
	const position = new Map(order.map((id, index) => [id, index]));
	const receives = new Set<string>();
	const byOrder = order.length > 0 ? order.map((id) => drafts.find((d) => d.id === id)!) : drafts;
	for (const draft of byOrder) {
		const here = position.get(draft.id!) ?? -1;
		const allowed = (target: string): boolean =>
			recipients.has(target) || (order.length > 0 && (position.get(target) ?? -1) > here);
		let outgoing = ZERO;
		for (const [target, weight] of draft.drivers) {
			if (!allowed(target)) continue;
			outgoing = outgoing.plus(weight);
			if (!weight.isZero() && !recipients.has(target)) receives.add(target);
		}
		if (!outgoing.isZero() || (draft.cost!.isZero() && !receives.has(draft.id!))) continue;
		out.add(
			'unallocated_cost',
			`pools[${draft.index}].drivers`,
			order.length > 0
				? {
						en: `${JSON.stringify(draft.id)} has no weight to a recipient or a later pool, so its cost stays unallocated`,
						nl: `${JSON.stringify(draft.id)} heeft geen gewicht naar een ontvanger of een latere kostenpool, dus de kosten blijven onverdeeld`
					}
				: {
						en: `${JSON.stringify(draft.id)} has no weight to a recipient, so in a direct allocation its cost stays unallocated`,
						nl: `${JSON.stringify(draft.id)} heeft geen gewicht naar een ontvanger, dus bij directe verdeling blijven de kosten onverdeeld`
					},
			'warning'
		);
	}
}

/** Parse a problem file's text and validate it: the whole road from JSON text to a normalised problem. */
export function readProblem(text: string, options: Omit<ValidateOptions, 'positions'> = {}): Result<NormalisedProblem> {
	if (text.length > MAX_PROBLEM_LENGTH)
		return {
			ok: false,
			issues: [
				makeIssue('too_large', '', {
					en: `the file is larger than ${MAX_PROBLEM_LENGTH / 1024 / 1024} MB, the limit for a problem file`,
					nl: `het bestand is groter dan ${formatIssueCount(MAX_PROBLEM_LENGTH / 1024 / 1024, 'nl')} MB, de grens voor een verdeelprobleem`
				})
			]
		};
	const parsed = parseJson(text);
	if (!parsed.ok) return parsed;
	return validateProblem(parsed.value.value, { ...options, positions: parsed.value.positions });
}
