// What to measure first: rank the estimated inputs by how much knowing them would change the
// decision, per participant: the share of the variance of its NPV difference that the input explains
// (first-order index, read from the Monte Carlo draws) and how far the probability that the
// alternative is cheaper moves between the input's lowest and highest fifth of draws.
import type { Basis } from '../domain/result.ts';
import { firstOrderFromDraws, probabilityBelowZeroAtEnds, rankOrder } from './given-data.ts';
import type { AnalysisPair } from './pair.ts';
import { outputColumn, type SimulationDraws } from './simulate.ts';

export interface MeasureFirstItem {
	readonly participant: string;
	readonly input: string;
	readonly path: string;
	readonly basis: Basis;
	readonly confidence: string | null;
	/** Share of the variance of the participant's NPV difference that this input explains (0–1). */
	readonly share: number;
	/** P(alternative cheaper) with the input in its lowest and in its highest fifth. */
	readonly probabilityCheaperAtLow: number;
	readonly probabilityCheaperAtHigh: number;
	readonly sentence: { readonly nl: string; readonly en: string };
}

const BASIS_NL: Record<Basis, string> = { measured: 'gemeten', derived: 'afgeleid', estimate: 'schatting' };
const CONFIDENCE_NL: Record<string, string> = { low: 'laag', medium: 'middel', high: 'hoog' };

// One formatter per language (toLocaleString would build one per call, a thousand times per list).
const FORMATS = { nl: new Intl.NumberFormat('nl-NL'), en: new Intl.NumberFormat('en-GB') };

function percent(x: number, locale: 'nl' | 'en'): string {
	return `${FORMATS[locale].format(Math.round(x * 100))} %`;
}

/**
 * The ranked list per participant (largest share first), only inputs that are not measured.
 * @param top how many per participant (default 5)
 */
export function measureFirst(
	pair: AnalysisPair,
	draws: SimulationDraws,
	options: { readonly top?: number; readonly names?: ReadonlyMap<string, string> } = {}
): MeasureFirstItem[] {
	const top = options.top ?? 5;
	const n = draws.n;
	// An input's draws are ranked once and the order serves every participant.
	const orders = new Map<number, Uint32Array>();
	const orderOf = (i: number, x: Float64Array) => {
		let order = orders.get(i);
		if (!order) orders.set(i, (order = rankOrder(x)));
		return order;
	};
	return pair.participants.flatMap((participant, p) => {
		const npv = outputColumn(draws, p, 0);
		const name = options.names?.get(participant) ?? participant;
		const items = pair.inputs
			.map((input, i) => ({ input, i }))
			.filter(({ input }) => input.basis !== 'measured')
			.map(({ input, i }) => {
				const x = draws.u.subarray(i * n, (i + 1) * n);
				const order = orderOf(i, x);
				const share = firstOrderFromDraws(x, npv, 0, order);
				const ends = probabilityBelowZeroAtEnds(x, npv, order);
				const conf = input.confidence ?? null;
				const en = `replace the ${input.basis} of ${input.label.en} first (basis: ${input.basis}${conf ? `, confidence ${conf}` : ''}; it explains ${percent(share, 'en')} of the uncertainty in ${name}'s result; P(cheaper) ${percent(ends.low, 'en')} at its low end, ${percent(ends.high, 'en')} at its high end)`;
				const nl = `vervang eerst de ${BASIS_NL[input.basis]} van ${input.label.nl} (basis: ${BASIS_NL[input.basis]}${conf ? `, betrouwbaarheid ${CONFIDENCE_NL[conf]}` : ''}; verklaart ${percent(share, 'nl')} van de onzekerheid in het resultaat van ${name}; kans goedkoper ${percent(ends.low, 'nl')} aan de lage kant, ${percent(ends.high, 'nl')} aan de hoge kant)`;
				return {
					participant,
					input: input.label.en,
					path: input.path,
					basis: input.basis,
					confidence: conf,
					share: Math.round(share * 1e4) / 1e4,
					probabilityCheaperAtLow: ends.low,
					probabilityCheaperAtHigh: ends.high,
					sentence: { nl, en }
				};
			})
			.sort(
				(a, b) =>
					b.share - a.share ||
					Math.abs(b.probabilityCheaperAtHigh - b.probabilityCheaperAtLow) -
						Math.abs(a.probabilityCheaperAtHigh - a.probabilityCheaperAtLow) ||
					(a.path < b.path ? -1 : 1)
			);
		return items.slice(0, top);
	});
}
