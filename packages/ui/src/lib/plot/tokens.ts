// Semantic colours for charts and figures: one place, checked for contrast against white (WCAG AA for text).

export const colors = {
	/** The base (GR) bars. */
	base: '#4a5f8a',
	/** The variant (centrumgemeente) bars. */
	variant: '#c4661f',
	/** A cost increase for the municipality (worse). */
	increase: '#b3261e',
	/** A cost decrease (better). */
	decrease: '#1e7a46',
	/** Totals and neutral marks. */
	total: '#3a3a3a',
	/** Grid and zero lines. */
	rule: '#6b6b6b',
	/** One colour per municipality, in participant order. */
	participants: ['#1f5f99', '#b5462a', '#2f7d4f', '#7a4e9c'],
	/** Cost pools in the flow chart. */
	pool: '#5b6b7f',
	/** The three allocation methods. */
	methods: ['#1f5f99', '#c4661f', '#2f7d4f']
} as const;
