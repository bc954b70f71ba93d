// The tape records arithmetic on recorded values, replays it in float64, checks its guards, and
// refuses operations it cannot replay.
import { describe, expect, it } from 'vitest';
import { Decimal, ZERO, roundToCents, sum } from './decimal.ts';
import { TapeUnsupported, recordKernel, recordedLeaf, runKernel, type Kernel } from './tape.ts';

function replay(kernel: Kernel, output: number, x: number): { value: number; guard: number } {
	const values = Float64Array.from(kernel.init);
	values[kernel.inputs.get('x')!] = x;
	const guard = runKernel(kernel, values);
	return { value: values[output]!, guard };
}

describe('the numeric kernel', () => {
	it('replays arithmetic, rounding, max/min and sums on a recorded leaf at other values', () => {
		const { result, kernel } = recordKernel(new Map([['|x', 'x']]), (r) => {
			const x = recordedLeaf('x', new Decimal('12.5'));
			const y = roundToCents(x.times('1.07').plus(Decimal.max(x, 3)).dividedBy(7).pow(2));
			return { y, node: r.output(sum([y, ZERO, x.negated().abs()])) };
		});
		expect(result.y.toFixed(2)).toBe('13.66');
		for (const x of [12.5, 1, 40]) {
			const y = Math.round(((x * 1.07 + Math.max(x, 3)) / 7) ** 2 * 100) / 100;
			expect(replay(kernel, result.node, x).value).toBeCloseTo(y + Math.abs(x), 9);
		}
	});

	it('records the nominal branch as a guard and reports a draw that takes the other branch', () => {
		const { result, kernel } = recordKernel(new Map([['|x', 'x']]), (r) => {
			const x = recordedLeaf('x', new Decimal(7));
			return r.output(x.greaterThan(5) ? x.times(2) : x.plus(1));
		});
		expect(kernel.guards).toBe(1);
		expect(replay(kernel, result, 9)).toEqual({ value: 18, guard: -1 });
		expect(replay(kernel, result, 3).guard).toBe(0);
	});

	it('guards a number that leaves Decimal: a draw must give the same number', () => {
		const { kernel } = recordKernel(new Map([['|x', 'x']]), () => recordedLeaf('x', new Decimal(3)).toNumber());
		expect(kernel.guards).toBe(1);
		expect(replay(kernel, 0, 3).guard).toBe(-1);
		expect(replay(kernel, 0, 4).guard).toBe(0);
	});

	it('keeps a value that does not depend on a recorded leaf a constant, and leaves plain Decimals alone', () => {
		const { result, kernel } = recordKernel(new Map([['|x', 'x']]), (r) => r.output(new Decimal(2).times(3)));
		expect(kernel.code.length).toBe(0);
		expect(kernel.init[result]).toBe(6);
		expect(new Decimal(2).plus(2).toString()).toBe('4');
	});

	it('throws on an operation it cannot replay (never a silent constant)', () => {
		expect(() => recordKernel(new Map([['|x', 'x']]), () => recordedLeaf('x', new Decimal(7)).modulo(3))).toThrow(
			TapeUnsupported
		);
		expect(() => recordKernel(new Map([['|x', 'x']]), () => recordedLeaf('x', new Decimal(7)).cosine())).toThrow(
			TapeUnsupported
		);
		// Outside a recording everything is plain decimal.js again.
		expect(new Decimal(7).modulo(3).toString()).toBe('1');
	});
});
