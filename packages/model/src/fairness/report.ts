// The fairness figures of a scenario game, as plain data for the CLI (`sp71 fairness`) and the
// app: stand-alone costs and savings, Shapley value and nucleolus (rounded to cents so that they
// add up exactly, with the exact fractions beside), the core verdict with the blocking
// coalitions, and who subsidises whom, per year (or NPV) and per inhabitant; with sentences.
import Fraction from 'fraction.js';
import { formatEuro, type Locale } from '../vocabulary/format.ts';
import { blockingCoalitions, byPlayer, formatFraction, solveGame } from '../game/index.ts';
import { roundPreservingTotal } from '../money/allocate.ts';
import { Decimal, formatAmount, sum } from '../money/decimal.ts';
import type { ScenarioGame } from './game.ts';
import { shownFairShares } from './shown.ts';

type ById = Readonly<Record<string, string>>;

/** One coalition that would be better off on its own than with the actual charges. */
export interface BlockingCoalitionReport {
	readonly members: readonly string[];
	/** What the coalition would pay on its own. */
	readonly cost: string;
	/** What its members actually pay together. */
	readonly charged: string;
	/** charged − cost: how much better off it would be alone. */
	readonly gain: string;
}

/** A participant's charge against two fair references: positive = pays more, subsidising others. */
export interface SubsidyReport {
	readonly vsShapley: string;
	readonly vsUsage: string;
	readonly vsShapleyPerInhabitant: string;
	readonly vsUsagePerInhabitant: string;
}

/** Everything `sp71 fairness` prints (amounts in euros as decimal strings). */
export interface FairnessReport {
	readonly scenarioId: string;
	readonly variantId: string | null;
	readonly basis:
		{ readonly year: number } | { readonly npv: true; readonly discountRate: string; readonly referenceYear: number };
	readonly players: readonly { readonly id: string; readonly name: string }[];
	readonly coalitions: readonly { readonly members: readonly string[]; readonly cost: string }[];
	readonly grand: string;
	readonly standAlone: ById;
	/** Σ of the stand-alone costs. */
	readonly standAloneTotal: string;
	readonly totalSavings: string;
	readonly charges: ById;
	/** standAlone − charge: what each participant saves by cooperating, as charged. */
	readonly savings: ById;
	readonly shapley: ById;
	readonly shapleySavings: ById;
	readonly nucleolus: ById;
	readonly nucleolusSavings: ById;
	readonly usage: ById;
	readonly coreNonEmpty: boolean;
	readonly leastCore: string;
	readonly inCore: boolean;
	readonly blockingCoalitions: readonly BlockingCoalitionReport[];
	readonly subsidy: Readonly<Record<string, SubsidyReport>>;
	readonly exact: { readonly shapley: ById; readonly nucleolus: ById };
	readonly sentences: { readonly nl: readonly string[]; readonly en: readonly string[] };
	readonly verdict: { readonly nl: string; readonly en: string };
}

function toDecimal(f: Fraction): Decimal {
	const value = new Decimal(f.n.toString()).dividedBy(f.d.toString());
	return f.s < 0n ? value.negated() : value;
}

/** Exact shares rounded to cents that add up exactly to `total` (largest remainder, ties by id). */
function centsPreservingTotal(
	players: readonly string[],
	exact: readonly Fraction[],
	total: Decimal
): Map<string, Decimal> {
	return roundPreservingTotal(new Map(players.map((id, i) => [id, toDecimal(exact[i]!)])), total);
}

const amounts = (map: ReadonlyMap<string, Decimal>): Record<string, string> =>
	Object.fromEntries([...map].map(([id, v]) => [id, formatAmount(v)]));

function perInhabitant(amount: Decimal, inhabitants: Decimal | undefined): string {
	return !inhabitants || inhabitants.isZero() ? '0.00' : formatAmount(amount.dividedBy(inhabitants));
}

/** An amount a sentence speaks of: the exact one decides its words, the shown one is quoted. */
interface Quoted {
	readonly exact: Decimal;
	readonly shown: Decimal;
}

