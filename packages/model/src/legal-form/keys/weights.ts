// Keys (verdeelsleutels) to weights: each key type turns the driver values in force in a year into
// non-negative weights over recipients (participants, and pools for keys that name them). The
// engine normalises weights per pool, so weights need not sum to one.
import { Decimal, ZERO, sum, weightToDecimal } from '../../money/decimal.ts';
import { isRecording } from '../../money/tape.ts';
import { NO_READS, collectReads, noteReads, type Reads } from '../../money/reads.ts';
import type { UsedInput } from '../../scenario/resolve.ts';
import type { Env } from '../env.ts';
import type { Driver, Key } from '../../scenario/types.ts';
import { checkFormula } from '../../scenario/formula.ts';
import { FormulaRangeError, evaluateFormula } from './formula.ts';
import { message, named, type Message } from '../../vocabulary/messages.ts';
import { formatExact } from '../../vocabulary/format.ts';

export interface KeyContext {
	readonly year: number;
	readonly participants: readonly string[];
	/** Pools that may receive a share (empty for keys over participants only). */
	readonly pools: readonly string[];
	/** The pool whose cost this key divides (never a recipient of its own key). */
	readonly self?: string;
	readonly drivers: Readonly<Record<string, Driver>>;
	/** The pool's own cost this year, for price × quantity with a tariff. */
	readonly cost?: Decimal;
	readonly env: Env;
	/** Driver values read, for the trace. */
	readonly used: UsedInput[];
	/** Display names of the recipients, for the rule texts (the id when absent). */
	readonly names?: ReadonlyMap<string, string>;
}

/** A driver as a rule names it: its label in either language (the id when the scenario has no such driver). */
function driverName(name: string, ctx: KeyContext): Message | string {
	const label = ctx.drivers[name]?.label;
	return label ? named(label) : name;
}

/** How a key turned into weights: the weights and a sentence for the trace. */
export interface KeyWeights {
	readonly weights: Map<string, Decimal>;
	readonly rule: Message;
}

function driverValues(name: string, ctx: KeyContext, path: string): Map<string, Decimal> {
	const out = new Map<string, Decimal>();
	const driver = ctx.drivers[name];
	if (!driver) {
		ctx.env.issue('unknown_driver', path, {
			en: `no driver "${name}" in drivers`,
			nl: `er is geen verdeelgrondslag "${name}" in drivers`
		});
		return out;
	}
	// Every recipient with a series for the driver takes part (a driver may cover only pools, such as
	// the SP71 staff that directie serves); a series without a value in force is an issue.
	const read = participantValues(driver, ctx);
	for (let i = 0; i < read.inputs.length; i++) ctx.used.push(read.inputs[i]!);
	// A driver over participants only gives the year's one map (read-only, as every weights map).
	if (!ctx.pools.some((pool) => pool !== ctx.self && driver.values[pool])) return read.map;
	for (let i = 0; i < read.ids.length; i++) out.set(read.ids[i]!, read.values[i]!);
	for (const pool of ctx.pools) {
		if (pool === ctx.self) continue;
		const series = driver.values[pool];
		if (series) out.set(pool, ctx.env.number(series, ctx.year, `${driver.label.en} (${pool})`, ctx.used));
	}
	return out;
}

/** A driver's values for the participants in a year, with the inputs and the leaves read. */
interface DriverRead {
	readonly participants: readonly string[];
	readonly ids: readonly string[];
	readonly values: readonly Decimal[];
	readonly inputs: readonly UsedInput[];
	readonly reads: Reads;
	/** The values by participant id. */
	readonly map: Map<string, Decimal>;
}

/**
 * The participants' values of a driver in the year, read once per computation and year: every key on
 * the driver (most pools of a scenario) reads the very same values. Whoever takes them again notes
 * the leaves behind them. While a kernel is recorded, read each time (it has to see every read).
 */
function participantValues(driver: Driver, ctx: KeyContext): DriverRead {
	const readAll = (): DriverRead => {
		const ids: string[] = [];
		const values: Decimal[] = [];
		const inputs: UsedInput[] = [];
		for (const p of ctx.participants) {
			const series = driver.values[p];
			if (!series) continue;
			ids.push(p);
			values.push(ctx.env.number(series, ctx.year, `${driver.label.en} (${p})`, inputs));
		}
		const map = new Map(ids.map((id, i) => [id, values[i]!]));
		return { participants: ctx.participants, ids, values, inputs, reads: NO_READS, map };
	};
	if (isRecording()) return readAll();
	const byYear = ctx.env.remember(driver, () => new Map<number, DriverRead>());
	const known = byYear.get(ctx.year);
	if (known && known.participants === ctx.participants) {
		noteReads(known.reads);
		return known;
	}
	const { value, reads } = collectReads(readAll);
	const read = { ...value, reads };
	byYear.set(ctx.year, read);
	return read;
}

