// Scenarios exactly as validated from their plain data: what validateStructure returns, and the
// copies the loader and applyVariant make that add only identity (id, lineage, variant list). A
// copy with other leaf values (analysis' withLeafValues) or a scenario put together by hand is not,
// so a variant of its plain data never takes its results (scenario/leaf-changes.ts).

const validated = new WeakSet<object>();

/** Record that `scenario` is exactly what its plain data validates to; returns it. */
export function markValidated<T extends object>(scenario: T): T {
	validated.add(scenario);
	return scenario;
}

/** Whether `scenario` is exactly what its plain data validates to (see markValidated). */
export function isValidated(scenario: object): boolean {
	return validated.has(scenario);
}
