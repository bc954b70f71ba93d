// A variant against a base: per participant × year × component both values and the difference,
// cumulative difference, net present value, payback year, euros per inhabitant, headline sentences in
// Dutch and English (with a tolerance), and no-op detection with the reason.
import {
	COMPONENTS,
	type Comparison,
	type ComparisonRow,
	type ComparisonSummary,
	type Component,
	type ParticipantYear,
	type RowForm,
	type RunResult
} from '../domain/result.ts';
import type { Issue } from '../domain/issue.ts';
import { Decimal, ZERO, formatAmount, toDecimal, type DecimalInput } from '../money/decimal.ts';
import { formatCents } from '../money/fixed.ts';
import { discountedSum } from '../money/discounted-sum.ts';
import { formatEuro, type Locale } from '../vocabulary/format.ts';
import { message, renderMessage } from '../vocabulary/messages.ts';
import { shownComparison } from './shown.ts';

export interface CompareOptions {
	/** Yearly discount rate for the net present value, as a decimal string (default "0"). */
	readonly discountRate?: string;
	/** The year to which amounts are discounted (default: the first year). */
	readonly referenceYear?: number;
	/** Differences smaller than this (in euros) are "about the same" in sentences (default "0"). */
	readonly tolerance?: string;
	/** The year the headline sentences speak about (default: the last year). */
	readonly year?: number;
	/** How to name base and variant in sentences (default: by legal form, or "the variant" / "the baseline"). */
	readonly labels?: { readonly base?: { nl: string; en: string }; readonly variant?: { nl: string; en: string } };
}

const LEGAL_FORM_LABEL: Record<RowForm, { subject: { nl: string; en: string }; object: { nl: string; en: string } }> = {
	gr: { subject: { nl: 'De GR', en: 'The GR' }, object: { nl: 'de GR', en: 'the GR' } },
	centrumgemeente: {
		subject: { nl: 'Het centrumgemeentemodel', en: 'The centrumgemeente model' },
		object: { nl: 'het centrumgemeentemodel', en: 'the centrumgemeente model' }
	},
	inhouse: {
		subject: { nl: 'De eigen organisatie', en: 'The in-house option' },
		object: { nl: 'de eigen organisatie', en: 'the in-house option' }
	}
};

function key(participant: string, year: number): string {
	return `${participant}|${year}`;
}

/**
 * Why two runs cannot be compared, as issues (`not_comparable` at `horizon` or `participants`), or none.
 * A comparison is per participant and year: a variant that changes the horizon or the participants
 * has rows the base lacks, so it is refused with the field it changes rather than compared in part.
 */
export function comparabilityIssues(base: RunResult, variant: RunResult): Issue[] {
	const issues: Issue[] = [];
	const span = (r: RunResult) => `${r.years[0]}–${r.years[r.years.length - 1]}`;
	if (base.years.join(',') !== variant.years.join(','))
		issues.push({
			code: 'not_comparable',
			path: 'horizon',
			message: `the variant covers ${span(variant)} and the baseline ${span(base)}: a comparison needs the same years (run the variant on its own with sp71 run)`,
			messages: {
				en: `the variant covers ${span(variant)} and the baseline ${span(base)}: a comparison needs the same years (run the variant on its own with sp71 run)`,
				nl: `de variant beslaat ${span(variant)} en het basisscenario ${span(base)}: een vergelijking vraagt dezelfde jaren (reken de variant apart door met sp71 run)`
			}
		});
	const ids = (r: RunResult) => r.participants.map((p) => p.id).join(', ');
	if (ids(base) !== ids(variant))
		issues.push({
			code: 'not_comparable',
			path: 'participants',
			message: `the variant has the participants ${ids(variant)} and the baseline ${ids(base)}: a comparison needs the same participants (run the variant on its own with sp71 run)`,
			messages: {
				en: `the variant has the participants ${ids(variant)} and the baseline ${ids(base)}: a comparison needs the same participants (run the variant on its own with sp71 run)`,
				nl: `de variant heeft de deelnemers ${ids(variant)} en het basisscenario ${ids(base)}: een vergelijking vraagt dezelfde deelnemers (reken de variant apart door met sp71 run)`
			}
		});
	return issues;
}

/**
 * Compare a variant run with a base run (both from runScenario over the same participants and years).
 * compare(a, b) is the exact negative of compare(b, a) in every amount.
 * @param base the run compared against
 * @param variant the run compared
 * @param options discount rate, reference year, tolerance, headline year, labels
 * @throws Error when the runs cover different participants or years (check comparabilityIssues first)
 */