function normalised(weights: Map<string, Decimal>): Map<string, Decimal> {
	const total = sum(weights.values());
	return new Map([...weights].map(([id, w]) => [id, total.isZero() ? ZERO : w.dividedBy(total)]));
}

/** Whether two weight maps hold the same Decimal objects for the same recipients, in the same order. */
function sameWeights(a: ReadonlyMap<string, Decimal>, b: ReadonlyMap<string, Decimal>): boolean {
	if (a === b) return true;
	if (a.size !== b.size) return false;
	const other = b.entries();
	for (const [id, w] of a) {
		const [otherId, otherW] = other.next().value as [string, Decimal];
		if (id !== otherId || w !== otherW) return false;
	}
	return true;
}

/**
 * The normalised weights of `key`: the last year's when its weights are the very values read then
 * (the computation reads a leaf in force for several years as one Decimal), else divided afresh.
 */
// Across computations (a scenario derived from another reads the same leaves as the same Decimals);
// while a kernel is recorded, per computation only, so that the kernel sees every division it needs.
const lastNormalised = new WeakMap<Key, { weights: Map<string, Decimal>; normalised: Map<string, Decimal> }>();

function normalisedKey(key: Key, weights: Map<string, Decimal>, ctx: KeyContext): Map<string, Decimal> {
	const empty = () => ({ weights: new Map<string, Decimal>(), normalised: new Map<string, Decimal>() });
	let last = isRecording() ? ctx.env.remember(key, empty) : lastNormalised.get(key);
	if (!last) lastNormalised.set(key, (last = empty()));
	if (last.weights.size > 0 && (weights === last.weights || sameWeights(weights, last.weights))) return last.normalised;
	const result = normalised(weights);
	last.weights = weights;
	last.normalised = result;
	return result;
}

/** A fixed key's shares as Decimals, parsed once per computation (they hold every year). */
function fixedShares(key: Extract<Key, { type: 'fixed' }>, ctx: KeyContext): [string, Decimal][] {
	return ctx.env.remember(key.shares, () =>
		Object.entries(key.shares).map(([id, share]): [string, Decimal] => [id, weightToDecimal(share)])
	);
}

/**
 * Whether weights sum to zero. Without a negative weight that is every weight being zero, which
 * needs no sum; a kernel being recorded takes the sum, so that it keeps the guard it always had.
 */
export function sumsToZero(weights: ReadonlyMap<string, Decimal>): boolean {
	if (isRecording()) return sum(weights.values()).isZero();
	let nonZero = false;
	for (const w of weights.values()) {
		if (w.isNegative()) return sum(weights.values()).isZero();
		if (!w.isZero()) nonZero = true;
	}
	return !nonZero;
}

// Membership sets of the recipient lists (the same arrays every year of a run), so that a key over
// many recipients is checked in linear time.
const memberSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function setOf(ids: readonly string[]): ReadonlySet<string> {
	let set = memberSets.get(ids);
	if (!set) memberSets.set(ids, (set = new Set(ids)));
	return set;
}

function allowed(id: string, ctx: KeyContext): boolean {
	return id !== ctx.self && (setOf(ctx.participants).has(id) || setOf(ctx.pools).has(id));
}

/** Why a formula cannot be evaluated, in Dutch (the evaluator's own English text for anything else). */
function dutchFormulaError(error: Error): string {
	if (error instanceof FormulaRangeError)
		return 'een waarde in de formule valt buiten 10^±30, het bereik dat de waarden van een formule mogen hebben';
	if (/divides by zero/.test(error.message)) return 'de formule deelt door nul';
	return error.message.replace('[model] ', '');
}

/**
 * Turn a key into weights for one year.
 * Issues (a value not in force, weights that sum to zero, a negative weight) are recorded in ctx.env.
 */
export function keyWeights(key: Key, ctx: KeyContext): KeyWeights {
	const raw = rawWeights(key, ctx);
	const result = { ...raw, weights: asBefore(key, raw.weights) };
	const { zero, negative } = weightChecks(result.weights);
	if (zero)
		ctx.env.issue('driver_total_zero', key.path, {
			en: `the ${key.type} key gives every recipient a weight of zero in ${ctx.year}`,
			nl: `de verdeelsleutel van type ${key.type} geeft in ${ctx.year} elke ontvanger een gewicht van nul`
		});
	for (const [id, w] of negative)
		ctx.env.issue('negative_weight', key.path, {
			en: `the ${key.type} key gives ${id} a negative weight (${w.toFixed(2)}) in ${ctx.year}`,
			nl: `de verdeelsleutel van type ${key.type} geeft ${id} in ${ctx.year} een negatief gewicht (${formatExact(w.toFixed(2), 'nl')})`
		});
	return result;
}

