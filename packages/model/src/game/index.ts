// Cooperative games: the game file format, the Shapley value, the nucleolus and the core, exact.
export { MAX_PLAYERS } from './types.ts';
export type { Game, GameKind } from './types.ts';
export { allCoalitions, coalitionKey, grandMask, membersOf, sizeOf } from './coalition.ts';
export { GAME_FORMAT, GAME_ISSUE_CODES, validateGame } from './file.ts';
export type { GameIssueCode, GameValidationOptions } from './file.ts';
export { shapley } from './shapley.ts';
export { nucleolus } from './nucleolus.ts';
export type { NucleolusResult, NucleolusStage } from './nucleolus.ts';
export { blockingCoalitions } from './core.ts';
export type { BlockingCoalition } from './core.ts';
export { savingsGame, solveGame } from './solve.ts';
export type { GameSolution } from './solve.ts';
export { formatAmountText, formatFraction, toDecimalText } from './format.ts';
export { byPlayer, coalitionName, gameReport } from './report.ts';
export type { AmountsById, GameReport } from './report.ts';
