// The contract between the page and the analysis worker: what a request carries and what comes back.
import type {
	BreakEven,
	BreakEvenRequest,
	MeasureFirstItem,
	MethodOrderSpread,
	SensitivityRow,
	SimulationReport
} from '@sp71/model';
import type { ScenarioSource } from '../model.ts';
import type { Change } from '../state/url.ts';

/** The view the analysis is for: the scenario's texts, the variant and the user's edits (on both sides). */
export interface AnalysisView {
	readonly source: ScenarioSource;
	readonly variantId: string;
	readonly changes: readonly Change[];
}

export type ProgressFn = (done: number, total: number) => void;

export interface SimulationOutcome {
	readonly report: SimulationReport;
	readonly measureFirst: readonly MeasureFirstItem[];
	readonly inputs: readonly {
		readonly path: string;
		readonly label: { readonly nl: string; readonly en: string };
		readonly basis: string;
		readonly low: string;
		readonly high: string;
		readonly value: string;
	}[];
	readonly milliseconds: number;
	/** Of which: recording the kernel and its self-check against the exact path. */
	readonly recordMilliseconds: number;
	/** How the draws were evaluated: on the float kernel, and how many on the exact path (a guard failed, or no kernel). */
	readonly evaluation: { readonly kernel: boolean; readonly draws: number; readonly exact: number };
}

/** The start of an error the worker throws for the scenario's issues: the issues follow as JSON, so the page shows them in its language. */
export const ISSUES_MARK = 'sp71-issues:';

export interface AnalysisApi {
	simulate(view: AnalysisView, draws: number, seed: number, onProgress?: ProgressFn): Promise<SimulationOutcome>;
	cancel(): void;
	tornado(
		view: AnalysisView,
		year: number | null,
		lang: 'nl' | 'en',
		onProgress?: ProgressFn
	): Promise<SensitivityRow[]>;
	breakEven(view: AnalysisView, request: BreakEvenRequest): Promise<BreakEven>;
	methodSpread(view: AnalysisView, year: number | null): Promise<MethodOrderSpread>;
}
