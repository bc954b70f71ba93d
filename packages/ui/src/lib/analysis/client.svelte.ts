// The page side of the analysis workers: one for the Monte Carlo and one for the exact analyses (each
// created on first use, in the browser only), their progress and results as reactive state, and cancellation. The overview, the summary and
// the uncertainty page share it, so one Monte Carlo run serves all three.
import * as Comlink from 'comlink';
import type { BreakEven, BreakEvenRequest, Issue, MethodOrderSpread, SensitivityRow } from '@sp71/model';
import { ISSUES_MARK, type AnalysisApi, type AnalysisView, type SimulationOutcome } from './types.ts';

/** Draws of the app's Monte Carlo run (on the recorded float kernel, exact where a guard fails; see docs/performance.md). */
export const APP_DRAWS = 10_000;
export const APP_SEED = 1;

type Status = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

function keyOf(view: AnalysisView, extra: unknown = null): string {
	return JSON.stringify([view.source.file, view.source.text.length, view.variantId, view.changes, extra]);
}

/** The key of the app's Monte Carlo run for `view` (its draws and seed included). */
export function runKey(view: AnalysisView): string {
	return keyOf(view, [APP_DRAWS, APP_SEED]);
}

export class AnalysisClient {
	status = $state<Status>('idle');
	done = $state(0);
	total = $state(0);
	outcome = $state.raw<SimulationOutcome | null>(null);
	error = $state<string | null>(null);
	/** The scenario's issues behind `error`, when that is what stopped the run (shown in the page's language). */
	errorIssues = $state.raw<readonly Issue[] | null>(null);

	/** The error in the page's language: its issues through `text`, else the message as it came. */
	errorText(text: (issue: Issue) => string): string | null {
		return this.errorIssues ? this.errorIssues.map((i) => `${i.path}: ${text(i)}`).join('; ') : this.error;
	}
	/** The view the outcome belongs to. */
	outcomeKey = $state<string | null>(null);
	tornado = $state.raw<SensitivityRow[] | null>(null);
	tornadoKey = $state<string | null>(null);
	tornadoDone = $state(0);
	tornadoTotal = $state(0);
	spread = $state.raw<MethodOrderSpread | null>(null);
	spreadKey = $state<string | null>(null);
	#api: Comlink.Remote<AnalysisApi> | null = null;
	#exactApi: Comlink.Remote<AnalysisApi> | null = null;
	#runningKey: string | null = null;
	/** The Monte Carlo run in progress: the exact analyses start after it, so the two do not share the cores. */
	#running: Promise<void> | null = null;

