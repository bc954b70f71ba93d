// One-at-a-time sensitivity (a tornado): each input set to its low and to its high end with every
// other input at its value, the output recomputed on the exact path, inputs ranked by the swing.
import { Decimal } from '../money/decimal.ts';

/** One bar of a tornado for one output. */
export interface TornadoBar {
	readonly input: string;
	readonly low: string;
	readonly high: string;
	/** The output with the input at its low and at its high end. */
	readonly atLow: Decimal;
	readonly atHigh: Decimal;
	/** |atHigh − atLow|. */
	readonly swing: Decimal;
}

/**
 * The tornado of every output: for each input, evaluate at its low and high end (exact outputs).
 * @param inputs id with low and high (decimal strings)
 * @param evaluate the outputs with one input set to a value (the others at their values)
 * @returns per output, the bars sorted by swing (largest first; ties by input order)
 */
export function tornado(
	inputs: readonly { readonly id: string; readonly low: string; readonly high: string }[],
	outputs: number,
	evaluate: (input: string, value: string) => readonly Decimal[]
): TornadoBar[][] {
	const bars: TornadoBar[][] = Array.from({ length: outputs }, () => []);
	for (const input of inputs) {
		const lo = evaluate(input.id, input.low);
		const hi = evaluate(input.id, input.high);
		for (let o = 0; o < outputs; o++)
			bars[o]!.push({
				input: input.id,
				low: input.low,
				high: input.high,
				atLow: lo[o]!,
				atHigh: hi[o]!,
				swing: hi[o]!.minus(lo[o]!).abs()
			});
	}
	const order = new Map(inputs.map((x, i) => [x.id, i]));
	for (const list of bars)
		list.sort((a, b) => b.swing.comparedTo(a.swing) || order.get(a.input)! - order.get(b.input)!);
	return bars;
}