// What the checks of keyWeights found in a weights map (read-only once made), by map: a key in force
// for years gives the very map each year. Checked afresh while a kernel is recorded (it keeps the guard).
const checkedWeights = new WeakMap<ReadonlyMap<string, Decimal>, WeightChecks>();

/** Whether weights sum to zero, and the negative ones. */
interface WeightChecks {
	readonly zero: boolean;
	readonly negative: readonly (readonly [string, Decimal])[];
}

function weightChecks(weights: ReadonlyMap<string, Decimal>): WeightChecks {
	const known = isRecording() ? undefined : checkedWeights.get(weights);
	if (known) return known;
	const checks = { zero: sumsToZero(weights), negative: [...weights].filter(([, w]) => w.isNegative()) };
	if (!isRecording()) checkedWeights.set(weights, checks);
	return checks;
}

// The last weights of each key object, across computations. A key whose weights are the very values
// read the time before (a leaf in force for several years; a scenario derived from another that left
// them alone) gives the very map again, so the engine's work per weights map (integer weights, checks,
// the solve of a system) is done once. Never while a kernel is recorded.
const lastWeights = new WeakMap<Key, Map<string, Decimal>>();

function asBefore(key: Key, weights: Map<string, Decimal>): Map<string, Decimal> {
	if (isRecording()) return weights;
	const last = lastWeights.get(key);
	if (last && sameWeights(weights, last)) return last;
	lastWeights.set(key, weights);
	return weights;
}

// The last mix of each base-plus-usage key: the same normalised parts give the same weights.
const lastMix = new WeakMap<
	Key,
	{ share: Decimal; b: Map<string, Decimal>; u: Map<string, Decimal>; weights: Map<string, Decimal> }
>();

function mixed(key: Key, b: Map<string, Decimal>, u: Map<string, Decimal>, baseShare: Decimal): Map<string, Decimal> {
	const last = isRecording() ? undefined : lastMix.get(key);
	if (last && last.b === b && last.u === u && last.share.eq(baseShare)) return last.weights;
	const usageShare = new Decimal(1).minus(baseShare);
	const weights = new Map<string, Decimal>();
	for (const [id, w] of b) weights.set(id, w.times(baseShare));
	for (const [id, w] of u) weights.set(id, (weights.get(id) ?? ZERO).plus(w.times(usageShare)));
	if (!isRecording()) lastMix.set(key, { share: baseShare, b, u, weights });
	return weights;
}

// A fixed key's weights by key, for the recipients they were made for (the lists of a computation are
// the same arrays every year): read-only, so every year of the computation takes the one map.
const fixedMaps = new WeakMap<
	Key,
	{ participants: readonly string[]; pools: readonly string[]; self: string | undefined; weights: Map<string, Decimal> }
>();

function fixedWeights(key: Extract<Key, { type: 'fixed' }>, ctx: KeyContext): Map<string, Decimal> {
	const known = fixedMaps.get(key);
	if (known && known.participants === ctx.participants && known.pools === ctx.pools && known.self === ctx.self)
		return known.weights;
	const weights = new Map<string, Decimal>();
	for (const [id, share] of fixedShares(key, ctx)) if (allowed(id, ctx)) weights.set(id, share);
	// While a kernel is recorded, nothing is kept: its computation stands apart.
	if (!isRecording()) fixedMaps.set(key, { participants: ctx.participants, pools: ctx.pools, self: ctx.self, weights });
	return weights;
}

// A fixed key's sentence, by key and recipients' names (a message is read-only data): every year reads it.
const fixedRules = new WeakMap<Key, { names: KeyContext['names']; rule: Message }>();

function fixedRule(key: Extract<Key, { type: 'fixed' }>, names: KeyContext['names']): Message {
	const known = fixedRules.get(key);
	if (known && known.names === names) return known.rule;
	const rule = message('key.fixed', {
		shares: Object.entries(key.shares).map(([id, s]) =>
			message('key.fixedShare', { name: names?.get(id) ?? id, share: s })
		)
	});
	fixedRules.set(key, { names, rule });
	return rule;
}

