// Coalitions as bit masks over a game's players: membership, size, names and the canonical key
// ("A,B" in the players' order) used by the game file and every result.

/** The mask of the grand coalition of `n` players. */
export function grandMask(n: number): number {
	return (1 << n) - 1;
}

/** Number of members of a coalition. */
export function sizeOf(mask: number): number {
	let count = 0;
	for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
	return count;
}

/** The members' indices, ascending. */
export function membersOf(mask: number): number[] {
	const members: number[] = [];
	for (let i = 0; mask >> i !== 0; i++) if ((mask >> i) & 1) members.push(i);
	return members;
}

/** The canonical key of a coalition: member ids in the players' order, joined by commas. */
export function coalitionKey(mask: number, players: readonly string[]): string {
	return membersOf(mask)
		.map((i) => players[i])
		.join(',');
}

/** Every non-empty coalition of `n` players, by size and then by mask (the order of every listing). */
export function allCoalitions(n: number): number[] {
	const masks = Array.from({ length: grandMask(n) }, (_, i) => i + 1);
	return masks.sort((a, b) => sizeOf(a) - sizeOf(b) || a - b);
}