	static #spawn(): Comlink.Remote<AnalysisApi> {
		// Vite bundles the worker from this literal URL pattern; it is not reactive state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
		return Comlink.wrap<AnalysisApi>(worker);
	}

	/** The Monte Carlo worker. */
	#remote(): Comlink.Remote<AnalysisApi> {
		this.#api ??= AnalysisClient.#spawn();
		return this.#api;
	}

	/** A second worker for the exact analyses (tornado, method spread, break-even), so they never hold up a Monte Carlo run. */
	#exact(): Comlink.Remote<AnalysisApi> {
		this.#exactApi ??= AnalysisClient.#spawn();
		return this.#exactApi;
	}

	/** Whether the outcome on hand is for `view`. */
	isFor(view: AnalysisView | null): boolean {
		return view !== null && this.outcomeKey === runKey(view);
	}

	/** Run the Monte Carlo for `view` unless it is running or done for it already (or was cancelled for it). */
	ensure(view: AnalysisView): void {
		const key = runKey(view);
		if (this.outcomeKey === key || this.#runningKey === key) return;
		void this.simulate(view);
	}

	/** Run the Monte Carlo for `view` (a running one is cancelled first). */
	simulate(view: AnalysisView, draws = APP_DRAWS, seed = APP_SEED): Promise<void> {
		const run = this.#simulate(view, draws, seed);
		this.#running = run;
		void run.finally(() => {
			if (this.#running === run) this.#running = null;
		});
		return run;
	}

	async #simulate(view: AnalysisView, draws: number, seed: number): Promise<void> {
		const key = keyOf(view, [draws, seed]);
		this.#runningKey = key;
		this.status = 'running';
		this.error = null;
		this.errorIssues = null;
		this.done = 0;
		this.total = draws;
		try {
			const outcome = await this.#remote().simulate(
				$state.snapshot(view) as AnalysisView,
				draws,
				seed,
				Comlink.proxy((done: number, total: number) => {
					if (this.#runningKey !== key) return;
					this.done = done;
					this.total = total;
				})
			);
			if (this.#runningKey !== key) return;
			this.outcome = outcome;
			this.outcomeKey = key;
			this.status = 'done';
		} catch (error) {
			if (this.#runningKey !== key) return;
			const message = error instanceof Error ? error.message : String(error);
			this.status = /cancelled/.test(message) ? 'cancelled' : 'error';
			if (this.status === 'error') {
				this.errorIssues = message.startsWith(ISSUES_MARK)
					? (JSON.parse(message.slice(ISSUES_MARK.length)) as Issue[])
					: null;
				this.error = this.errorIssues ? this.errorIssues.map((i) => `${i.path}: ${i.message}`).join('; ') : message;
			}
		} finally {
			if (this.#runningKey === key) this.#runningKey = null;
		}
	}

	/** Stop the running Monte Carlo (the last finished outcome stays). */
	cancel(): void {
		void this.#api?.cancel();
	}

	/** The tornado (and its per-participant rows) for `view`, computed once per view and year. */
	async loadTornado(view: AnalysisView, year: number | null, lang: 'nl' | 'en'): Promise<void> {
		const key = keyOf(view, ['tornado', year, lang]);
		if (this.tornadoKey === key) return;
		this.tornadoKey = key;
		this.tornado = null;
		this.tornadoDone = 0;
		await this.#running;
		if (this.tornadoKey !== key) return;
		const rows = await this.#exact().tornado(
			$state.snapshot(view) as AnalysisView,
			year,
			lang,
			Comlink.proxy((done: number, total: number) => {
				if (this.tornadoKey !== key) return;
				this.tornadoDone = done;
				this.tornadoTotal = total;
			})
		);
		if (this.tornadoKey === key) this.tornado = rows;
	}

	/** The method spread of the alternative for `view`. */
	async loadSpread(view: AnalysisView, year: number | null): Promise<void> {
		const key = keyOf(view, ['spread', year]);
		if (this.spreadKey === key) return;
		this.spreadKey = key;
		this.spread = null;
		await this.#running;
		if (this.spreadKey !== key) return;
		const spread = await this.#exact().methodSpread($state.snapshot(view) as AnalysisView, year);
		if (this.spreadKey === key) this.spread = spread;
	}

	/** Break-even of one input for one participant. */
	breakEven(view: AnalysisView, request: BreakEvenRequest): Promise<BreakEven> {
		return this.#exact().breakEven($state.snapshot(view) as AnalysisView, request);
	}
}

/**
 * Run `job` once the page has loaded and the main thread is idle (at most a second after the load event);
 * returns a function that cancels it. The headline range waits for this, so the worker's script is fetched
 * and compiled after the page's own JavaScript rather than beside it.
 */
export function whenIdle(job: () => void): () => void {
	let cancelled = false;
	let idle = 0;
	const run = () => {
		if (cancelled) return;
		if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(job, { timeout: 1000 });
		else idle = window.setTimeout(job, 200);
	};
	if (document.readyState === 'complete') run();
	else window.addEventListener('load', run, { once: true });
	return () => {
		cancelled = true;
		window.removeEventListener('load', run);
		if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
		else clearTimeout(idle);
	};
}

let shared: AnalysisClient | null = null;

/** The app's one analysis client (browser only). */
export function analysisClient(): AnalysisClient {
	shared ??= new AnalysisClient();
	return shared;
}
