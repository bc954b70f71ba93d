// The engine seam in a recorded numeric kernel: one year's allocation becomes one macro whose inputs
// are the pools' costs and weights and whose outputs are the charges per participant and pool, the
// totals and what stays unallocated; its float twin is the float allocation engine. Guards keep the
// structure of the recording: a weight that was zero stays zero, and what was allocated stays so.
import { allocateFloatDetail, floatWork, type FloatProblem } from '../allocation/float.ts';
import { Decimal, toDecimal } from '../money/decimal.ts';
import { recordedMacro } from '../money/tape.ts';
import type { YearAllocation, YearAllocationInput } from './engine.ts';

interface Layout {
	readonly charges: readonly { readonly participant: number; readonly pool: number; readonly id: string }[];
}

/** The float twin of one year's allocation over [costs..., weights...] into [charges..., totals..., unallocated...]. */
function floatAllocation(input: YearAllocationInput, layout: () => Layout) {
	const n = input.pools.length;
	const m = input.participants.length;
	const index = new Map<string, number>();
	input.pools.forEach((p, i) => index.set(p.id, i));
	input.participants.forEach((r, j) => index.set(r, n + j));
	const slots = input.pools.flatMap((p, i) => [...p.weights.keys()].map((target) => i * (n + m) + index.get(target)!));
	const order =
		input.order && input.method === 'step-down'
			? Int32Array.from(input.order.map((id) => index.get(id)!))
			: Int32Array.from({ length: n }, (_, i) => i);
	const problem: FloatProblem = { n, m, cost: new Float64Array(n), weights: new Float64Array(n * (n + m)), order };
	const work = floatWork(n, m);
	let byRecipient: number[][] | undefined;
	return (x: Float64Array, y: Float64Array) => {
		for (let i = 0; i < n; i++) problem.cost[i] = x[i]!;
		for (let k = 0; k < slots.length; k++) problem.weights[slots[k]!] = x[n + k]!;
		const result = allocateFloatDetail(problem, input.method, work);
		const { charges } = layout();
		byRecipient ??= Array.from({ length: m }, (_, r) =>
			charges
				.flatMap((c, k) => (c.participant === r ? [k] : []))
				.sort((a, b) => (charges[a]!.id < charges[b]!.id ? -1 : 1))
		);
		for (let k = 0; k < charges.length; k++) y[k] = result.flows[charges[k]!.pool * m + charges[k]!.participant]!;
		// The exact seam moves a rounding cent into the participant's largest pool charge (ties: pool id).
		for (let r = 0; r < m; r++) {
			const own = byRecipient[r]!;
			let diff = result.totals[r]!;
			for (const k of own) diff -= y[k]!;
			if (diff === 0 || own.length === 0) continue;
			let best = own[0]!;
			for (const k of own) if (y[k]! > y[best]!) best = k;
			y[best]! += diff;
		}
		for (let k = 0; k < charges.length; k++) y[k] = y[k]! / 100;
		for (let r = 0; r < m; r++) y[charges.length + r] = result.totals[r]! / 100;
		for (let i = 0; i < n; i++) y[charges.length + m + i] = result.unallocated[i]! / 100;
	};
}

/** What makes two allocations the same rule: method, order, pools with their weight targets, participants. */
function signatureOf(input: YearAllocationInput): string {
	return JSON.stringify([
		'allocation',
		input.method,
		input.order ?? null,
		input.pools.map((p) => [p.id, [...p.weights.keys()]]),
		input.participants
	]);
}

/** One year's allocation recorded as a macro (the exact allocation gives the nominal figures). */
export function recordedAllocation(
	input: YearAllocationInput,
	exact: (input: YearAllocationInput) => YearAllocation
): YearAllocation {
	let nominal: YearAllocation | undefined;
	let layout: Layout | undefined;
	const inputs = [...input.pools.map((p) => p.cost), ...input.pools.flatMap((p) => [...p.weights.values()])];
	const outputs = recordedMacro(
		inputs,
		() => {
			nominal = exact(input);
			const poolIndex = new Map(input.pools.map((p, i) => [p.id, i]));
			layout = {
				charges: input.participants.flatMap((p, participant) =>
					[...(nominal!.charges.get(p) ?? new Map<string, Decimal>()).keys()].map((id) => ({
						participant,
						pool: poolIndex.get(id)!,
						id
					}))
				)
			};
			return [
				...layout.charges.map((c) => nominal!.charges.get(input.participants[c.participant]!)!.get(c.id)!),
				...input.participants.map((p) => nominal!.totals.get(p)!),
				...input.pools.map((p) => toDecimal(nominal!.unallocated.get(p.id) ?? '0'))
			];
		},
		floatAllocation(input, () => layout!),
		signatureOf(input)
	);
	if (!nominal || !layout) throw new Error('[model] the allocation was not recorded');
	const c = layout.charges.length;
	const m = input.participants.length;
	if (outputs.length === c + m + input.pools.length) {
		// Guards: the structure the recording saw (zero weights, nothing left unallocated) holds for a draw.
		for (const p of input.pools) for (const w of p.weights.values()) w.isZero();
		for (const u of outputs.slice(c + m)) u.isZero();
	}
	const charges = new Map(input.participants.map((p) => [p, new Map<string, Decimal>()]));
	layout.charges.forEach((ch, k) => charges.get(input.participants[ch.participant]!)!.set(ch.id, outputs[k]!));
	const totals = new Map(input.participants.map((p, r) => [p, outputs[c + r]!]));
	const recorded = nominal;
	return {
		get result() {
			return recorded.result;
		},
		unallocated: nominal.unallocated,
		charges,
		totals,
		problem: nominal.problem
	};
}
