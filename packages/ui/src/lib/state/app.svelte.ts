// The app's shared state: the view (scenario, variant, year, method, edits), the language, uploaded scenarios,
// and the model results derived from them. One instance per browser tab, created in the root layout.
import { getContext, setContext } from 'svelte';
import type { Issue } from '@sp71/model';
import { translate, type Lang, type MessageKey } from '../i18n.ts';
import {
	applyView,
	computeComparison,
	loadSource,
	runAllMethods,
	type Computed,
	type LoadedScenario,
	type ScenarioSource
} from '../model.ts';
import { builtinSources } from '../scenarios.ts';
import {
	checkChanges,
	decodeSearch,
	decodeView,
	EMPTY_VIEW,
	encodeView,
	hasViewParams,
	type Change,
	type ViewState
} from './url.ts';

export const STORAGE_KEY = 'sp71-ui/v1';

export interface Notice {
	readonly kind: 'error' | 'info';
	readonly text: string;
	readonly issues?: readonly Issue[];
}

interface Saved {
	readonly view: ViewState;
	readonly lang: Lang;
	readonly uploads: readonly ScenarioSource[];
}

export class AppState {
	lang = $state<Lang>('nl');
	view = $state.raw<ViewState>(EMPTY_VIEW);
	notice = $state.raw<Notice | null>(null);
	uploads = $state.raw<readonly ScenarioSource[]>([]);
	/** False until the URL and saved work have been read (in the browser). */
	ready = $state(false);

	/** Every scenario the app knows, loaded and validated by the model. */
	loaded = $derived.by(() =>
		[...this.uploads, ...builtinSources].map((source) => ({ source, result: loadSource(source) }))
	);
	/** One per id: an uploaded scenario replaces the built-in one with the same id. */
	scenarios = $derived.by(() => {
		const ok = this.loaded.flatMap((l) => (l.result.ok ? [l.result.value] : []));
		return ok.filter((s, i) => ok.findIndex((x) => x.id === s.id) === i) as readonly LoadedScenario[];
	});
	loadIssues = $derived(this.loaded.flatMap((l) => (l.result.ok ? [] : l.result.issues)));

	scenario = $derived(this.scenarios.find((s) => s.id === this.view.scenario) ?? this.scenarios[0] ?? null);
	variantId = $derived.by(() => {
		const variants = this.scenario?.variants ?? [];
		return (variants.find((v) => v.id === this.view.variant) ?? variants[0])?.id ?? null;
	});
	years = $derived.by(() => {
		const h = this.scenario?.horizon;
		return h ? Array.from({ length: h.to - h.from + 1 }, (_, i) => h.from + i) : [];
	});
	year = $derived.by(() => {
		if (this.view.year !== null && this.years.includes(this.view.year)) return this.view.year;
		return this.years.includes(2025) ? 2025 : (this.years[0] ?? 0);
	});
	names = $derived(Object.fromEntries((this.scenario?.participants ?? []).map((p) => [p.id, p.name])));

	#lastGood: Computed | null = null;
	/** The model's answer for the current view: the comparison, or the issues that prevent it. */
	attempt = $derived.by(() => {
		if (!this.scenario) return null;
		return computeComparison(this.scenario, this.variantId, this.view.changes, this.view.method, this.year);
	});
	/** The figures on screen: the latest successful computation (a failing edit leaves them standing). */
	computed = $derived.by(() => {
		const attempt = this.attempt;
		if (attempt?.ok) this.#lastGood = attempt.value;
		return this.#lastGood;
	});
	/** The scenario as the user sees it (variant + edits), for the keys and data pages. */
	viewScenario = $derived.by(() =>
		this.scenario ? applyView(this.scenario, this.variantId, this.view.changes) : null
	);
	/** The comparison without any edits: the reference the "effect of your edits" is measured against. */
	reference = $derived.by(() => {
		if (!this.scenario || this.view.changes.length === 0) return null;
		return computeComparison(this.scenario, this.variantId, [], this.view.method, this.year);
	});
	/**
	 * The edits the slower analyses (the three methods side by side) follow: updated just after the main figures
	 * have been drawn, so typing stays responsive.
	 */
	settledChanges = $state.raw<readonly Change[]>([]);
	/** The baseline under each of the three methods (computed only when a page reads it). */
	methodRuns = $derived.by(() => (this.scenario ? runAllMethods(this.scenario, this.settledChanges) : null));
	computeIssues = $derived(this.attempt && !this.attempt.ok ? this.attempt.issues : []);

	t = (key: MessageKey, params?: Record<string, string | number>) => translate(this.lang, key, params);

	/** The query (without "?") that reproduces this view (for links between pages and "copy link"). */
	search = $derived.by(() => {
		const params = encodeView({
			...this.view,
			scenario: this.scenario?.id ?? this.view.scenario,
			variant: this.variantId,
			year: this.ready ? this.year : this.view.year
		});
		if (this.lang !== 'nl') params.set('lang', this.lang);
		return params.toString();
	});

	/** Read the view from a shared link, else restore saved work, else start from the reference. */
	init(params: URLSearchParams, storage: Storage | null) {
		const saved = readSaved(storage);
		if (saved) {
			this.uploads = saved.uploads;
			this.lang = saved.lang;
		}
		const lang = params.get('lang');
		if (lang === 'en' || lang === 'nl') this.lang = lang;
		if (hasViewParams(params)) {
			const decoded = decodeView(params);
			if (decoded.ok) {
				const problem = this.linkProblem(decoded.value);
				if (problem === null) this.view = decoded.value;
				else {
					this.view = saved?.view ?? EMPTY_VIEW;
					this.notice = { kind: 'error', text: translate(this.lang, 'brokenLink', { reason: problem }) };
				}
			} else {
				this.view = saved?.view ?? EMPTY_VIEW;
				this.notice = { kind: 'error', text: translate(this.lang, 'brokenLink', { reason: decoded.message }) };
			}
		} else if (saved) this.view = saved.view;
		this.ready = true;
	}

