// The cooperative cost game of a scenario: for every coalition S of participants, what S pays
// for its bedrijfsvoering when its members share one back office under the scenario's legal
// form and everyone outside is in-house. A single municipality runs in-house (the cost function
// of inhouse/cost.ts); the grand coalition is the scenario itself; any other coalition is the
// scenario restricted to S (restrict.ts), validated and computed by the model. For one year, or
// as the net present value over the horizon at the scenario's discount rate; in whole cents.
import Fraction from 'fraction.js';
import { comparisonOptions } from '../compare/compare-scenarios.ts';
import type { RunResult, TraceNode } from '../domain/result.ts';
import { grandMask, membersOf, MAX_PLAYERS, type Game } from '../game/index.ts';
import { InHouseError, groupSize, inHouseCost, leafAt, inHouseSettings } from '../legal-form/in-house.ts';
import { runScenario, ScenarioError, tryRunScenario } from '../legal-form/run.ts';
import { roundPreservingTotal } from '../money/allocate.ts';
import { Decimal, ZERO, formatAmount, roundToCents, sum, toDecimal } from '../money/decimal.ts';
import { valueAt, type UsedInput } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/types.ts';
import { validateStructure } from '../scenario/validate.ts';
import { restrictRaw } from '../scenario/restrict.ts';

/** One year, or the net present value over the horizon. */
export type GameBasis = { readonly year: number } | { readonly npv: true };

/** A coalition's cost with its trace. */
export interface CoalitionCost {
	readonly mask: number;
	readonly members: readonly string[];
	/** On the chosen basis, in whole cents. */
	readonly cost: Decimal;
	readonly perYear: ReadonlyMap<number, Decimal>;
	readonly trace: TraceNode;
}

/** The game of a scenario and everything the fairness figures compare it with. */
export interface ScenarioGame {
	readonly scenario: Scenario;
	readonly basis: GameBasis;
	readonly years: readonly number[];
	readonly discountRate: Decimal;
	readonly referenceYear: number;
	readonly game: Game;
	readonly coalitions: readonly CoalitionCost[];
	/** What each participant actually pays in the scenario (adds up to the grand coalition's cost). */
	readonly charges: ReadonlyMap<string, Decimal>;
	/** What each would pay under a pure usage key (its share of each service's usage driver). */
	readonly usage: ReadonlyMap<string, Decimal>;
	/** Inhabitants in the year (for the NPV: in the reference year), for amounts per inhabitant. */
	readonly inhabitants: ReadonlyMap<string, Decimal>;
	readonly run: RunResult;
}

const ONE = new Decimal(1);

function totalsByYear(run: RunResult, members: readonly string[], years: readonly number[]): Map<number, Decimal> {
	const keep = new Set(members);
	return new Map(
		years.map((y) => [
			y,
			sum(run.rows.filter((r) => r.year === y && keep.has(r.participant)).map((r) => toDecimal(r.total)))
		])
	);
}

function discount(
	perYear: ReadonlyMap<number, Decimal>,
	basis: GameBasis,
	rate: Decimal,
	referenceYear: number
): Decimal {
	if ('year' in basis) return perYear.get(basis.year)!;
	return sum([...perYear].map(([y, v]) => v.dividedBy(rate.plus(1).pow(y - referenceYear))));
}

/** The usage-key charges of one year: c(N) split by each participant's weighted share of the usage drivers. */
function usageWeights(scenario: Scenario, run: RunResult, year: number): Map<string, Decimal> {
	const drivers = scenario.fairness?.usageDrivers;
	if (!drivers)
		throw new InHouseError('fairness.usageDrivers', {
			en: 'the scenario names no usage drivers (fairness.usageDrivers)',
			nl: 'het scenario noemt geen verdeelgrondslagen voor gebruik (fairness.usageDrivers)'
		});
	const rows = run.rows.filter((r) => r.year === year);
	const services = scenario.pools.filter((p) => p.kind === 'service');
	const poolTotals = new Map(services.map((p) => [p.id, sum(rows.map((r) => toDecimal(r.pools[p.id] ?? '0')))]));
	const all = sum(poolTotals.values());
	const weights = new Map<string, Decimal>(scenario.participants.map((p) => [p.id, ZERO]));
	for (const pool of services) {
		const driver = scenario.drivers[drivers[pool.id]!]!;
		const values = new Map(
			scenario.participants.map((p) => {
				const series = driver.values[p.id];
				const leaf = series ? valueAt(series, year) : undefined;
				return [p.id, leaf ? toDecimal(leaf.value) : ZERO];
			})
		);
		const driverTotal = sum(values.values());
		if (driverTotal.isZero() || all.isZero()) continue;
		for (const [id, v] of values)
			weights.set(id, weights.get(id)!.plus(poolTotals.get(pool.id)!.dividedBy(all).times(v).dividedBy(driverTotal)));
	}
	return weights;
}

