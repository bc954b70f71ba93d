// Validation of an allocation problem: every issue at once as {code, path, message}, then a
// normalised problem (exact Decimals, full step-down order) that every method can compute on.
// The issue codes are documented in docs/problem-format.md; `PROBLEM_ISSUE_CODES` lists them.
import { FORBIDDEN_KEYS } from '../domain/format.ts';
import { IssueCollector, type Issue, type Result } from '../domain/issue.ts';
import { Decimal, ZERO, isDecimalString, sum, weightToDecimal } from '../money/decimal.ts';
import { childPath, indexPath, parseJson, type Position } from './json.ts';
import { METHOD_IDS, type MethodId, type NormalisedPool, type NormalisedProblem } from './types.ts';

/** Every code `validateProblem` and `readProblem` can return, with a one-line meaning. */
export const PROBLEM_ISSUE_CODES = {
	invalid_json: 'the text is not well-formed JSON (line and column given)',
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
			out.add('forbidden_key', childPath(path, key), `the key ${JSON.stringify(key)} is not allowed`);
		else if (!allowed.has(key))
			out.add(
				'unknown_field',
				childPath(path, key),
				`unknown field ${JSON.stringify(key)}; expected one of ${[...allowed].join(', ')}`
			);
	}
}

/** Check an id; returns it when usable. */
function checkId(value: unknown, path: string, what: string, out: Collector): string | undefined {
	if (typeof value !== 'string') {
		out.add('wrong_type', path, `${what} must be a string, not ${typeName(value)}`);
		return undefined;
	}
	if (value.trim() === '' || value.trim() !== value) {
		out.add(
			'invalid_id',
			path,
			`${what} ${JSON.stringify(value)} must be non-empty without leading or trailing spaces`
		);
		return undefined;
	}
	if (FORBIDDEN_KEYS.has(value)) {
		out.add('forbidden_key', path, `${JSON.stringify(value)} cannot be used as ${what}`);
		return undefined;
	}
	return value;
}

function checkMoney(value: unknown, path: string, out: Collector): Decimal | undefined {
	if (typeof value === 'number') {
		out.add(
			'money_not_string',
			path,
			`write the amount as a decimal string ("${value}"), not a JSON number: floats lose cents`
		);
		return undefined;
	}
	if (typeof value !== 'string') {
		out.add('wrong_type', path, `an amount must be a decimal string, not ${typeName(value)}`);
		return undefined;
	}
	if (!MONEY.test(value)) {
		out.add('invalid_money', path, `${JSON.stringify(value)} is not a decimal amount such as "1234.56"`);
		return undefined;
	}
	const amount = new Decimal(value);
	if (amount.decimalPlaces() > 2) {
		out.add('money_precision', path, `${value} has more than two decimals; amounts are in whole cents`);
		return undefined;
	}
	if (amount.isNegative() && !amount.isZero()) {
		out.add('negative_amount', path, `the cost ${value} is negative`);
		return undefined;
	}
	return amount.plus(0);
}