	/** Let the slower analyses catch up with the edits (called from an effect, after the main update). */
	settle() {
		const changes = this.view.changes;
		if (changes === this.settledChanges) return () => {};
		// After the next frame has been painted: a timer set inside requestAnimationFrame runs after that frame.
		let timer: ReturnType<typeof setTimeout> | undefined;
		const frame = requestAnimationFrame(() => (timer = setTimeout(() => (this.settledChanges = changes), 0)));
		return () => {
			cancelAnimationFrame(frame);
			clearTimeout(timer);
		};
	}

	/**
	 * After a navigation inside the app (a figure link carries its own year, the back button an older view):
	 * take the view from the address when it differs and is usable; otherwise keep the current one.
	 */
	adopt(search: string) {
		const decoded = decodeSearch(search);
		if (!decoded?.ok || this.linkProblem(decoded.value) !== null) return;
		const next = decoded.value;
		const same =
			(next.scenario ?? this.scenario?.id) === this.scenario?.id &&
			(next.variant ?? this.variantId) === this.variantId &&
			(next.year ?? this.year) === this.year &&
			next.method === this.view.method &&
			JSON.stringify(next.changes) === JSON.stringify(this.view.changes);
		if (!same) this.view = next;
	}

	/** What makes a decoded link unusable here (unknown scenario, variant or year), or null. */
	linkProblem(view: ViewState): string | null {
		const scenario = view.scenario === null ? this.scenarios[0] : this.scenarios.find((s) => s.id === view.scenario);
		if (!scenario) return `unknown scenario "${view.scenario}"`;
		if (view.variant !== null && !scenario.variants.some((v) => v.id === view.variant))
			return `unknown variant "${view.variant}"`;
		if (view.year !== null && (view.year < scenario.horizon.from || view.year > scenario.horizon.to))
			return `the year ${view.year} lies outside ${scenario.horizon.from}–${scenario.horizon.to}`;
		return null;
	}

	save(storage: Storage | null) {
		if (!storage || !this.ready) return;
		const saved: Saved = { view: this.view, lang: this.lang, uploads: this.uploads };
		try {
			storage.setItem(STORAGE_KEY, JSON.stringify(saved));
		} catch {
			// Storage full or blocked: the URL still holds the view.
		}
	}

	setView(patch: Partial<ViewState>) {
		this.view = { ...this.view, ...patch };
	}

	/** Replace or add the edit for `set` (and `from`); other edits stay. */
	setChange(change: Change) {
		const others = this.view.changes.filter((c) => !(c.set === change.set && c.from === change.from));
		this.setView({ changes: [...others, change] });
	}

	removeChange(set: string, from?: string) {
		this.setView({ changes: this.view.changes.filter((c) => !(c.set === set && c.from === from)) });
	}

	/**
	 * Try an edit: when the model accepts the scenario with it, store it (the figures follow); otherwise return
	 * the issues and change nothing.
	 */
	tryChange(change: Change): readonly Issue[] {
		if (!this.scenario) return [];
		const changes = [...this.view.changes.filter((c) => !(c.set === change.set && c.from === change.from)), change];
		// The whole computation must succeed (validation and both runs; memoised, so the update that follows
		// reuses it): an edit the model cannot compute is never stored, nor put in the link.
		const checked = computeComparison(this.scenario, this.variantId, changes, this.view.method, this.year);
		if (!checked.ok) return checked.issues;
		this.setView({ changes });
		return [];
	}

	/** The edit currently stored for a path, if any. */
	changeFor(set: string, from?: string): Change | undefined {
		return this.view.changes.find((c) => c.set === set && c.from === from);
	}

	/** "Terug naar referentie": drop every edit and the method override. */
	reset() {
		this.setView({ changes: [], method: null });
		this.notice = { kind: 'info', text: translate(this.lang, 'resetDone') };
	}

	/** Add an uploaded scenario (or a scenario with an uploaded variant) and show it. */
	addUpload(source: ScenarioSource, scenarioId: string, variantId: string | null = null) {
		this.uploads = [...this.uploads.filter((u) => u.file !== source.file), source];
		this.setView({ scenario: scenarioId, variant: variantId, changes: [] });
	}

	/** Forget every uploaded file: back to the scenarios bundled with the app. */
	clearUploads() {
		this.uploads = [];
		this.setView({ scenario: null, variant: null, changes: [] });
	}
}

function readSaved(storage: Storage | null): Saved | null {
	if (!storage) return null;
	try {
		const text = storage.getItem(STORAGE_KEY);
		if (!text) return null;
		const saved = JSON.parse(text) as Saved;
		const changes = checkChanges(saved.view?.changes);
		if (!changes.ok) return null;
		return {
			view: { ...EMPTY_VIEW, ...saved.view, changes: changes.value },
			lang: saved.lang === 'en' ? 'en' : 'nl',
			uploads: Array.isArray(saved.uploads) ? saved.uploads : []
		};
	} catch {
		return null;
	}
}

const KEY = Symbol('app-state');

export function setAppState(state: AppState): AppState {
	return setContext(KEY, state);
}

export function getAppState(): AppState {
	return getContext<AppState>(KEY);
}
