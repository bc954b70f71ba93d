// A user's edits over a scenario: variant-format changes that each say which side of a comparison they
// apply to (the baseline, the alternative or both), and how they become variant files that reproduce a view.
import type { Change } from './types.ts';
import { VARIANT_FORMAT } from './validate.ts';

/** The side of a comparison an edit applies to. */
export type EditSide = 'both' | 'base' | 'variant';
export const EDIT_SIDES: readonly EditSide[] = ['both', 'base', 'variant'];
/** The side an edit applies to when none is given: both, so a corrected input holds in every option. */
export const DEFAULT_EDIT_SIDE: EditSide = 'both';

/** One edit: a change in the variant format, with the side it applies to (absent: {@link DEFAULT_EDIT_SIDE}). */
export interface Edit extends Change {
	readonly side?: EditSide;
}

/** The side an edit applies to, with the default filled in. */
export function sideOf(edit: Edit): EditSide {
	return edit.side ?? DEFAULT_EDIT_SIDE;
}

/** The plain change of an edit (without its side), as the variant format holds it. */
function toChange(edit: Edit): Change {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the side is dropped on purpose
	const { side, ...change } = edit;
	return change;
}

/** The changes that apply to the baseline and to the alternative, each in the order they were made. */
export function splitEdits(edits: readonly Edit[]): { readonly base: Change[]; readonly variant: Change[] } {
	return {
		base: edits.filter((e) => sideOf(e) !== 'variant').map(toChange),
		variant: edits.filter((e) => sideOf(e) !== 'base').map(toChange)
	};
}

/** True when two edits set the same field from the same date (a later one replaces the earlier). */
export function sameTarget(a: Pick<Edit, 'set' | 'from'>, b: Pick<Edit, 'set' | 'from'>): boolean {
	return a.set === b.set && a.from === b.from;
}

/** A variant file (the `sp71-scenario-variant/1` format) as plain data. */
export interface VariantFile {
	readonly format: typeof VARIANT_FORMAT;
	readonly id: string;
	readonly title: { readonly nl: string; readonly en: string };
	readonly description: string;
	readonly base: string;
	readonly changes: readonly Change[];
}

/**
 * The variant files that reproduce a comparison with edits: `alternative` stacks the alternative's edits on the
 * chosen variant; `baseline` (only when an edit touches the baseline) stacks the baseline's edits on the
 * scenario, so the comparison on screen is `baseline` against `alternative`.
 */
export function editsToVariantFiles(
	edits: readonly Edit[],
	context: { readonly scenarioId: string; readonly variantId: string | null }
): { readonly alternative: VariantFile; readonly baseline: VariantFile | null } {
	const { base, variant } = splitEdits(edits);
	const touchesBase = base.length > 0;
	const alternative: VariantFile = {
		format: VARIANT_FORMAT,
		id: 'eigen-wijzigingen',
		title: { nl: 'Eigen wijzigingen', en: 'Own edits' },
		description: touchesBase
			? 'The alternative with the edits made in the web app; compare it with eigen-wijzigingen-basis.'
			: 'The alternative with the edits made in the web app; compare it with the baseline.',
		base: context.variantId ?? context.scenarioId,
		changes: variant
	};
	const baseline: VariantFile | null = touchesBase
		? {
				format: VARIANT_FORMAT,
				id: 'eigen-wijzigingen-basis',
				title: { nl: 'Basis met eigen wijzigingen', en: 'Baseline with own edits' },
				description: 'The baseline with the edits made in the web app that apply to it.',
				base: context.scenarioId,
				changes: base
			}
		: null;
	return { alternative, baseline };
}
