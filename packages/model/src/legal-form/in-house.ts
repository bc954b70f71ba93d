// The cost of running bedrijfsvoering in-house for one municipality or a group in a year: per
// service pool costPerFte × F_ref × (F / F_ref)^b, indexed from the price year with the scenario's
// wage and price indices, rounded to cents per service. With a trace, like every other figure.
import type { TraceNode } from '../domain/result.ts';
import { Decimal, ZERO, formatAmount, power, roundToCents, sum, toDecimal } from '../money/decimal.ts';
import { entryAt, leafInput, yearDate, type UsedInput } from '../scenario/resolve.ts';
import type { Leaf, Scenario, Series } from '../scenario/types.ts';
import type { InHouseSettings } from '../scenario/in-house.ts';
import type { Locale } from '../vocabulary/format.ts';
import type { IssueText } from '../domain/issue.ts';
import { message, renderMessage } from '../vocabulary/messages.ts';

const ONE = new Decimal(1);

/** A data problem: a value the in-house computation needs is not in force. */
export class InHouseError extends Error {
	/** The problem in both languages, for the issue a caller makes of it. */
	readonly texts: IssueText;
	constructor(
		readonly path: string,
		message: IssueText
	) {
		super(`[model] ${path}: ${typeof message === 'string' ? message : message.en}`);
		this.name = 'InHouseError';
		this.texts = message;
	}
}

/** The in-house cost of a group in a year, per service pool, with its trace. */
export interface InHouseCost {
	readonly year: number;
	readonly members: readonly string[];
	/** Σ of the members' size driver (e.g. own FTE). */
	readonly size: Decimal;
	readonly services: ReadonlyMap<string, Decimal>;
	readonly total: Decimal;
	readonly trace: TraceNode;
}

/** The leaf of `series` in force in `year`, recorded in `inputs`; throws InHouseError when none is. */
export function leafAt(series: Series<Leaf>, year: number, label: string, inputs: UsedInput[]): Decimal {
	const entry = entryAt(series, yearDate(year));
	if (!entry?.value)
		throw new InHouseError(series.path, {
			en: `no ${label} is in force on ${yearDate(year)}`,
			nl: `er is op ${yearDate(year)} geen waarde van kracht`
		});
	inputs.push(leafInput(entry.value, label, entry.from, entry.value.path, yearDate(year)));
	return toDecimal(entry.value.value);
}

/** The settings, or an error naming the missing section. */
export function inHouseSettings(scenario: Scenario): InHouseSettings {
	if (!scenario.inHouse)
		throw new InHouseError('inHouse', {
			en: 'the scenario has no in-house settings (inHouse)',
			nl: 'het scenario heeft geen instellingen voor in-house (inHouse)'
		});
	return scenario.inHouse;
}

/** Σ of the members' size driver in `year`. */
export function groupSize(scenario: Scenario, members: readonly string[], year: number, inputs: UsedInput[]): Decimal {
	const settings = inHouseSettings(scenario);
	const driver = scenario.drivers[settings.sizeDriver]!;
	return sum(
		members.map((m) => {
			const series = driver.values[m];
			if (!series)
				throw new InHouseError(`drivers.${driver.id}.values.${m}`, {
					en: `no ${driver.id} for ${m}`,
					nl: `er is geen ${driver.id} voor ${m}`
				});
			return leafAt(series, year, `${driver.label.en} of ${m}`, inputs);
		})
	);
}

/** Π over priceYear+1 … year of (1 + wageShare × wage index + (1 − wageShare) × price index). */
export function inHouseIndex(scenario: Scenario, year: number, inputs: UsedInput[]): Decimal {
	const settings = inHouseSettings(scenario);
	let factor = ONE;
	for (let y = settings.priceYear + 1; y <= year; y++) {
		const ws = leafAt(settings.wageShare, y, 'in-house wage share', inputs);
		const { wage, price } = scenario.indexation;
		const w = ws.isZero() || !wage ? ZERO : leafAt(wage, y, 'wage index', inputs);
		const p = ws.equals(ONE) || !price ? ZERO : leafAt(price, y, 'price index', inputs);
		factor = factor.times(ONE.plus(ws.times(w)).plus(ONE.minus(ws).times(p)));
	}
	return factor;
}

