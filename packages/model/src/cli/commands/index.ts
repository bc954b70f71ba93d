// The registry of `sp71` commands: name → {summary, usage, run}. To add a command, write it in
// its own file in this folder and add one line here.
import type { Command } from './types.ts';
import { allocateCommand } from './allocate.ts';
import { validateCommand } from './validate.ts';
import { runCommand } from './run.ts';
import { compareCommand } from './compare.ts';
import { explainCommand } from './explain.ts';
import { gameCommand } from './game.ts';
import { fairnessCommand } from './fairness.ts';

export type { Command } from './types.ts';

export const COMMANDS: Readonly<Record<string, Command>> = {
	allocate: allocateCommand,
	validate: validateCommand,
	run: runCommand,
	compare: compareCommand,
	explain: explainCommand,
	game: gameCommand,
	fairness: fairnessCommand
};
