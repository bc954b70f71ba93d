// UI text of the report page, the chart downloads and the report sections, in Dutch (default) and English.
// Merged into the app's one dictionary in i18n.ts; kept apart so the report can grow without touching the rest.

export const reportNl = {
	navReport: 'Rapport',
	loadingView: 'Referentiecijfers; de app wordt geladen en opent daarna uw weergave.',
	chartDownloads: 'Download {chart}',
	chartCsv: 'CSV (gegevens)',
	chartForm: 'Rechtsvorm',
	chartAmount: 'Bedrag',
	chartComponent: 'Onderdeel',
	chartStep: 'Stap',
	chartFrom: 'Van',
	chartTo: 'Naar',
	cellComponents: 'Verschil per onderdeel in {year}',
	cellBridge: 'Van GR naar alternatief in {year}',
	cellBridgeHow:
		'Een waterval per gemeente: de kosten in de GR, dan elk onderdeel dat verandert, dan de kosten in het alternatief.',
	bridgeFor: '{name}: van GR naar alternatief in {year}',
	reportTitle: 'Rapport: {variant}',
	reportSubtitle: 'Vergeleken met {base}, {from}–{to}',
	reportDate: 'Datum',
	reportModelVersion: 'Modelversie',
	reportDataVersion: 'Gegevensversie',
	reportLink: 'Deze weergave opnieuw openen',
	reportEdits: 'Eigen wijzigingen',
	reportNoEdits: 'geen (referentiecijfers)',
	reportPdf: 'Download als PDF:',
	reportQuestionTitle: 'Vraag en antwoord',
	reportQuestion:
		'Wat kost {variant} elke gemeente, vergeleken met {base}, in de jaren {from} tot en met {to}? Bedragen zijn verschillen: boven nul is duurder dan de GR.',
	reportAnswer: 'Het antwoord per gemeente',
	reportDifferencesTitle: 'De verschillen',
	reportDifferencesIntro:
		'Het verschil per gemeente per jaar (alternatief min GR) en, voor {year}, waar het verschil vandaan komt.',
	reportRangeTitle: 'Bandbreedte en kans dat het alternatief goedkoper is',
	reportRangePending:
		'Nog niet berekend. De bandbreedte en de kans dat het alternatief goedkoper is komen uit de trekkingen van de onzekerheidsanalyse; zolang die er niet zijn, geeft dit rapport één uitkomst zonder marge, terwijl de meeste invoer geschat is (zie Aannames).',
	reportRangeFailed: 'De bandbreedte kon niet worden berekend: {reason}',
	reportRangeRunning: 'De bandbreedte wordt berekend: {done} van {total} trekkingen.',
	reportRangeIntro:
		'De contante waarde van het verschil over de looptijd, uit {draws} trekkingen over alle onzekere invoer (seed {seed}).',
	reportRangeSentence:
		'{name}: in 80 % van de trekkingen tussen {p10} en {p90} (mediaan {p50}); kans dat het alternatief goedkoper is: {probability}.',
	reportP10: 'P10',
	reportP50: 'Mediaan',
	reportP90: 'P90',
	reportProbabilityCheaper: 'Kans goedkoper',
	reportSensitivityTitle: 'De invoer die het meest uitmaakt',
	reportSensitivityPending:
		'Nog niet berekend. Welke invoer de uitkomst het meest beweegt, volgt uit dezelfde trekkingen als de bandbreedte.',
	reportInput: 'Invoer',
	reportShare: 'Deel van de onzekerheid',
	reportSensitivityIntro:
		'Per gemeente de geschatte invoer die het meest van de onzekerheid in de contante waarde van het verschil verklaart (uit de trekkingen hierboven): deze schattingen eerst door gemeten cijfers vervangen.',
	reportFairTitle: 'Eerlijke verdeling',
	reportFairPending:
		'Nog niet berekend. De kosten die elke gemeente alleen zou hebben, de Shapley-waarde en de nucleolus komen uit de analyse van de eerlijke verdeling.',
	reportFairSentence:
		'{name} betaalt {charge}; alleen zou het {standAlone} kosten; naar de Shapley-waarde zou het {shapley} betalen.',
	reportFairIntro:
		'Contante waarde over de looptijd: wat elke gemeente onder het alternatief betaalt, wat het alleen (eigen organisatie) zou kosten, en twee maatstaven uit de coöperatieve speltheorie: de Shapley-waarde (ieders gemiddelde bijdrage aan de kosten) en de nucleolus (de verdeling waarin de slechtst af zijnde groep zo goed mogelijk af is).',
	reportFairUnavailable: 'Voor dit alternatief is geen eerlijke verdeling te berekenen: {reason}',
	reportCharge: 'Betaalt',
	reportStandAlone: 'Alleen',
	reportShapley: 'Shapley-waarde',
	reportNucleolus: 'Nucleolus',
	reportInCore: 'Geen groep gemeenten is samen goedkoper uit dan met deze verdeling (de verdeling ligt in de kern).',
	reportNotInCore: 'Er is een groep gemeenten die samen goedkoper uit is dan met deze verdeling (buiten de kern).',
	reportAssumptionsTitle: 'Belangrijkste aannames',
	reportEstimateShare:
		'In {year} rust {share} van de euro’s ({estimated} van {total}) op schattingen. Van de {count} invoerwaarden zijn er {measured} gemeten, {derived} afgeleid en {estimate} geschat.',
	reportVariantChanges: 'Wat het alternatief verandert',
	reportChange: 'Wijziging',
	reportFrom: 'Vanaf',
	reportRationale: 'Waarom',
	reportLargestInputs: 'De grootste bedragen in {year}',
	reportBasis: 'Grondslag',
	reportSource: 'Bron of toelichting',
	reportValue: 'Waarde',
	reportMethodTitle: 'Methode',
	reportMethod:
		'Het model rekent elk jaar de kosten van elke gemeente uit onder beide rechtsvormen, exact op de cent. De kosten van de ondersteunende pools worden doorbelast met de methode {method}; de dienstverlening wordt verdeeld met de verdeelsleutels van het scenario. Daar komen bestuur en eigenaarsrol, btw, frictiekosten, opslag en contractbeheer bij. Een waarde geldt vanaf 1 januari van het jaar waarin ze ingaat. Het verschil is alternatief min GR; de contante waarde gebruikt een disconteringsvoet van {rate}. Elke verdeling telt exact op tot haar totaal (restcenten naar de grootste rest).',
	reportMethodMixed: 'zoals per jaar in het scenario vastgelegd',
	reportSourcesTitle: 'Bronnen',
	reportNone: 'geen'
} as const;