/** The scale factor (size / reference size)^b of the cost function, and b. */
export function scaleFactor(
	scenario: Scenario,
	size: Decimal,
	year: number,
	inputs: UsedInput[]
): { perFte: Decimal; reference: Decimal; exponent: Decimal } {
	const settings = inHouseSettings(scenario);
	const reference = leafAt(settings.referenceSize, year, 'in-house reference size', inputs);
	const exponent = leafAt(settings.exponent, year, 'in-house scale exponent', inputs);
	if (reference.isZero() || size.isZero())
		throw new InHouseError('inHouse.referenceSize', {
			en: 'the in-house sizes must be greater than zero',
			nl: 'de omvang in-house moet groter dan nul zijn'
		});
	// cost = costPerFte × F_ref × (F/F_ref)^b = costPerFte × F × (F/F_ref)^(b−1): the per-FTE factor.
	return { perFte: power(size.dividedBy(reference), exponent.minus(1)), reference, exponent };
}

/** The in-house cost of `members` (one municipality or a group sharing one own organisation) in `year`. */
export function inHouseCost(
	scenario: Scenario,
	members: readonly string[],
	year: number,
	locale: Locale = 'en'
): InHouseCost {
	const settings = inHouseSettings(scenario);
	const nameOf = (id: string) => scenario.participants.find((p) => p.id === id)?.name ?? id;
	const sizeInputs: UsedInput[] = [];
	const size = groupSize(scenario, members, year, sizeInputs);
	const scaleInputs: UsedInput[] = [];
	const { perFte, reference, exponent } = scaleFactor(scenario, size, year, scaleInputs);
	const indexInputs: UsedInput[] = [];
	const index = inHouseIndex(scenario, year, indexInputs);
	const services = new Map<string, Decimal>();
	const children: TraceNode[] = [];
	for (const pool of scenario.pools) {
		if (pool.kind !== 'service') continue;
		const series = settings.services[pool.id];
		if (!series)
			throw new InHouseError(`inHouse.services.${pool.id}`, {
				en: `no in-house cost per FTE for ${pool.id}`,
				nl: `er zijn geen in-house kosten per fte voor ${pool.id}`
			});
		const inputs: UsedInput[] = [];
		const unit = leafAt(series, year, `in-house cost per FTE of ${pool.name}`, inputs);
		const amount = roundToCents(unit.times(size).times(perFte).times(index));
		services.set(pool.id, amount);
		children.push({
			id: `inhouse.${members.join('+')}.${year}.${pool.id}`,
			label: pool.name,
			value: formatAmount(amount),
			kind: 'euro',
			rule: renderMessage(
				message('rule.inHouseService', {
					unit: unit.toFixed(2),
					size: size.toString(),
					reference: reference.toString(),
					exponent: exponent.toString(),
					index: index.toSignificantDigits(8).toString()
				}),
				locale
			),
			inputs
		});
	}
	const total = sum(services.values());
	return {
		year,
		members,
		size,
		services,
		total,
		trace: {
			id: `inhouse.${members.join('+')}.${year}`,
			label: renderMessage(message('label.inHouse', { members: members.map(nameOf), year }), locale),
			value: formatAmount(total),
			kind: 'euro',
			rule: renderMessage(
				message('rule.inHouseTotal', {
					size: size.toString(),
					driver: settings.sizeDriver,
					reference: reference.toString(),
					exponent: exponent.toString(),
					from: settings.priceYear,
					year
				}),
				locale
			),
			inputs: [...sizeInputs, ...scaleInputs, ...indexInputs],
			children
		}
	};
}