function sentence(locale: Locale, name: string, saving: Quoted, vsShapley: Quoted, when: string): string {
	const euro = (q: Quoted): string => formatEuro(q.shown.abs(), locale);
	if (locale === 'nl') {
		const alone = saving.exact.isZero()
			? `${name} betaalt ${when} evenveel als alleen`
			: `${name} betaalt ${when} ${euro(saving)} ${saving.exact.isNegative() ? 'meer' : 'minder'} dan alleen`;
		const fair = vsShapley.exact.isZero()
			? 'precies zijn Shapley-waarde'
			: `naar de Shapley-waarde zou het ${euro(vsShapley)} ${vsShapley.exact.isNegative() ? 'meer' : 'minder'} betalen`;
		return `${alone}; ${fair}.`;
	}
	const alone = saving.exact.isZero()
		? `${name} pays ${when} as much as alone`
		: `${name} pays ${when} ${euro(saving)} ${saving.exact.isNegative() ? 'more' : 'less'} than alone`;
	const fair = vsShapley.exact.isZero()
		? 'exactly its Shapley value'
		: `by the Shapley value it would pay ${euro(vsShapley)} ${vsShapley.exact.isNegative() ? 'more' : 'less'}`;
	return `${alone}; ${fair}.`;
}

type Amounts = ReadonlyMap<string, Decimal>;

/** Per participant, a − b. */
function minus(players: readonly string[], a: Amounts, b: Amounts): Map<string, Decimal> {
	return new Map(players.map((id) => [id, a.get(id)!.minus(b.get(id)!)]));
}

/** Each participant's charge against its Shapley value and its usage-key charge, in total and per inhabitant. */
function subsidyReports(sg: ScenarioGame, vsShapley: Amounts, vsUsage: Amounts): Record<string, SubsidyReport> {
	return Object.fromEntries(
		sg.game.players.map((id) => [
			id,
			{
				vsShapley: formatAmount(vsShapley.get(id)!),
				vsUsage: formatAmount(vsUsage.get(id)!),
				vsShapleyPerInhabitant: perInhabitant(vsShapley.get(id)!, sg.inhabitants.get(id)),
				vsUsagePerInhabitant: perInhabitant(vsUsage.get(id)!, sg.inhabitants.get(id))
			}
		])
	);
}

/** The coalitions that would be better off on their own than with the actual charges. */
function blockingReports(sg: ScenarioGame): BlockingCoalitionReport[] {
	const { game, charges } = sg;
	const blocking = blockingCoalitions(
		game.players.length,
		'cost',
		game.worth,
		game.players.map((id) => new Fraction(charges.get(id)!.toFixed(2)))
	);
	return blocking.map((b) => {
		const coalition = sg.coalitions[b.mask - 1]!;
		const charged = sum(coalition.members.map((m) => charges.get(m)!));
		return {
			members: coalition.members,
			cost: formatAmount(coalition.cost),
			charged: formatAmount(charged),
			gain: formatAmount(charged.minus(coalition.cost))
		};
	});
}

/** The core verdict in both languages: in the core, or the first blocking coalition and how many more. */
function verdict(
	reports: readonly BlockingCoalitionReport[],
	coreNonEmpty: boolean,
	nameOf: (id: string) => string
): { nl: string; en: string } {
	const first = reports[0];
	const group = (ids: readonly string[]): string => ids.map(nameOf).join(', ');
	const verdictNl = first
		? `De werkelijke verdeling ligt niet in de kern: ${group(first.members)} zou${first.members.length > 1 ? 'den samen' : ''} ${formatEuro(new Decimal(first.gain), 'nl')} goedkoper uit zijn zonder de anderen${reports.length > 1 ? ` (en ${reports.length - 1} andere groep${reports.length > 2 ? 'en' : ''} ook)` : ''}.`
		: 'De werkelijke verdeling ligt in de kern: geen gemeente en geen groep gemeenten is alleen goedkoper uit.';
	const verdictEn = first
		? `The actual charges are not in the core: ${group(first.members)} would be ${formatEuro(new Decimal(first.gain), 'en')} better off without the others${reports.length > 1 ? ` (and ${reports.length - 1} other group${reports.length > 2 ? 's' : ''} too)` : ''}.`
		: 'The actual charges are in the core: no municipality and no group of municipalities is better off alone.';
	const emptyNl = coreNonEmpty ? '' : ' De kern is leeg: geen enkele verdeling houdt iedereen binnen.';
	const emptyEn = coreNonEmpty ? '' : ' The core is empty: no division keeps everyone in.';
	return { nl: verdictNl + emptyNl, en: verdictEn + emptyEn };
}