/** The settings every coalition's cost needs: the players, their sizes and the discounting. */
interface GameContext {
	readonly scenario: Scenario;
	readonly basis: GameBasis;
	readonly players: readonly string[];
	readonly years: readonly number[];
	readonly rate: Decimal;
	readonly referenceYear: number;
	readonly run: RunResult;
	readonly grand: number;
	readonly sizeInputs: readonly UsedInput[];
	readonly sizes: ReadonlyMap<string, Decimal>;
	readonly fullSize: Decimal;
	readonly exponent: Decimal;
	readonly nameList: (ids: readonly string[]) => string;
}

/** Check that the scenario can be a game: nobody in-house yet, and not too many participants. */
function checkPlayers(scenario: Scenario): string[] {
	const settings = inHouseSettings(scenario);
	if (settings.members.length > 0)
		throw new InHouseError('inHouse.members', {
			en: `the scenario already puts ${settings.members.map((m) => m.participant).join(', ')} in-house; the game needs every participant in the shared back office`,
			nl: `het scenario brengt ${settings.members.map((m) => m.participant).join(', ')} al in-house onder; het spel vraagt dat elke deelnemer in de gedeelde bedrijfsvoering zit`
		});
	const players = scenario.participants.map((p) => p.id);
	if (players.length > MAX_PLAYERS)
		throw new InHouseError('participants', {
			en: `a game of more than ${MAX_PLAYERS} participants is not computed`,
			nl: `een spel met meer dan ${MAX_PLAYERS} deelnemers wordt niet berekend`
		});
	return players;
}

/** The years of the horizon the basis covers: all of them for the NPV, else the one year (which must lie in it). */
function basisYears(scenario: Scenario, basis: GameBasis): number[] {
	const years: number[] = [];
	for (let y = scenario.horizon.from; y <= scenario.horizon.to; y++)
		if (!('year' in basis) || y === basis.year) years.push(y);
	if (years.length === 0)
		throw new InHouseError('year', {
			en: `${'year' in basis ? basis.year : ''} lies outside the horizon ${scenario.horizon.from}–${scenario.horizon.to}`,
			nl: `${'year' in basis ? basis.year : ''} ligt buiten de horizon ${scenario.horizon.from}–${scenario.horizon.to}`
		});
	return years;
}

/** Gather what every coalition's cost needs, running the scenario itself once. */
function gameContext(scenario: Scenario, basis: GameBasis): GameContext {
	const settings = inHouseSettings(scenario);
	const players = checkPlayers(scenario);
	const years = basisYears(scenario, basis);
	const options = comparisonOptions(scenario);
	const rate = toDecimal(options.discountRate ?? '0');
	const referenceYear = options.referenceYear ?? scenario.horizon.from;
	const run = runScenario(scenario);
	const grand = grandMask(players.length);
	const sizeInputs: UsedInput[] = [];
	const sizes = new Map(players.map((id) => [id, groupSize(scenario, [id], scenario.referenceYear, sizeInputs)]));
	const fullSize = sum(sizes.values());
	const exponent = leafAt(settings.exponent, scenario.referenceYear, 'in-house scale exponent', []);
	const names = new Map(scenario.participants.map((p) => [p.id, p.name]));
	const nameList = (ids: readonly string[]): string => ids.map((id) => names.get(id) ?? id).join(', ');
	return {
		scenario,
		basis,
		players,
		years,
		rate,
		referenceYear,
		run,
		grand,
		sizeInputs,
		sizes,
		fullSize,
		exponent,
		nameList
	};
}

/** A coalition's cost per year with its rule and trace children, before discounting. */
interface CoalitionYears {
	readonly perYear: Map<number, Decimal>;
	readonly rule: string;
	readonly children: TraceNode[];
}

/** A proper sub-coalition: the scenario restricted to it, its pools scaled by (F_S / F_N)^b, run by the model. */
function restrictedCost(ctx: GameContext, members: readonly string[]): CoalitionYears {
	const { scenario, sizes, players, fullSize, exponent } = ctx;
	const size = sum(members.map((m) => sizes.get(m)!));
	const factor = size.dividedBy(fullSize).pow(exponent);
	const host = [...members].sort(
		(a, b) => sizes.get(b)!.comparedTo(sizes.get(a)!) || players.indexOf(a) - players.indexOf(b)
	)[0]!;
	const restricted = validateStructure(restrictRaw(scenario.raw, members, factor, host));
	if (!restricted.ok) throw new ScenarioError(restricted.issues);
	const result = tryRunScenario(restricted.value);
	if (!result.ok) throw new ScenarioError(result.issues);
	return {
		perYear: totalsByYear(result.value, members, ctx.years),
		rule: `the scenario restricted to ${ctx.nameList(members)}: the shared pools' costs × (F_S / F_N)^b = (${size.toString()} / ${fullSize.toString()})^${exponent.toString()} = ${factor.toSignificantDigits(8).toString()}, computed by the model`,
		children: []
	};
}

