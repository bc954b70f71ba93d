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
		throw new InHouseError('fairness.usageDrivers', 'the scenario names no usage drivers (fairness.usageDrivers)');
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

/**
 * Build the cost game of `scenario` (a baseline or a variant with nobody in-house).
 * @throws InHouseError when the in-house settings are missing or a variant already puts someone in-house
 * @throws ScenarioError when a restricted scenario cannot be computed
 */
export function scenarioGame(scenario: Scenario, basis: GameBasis): ScenarioGame {
	const settings = inHouseSettings(scenario);
	if (settings.members.length > 0)
		throw new InHouseError(
			'inHouse.members',
			`the scenario already puts ${settings.members.map((m) => m.participant).join(', ')} in-house; the game needs every participant in the shared back office`
		);
	const players = scenario.participants.map((p) => p.id);
	if (players.length > MAX_PLAYERS)
		throw new InHouseError('participants', `a game of more than ${MAX_PLAYERS} participants is not computed`);
	const years: number[] = [];
	for (let y = scenario.horizon.from; y <= scenario.horizon.to; y++)
		if (!('year' in basis) || y === basis.year) years.push(y);
	if (years.length === 0)
		throw new InHouseError(
			'year',
			`${'year' in basis ? basis.year : ''} lies outside the horizon ${scenario.horizon.from}–${scenario.horizon.to}`
		);
	const options = comparisonOptions(scenario);
	const rate = toDecimal(options.discountRate ?? '0');
	const referenceYear = options.referenceYear ?? scenario.horizon.from;
	const run = runScenario(scenario);
	const n = players.length;
	const grand = grandMask(n);
	const sizeInputs: UsedInput[] = [];
	const sizes = new Map(players.map((id) => [id, groupSize(scenario, [id], scenario.referenceYear, sizeInputs)]));
	const fullSize = sum(sizes.values());
	const exponent = leafAt(settings.exponent, scenario.referenceYear, 'in-house scale exponent', []);
	const names = new Map(scenario.participants.map((p) => [p.id, p.name]));
	const nameList = (ids: readonly string[]): string => ids.map((id) => names.get(id) ?? id).join(', ');

	const coalitions: CoalitionCost[] = [];
	for (let mask = 1; mask <= grand; mask++) {
		const members = membersOf(mask).map((i) => players[i]!);
		let perYear: Map<number, Decimal>;
		let rule: string;
		let children: TraceNode[];
		if (members.length === 1 && n > 1) {
			const costs = years.map((y) => inHouseCost(scenario, members, y));
			perYear = new Map(costs.map((c) => [c.year, c.total]));
			rule = `${nameList(members)} alone runs its bedrijfsvoering in-house (the in-house cost function)`;
			children = costs.map((c) => c.trace);
		} else if (mask === grand) {
			perYear = totalsByYear(run, members, years);
			rule = `the scenario as it is: Σ of every participant's total cost`;
			children = [];
		} else {
			const size = sum(members.map((m) => sizes.get(m)!));
			const factor = size.dividedBy(fullSize).pow(exponent);
			const host = [...members].sort(
				(a, b) => sizes.get(b)!.comparedTo(sizes.get(a)!) || players.indexOf(a) - players.indexOf(b)
			)[0]!;
			const restricted = validateStructure(restrictRaw(scenario.raw, members, factor, host));
			if (!restricted.ok) throw new ScenarioError(restricted.issues);
			const result = tryRunScenario(restricted.value);
			if (!result.ok) throw new ScenarioError(result.issues);
			perYear = totalsByYear(result.value, members, years);
			rule = `the scenario restricted to ${nameList(members)}: the shared pools' costs × (F_S / F_N)^b = (${size.toString()} / ${fullSize.toString()})^${exponent.toString()} = ${factor.toSignificantDigits(8).toString()}, computed by the model`;
			children = [];
		}
		const cost = roundToCents(discount(perYear, basis, rate, referenceYear));
		children = [
			...[...perYear].map(([y, v]): TraceNode => ({
				id: `coalition.${members.join('+')}.${y}.total`,
				label: `${y}`,
				value: formatAmount(v)
			})),
			...children
		];
		coalitions.push({
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
		});
	}
	const grandCost = coalitions[grand - 1]!.cost;
	const exactCharges = new Map(
		players.map((id) => [id, discount(totalsByYear(run, [id], years), basis, rate, referenceYear)])
	);
	const charges = roundPreservingTotal(exactCharges, grandCost);
	const exactUsage = new Map(players.map((id) => [id, ZERO]));
	for (const y of years) {
		const weights = usageWeights(scenario, run, y);
		const yearTotal = coalitions[grand - 1]!.perYear.get(y)!;
		const factor = 'year' in basis ? ONE : ONE.dividedBy(rate.plus(1).pow(y - referenceYear));
		for (const id of players)
			exactUsage.set(id, exactUsage.get(id)!.plus(yearTotal.times(weights.get(id)!).times(factor)));
	}
	const usage = roundPreservingTotal(exactUsage, grandCost);
	const inhabitantsYear = 'year' in basis ? basis.year : scenario.referenceYear;
	const inhabitants = new Map(
		players.map((id) => [
			id,
			toDecimal(run.rows.find((r) => r.participant === id && r.year === inhabitantsYear)?.inhabitants ?? '0')
		])
	);
	const worth = [new Fraction(0), ...coalitions.map((c) => new Fraction(c.cost.toFixed(2)))];
	return {
		scenario,
		basis,
		years,
		discountRate: rate,
		referenceYear,
		game: { players, kind: 'cost', worth },
		coalitions,
		charges,
		usage,
		inhabitants,
		run
	};
}
