// The core of a game: the allocations of the grand coalition's worth that no coalition can
// improve on by itself. For a cost game, x(S) ≤ c(S) for every S; for a value game, y(S) ≥ v(S).
// A coalition that would do better alone "blocks" an allocation, by the amount it would gain.
import type Fraction from 'fraction.js';
import { allCoalitions, grandMask } from './coalition.ts';
import type { GameKind } from './types.ts';

/** A coalition that would be better off on its own, and by how much (always > 0). */
export interface BlockingCoalition {
	readonly mask: number;
	readonly gain: Fraction;
}

/** The coalitions that block `allocation` (one amount per player), largest gain first, then by mask. */
export function blockingCoalitions(
	n: number,
	kind: GameKind,
	worth: readonly Fraction[],
	allocation: readonly Fraction[]
): BlockingCoalition[] {
	const blocking: BlockingCoalition[] = [];
	for (const mask of allCoalitions(n)) {
		if (mask === grandMask(n)) continue;
		let total = allocation[0]!.sub(allocation[0]!);
		for (let i = 0; i < n; i++) if ((mask >> i) & 1) total = total.add(allocation[i]!);
		const gain = kind === 'cost' ? total.sub(worth[mask]!) : worth[mask]!.sub(total);
		if (gain.compare(0) > 0) blocking.push({ mask, gain });
	}
	return blocking.sort((a, b) => b.gain.compare(a.gain) || a.mask - b.mask);
}