/** The basis as reported: the year, or the NPV with its discount rate and reference year. */
function reportBasis(sg: ScenarioGame): FairnessReport['basis'] {
	return 'year' in sg.basis
		? { year: sg.basis.year }
		: { npv: true, discountRate: sg.discountRate.toString(), referenceYear: sg.referenceYear };
}

/** Solve the game of a scenario and report every fairness figure. */
export function fairnessReport(sg: ScenarioGame): FairnessReport {
	const { game, scenario } = sg;
	const players = game.players;
	const names = new Map(scenario.participants.map((p) => [p.id, p.name]));
	const solution = solveGame(game);
	const grand = sg.coalitions[sg.coalitions.length - 1]!.cost;
	const standAlone = new Map(players.map((id, i) => [id, toDecimal(solution.standAlone[i]!)]));
	const totalSavings = sum(standAlone.values()).minus(grand);
	const shapley = centsPreservingTotal(players, solution.shapley, grand);
	const nucleolus = centsPreservingTotal(players, solution.nucleolus, grand);
	const charges = sg.charges;
	const vsShapley = minus(players, charges, shapley);
	const vsUsage = minus(players, charges, sg.usage);
	const savings = minus(players, standAlone, charges);
	const whenNl = 'year' in sg.basis ? `in ${sg.basis.year}` : 'over de looptijd (contante waarde)';
	const whenEn = 'year' in sg.basis ? `in ${sg.basis.year}` : 'over the horizon (net present value)';
	const nameOf = (id: string): string => names.get(id) ?? id;
	const blocking = blockingReports(sg);
	const figures = {
		scenarioId: sg.run.scenarioId,
		variantId: sg.run.variantId,
		basis: reportBasis(sg),
		players: players.map((id) => ({ id, name: nameOf(id) })),
		coalitions: sg.coalitions.map((c) => ({ members: c.members, cost: formatAmount(c.cost) })),
		grand: formatAmount(grand),
		standAlone: amounts(standAlone),
		standAloneTotal: formatAmount(sum(standAlone.values())),
		totalSavings: formatAmount(totalSavings),
		charges: amounts(charges),
		savings: amounts(savings),
		shapley: amounts(shapley),
		shapleySavings: amounts(minus(players, standAlone, shapley)),
		nucleolus: amounts(nucleolus),
		nucleolusSavings: amounts(minus(players, standAlone, nucleolus)),
		usage: amounts(sg.usage),
		coreNonEmpty: solution.coreNonEmpty,
		leastCore: formatAmount(toDecimal(solution.leastCore)),
		inCore: blocking.length === 0,
		blockingCoalitions: blocking,
		subsidy: subsidyReports(sg, vsShapley, vsUsage),
		exact: {
			shapley: byPlayer(players, solution.shapley, formatFraction),
			nucleolus: byPlayer(players, solution.nucleolus, formatFraction)
		}
	};
	// The sentences quote their figures as the fair-shares table shows them (fairness/shown.ts), so a
	// sentence and its table never differ by a euro; the exact figures decide the words.
	const shown = shownFairShares(figures).players;
	const say = (locale: Locale, when: string) =>
		players.map((id, i) =>
			sentence(
				locale,
				nameOf(id),
				{ exact: savings.get(id)!, shown: shown[i]!.saving },
				{
					exact: vsShapley.get(id)!,
					shown: shown[i]!.vsShapley
				},
				when
			)
		);
	return {
		...figures,
		sentences: { nl: say('nl', whenNl), en: say('en', whenEn) },
		verdict: verdict(blocking, solution.coreNonEmpty, nameOf)
	};
}
