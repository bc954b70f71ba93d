// The app's shared state. The address is the one source of the view (scenario, variant, year, method, language,
// edits): the view is derived from it, and every change of view is a navigation to a new address. Around it:
// the session's undo/redo history, the side new edits apply to, uploaded scenarios, the autosave in browser
// storage (which tells a tab when another tab saved other work in between), and the model results derived
// from the view. One instance per browser tab, created in the root layout.
import { getContext, setContext } from 'svelte';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import {
	DEFAULT_EDIT_SIDE,
	basisName,
	capitalised,
	componentName,
	issueMessage,
	keyTypeName,
	makeIssue,
	methodName,
	renderMessage,
	sameTarget,
	type Basis,
	type Component,
	type Issue,
	type IssueTexts,
	type Message
} from '@sp71/model';
import { DEFAULT_LANG, inLang, intlLocale, langOf, translate, type Lang, type MessageKey } from '../i18n.ts';
import {
	applyView,
	computeComparison,
	loadSource,
	runAllMethods,
	type Computed,
	type LoadedScenario,
	type ScenarioSource,
	type Side
} from '../model.ts';
import { builtinSources } from '../scenarios.ts';
import {
	checkChanges,
	decodeView,
	EMPTY_VIEW,
	encodeView,
	hasViewParams,
	keepPageParams,
	type Change,
	type EditSide,
	type ViewState
} from './url.ts';

export const STORAGE_KEY = 'sp71-ui/v1';

export interface Notice {
	readonly kind: 'error' | 'info';
	readonly text: string;
	readonly issues?: readonly Issue[];
}

/** What the autosave keeps: the work, and which tab saved it when (to tell a tab that another one saved since). */
interface Saved {
	readonly view: ViewState;
	readonly lang: Lang;
	readonly uploads: readonly ScenarioSource[];
	readonly rev?: number;
	readonly tab?: string;
	readonly savedAt?: string;
}

/** The part of the view that undo and redo step through. */
type Snapshot = Pick<ViewState, 'changes' | 'method'>;

/** Another tab saved other work after this tab last read or wrote it: this tab's next save waits for the user. */
export interface SaveConflict {
	readonly savedAt: string | null;
	readonly edits: number;
}

export class AppState {
	notice = $state.raw<Notice | null>(null);
	uploads = $state.raw<readonly ScenarioSource[]>([]);
	/** The side new edits apply to (shown beside the edit count on every page). */
	editSide = $state<EditSide>(DEFAULT_EDIT_SIDE);
	/** False until the URL and saved work have been read (in the browser). */
	ready = $state(false);
	conflict = $state.raw<SaveConflict | null>(null);
	#past = $state.raw<readonly Snapshot[]>([]);
	#future = $state.raw<readonly Snapshot[]>([]);
	/** The view just asked for, until the address has caught up (so two quick changes do not undo each other). */
	#pending: ViewState | null = null;
	#tab = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());
	#seenRev = 0;

	/** The view, read from the address (before the first read: the empty view). */
	view = $derived.by<ViewState>(() => {
		if (!this.ready) return EMPTY_VIEW;
		const decoded = decodeView(page.url.searchParams);
		return decoded.ok ? decoded.value : EMPTY_VIEW;
	});
	lang = $derived<Lang>((this.ready && langOf(page.url.searchParams.get('lang'))) || DEFAULT_LANG);

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
	/** The chosen variant as the scenario file describes it (title, description, changes with their rationale). */
	variant = $derived(this.scenario?.model.variants.find((v) => v.id === this.variantId) ?? null);
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
	/**
	 * The side the edit pages show and edit: the baseline when new edits apply to the baseline only, otherwise
	 * the alternative.
	 */
	shownSide = $derived<Side>(this.editSide === 'base' ? 'base' : 'variant');
	/** That side as the user sees it (with its edits), for the keys and data pages. */
	viewScenario = $derived.by(() =>
		this.scenario ? applyView(this.scenario, this.variantId, this.view.changes, this.shownSide) : null
	);
	/** The comparison without any edits: the reference the "effect of your edits" is measured against. */
	reference = $derived.by(() => {
		if (!this.scenario || this.view.changes.length === 0) return null;
		return computeComparison(this.scenario, this.variantId, [], this.view.method, this.year);
	});
	/** The comparison under the scenario's own methods, when the user overrides the method (to explain a total). */
	ownMethod = $derived.by(() => {
		if (!this.scenario || this.view.method === null) return null;
		return computeComparison(this.scenario, this.variantId, this.view.changes, null, this.year);
	});
	/**
	 * The edits the slower analyses (the three methods side by side) follow: updated just after the main figures
	 * have been drawn, so typing stays responsive.
	 */
	settledChanges = $state.raw<readonly Change[]>([]);
	/** The baseline under each of the three methods (computed only when a page reads it). */
	methodRuns = $derived.by(() => (this.scenario ? runAllMethods(this.scenario, this.settledChanges) : null));
	computeIssues = $derived(this.attempt && !this.attempt.ok ? this.attempt.issues : []);