/** A coalition's cost per year: in-house for one alone, the scenario itself for all, else the restricted scenario. */
function coalitionYears(ctx: GameContext, mask: number, members: readonly string[]): CoalitionYears {
	if (members.length === 1 && ctx.players.length > 1) {
		const costs = ctx.years.map((y) => inHouseCost(ctx.scenario, members, y));
		return {
			perYear: new Map(costs.map((c) => [c.year, c.total])),
			rule: `${ctx.nameList(members)} alone runs its bedrijfsvoering in-house (the in-house cost function)`,
			children: costs.map((c) => c.trace)
		};
	}
	if (mask === ctx.grand)
		return {
			perYear: totalsByYear(ctx.run, members, ctx.years),
			rule: `the scenario as it is: Σ of every participant's total cost`,
			children: []
		};
	return restrictedCost(ctx, members);
}

/** The cost of coalition `mask` on the game's basis, in whole cents, with its trace. */
function coalitionCost(ctx: GameContext, mask: number): CoalitionCost {
	const { basis, rate, referenceYear, grand, sizeInputs, nameList } = ctx;
	const members = membersOf(mask).map((i) => ctx.players[i]!);
	const { perYear, rule, children: own } = coalitionYears(ctx, mask, members);
	const cost = roundToCents(discount(perYear, basis, rate, referenceYear));
	const children = [
		...[...perYear].map(([y, v]): TraceNode => ({
			id: `coalition.${members.join('+')}.${y}.total`,
			label: `${y}`,
			value: formatAmount(v)
		})),
		...own
	];
	return {
		mask,
		members,
		cost,
		perYear,
		trace: {
			id: `coalition.${members.join('+')}`,
			label: `Coalition ${nameList(members)}`,
			value: formatAmount(cost),
			kind: 'euro',
			rule: 'year' in basis ? rule : `${rule}; net present value at ${rate.toString()} to ${referenceYear}`,
			...(sizeInputs.length && mask !== grand
				? { inputs: sizeInputs.filter((i) => members.some((m) => i.path.includes(`.${m}.`))) }
				: {}),
			children
		}
	};
}

/** What each participant actually pays on the basis, rounded to add up to the grand coalition's cost. */
function actualCharges(ctx: GameContext, grandCost: Decimal): Map<string, Decimal> {
	const { run, years, basis, rate, referenceYear } = ctx;
	const exactCharges = new Map(
		ctx.players.map((id) => [id, discount(totalsByYear(run, [id], years), basis, rate, referenceYear)])
	);
	return roundPreservingTotal(exactCharges, grandCost);
}

/** What each would pay under the pure usage key on the basis, rounded to add up to the grand coalition's cost. */
function usageCharges(ctx: GameContext, grandCoalition: CoalitionCost): Map<string, Decimal> {
	const { basis, rate, referenceYear } = ctx;
	const exactUsage = new Map(ctx.players.map((id) => [id, ZERO]));
	for (const y of ctx.years) {
		const weights = usageWeights(ctx.scenario, ctx.run, y);
		const yearTotal = grandCoalition.perYear.get(y)!;
		const factor = 'year' in basis ? ONE : ONE.dividedBy(rate.plus(1).pow(y - referenceYear));
		for (const id of ctx.players)
			exactUsage.set(id, exactUsage.get(id)!.plus(yearTotal.times(weights.get(id)!).times(factor)));
	}
	return roundPreservingTotal(exactUsage, grandCoalition.cost);
}

/** Inhabitants in the basis year (for the NPV: in the scenario's reference year). */
function inhabitantsOf(ctx: GameContext): Map<string, Decimal> {
	const inhabitantsYear = 'year' in ctx.basis ? ctx.basis.year : ctx.scenario.referenceYear;
	return new Map(
		ctx.players.map((id) => [
			id,
			toDecimal(ctx.run.rows.find((r) => r.participant === id && r.year === inhabitantsYear)?.inhabitants ?? '0')
		])
	);
}

/**
 * Build the cost game of `scenario` (a baseline or a variant with nobody in-house).
 * @throws InHouseError when the in-house settings are missing or a variant already puts someone in-house
 * @throws ScenarioError when a restricted scenario cannot be computed
 */
export function scenarioGame(scenario: Scenario, basis: GameBasis): ScenarioGame {
	const ctx = gameContext(scenario, basis);
	const coalitions: CoalitionCost[] = [];
	for (let mask = 1; mask <= ctx.grand; mask++) coalitions.push(coalitionCost(ctx, mask));
	const grandCoalition = coalitions[ctx.grand - 1]!;
	const charges = actualCharges(ctx, grandCoalition.cost);
	const usage = usageCharges(ctx, grandCoalition);
	const inhabitants = inhabitantsOf(ctx);
	const worth = [new Fraction(0), ...coalitions.map((c) => new Fraction(c.cost.toFixed(2)))];
	return {
		scenario,
		basis,
		years: ctx.years,
		discountRate: ctx.rate,
		referenceYear: ctx.referenceYear,
		game: { players: ctx.players, kind: 'cost', worth },
		coalitions,
		charges,
		usage,
		inhabitants,
		run: ctx.run
	};
}
