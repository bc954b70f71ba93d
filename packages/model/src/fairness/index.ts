// Fair shares of a scenario: its cooperative cost game and the fairness figures.
export { scenarioGame } from './game.ts';
export type { CoalitionCost, GameBasis, ScenarioGame } from './game.ts';
export { fairnessReport } from './report.ts';
export type { BlockingCoalitionReport, FairnessReport, SubsidyReport } from './report.ts';
export { shownFairShares } from './shown.ts';
export type { ShownFairShares } from './shown.ts';