	canUndo = $derived(this.#past.length > 0);
	canRedo = $derived(this.#future.length > 0);

	t = (key: MessageKey, params?: Record<string, string | number>) => translate(this.lang, key, params);
	/** A Dutch/English pair in the page's language (components never compare the language themselves). */
	pick = <T>(pair: Readonly<Record<Lang, T>>): T => inLang(this.lang, pair);
	/** The Intl locale of the page's language. */
	intl = $derived(intlLocale(this.lang));
	/** The model's sentence (a message) in the page's language. */
	say = (m: Message) => renderMessage(m, this.lang);
	/** The text of an issue in the page's language. */
	issue = (i: Issue) => issueMessage(i, this.lang);
	/** The model's one name of a cost component. */
	component = (c: Component) => componentName(c, this.lang);
	/** The model's name of an allocation method, as a heading ("Wederzijds"). */
	method = (m: string) => capitalised(methodName(m, this.lang));
	/** The model's name of a key type, as a heading ("Vaste percentages"). */
	keyType = (type: string) => capitalised(keyTypeName(type, this.lang));
	/** The model's name of a basis, as a heading ("Schatting"). */
	basis = (b: Basis) => capitalised(basisName(b, this.lang));

	/** The query (without "?") that reproduces this view (for links between pages and "copy link"). */
	search = $derived.by(() =>
		this.#searchOf(
			{ ...this.view, scenario: this.scenario?.id ?? null, variant: this.variantId, year: this.year },
			this.lang
		)
	);

	#searchOf(view: ViewState, lang: Lang): string {
		const params = encodeView(view);
		if (lang !== DEFAULT_LANG) params.set('lang', lang);
		return params.toString();
	}

	/**
	 * Read the view from a shared link, else restore saved work, else start from the reference; then put the
	 * complete view in the address, which from then on is its one source.
	 */
	async init(params: URLSearchParams, storage: Storage | null): Promise<void> {
		const saved = readSaved(storage);
		if (saved) {
			this.uploads = saved.uploads;
			this.#seenRev = saved.rev ?? 0;
		}
		const linkLang = params.get('lang');
		const lang: Lang = langOf(linkLang) ?? saved?.lang ?? DEFAULT_LANG;
		let view = saved?.view ?? EMPTY_VIEW;
		if (hasViewParams(params)) {
			const decoded = decodeView(params);
			const problem = decoded.ok ? this.linkProblem(decoded.value) : decoded.messages;
			if (decoded.ok && problem === null) view = decoded.value;
			else this.notice = { kind: 'error', text: translate(lang, 'brokenLink', { reason: problem?.[lang] ?? '' }) };
		}
		const search = this.#searchOf(view, lang);
		await this.#navigate(keepPageParams(search, stripView(params)));
		this.ready = true;
	}

