// Which uncertain inputs a computation read: while a collector is open, every leaf read through the
// kernel's seam (`recordedLeaf`) is noted by its path. A computation that read none of the inputs a
// derived scenario changed gives the same result there, which is what lets a tornado or break-even
// search recompute only the years an input reaches (legal-form/incremental.ts).

let current: Set<string> | undefined;

/** Note that the computation in progress read the leaf at `path`. */
export function noteRead(path: string): void {
	current?.add(path);
}

/** Note every path of an earlier computation whose result the computation in progress reuses. */
export function noteReads(paths: ReadonlySet<string>): void {
	if (current) for (const path of paths) current.add(path);
}

/** Run `fn` and return its value with the paths it read; the enclosing collector sees them too. */
export function collectReads<T>(fn: () => T): { value: T; reads: ReadonlySet<string> } {
	const outer = current;
	const reads = new Set<string>();
	current = reads;
	try {
		return { value: fn(), reads };
	} finally {
		current = outer;
		if (outer) for (const path of reads) outer.add(path);
	}
}
