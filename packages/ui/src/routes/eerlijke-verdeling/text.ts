// The text of the page Eerlijke verdeling / Fair shares, in Dutch and English.
import { inLang, type Lang } from '$lib/i18n';

const nl = {
	title: 'Eerlijke verdeling',
	intro:
		'Betaalt elke gemeente minder dan wanneer zij de bedrijfsvoering alleen zou doen, en wie betaalt voor wie? Per gemeente de werkelijke bijdrage naast wat zij alleen zou betalen (eigen organisatie), de Shapley-waarde en de nucleolus.',
	variant: 'Verdeling',
	baseline: 'Basis (GR)',
	basis: 'Periode',
	npv: 'Contante waarde over de looptijd',
	computing: 'Bezig met berekenen van alle coalities…',
	chartTitle: 'Bijdrage, kosten alleen, Shapley-waarde en nucleolus per gemeente',
	tableTitle: 'De cijfers per gemeente',
	rounding:
		'Elk bedrag is afgerond op hele euro’s, zo dat elke kolom optelt tot het totaal eronder en elk verschil het verschil is van de getoonde bedragen; elk bedrag ligt daardoor binnen een euro van zijn exacte waarde.',
	municipality: 'Gemeente',
	charge: 'Betaalt',
	standAlone: 'Alleen',
	shapley: 'Shapley-waarde',
	nucleolus: 'Nucleolus',
	usage: 'Naar gebruik',
	saving: 'Besparing t.o.v. alleen',
	vsShapley: 'Meer dan Shapley',
	vsUsage: 'Meer dan naar gebruik',
	perInhabitant: 'per inwoner',
	total: 'Samen',
	coreTitle: 'De kern',
	blocking: 'Groepen die zonder de anderen goedkoper uit zijn',
	group: 'Groep',
	costAlone: 'Kosten samen alleen',
	charged: 'Betalen nu',
	gain: 'Voordeel',
	coalitionsTitle: 'Wat elke groep gemeenten zou betalen',
	coalition: 'Coalitie',
	cost: 'Kosten',
	how: 'Een gemeente alleen betaalt de kosten van een eigen organisatie (kostenfunctie met schaalvoordelen, gebenchmarkt op gemeenten die het zelf doen). Een groep deelt één backoffice onder de rechtsvorm van het scenario; het model rekent die groep door met de kosten van de pools geschaald naar haar omvang. De Shapley-waarde en de nucleolus verdelen de kosten van alle vier samen; positief "meer dan" betekent dat een gemeente voor anderen meebetaalt. Zie docs/methodology.md, § 13.',
	unavailable: 'Voor deze verdeling is geen eerlijke verdeling te berekenen'
};

const en: typeof nl = {
	title: 'Fair shares',
	intro:
		'Does every municipality pay less than it would running its bedrijfsvoering alone, and who pays for whom? Per municipality the actual charge beside what it would pay alone (in-house), the Shapley value and the nucleolus.',
	variant: 'Arrangement',
	baseline: 'Baseline (GR)',
	basis: 'Period',
	npv: 'Net present value over the horizon',
	computing: 'Computing every coalition…',
	chartTitle: 'Charge, stand-alone cost, Shapley value and nucleolus per municipality',
	tableTitle: 'The figures per municipality',
	rounding:
		'Each amount is rounded to whole euros so that every column adds up to the total below it and every difference is the difference of the amounts shown; each amount is therefore within a euro of its exact value.',
	municipality: 'Municipality',
	charge: 'Pays',
	standAlone: 'Alone',
	shapley: 'Shapley value',
	nucleolus: 'Nucleolus',
	usage: 'By usage',
	saving: 'Saving against alone',
	vsShapley: 'More than Shapley',
	vsUsage: 'More than by usage',
	perInhabitant: 'per inhabitant',
	total: 'Total',
	coreTitle: 'The core',
	blocking: 'Groups that would be better off without the others',
	group: 'Group',
	costAlone: 'Cost on their own',
	charged: 'Pay now',
	gain: 'Gain',
	coalitionsTitle: 'What each group of municipalities would pay',
	coalition: 'Coalition',
	cost: 'Cost',
	how: 'A municipality alone pays for an own organisation (a cost function with economies of scale, benchmarked on municipalities that do it themselves). A group shares one back office under the scenario\'s legal form; the model computes that group with the pools\' costs scaled to its size. The Shapley value and the nucleolus divide the cost of all four together; a positive "more than" means a municipality pays for others. See docs/methodology.md, § 13.',
	unavailable: 'No fair shares can be computed for this arrangement'
};

/** The page's text in `lang`. */
export function pageText(lang: Lang): typeof nl {
	return inLang(lang, { nl, en });
}