function rawWeights(key: Key, ctx: KeyContext): KeyWeights {
	switch (key.type) {
		case 'fixed':
			return { weights: fixedWeights(key, ctx), rule: fixedRule(key, ctx.names) };
		case 'even': {
			const weights = new Map(ctx.participants.map((p) => [p, new Decimal(1)]));
			return { weights, rule: message('key.even', { count: ctx.participants.length }) };
		}
		case 'driver':
			return {
				weights: driverValues(key.driver, ctx, `${key.path}.driver`),
				rule: message('key.driver', { driver: driverName(key.driver, ctx) })
			};
		case 'price-quantity':
			return priceQuantityWeights(key, ctx);
		case 'base-plus-usage': {
			const baseShare = weightToDecimal(key.baseShare);
			const b = normalisedKey(key.base, asBefore(key.base, rawWeights(key.base, ctx).weights), ctx);
			const u = normalisedKey(key.usage, asBefore(key.usage, rawWeights(key.usage, ctx).weights), ctx);
			const weights = mixed(key, b, u, baseShare);
			return {
				weights,
				rule: message('key.basePlusUsage', {
					percent: baseShare.times(100).toString(),
					base: key.base.type,
					usage: key.usage.type
				})
			};
		}
		case 'formula':
			return formulaWeights(key, ctx);
	}
}

/** Whether a key's weights depend on the cost it divides (a tariff with its deficit or surplus settled). */
export function readsCost(key: Key): boolean {
	switch (key.type) {
		case 'price-quantity':
			return key.price !== undefined || (key.settlement !== undefined && readsCost(key.settlement));
		case 'base-plus-usage':
			return readsCost(key.base) || readsCost(key.usage);
		default:
			return false;
	}
}

/** A tariff times each recipient's quantity, the deficit or surplus against cost settled by another key. */
function priceQuantityWeights(key: Extract<Key, { type: 'price-quantity' }>, ctx: KeyContext): KeyWeights {
	const quantities = driverValues(key.driver, ctx, `${key.path}.driver`);
	if (key.price === undefined || ctx.cost === undefined)
		return {
			weights: quantities,
			rule: message('key.priceQuantity', { driver: driverName(key.driver, ctx) })
		};
	const price = weightToDecimal(key.price);
	const charged = new Map([...quantities].map(([id, q]) => [id, price.times(q)]));
	const difference = ctx.cost.minus(sum(charged.values()));
	const settlementWeights = key.settlement ? rawWeights(key.settlement, ctx).weights : quantities;
	const shares = key.settlement ? normalisedKey(key.settlement, settlementWeights, ctx) : normalised(settlementWeights);
	const weights = new Map(charged);
	for (const [id, s] of shares) weights.set(id, (weights.get(id) ?? ZERO).plus(difference.times(s)));
	return {
		weights,
		rule: message('key.tariff', {
			price: String(key.price),
			driver: driverName(key.driver, ctx),
			...(difference.isNegative() ? { surplus: 1 } : {}),
			difference: difference.abs().toFixed(2),
			...(key.settlement ? { settlement: key.settlement.type } : {})
		})
	};
}

/** A formula over drivers, evaluated per recipient that has a value for every driver it names. */
function formulaWeights(key: Extract<Key, { type: 'formula' }>, ctx: KeyContext): KeyWeights {
	const check = checkFormula(key.expression);
	const weights = new Map<string, Decimal>();
	if (!check.ok) {
		const first = check.issues[0];
		ctx.env.issue(
			'formula_not_allowed',
			`${key.path}.expression`,
			first ? (first.messages ?? first.message) : { en: 'invalid formula', nl: 'ongeldige formule' }
		);
		return { weights, rule: message('key.formulaInvalid', { expression: key.expression }) };
	}
	const info = check.value;
	const recipients = [
		...ctx.participants.filter((p) => info.symbols.every((s) => ctx.drivers[s]?.values[p])),
		...ctx.pools.filter((p) => p !== ctx.self && info.symbols.every((s) => ctx.drivers[s]?.values[p]))
	];
	for (const id of recipients) {
		const variables: Record<string, Decimal> = {};
		for (const name of info.symbols) {
			const driver = ctx.drivers[name];
			const series = driver?.values[id];
			if (!driver || !series) {
				ctx.env.issue('no_value_in_force', `${key.path}.expression`, {
					en: `the formula uses ${name}, which has no values for ${id}`,
					nl: `de formule gebruikt ${name}, dat geen waarden heeft voor ${id}`
				});
				variables[name] = ZERO;
			} else variables[name] = ctx.env.number(series, ctx.year, `${driver.label.en} (${id})`, ctx.used);
		}
		try {
			weights.set(id, evaluateFormula(info, variables));
		} catch (error) {
			ctx.env.issue(
				error instanceof FormulaRangeError ? 'formula_out_of_range' : 'formula_error',
				`${key.path}.expression`,
				{
					en: `the formula cannot be evaluated for ${id}: ${(error as Error).message.replace('[model] ', '')}`,
					nl: `de formule is niet uit te rekenen voor ${id}: ${dutchFormulaError(error as Error)}`
				}
			);
			weights.set(id, ZERO);
		}
	}
	return { weights, rule: message('key.formula', { expression: key.expression }) };
}