function checkWeight(value: unknown, path: string, out: Collector): Decimal | undefined {
	let weight: Decimal | undefined;
	if (typeof value === 'number' && Number.isFinite(value)) weight = weightToDecimal(value);
	else if (typeof value === 'string' && isDecimalString(value)) weight = weightToDecimal(value);
	if (weight === undefined || !weight.isFinite()) {
		out.add(
			'invalid_weight',
			path,
			`the weight ${typeof value === 'string' ? JSON.stringify(value) : String(value)} is not a finite number or decimal string`
		);
		return undefined;
	}
	if (!weight.isZero() && (weight.abs().greaterThan('1e30') || weight.abs().lessThan('1e-30'))) {
		out.add(
			'invalid_weight',
			path,
			`the weight ${String(value)} is out of range: use zero or a value between 1e-30 and 1e30`
		);
		return undefined;
	}
	if (weight.isNegative() && !weight.isZero()) {
		out.add('negative_weight', path, `the weight ${String(value)} is negative; weights must be zero or more`);
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

/**
 * Validate an allocation problem (a parsed JSON value or a JS object of the same shape).
 * Returns every issue at once; warnings (unallocated cost) ride along with a valid problem.
 */
export function validateProblem(input: unknown, options: ValidateOptions = {}): Result<NormalisedProblem> {
	const out = collector(options.positions);
	if (!isRecord(input)) {
		out.add('not_an_object', '', `an allocation problem must be a JSON object, not ${typeName(input)}`);
		return { ok: false, issues: out.issues };
	}
	checkFields(input, '', ROOT_FIELDS, out);

	let method: MethodId = 'direct';
	if (input.method !== undefined) {
		if (typeof input.method !== 'string')
			out.add('wrong_type', 'method', `method must be a string, not ${typeName(input.method)}`);
		else if (!(METHOD_IDS as readonly string[]).includes(input.method))
			out.add(
				'unknown_method',
				'method',
				`unknown method ${JSON.stringify(input.method)}; use ${METHOD_IDS.join(', ')}`
			);
		else method = input.method as MethodId;
	}
	if (options.method !== undefined) {
		if ((METHOD_IDS as readonly string[]).includes(options.method)) method = options.method;
		else
			out.add(
				'unknown_method',
				'method',
				`unknown method ${JSON.stringify(options.method)}; use ${METHOD_IDS.join(', ')}`
			);
	}

	for (const field of ['title', 'description'] as const)
		if (input[field] !== undefined && typeof input[field] !== 'string')
			out.add('wrong_type', field, `${field} must be a string, not ${typeName(input[field])}`);
	if (input.source !== undefined) {
		if (!isRecord(input.source))
			out.add('wrong_type', 'source', `source must be an object {title, url, note}, not ${typeName(input.source)}`);
		else {
			checkFields(input.source, 'source', SOURCE_FIELDS, out);
			if (input.source.title === undefined) out.add('missing_field', 'source.title', 'source needs a title');
			for (const field of SOURCE_FIELDS)
				if (input.source[field] !== undefined && typeof input.source[field] !== 'string')
					out.add('wrong_type', `source.${field}`, `source.${field} must be a string`);
		}
	}

	// Recipients.
	const recipients: string[] = [];
	if (input.recipients === undefined)
		out.add('missing_field', 'recipients', 'recipients is required: the ids that finally bear the costs');
	else if (!Array.isArray(input.recipients))
		out.add('wrong_type', 'recipients', `recipients must be an array of ids, not ${typeName(input.recipients)}`);
	else if (input.recipients.length === 0)
		out.add('no_recipients', 'recipients', 'there must be at least one recipient');
	else
		input.recipients.forEach((value: unknown, index: number) => {
			const path = indexPath('recipients', index);
			const id = checkId(value, path, 'a recipient id', out);
			if (id === undefined) return;
			if (recipients.includes(id))
				out.add('duplicate_recipient', path, `the recipient ${JSON.stringify(id)} is listed twice`);
			else recipients.push(id);
		});
	const recipientSet = new Set(recipients);

	// Pools: first their ids (drivers may name pools defined later), then costs and drivers.
	const drafts: DraftPool[] = [];
	const poolIds = new Map<string, number>();
	const rawPools: unknown[] = [];
	if (input.pools === undefined) out.add('missing_field', 'pools', 'pools is required');
	else if (!Array.isArray(input.pools))
		out.add('wrong_type', 'pools', `pools must be an array, not ${typeName(input.pools)}`);
	else if (input.pools.length === 0) out.add('no_pools', 'pools', 'there must be at least one pool');
	else rawPools.push(...(input.pools as unknown[]));

	const poolIdOf: (string | undefined)[] = rawPools.map((raw, index) => {
		const path = indexPath('pools', index);
		if (!isRecord(raw)) {
			out.add('wrong_type', path, `a pool must be an object {id, cost, drivers}, not ${typeName(raw)}`);
			return undefined;
		}
		checkFields(raw, path, POOL_FIELDS, out);
		if (raw.id === undefined) {
			out.add('missing_field', `${path}.id`, 'a pool needs an id');
			return undefined;
		}
		const id = checkId(raw.id, `${path}.id`, 'a pool id', out);
		if (id === undefined) return undefined;
		if (poolIds.has(id)) {
			out.add(
				'duplicate_pool',
				`${path}.id`,
				`the pool id ${JSON.stringify(id)} is also used by pools[${poolIds.get(id)}]`
			);
			return undefined;
		}
		if (recipientSet.has(id))
			out.add('recipient_is_pool', `${path}.id`, `${JSON.stringify(id)} is both a pool and a recipient`);
		poolIds.set(id, index);
		return id;
	});

	rawPools.forEach((raw, index) => {
		if (!isRecord(raw)) return;
		const path = indexPath('pools', index);
		const id = poolIdOf[index];
		if (raw.label !== undefined && typeof raw.label !== 'string')
			out.add('wrong_type', `${path}.label`, `label must be a string, not ${typeName(raw.label)}`);
		let cost: Decimal | undefined;
		if (raw.cost === undefined) out.add('missing_field', `${path}.cost`, 'a pool needs a cost (a decimal string)');
		else cost = checkMoney(raw.cost, `${path}.cost`, out);

		const drivers = new Map<string, Decimal>();
		const draft: DraftPool = { index, id, cost, drivers, driversReliable: id !== undefined };
		drafts.push(draft);
		const driversPath = `${path}.drivers`;
		if (raw.drivers === undefined) {
			out.add('missing_field', driversPath, 'a pool needs drivers: weights over recipients and other pools');
			draft.driversReliable = false;
			return;
		}
		if (!isRecord(raw.drivers)) {
			out.add('wrong_type', driversPath, `drivers must be an object of weights by id, not ${typeName(raw.drivers)}`);
			draft.driversReliable = false;
			return;
		}
		let weightsValid = true;
		for (const [target, value] of Object.entries(raw.drivers)) {
			const targetPath = childPath(driversPath, target);
			if (FORBIDDEN_KEYS.has(target)) {
				out.add('forbidden_key', targetPath, `the key ${JSON.stringify(target)} is not allowed`);
				draft.driversReliable = false;
				continue;
			}
			const weight = checkWeight(value, targetPath, out);
			if (weight === undefined) weightsValid = false;
			if (target === id) {
				out.add(
					'self_service',
					targetPath,
					`the pool ${JSON.stringify(id)} cannot serve itself; leave its own weight out`
				);
				continue;
			}
			if (!recipientSet.has(target) && !poolIds.has(target)) {
				out.add('unknown_target', targetPath, `${JSON.stringify(target)} is neither a recipient nor a pool`);
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
					? `the pool ${JSON.stringify(id ?? index)} has no driver weights, so its cost cannot be divided`
					: `the driver weights of ${JSON.stringify(id ?? index)} sum to zero, so its cost cannot be divided`
			);
	});

	// The step-down order (validated whenever given).
	const order: string[] = [];
	if (input.order !== undefined) {
		if (!Array.isArray(input.order))
			out.add('wrong_type', 'order', `order must be an array of pool ids, not ${typeName(input.order)}`);
		else {
			input.order.forEach((value: unknown, index: number) => {
				const path = indexPath('order', index);
				if (typeof value !== 'string')
					out.add('wrong_type', path, `order must list pool ids (strings), not ${typeName(value)}`);
				else if (!poolIds.has(value))
					out.add('order_unknown_pool', path, `${JSON.stringify(value)} in the order is not a pool`);
				else if (order.includes(value))
					out.add('order_repeated_pool', path, `the pool ${JSON.stringify(value)} appears twice in the order`);
				else order.push(value);
			});
			for (const id of poolIds.keys())
				if (!order.includes(id))
					out.add('order_missing_pool', 'order', `the order leaves out the pool ${JSON.stringify(id)}`);
		}
	}
	const fullOrder = input.order === undefined ? [...poolIds.keys()] : order;

	const graphReliable = drafts.length > 0 && drafts.every((draft) => draft.driversReliable);
	if (graphReliable && method === 'reciprocal') checkReachesRecipients(drafts, recipientSet, out);
	if (graphReliable && out.errorCount === 0 && method !== 'reciprocal')
		warnUnallocated(drafts, recipientSet, method === 'step-down' ? fullOrder : [], out);

	if (out.errorCount > 0) return { ok: false, issues: out.issues };
	const pools: NormalisedPool[] = drafts.map((draft) => ({ id: draft.id!, cost: draft.cost!, drivers: draft.drivers }));
	const value: NormalisedProblem = { method, order: fullOrder, pools, recipients };
	return out.issues.length > 0 ? { ok: true, value, warnings: out.issues } : { ok: true, value };
}

/** Reciprocal: I − Sᵀ is singular exactly when some pools serve only each other (no path to a recipient). */
function checkReachesRecipients(drafts: readonly DraftPool[], recipients: ReadonlySet<string>, out: Collector): void {
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
		out.add(
			'singular_system',
			`pools[${draft.index}].drivers`,
			`the cost of ${JSON.stringify(draft.id)} never reaches a recipient: it serves only ${served.join(', ')}, and none of the pools it reaches serves a recipient, so the reciprocal system is singular (it has no solution)`
		);
	}
}

/**
 * The issues that make a normalised problem unsolvable with its method: for the reciprocal method,
 * pools whose cost never reaches a recipient (the same check validateProblem makes).
 */
export function solvabilityIssues(problem: NormalisedProblem): Issue[] {
	if (problem.method !== 'reciprocal') return [];
	const out = collector();
	const drafts: DraftPool[] = problem.pools.map((pool, index) => ({
		index,
		id: pool.id,
		cost: pool.cost,
		drivers: new Map(pool.drivers),
		driversReliable: true
	}));
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
				? `${JSON.stringify(draft.id)} has no weight to a recipient or a later pool, so its cost stays unallocated`
				: `${JSON.stringify(draft.id)} has no weight to a recipient, so in a direct allocation its cost stays unallocated`,
			'warning'
		);
	}
}

/** Parse a problem file's text and validate it: the whole road from JSON text to a normalised problem. */
export function readProblem(text: string, options: Omit<ValidateOptions, 'positions'> = {}): Result<NormalisedProblem> {
	const parsed = parseJson(text);
	if (!parsed.ok) return parsed;
	return validateProblem(parsed.value.value, { ...options, positions: parsed.value.positions });
}