export const reportEn: Record<keyof typeof reportNl, string> = {
	navReport: 'Report',
	loadingView: 'Reference figures; the app is loading and will then open your view.',
	chartDownloads: 'Download {chart}',
	chartCsv: 'CSV (data)',
	chartForm: 'Legal form',
	chartAmount: 'Amount',
	chartComponent: 'Component',
	chartStep: 'Step',
	chartFrom: 'From',
	chartTo: 'To',
	cellComponents: 'Difference per component in {year}',
	cellBridge: 'From GR to the alternative in {year}',
	cellBridgeHow:
		'A waterfall per municipality: the cost in the GR, then each component that changes, then the cost in the alternative.',
	bridgeFor: '{name}: from GR to the alternative in {year}',
	reportTitle: 'Report: {variant}',
	reportSubtitle: 'Compared with {base}, {from}–{to}',
	reportDate: 'Date',
	reportModelVersion: 'Model version',
	reportDataVersion: 'Data version',
	reportLink: 'Reopen this view',
	reportEdits: 'Own edits',
	reportNoEdits: 'none (reference figures)',
	reportPdf: 'Download as PDF:',
	reportQuestionTitle: 'Question and answer',
	reportQuestion:
		'What does {variant} cost each municipality compared with {base}, in the years {from} to {to}? Amounts are differences: above zero is more expensive than the GR.',
	reportAnswer: 'The answer per municipality',
	reportDifferencesTitle: 'The differences',
	reportDifferencesIntro:
		'The difference per municipality per year (alternative minus GR) and, for {year}, where the difference comes from.',
	reportRangeTitle: 'Range and the probability that the alternative is cheaper',
	reportRangePending:
		'Not computed yet. The range and the probability that the alternative is cheaper come from the draws of the uncertainty analysis; until they are in, this report gives one outcome without a margin, while most inputs are estimates (see Assumptions).',
	reportRangeFailed: 'The range could not be computed: {reason}',
	reportRangeRunning: 'Computing the range: {done} of {total} draws.',
	reportRangeIntro:
		'The NPV of the difference over the horizon, from {draws} draws over all uncertain inputs (seed {seed}).',
	reportRangeSentence:
		'{name}: in 80 % of the draws between {p10} and {p90} (median {p50}); probability that the alternative is cheaper: {probability}.',
	reportP10: 'P10',
	reportP50: 'Median',
	reportP90: 'P90',
	reportProbabilityCheaper: 'P(cheaper)',
	reportSensitivityTitle: 'The inputs that matter most',
	reportSensitivityPending:
		'Not computed yet. Which inputs move the outcome most follows from the same draws as the range.',
	reportInput: 'Input',
	reportShare: 'Share of the uncertainty',
	reportSensitivityIntro:
		'Per municipality the estimated inputs that explain most of the uncertainty in the NPV of the difference (from the draws above): replace these estimates by measured figures first.',
	reportFairTitle: 'Fair shares',
	reportFairPending:
		'Not computed yet. The cost each municipality would have alone, the Shapley value and the nucleolus come from the fair-shares analysis.',
	reportFairSentence:
		'{name} pays {charge}; alone it would cost {standAlone}; by the Shapley value it would pay {shapley}.',
	reportFairIntro:
		'NPV over the horizon: what each municipality pays under the alternative, what it would cost alone (in-house), and two yardsticks from cooperative game theory: the Shapley value (the average extra cost each one brings) and the nucleolus (the division in which the worst-off group is as well off as possible).',
	reportFairUnavailable: 'No fair division can be computed for this alternative: {reason}',
	reportCharge: 'Pays',
	reportStandAlone: 'Alone',
	reportShapley: 'Shapley value',
	reportNucleolus: 'Nucleolus',
	reportInCore: 'No group of municipalities is better off on its own than with this split (the split is in the core).',
	reportNotInCore: 'A group of municipalities would be better off on its own than with this split (outside the core).',
	reportAssumptionsTitle: 'Main assumptions',
	reportEstimateShare:
		'In {year}, {share} of the euros ({estimated} of {total}) rest on estimates. Of the {count} input values, {measured} are measured, {derived} derived and {estimate} estimated.',
	reportVariantChanges: 'What the alternative changes',
	reportChange: 'Change',
	reportFrom: 'From',
	reportRationale: 'Why',
	reportLargestInputs: 'The largest amounts in {year}',
	reportBasis: 'Basis',
	reportSource: 'Source or note',
	reportValue: 'Value',
	reportMethodTitle: 'Method',
	reportMethod:
		"Each year the model computes every municipality's cost under both legal forms, exact to the cent. The costs of the support pools are passed on with the {method} method; the services are divided with the scenario's keys. Governance and the owner's role, VAT, transition costs, the mark-up and contract management are added. A value holds from 1 January of the year in which it starts. The difference is alternative minus GR; the net present value uses a discount rate of {rate}. Every split adds up exactly to its total (leftover cents by largest remainder).",
	reportMethodMixed: 'set per year in the scenario',
	reportSourcesTitle: 'Sources',
	reportNone: 'none'
};