export function compare(base: RunResult, variant: RunResult, options: CompareOptions = {}): Comparison {
	const years = base.years;
	if (years.join(',') !== variant.years.join(','))
		throw new Error(
			`[model] cannot compare runs over different years: ${years.join(',')} vs ${variant.years.join(',')}`
		);
	const participants = base.participants.map((p) => p.id);
	if (participants.join(',') !== variant.participants.map((p) => p.id).join(','))
		throw new Error('[model] cannot compare runs with different participants');
	const baseRows = new Map(base.rows.map((r) => [key(r.participant, r.year), r]));
	const variantRows = new Map(variant.rows.map((r) => [key(r.participant, r.year), r]));
	const rate = toDecimal(options.discountRate ?? '0');
	const referenceYear = options.referenceYear ?? years[0] ?? 0;
	const tolerance = toDecimal(options.tolerance ?? '0');

	const rows: ComparisonRow[] = [];
	const summary: ComparisonSummary[] = [];
	let anyDifference = false;
	const runs = { years, baseRows, variantRows, factors: discountFactors(years, rate, referenceYear), referenceYear };
	for (const p of participants) {
		const one = compareParticipant(p, runs);
		rows.push(...one.rows);
		summary.push(one.summary);
		if (one.anyDifference) anyDifference = true;
	}

	const headlineYear = options.year ?? years[years.length - 1] ?? 0;
	const sentences = narrate(base, variant, { rows, summary, years, headlineYear }, tolerance, options);
	return {
		scenarioId: base.scenarioId,
		baseId: base.variantId ?? base.scenarioId,
		variantId: variant.variantId ?? variant.scenarioId,
		discountRate: rate.toString(),
		rows,
		summary,
		noOp: anyDifference ? { noOp: false } : noOpReason(base, variant, years),
		sentences,
		years,
		headlineYear,
		tolerance: formatAmount(tolerance)
	};
}

/** The rows of two runs by participant and year, and how to discount their differences. */
interface Runs {
	readonly years: readonly number[];
	readonly baseRows: ReadonlyMap<string, ParticipantYear>;
	readonly variantRows: ReadonlyMap<string, ParticipantYear>;
	/** The discount factor of each year. */
	readonly factors: readonly Decimal[];
	readonly referenceYear: number;
}

/**
 * The difference per year (variant − base), its running sum, and its net present value: each year's
 * difference ÷ (1 + rate)^(year − reference year), summed. The one rule behind every comparison's figures.
 */
export function differenceFigures(
	base: readonly Decimal[],
	variant: readonly Decimal[],
	years: readonly number[],
	rate: Decimal,
	referenceYear: number
): { delta: Decimal[]; cumulative: Decimal[]; npv: Decimal } {
	return discountedDifferences(base, variant, discountFactors(years, rate, referenceYear));
}

/** (1 + rate)^(year − reference year) for each year: the same for every participant of a comparison. */
/** Each year's discount factor (1 + rate)^(year − reference year), the divisor of its difference in the NPV. */
export function discountFactors(years: readonly number[], rate: Decimal, referenceYear: number): Decimal[] {
	const growth = rate.plus(1);
	return years.map((year) => growth.pow(year - referenceYear));
}

/** The differences of differenceFigures with the discount factors given (the same for every participant). */
export function discountedDifferences(
	base: readonly Decimal[],
	variant: readonly Decimal[],
	factors: readonly Decimal[]
): { delta: Decimal[]; cumulative: Decimal[]; npv: Decimal } {
	let cumulative = ZERO;
	const delta: Decimal[] = [];
	const running: Decimal[] = [];
	factors.forEach((_, i) => {
		const d = variant[i]!.minus(base[i]!);
		delta.push(d);
		cumulative = cumulative.plus(d);
		running.push(cumulative);
	});
	// Σ difference ÷ factor, each quotient and partial sum rounded as Decimal rounds them.
	return { delta, cumulative: running, npv: discountedSum(delta, factors) };
}

// An amount as runs write it ("-1234.56"), short enough that a Decimal holds it exactly.
const AMOUNT = /^-?\d{1,40}\.\d\d$/;

function cents(amount: string): bigint {
	return BigInt(amount.slice(0, -3) + amount.slice(-2));
}

/** variant − base as an amount and whether it is zero; in cents when both are amounts as runs write them. */
function amountDifference(variant: string, base: string): { text: string; zero: boolean } {
	if (AMOUNT.test(variant) && AMOUNT.test(base)) {
		const difference = cents(variant) - cents(base);
		return { text: formatCents(difference), zero: difference === 0n };
	}
	const d = toDecimal(variant).minus(toDecimal(base));
	return { text: formatAmount(d), zero: d.isZero() };
}

