// The uncertainty page's own words, in Dutch and English, and the headline range sentence.
import type { SimulationReport } from '@sp71/model';
import { formatEuro } from '../format.ts';
import { inLang } from '../i18n.ts';

const NL = {
	title: 'Onzekerheid en gevoeligheid',
	intro:
		'Hoe zeker is de uitkomst? Elke invoerwaarde heeft een bandbreedte (uit het scenario, of een standaard naar basis en betrouwbaarheid). De Monte Carlo-simulatie trekt alle invoer tegelijk; de tornado varieert één invoer tegelijk, exact nagerekend.',
	run: 'Opnieuw rekenen',
	cancel: 'Stoppen',
	draws: 'trekkingen',
	progress: 'Voortgang',
	cancelled: 'Gestopt. De laatste volledige uitkomst blijft staan.',
	exactDraws: 'trekkingen exact nagerekend (een andere tak dan de opgenomen rekenkern)',
	noKernel:
		'trekkingen, alle exact berekend: voor deze vergelijking is er geen snelle rekenkern (een gemeente in eigen organisatie), daarom ten hoogste 300 trekkingen',
	fan: 'Verschil per jaar (variant − basis): P5–P95, P10–P90 en mediaan',
	npv: 'Contante waarde van het verschil, verdeling over de trekkingen',
	pCheaper: 'kans goedkoper',
	tornado: 'Tornado: contante waarde bij laag en hoog per invoer',
	tornadoFor: 'Gemeente',
	measureFirst: 'Wat eerst meten',
	breakEven: 'Omslagpunt',
	input: 'Invoer',
	participant: 'Gemeente',
	find: 'Zoek omslagpunt',
	noBreakEven: 'Geen omslagpunt binnen de bandbreedte',
	breakEvenAt: 'Omslagpunt bij',
	checked: 'nagerekend',
	methodSpread: 'Spreiding door de verdeelmethode',
	methodSpreadHow:
		'Rekening van elke gemeente in het alternatief onder direct, reciprook en stapsgewijs (elke volgorde, of een vaste steekproef van volgordes)',
	lowest: 'laagste',
	highest: 'hoogste',
	spread: 'spreiding',
	low: 'laag',
	high: 'hoog',
	atLow: 'bij laag',
	atHigh: 'bij hoog',
	swing: 'zwaai',
	stderr: 'standaardfout',
	mean: 'gemiddeld',
	computing: 'Bezig met rekenen…',
	orders: 'volgordes',
	inputs: 'onzekere invoerwaarden'
};

export type UncertaintyText = Record<keyof typeof NL, string>;

const EN: UncertaintyText = {
	title: 'Uncertainty and sensitivity',
	intro:
		'How sure is the answer? Every input has a range (from the scenario, or a default by basis and confidence). The Monte Carlo simulation draws all inputs together; the tornado moves one input at a time, recomputed exactly.',
	run: 'Run again',
	cancel: 'Cancel',
	draws: 'draws',
	progress: 'Progress',
	cancelled: 'Cancelled. The last complete result stays.',
	exactDraws: 'draws recomputed exactly (another branch than the recorded kernel)',
	noKernel:
		'draws, all computed exactly: this comparison has no fast kernel (a municipality in-house), hence at most 300 draws',
	fan: 'Difference per year (variant − base): P5–P95, P10–P90 and median',
	npv: 'NPV of the difference, distribution over the draws',
	pCheaper: 'P(cheaper)',
	tornado: 'Tornado: NPV at the low and high end of each input',
	tornadoFor: 'Municipality',
	measureFirst: 'What to measure first',
	breakEven: 'Break-even',
	input: 'Input',
	participant: 'Municipality',
	find: 'Find break-even',
	noBreakEven: 'No break-even within the range',
	breakEvenAt: 'Break-even at',
	checked: 'recomputed',
	methodSpread: 'Spread from the allocation method',
	methodSpreadHow:
		'Each municipality’s bill under the alternative with direct, reciprocal and step-down (every order, or a fixed sample of orders)',
	lowest: 'lowest',
	highest: 'highest',
	spread: 'spread',
	low: 'low',
	high: 'high',
	atLow: 'at low',
	atHigh: 'at high',
	swing: 'swing',
	stderr: 'standard error',
	mean: 'mean',
	computing: 'Computing…',
	orders: 'orders',
	inputs: 'uncertain inputs'
};

const TEXT: Record<'nl' | 'en', UncertaintyText> = { nl: NL, en: EN };

/** The page's words in `lang`. */
export function uncertaintyText(lang: 'nl' | 'en'): UncertaintyText {
	return TEXT[lang];
}

/**
 * The headline range of one participant: "Leiderdorp: in 80 % of the draws between € … and € … per year
 * more expensive (2025); P(cheaper) 12 %".
 */
export function rangeSentence(
	report: SimulationReport,
	participant: string,
	year: number,
	name: string,
	lang: 'nl' | 'en'
): string | null {
	const p = report.participants.find((x) => x.participant === participant);
	const y = p?.perYear.find((r) => r.year === year);
	if (!p || !y) return null;
	const pct = `${Math.round(p.probabilityCheaper * 100)} %`;
	const lo = Number(y.p10);
	const hi = Number(y.p90);
	const amount = (x: number) => formatEuro(Math.abs(x));
	const oneSided = lo >= 0 || hi <= 0;
	const dearer = (hi > 0 ? hi : lo) > 0;
	return inLang(lang, {
		nl: () => {
			const range = oneSided
				? `tussen ${amount(lo)} en ${amount(hi)} per jaar ${dearer ? 'duurder' : 'goedkoper'}`
				: `tussen ${amount(lo)} goedkoper en ${amount(hi)} duurder per jaar`;
			return `${name}: in 80 % van de trekkingen ${range} (${year}); kans goedkoper ${pct}`;
		},
		en: () => {
			const range = oneSided
				? `between ${amount(lo)} and ${amount(hi)} per year ${dearer ? 'more expensive' : 'cheaper'}`
				: `between ${amount(lo)} cheaper and ${amount(hi)} more expensive per year`;
			return `${name}: in 80 % of the draws ${range} (${year}); P(cheaper) ${pct}`;
		}
	})();
}