	async #navigate(search: string): Promise<void> {
		const url = `${page.url.pathname}${search ? `?${search}` : ''}`;
		if (url === `${page.url.pathname}${page.url.search}`) return;
		// eslint-disable-next-line svelte/no-navigation-without-resolve -- the current pathname is already resolved
		await goto(url, { replaceState: true, keepFocus: true, noScroll: true });
	}

	/** Let the slower analyses catch up with the edits (called from an effect, after the main update). */
	settle() {
		const changes = this.view.changes;
		if (changes === this.settledChanges) return () => {};
		// After the next frame has been painted and when nothing else waits (the next keystroke, the result chart
		// being drawn go first), at most a quarter of a second later: an idle callback asked for inside
		// requestAnimationFrame runs after that frame.
		const update = () => (this.settledChanges = changes);
		let idle: number | undefined;
		const frame = requestAnimationFrame(() => {
			idle =
				typeof requestIdleCallback === 'function'
					? requestIdleCallback(update, { timeout: 250 })
					: window.setTimeout(update, 0);
		});
		return () => {
			cancelAnimationFrame(frame);
			if (idle === undefined) return;
			if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
			else clearTimeout(idle);
		};
	}

	/** What makes a decoded link unusable here (unknown scenario, variant or year), or null. */
	linkProblem(view: ViewState): IssueTexts | null {
		const scenario = view.scenario === null ? this.scenarios[0] : this.scenarios.find((s) => s.id === view.scenario);
		if (!scenario) return { en: `unknown scenario "${view.scenario}"`, nl: `onbekend scenario "${view.scenario}"` };
		if (view.variant !== null && !scenario.variants.some((v) => v.id === view.variant))
			return { en: `unknown variant "${view.variant}"`, nl: `onbekende variant "${view.variant}"` };
		if (view.year !== null && (view.year < scenario.horizon.from || view.year > scenario.horizon.to))
			return {
				en: `the year ${view.year} lies outside ${scenario.horizon.from}–${scenario.horizon.to}`,
				nl: `het jaar ${view.year} ligt buiten ${scenario.horizon.from}–${scenario.horizon.to}`
			};
		return null;
	}

	/**
	 * Autosave the work (called from an effect). When another tab saved other work since this tab last read or
	 * wrote it, nothing is written and the user is asked (see `conflict`), so neither tab silently wins.
	 */
	save(storage: Storage | null, force = false) {
		if (!storage || !this.ready) return;
		const stored = readSaved(storage);
		const payload = { view: this.view, lang: this.lang, uploads: this.uploads };
		if (
			stored &&
			JSON.stringify({ view: stored.view, lang: stored.lang, uploads: stored.uploads }) === JSON.stringify(payload)
		) {
			this.#seenRev = stored.rev ?? 0;
			return;
		}
		if (!force && stored && (stored.rev ?? 0) !== this.#seenRev && stored.tab !== this.#tab) {
			this.conflict = { savedAt: stored.savedAt ?? null, edits: stored.view.changes.length };
			return;
		}
		const rev = Math.max(stored?.rev ?? 0, this.#seenRev) + 1;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp turned into text at once, never read reactively
		const saved: Saved = { ...payload, rev, tab: this.#tab, savedAt: new Date().toISOString() };
		try {
			storage.setItem(STORAGE_KEY, JSON.stringify(saved));
			this.#seenRev = rev;
			this.conflict = null;
		} catch {
			// Storage full or blocked: the address still holds the view.
		}
	}

	/** Resolve a save conflict: keep this tab's work (overwriting the other tab's) or open the other tab's. */
	async resolveConflict(storage: Storage | null, keep: 'mine' | 'theirs') {
		if (keep === 'mine') return this.save(storage, true);
		const stored = readSaved(storage);
		this.conflict = null;
		if (!stored) return;
		this.#seenRev = stored.rev ?? 0;
		this.uploads = stored.uploads;
		await this.#navigate(keepPageParams(this.#searchOf(stored.view, stored.lang), page.url.search));
	}

	/** Change the view: a navigation to the address that holds it. */
	setView(patch: Partial<ViewState>) {
		const next = { ...(this.#pending ?? this.view), ...patch };
		this.#pending = next;
		void this.#navigate(keepPageParams(this.#searchOf(next, this.lang), page.url.search)).finally(() => {
			if (this.#pending === next) this.#pending = null;
		});
	}

	setLang(lang: Lang) {
		void this.#navigate(keepPageParams(this.#searchOf(this.#pending ?? this.view, lang), page.url.search));
	}

	/** Change the edits or the method as one step of the session's undo history. */
	#commit(next: Snapshot) {
		const current = this.#pending ?? this.view;
		this.#past = [...this.#past, { changes: current.changes, method: current.method }];
		this.#future = [];
		this.setView(next);
	}

	undo() {
		const previous = this.#past.at(-1);
		if (!previous) return;
		const current = this.#pending ?? this.view;
		this.#past = this.#past.slice(0, -1);
		this.#future = [{ changes: current.changes, method: current.method }, ...this.#future];
		this.setView(previous);
	}

	redo() {
		const next = this.#future[0];
		if (!next) return;
		const current = this.#pending ?? this.view;
		this.#future = this.#future.slice(1);
		this.#past = [...this.#past, { changes: current.changes, method: current.method }];
		this.setView(next);
	}

	setMethod(method: ViewState['method']) {
		const current = this.#pending ?? this.view;
		if (method !== current.method) this.#commit({ changes: current.changes, method });
	}

	/** Drop one edit (from the edit list); the others stay. */
	removeChange(set: string, from?: string) {
		const current = this.#pending ?? this.view;
		this.#commit({
			changes: current.changes.filter((c) => !sameTarget(c, { set, from })),
			method: current.method
		});
	}

	/**
	 * Try an edit: when the model accepts the scenario with it, store it (the figures follow); otherwise return
	 * the issues and change nothing. A field edited before keeps the side it was given; a new one takes the
	 * side chosen for new edits.
	 */
	tryChange(change: Change): readonly Issue[] {
		if (!this.scenario) return [];
		const current = this.#pending ?? this.view;
		const side = change.side ?? current.changes.find((c) => sameTarget(c, change))?.side ?? this.editSide;
		const edit: Change = { ...change, side };
		const changes = [...current.changes.filter((c) => !sameTarget(c, edit)), edit];
		// The whole computation must succeed (validation and both runs; memoised, so the update that follows
		// reuses it): an edit the model cannot compute is never stored, nor put in the link.
		const checked = computeComparison(this.scenario, this.variantId, changes, current.method, this.year);
		if (!checked.ok) return checked.issues;
		this.#commit({ changes, method: current.method });
		return [];
	}

	/** Move an existing edit to another side (from the edit list), if the model accepts the result. */
	setSide(target: Pick<Change, 'set' | 'from'>, side: EditSide): readonly Issue[] {
		const existing = (this.#pending ?? this.view).changes.find((c) => sameTarget(c, target));
		return existing ? this.tryChange({ ...existing, side }) : [];
	}

	/** The edit currently stored for a path, if any. */
	changeFor(set: string, from?: string): Change | undefined {
		return this.view.changes.find((c) => sameTarget(c, { set, from }));
	}

	/** "Terug naar referentie": drop every edit and the method override (one undoable step). */
	reset() {
		this.#commit({ changes: [], method: null });
		this.notice = { kind: 'info', text: translate(this.lang, 'resetDone') };
	}

	/**
	 * Add an uploaded scenario (or a scenario with an uploaded variant) and show it, when the model loads and
	 * computes it; otherwise return the issues and change nothing (no upload kept, view and saved work as before).
	 */
	addUpload(source: ScenarioSource, scenarioId: string, variantId: string | null = null): readonly Issue[] {
		const loaded = loadSource(source);
		if (!loaded.ok) return loaded.issues;
		if (loaded.value.id !== scenarioId)
			return [
				makeIssue('upload_mismatch', '', {
					en: `the file holds "${loaded.value.id}"`,
					nl: `het bestand bevat "${loaded.value.id}"`
				})
			];
		const checked = computeComparison(loaded.value, variantId ?? loaded.value.variants[0]?.id ?? null, [], null);
		if (!checked.ok) return checked.issues;
		this.uploads = [...this.uploads.filter((u) => u.file !== source.file), source];
		this.setView({ scenario: scenarioId, variant: variantId, changes: [] });
		return [];
	}

	/** Forget every uploaded file: back to the scenarios bundled with the app. */
	clearUploads() {
		this.uploads = [];
		this.setView({ scenario: null, variant: null, changes: [] });
	}
}

/** The query without its view parameters (what is page-local). */
function stripView(params: URLSearchParams): string {
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local copy, turned into text at once
	const rest = new URLSearchParams(params);
	for (const key of ['s', 'v', 'y', 'm', 'c', 'lang']) rest.delete(key);
	return rest.toString();
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
			lang: langOf(saved.lang) ?? DEFAULT_LANG,
			uploads: Array.isArray(saved.uploads) ? saved.uploads : [],
			...(typeof saved.rev === 'number' ? { rev: saved.rev } : {}),
			...(typeof saved.tab === 'string' ? { tab: saved.tab } : {}),
			...(typeof saved.savedAt === 'string' ? { savedAt: saved.savedAt } : {})
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