/** One participant's rows (difference per year and component, cumulative) and its summary. */
function compareParticipant(
	p: string,
	{ years, baseRows, variantRows, factors, referenceYear }: Runs
): { rows: ComparisonRow[]; summary: ComparisonSummary; anyDifference: boolean } {
	const rows: ComparisonRow[] = [];
	let anyDifference = false;
	const pairs = years.map((year) => {
		const b = baseRows.get(key(p, year));
		const v = variantRows.get(key(p, year));
		if (!b || !v) throw new Error(`[model] missing row for ${p} in ${year}`);
		return { year, b, v };
	});
	const figures = discountedDifferences(
		pairs.map(({ b }) => toDecimal(b.total)),
		pairs.map(({ v }) => toDecimal(v.total)),
		factors
	);
	const cumulativeByYear = figures.cumulative;
	const cumulative = cumulativeByYear[cumulativeByYear.length - 1] ?? ZERO;
	const npv = figures.npv;
	for (const [i, { year, b, v }] of pairs.entries()) {
		const delta = figures.delta[i]!;
		const components = Object.fromEntries(
			COMPONENTS.map((c) => {
				const d = amountDifference(v.components[c], b.components[c]);
				if (!d.zero) anyDifference = true;
				return [c, { base: b.components[c], variant: v.components[c], delta: d.text }];
			})
		) as ComparisonRow['components'];
		if (!delta.isZero()) anyDifference = true;
		rows.push({
			participant: p,
			year,
			base: b.total,
			variant: v.total,
			delta: formatAmount(delta),
			cumulativeDelta: formatAmount(cumulativeByYear[i]!),
			components
		});
	}
	// Payback: the first year from which the cumulative difference stays at or below zero.
	let paybackYear: number | null = null;
	for (let i = years.length - 1; i >= 0; i--) {
		if (cumulativeByYear[i]!.greaterThan(0)) break;
		paybackYear = years[i]!;
	}
	const inhabitants = toDecimal(
		baseRows.get(key(p, referenceYear))?.inhabitants ?? baseRows.get(key(p, years[0]!))?.inhabitants ?? '0'
	);
	const summary: ComparisonSummary = {
		participant: p,
		cumulativeDelta: formatAmount(cumulative),
		npv: formatAmount(npv),
		paybackYear,
		deltaPerInhabitant: inhabitants.isZero() ? '0.00' : formatAmount(cumulative.dividedBy(inhabitants))
	};
	return { rows, summary, anyDifference };
}

function noOpReason(base: RunResult, variant: RunResult, years: readonly number[]): Comparison['noOp'] {
	const span = `${years[0]}–${years[years.length - 1]}`;
	const baseLineage = (base.lineage ?? []).join('/');
	const variantLineage = (variant.lineage ?? []).join('/');
	if (baseLineage !== '' && baseLineage === variantLineage && (base.changeCount ?? 0) === (variant.changeCount ?? 0))
		return { noOp: true, reason: message('noOp.sameScenario') };
	const changes = Math.abs((variant.changeCount ?? 0) - (base.changeCount ?? 0));
	if (changes === 0) return { noOp: true, reason: message('noOp.noChanges') };
	return { noOp: true, reason: message('noOp.noEffect', { changes, span }) };
}

function labelsFor(base: RunResult, variant: RunResult, year: number, options: CompareOptions) {
	const formOf = (run: RunResult) => run.rows.find((r) => r.year === year)?.legalForm ?? 'gr';
	const bf = formOf(base);
	const vf = formOf(variant);
	const differentForms = bf !== vf;
	const vid = variant.variantId;
	const bid = base.variantId;
	const variantSubject =
		options.labels?.variant ??
		(differentForms
			? LEGAL_FORM_LABEL[vf].subject
			: vid
				? { nl: `De variant ${vid}`, en: `The variant ${vid}` }
				: { nl: 'Het basisscenario', en: 'The baseline' });
	const baseObject =
		options.labels?.base ??
		(differentForms
			? LEGAL_FORM_LABEL[bf].object
			: bid
				? { nl: `de variant ${bid}`, en: `the variant ${bid}` }
				: { nl: 'het basisscenario', en: 'the baseline' });
	return { variantSubject, baseObject };
}

/** What a difference (variant − base) means for the one who pays: cheaper, dearer or about the same. */
export type Direction = 'cheaper' | 'dearer' | 'same';

/**
 * The direction of a difference (variant − base): the same when it is zero or smaller than the
 * tolerance, else cheaper (negative) or dearer (positive). Every sentence and colour uses this verdict.
 */
export function directionOf(delta: DecimalInput, tolerance: DecimalInput = '0'): Direction {
	const d = toDecimal(delta);
	if (d.isZero() || d.abs().lessThan(toDecimal(tolerance))) return 'same';
	return d.isNegative() ? 'cheaper' : 'dearer';
}

