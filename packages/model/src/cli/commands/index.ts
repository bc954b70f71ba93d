// The registry of `sp71` commands: name → {summary, load}. Each command sits in its own file and is
// imported only when it runs, so `sp71 --help` and each command load only what they need. To add a
// command, write it in its own file in this folder and add one entry here.
import type { Command } from './types.ts';

export type { Command } from './types.ts';

/** A command as `sp71 --help` lists it; `load` imports its module. */
export interface CommandEntry {
	/** One line for `sp71 --help`. */
	readonly summary: string;
	readonly load: () => Promise<Command>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
	allocate: {
		summary: 'allocate the costs of a problem file (direct, step-down or reciprocal)',
		load: async () => (await import('./allocate.ts')).allocateCommand
	},
	validate: {
		summary: 'check an input file and list every issue at once',
		load: async () => (await import('./validate.ts')).validateCommand
	},
	run: {
		summary: 'compute a scenario (or variant): cost per participant, year and component',
		load: async () => (await import('./run.ts')).runCommand
	},
	compare: {
		summary: 'compare a variant with the baseline: per participant and year, NPV and payback',
		load: async () => (await import('./compare.ts')).compareCommand
	},
	explain: {
		summary: 'explain one participant-year figure down to its sources',
		load: async () => (await import('./explain.ts')).explainCommand
	},
	simulate: {
		summary: 'Monte Carlo over the uncertain inputs: quantiles of the difference, P(cheaper)',
		load: async () => (await import('./simulate.ts')).simulateCommand
	},
	sensitivity: {
		summary: 'tornado (each input at its low and high) and Sobol indices per participant',
		load: async () => (await import('./sensitivity.ts')).sensitivityCommand
	},
	breakeven: {
		summary: "the value of one input at which a participant's difference becomes zero",
		load: async () => (await import('./breakeven.ts')).breakevenCommand
	},
	'measure-first': {
		summary: 'which estimate to replace by a real figure first',
		load: async () => (await import('./measure-first.ts')).measureFirstCommand
	},
	import: {
		summary: 'read a spreadsheet (XLSX or CSV) into a variant, with a preview of every change',
		load: async () => (await import('./import.ts')).importCommand
	},
	key: {
		summary: "test a key formula: each participant's weight and share in a year",
		load: async () => (await import('./key.ts')).keyCommand
	},
	game: {
		summary: 'solve a cooperative game file: Shapley value, nucleolus and the core, exactly',
		load: async () => (await import('./game.ts')).gameCommand
	},
	fairness: {
		summary: 'fair shares of a scenario: stand-alone costs, Shapley value, nucleolus, core, subsidies',
		load: async () => (await import('./fairness.ts')).fairnessCommand
	}
};