/** A comparison row's direction in its year, with the comparison's tolerance. */
export function rowDirection(row: Pick<ComparisonRow, 'delta'>, comparison: Pick<Comparison, 'tolerance'>): Direction {
	return directionOf(row.delta, comparison.tolerance);
}

/**
 * The headline sentence per participant. Its figures are quoted as the comparison's tables show them
 * (compare/shown.ts: the differences per year with their Cumulatief, and the net present values), so
 * a sentence never differs by a euro from its table; the exact figures decide its words.
 */
function narrate(
	base: RunResult,
	variant: RunResult,
	figures: Pick<Comparison, 'rows' | 'summary' | 'years' | 'headlineYear'>,
	tolerance: Decimal,
	options: CompareOptions
): Comparison['sentences'] {
	const { rows, summary } = figures;
	const year = figures.headlineYear!;
	const { variantSubject, baseObject } = labelsFor(base, variant, year, options);
	const names = new Map(base.participants.map((p) => [p.id, p.name]));
	const years = base.years;
	const span = `${years[0]}–${years[years.length - 1]}`;
	const shown = shownComparison(figures);
	const table = shown.differences();
	const npv = shown.npv().parts;
	const yearIndex = years.indexOf(year);
	const nl: string[] = [];
	const en: string[] = [];
	summary.forEach((s, j) => {
		const name = names.get(s.participant) ?? s.participant;
		const row = rows.find((r) => r.participant === s.participant && r.year === year);
		const delta = toDecimal(row?.delta ?? '0');
		const cumulative = toDecimal(s.cumulativeDelta);
		const euro = (shownAmount: Decimal | undefined, locale: Locale) => formatEuro(shownAmount!.abs(), locale);
		const [deltaShown, cumShown] = [table.cells[yearIndex]?.[j], table.columnTotals[j]];
		const within = directionOf(delta, tolerance) === 'same';
		const yearNl = within
			? `${variantSubject.nl} kost ${name} in ${year} ongeveer evenveel als ${baseObject.nl}${tolerance.isZero() ? '' : ` (verschil kleiner dan ${formatEuro(tolerance, 'nl')})`}`
			: `${variantSubject.nl} kost ${name} in ${year} ${euro(deltaShown, 'nl')} ${delta.isNegative() ? 'minder' : 'meer'} dan ${baseObject.nl}`;
		const yearEn = within
			? `${variantSubject.en} costs ${name} about the same as ${baseObject.en} in ${year}${tolerance.isZero() ? '' : ` (a difference of less than ${formatEuro(tolerance, 'en')})`}`
			: `${variantSubject.en} costs ${name} ${euro(deltaShown, 'en')} ${delta.isNegative() ? 'less' : 'more'} than ${baseObject.en} in ${year}`;
		const cumWithin = directionOf(cumulative, tolerance) === 'same';
		const cumNl = cumWithin
			? `over ${span} samen ongeveer evenveel`
			: `over ${span} samen ${euro(cumShown, 'nl')} ${cumulative.isNegative() ? 'minder' : 'meer'} (contante waarde van het verschil ${signed(npv[j]!, 'nl')})`;
		const cumEn = cumWithin
			? `about the same over ${span} as a whole`
			: `${euro(cumShown, 'en')} ${cumulative.isNegative() ? 'less' : 'more'} over ${span} as a whole (net present value of the difference ${signed(npv[j]!, 'en')})`;
		nl.push(`${yearNl}; ${cumNl}.`);
		en.push(`${yearEn}; ${cumEn}.`);
	});
	return { nl, en };
}

function signed(amount: Decimal, locale: 'nl' | 'en'): string {
	const text = formatEuro(amount, locale);
	return text.startsWith('−') || toDecimal(amount).abs().lessThan('0.5') ? text : `+${text}`;
}

/** The components of one comparison row whose delta is not zero, largest first. */
export function changedComponents(row: ComparisonRow): { component: Component; delta: string }[] {
	return COMPONENTS.filter((c) => toDecimal(row.components[c].delta).abs().greaterThan(0))
		.map((c) => ({ component: c, delta: row.components[c].delta }))
		.sort((a, b) => toDecimal(b.delta).abs().comparedTo(toDecimal(a.delta).abs()));
}

/** Why a comparison changes nothing, in the caller's language (undefined when it changes something). */
export function noOpReasonIn(comparison: Pick<Comparison, 'noOp'>, locale: Locale): string | undefined {
	const noOp = comparison.noOp;
	if (!noOp.noOp) return undefined;
	return noOp.reason ? renderMessage(noOp.reason, locale) : undefined;
}
