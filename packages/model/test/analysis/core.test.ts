// The analysis core on cases with known answers: the seeded generator, the normal distribution,
// the marginals, Latin hypercube strata, Iman–Conover correlations, quantiles with their standard
// errors, Sobol indices of a linear model and of the Ishigami function, tornado and root finding.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/money/decimal.ts';
import { createRandom } from '../../src/analysis/random.ts';
import { normalCdf, normalQuantile } from '../../src/analysis/normal.ts';
import { inverseCdf, marginalMean } from '../../src/analysis/distributions.ts';
import { imanConover, sampleUniform, spearman } from '../../src/analysis/sampling.ts';
import { probabilityBelowZero, quantileSorted, summarize } from '../../src/analysis/statistics.ts';
import { sobolIndices } from '../../src/analysis/sobol.ts';
import { firstOrderFromDraws, probabilityBelowZeroAtEnds } from '../../src/analysis/given-data.ts';
import { tornado } from '../../src/analysis/tornado.ts';
import { findRoot } from '../../src/analysis/root.ts';
import { smallestEigenvalue } from '../../src/numeric/eigen.ts';

describe('seeded generator', () => {
	it('gives the same stream for the same seed and another for another seed', () => {
		const a = createRandom(42);
		const b = createRandom(42);
		const c = createRandom(43);
		const xa = Array.from({ length: 5 }, () => a.next());
		expect(Array.from({ length: 5 }, () => b.next())).toEqual(xa);
		expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xa);
		for (const x of xa) expect(x > 0 && x < 1).toBe(true);
	});
	it('refuses a seed that is not a whole number', () => {
		expect(() => createRandom(1.5)).toThrow(/whole number/);
	});
});

describe('normal distribution', () => {
	it('has the textbook quantiles and CDF values', () => {
		expect(normalQuantile(0.5)).toBe(0);
		expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
		expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514722, 12);
		expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
		expect(normalCdf(0)).toBeCloseTo(0.5, 7);
		expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
		expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 7);
		for (const p of [0.001, 0.2, 0.7, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
	});
});

describe('marginals', () => {
	it('uniform and triangular have their analytic means', () => {
		expect(marginalMean({ distribution: 'uniform', value: 5, low: 2, high: 10 })).toBeCloseTo(6, 6);
		expect(marginalMean({ distribution: 'triangular', value: 3, low: 2, high: 10 })).toBeCloseTo(5, 3);
	});
	it('truncated normal stays in its range and is centred on the value', () => {
		const m = { distribution: 'normal' as const, value: 10, low: 8, high: 12 };
		expect(inverseCdf(m, 0.5)).toBeCloseTo(10, 6);
		expect(inverseCdf(m, 1e-12)).toBeGreaterThanOrEqual(8);
		expect(inverseCdf(m, 1 - 1e-12)).toBeLessThanOrEqual(12);
		// P(X ≤ 11) for N(10, 1) truncated to [8, 12] is (Φ(1) − Φ(−2)) / (Φ(2) − Φ(−2)).
		const p = (normalCdf(1) - normalCdf(-2)) / (normalCdf(2) - normalCdf(-2));
		expect(inverseCdf(m, p)).toBeCloseTo(11, 5);
	});
	it('lognormal has the value as its median and stays in range', () => {
		const m = { distribution: 'lognormal' as const, value: 100, low: 50, high: 200 };
		expect(inverseCdf(m, 0.5)).toBeCloseTo(100, 6);
		expect(inverseCdf(m, 1e-12)).toBeGreaterThanOrEqual(50);
	});
	it('fixed always gives the value', () => {
		expect(inverseCdf({ distribution: 'fixed', value: 7, low: 1, high: 9 }, 0.01)).toBe(7);
	});
});

describe('Latin hypercube and Iman–Conover', () => {
	it('puts exactly one draw in each stratum of each input', () => {
		const s = sampleUniform(50, 3, 'lhs', createRandom(1));
		for (let j = 0; j < 3; j++) {
			const strata = Array.from(s.u.subarray(j * 50, (j + 1) * 50), (x) => Math.floor(x * 50)).sort((a, b) => a - b);
			expect(strata).toEqual(Array.from({ length: 50 }, (_, i) => i));
		}
	});
	it('imposes the target rank correlation and keeps every marginal', () => {
		const n = 2000;
		const s = sampleUniform(n, 3, 'lhs', createRandom(7));
		const before = [0, 1, 2].map((j) => Float64Array.from(s.u.subarray(j * n, (j + 1) * n)).sort());
		imanConover(
			s,
			[0, 1, 2],
			[
				[1, 0.8, 0.3],
				[0.8, 1, 0.5],
				[0.3, 0.5, 1]
			],
			createRandom(8)
		);
		const col = (j: number) => s.u.subarray(j * n, (j + 1) * n);
		expect(spearman(col(0), col(1))).toBeCloseTo(0.8, 1);
		expect(spearman(col(0), col(2))).toBeCloseTo(0.3, 1);
		expect(spearman(col(1), col(2))).toBeCloseTo(0.5, 1);
		for (let j = 0; j < 3; j++) expect(Float64Array.from(col(j)).sort()).toEqual(before[j]);
	});
	it('handles a singular (perfect) correlation', () => {
		const n = 500;
		const s = sampleUniform(n, 2, 'lhs', createRandom(3));
		imanConover(
			s,
			[0, 1],
			[
				[1, 1],
				[1, 1]
			],
			createRandom(4)
		);
		expect(spearman(s.u.subarray(0, n), s.u.subarray(n))).toBeGreaterThan(0.999);
	});
	it('finds a matrix that is not positive semi-definite', () => {
		expect(
			smallestEigenvalue([
				[1, 0.9, 0.9],
				[0.9, 1, -0.9],
				[0.9, -0.9, 1]
			])
		).toBeLessThan(0);
		expect(
			smallestEigenvalue([
				[1, 0.5],
				[0.5, 1]
			])
		).toBeCloseTo(0.5, 10);
	});
});

describe('statistics', () => {
	it('computes type-7 quantiles', () => {
		const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
		expect(quantileSorted(sorted, 0.5)).toBe(5.5);
		expect(quantileSorted(sorted, 0.1)).toBeCloseTo(1.9, 12);
		expect(quantileSorted(sorted, 0.95)).toBeCloseTo(9.55, 12);
	});
	it('gives standard errors that match the spread of repeated estimates', () => {
		const r = createRandom(11);
		const medians: number[] = [];
		const means: number[] = [];
		let se = 0;
		let seMean = 0;
		for (let rep = 0; rep < 200; rep++) {
			const xs = Array.from({ length: 1000 }, () => normalQuantile(r.next()));
			const s = summarize(xs);
			medians.push(s.p50);
			means.push(s.mean);
			se += s.stderr.p50 / 200;
			seMean += s.stderr.mean / 200;
		}
		const sd = (v: number[]) => {
			const m = v.reduce((a, b) => a + b, 0) / v.length;
			return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
		};
		// Theory: the median of 1000 standard normals has sd √(π/2000) ≈ 0.0396; the mean 1/√1000.
		expect(se).toBeGreaterThan(0.8 * sd(medians));
		expect(se).toBeLessThan(1.25 * sd(medians));
		expect(seMean).toBeCloseTo(1 / Math.sqrt(1000), 2);
		expect(sd(means) / seMean).toBeGreaterThan(0.8);
		expect(sd(means) / seMean).toBeLessThan(1.25);
	});
	it('gives ordered quantiles and a probability with its error', () => {
		const s = summarize([5, -1, 3, 9, 0, 2, -4, 7, 1, 6]);
		expect(s.p5 <= s.p10 && s.p10 <= s.p50 && s.p50 <= s.p90 && s.p90 <= s.p95).toBe(true);
		const p = probabilityBelowZero([5, -1, 3, 9, 0, 2, -4, 7, 1, 6]);
		expect(p.p).toBe(0.2);
		expect(p.stderr).toBeCloseTo(Math.sqrt(0.016), 12);
	});
});

const PI = Math.PI;
/** Ishigami (a = 7, b = 0.1) on uniforms mapped to (−π, π). */
function ishigami(u: Float64Array, out: Float64Array): void {
	const [x1, x2, x3] = [(2 * u[0]! - 1) * PI, (2 * u[1]! - 1) * PI, (2 * u[2]! - 1) * PI];
	out[0] = Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
}
// Analytic indices (Ishigami & Homma 1990; Sobol' & Levitan 1999): V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2.
const A = 7;
const B = 0.1;
const V = (A * A) / 8 + (B * PI ** 4) / 5 + (B * B * PI ** 8) / 18 + 0.5;
const V1 = 0.5 * (1 + (B * PI ** 4) / 5) ** 2;
const V2 = (A * A) / 8;
const V13 = ((B * B * PI ** 8) / 18) * (1 - 1 / 2.5 ** 2) * (8 / 25) * 0 + (8 * B * B * PI ** 8) / 225;
const ISHIGAMI = { s: [V1 / V, V2 / V, 0], st: [(V1 + V13) / V, V2 / V, V13 / V] };

describe('Sobol indices (Saltelli design)', () => {
	it('match the analytic indices of a linear model', () => {
		// Y = 1·X1 + 2·X2 + 3·X3 with Xi uniform: Si = STi = ai² / Σ aj² = 1/14, 4/14, 9/14.
		const a = [1, 2, 3];
		const r = sobolIndices(
			(u, out) => (out[0] = a[0]! * u[0]! + a[1]! * u[1]! + a[2]! * u[2]!),
			3,
			1,
			8192,
			createRandom(5)
		);
		a.forEach((ai, i) => {
			expect(r.first[0]![i]).toBeCloseTo((ai * ai) / 14, 1);
			expect(Math.abs(r.total[0]![i]! - (ai * ai) / 14)).toBeLessThan(0.02);
		});
		expect(r.evaluations).toBe(8192 * 5);
	});
	it('match the analytic indices of the Ishigami function', () => {
		expect(ISHIGAMI.s[0]).toBeCloseTo(0.3139, 3);
		expect(ISHIGAMI.s[1]).toBeCloseTo(0.4424, 3);
		expect(ISHIGAMI.st[0]).toBeCloseTo(0.5576, 3);
		expect(ISHIGAMI.st[2]).toBeCloseTo(0.2437, 3);
		const r = sobolIndices(ishigami, 3, 1, 16384, createRandom(9));
		for (let i = 0; i < 3; i++) {
			expect(Math.abs(r.first[0]![i]! - ISHIGAMI.s[i]!)).toBeLessThan(0.03);
			expect(Math.abs(r.total[0]![i]! - ISHIGAMI.st[i]!)).toBeLessThan(0.03);
		}
	});
	it('from given draws: first-order indices of the Ishigami function', () => {
		const n = 20000;
		const s = sampleUniform(n, 3, 'lhs', createRandom(21));
		const y = new Float64Array(n);
		const u = new Float64Array(3);
		const out = new Float64Array(1);
		for (let i = 0; i < n; i++) {
			for (let j = 0; j < 3; j++) u[j] = s.u[j * n + i]!;
			ishigami(u, out);
			y[i] = out[0]!;
		}
		for (let j = 0; j < 3; j++)
			expect(Math.abs(firstOrderFromDraws(s.u.subarray(j * n, (j + 1) * n), y) - ISHIGAMI.s[j]!)).toBeLessThan(0.03);
	});
	it('from given draws: the probability below zero at an input’s ends', () => {
		const x = Array.from({ length: 100 }, (_, i) => i);
		const y = x.map((v) => v - 30);
		expect(probabilityBelowZeroAtEnds(x, y)).toEqual({ low: 1, high: 0 });
	});
});

describe('tornado and break-even', () => {
	const d = (x: string | number) => new Decimal(x);
	it('ranks the inputs of a linear model by their exact swings', () => {
		const base: Record<string, string> = { a: '1', b: '2', c: '3' };
		const weights: Record<string, number> = { a: 10, b: -1, c: 4 };
		const f = (input: string, value: string) => {
			const v = { ...base, [input]: value };
			return [Object.entries(weights).reduce((s, [k, w]) => s.plus(d(v[k]!).times(w)), d(0))];
		};
		const bars = tornado(
			[
				{ id: 'a', low: '0.5', high: '1.5' },
				{ id: 'b', low: '0', high: '10' },
				{ id: 'c', low: '2', high: '4' }
			],
			1,
			f
		)[0]!;
		expect(bars.map((b) => b.input)).toEqual(['a', 'b', 'c']);
		expect(bars.map((b) => b.swing.toString())).toEqual(['10', '10', '8']);
		expect(bars[1]!.atHigh.toString()).toBe(f('b', '10')[0]!.toString());
	});
	it('finds the break-even of a linear and a curved output, and says when there is none', () => {
		const linear = findRoot((x) => x.times(3).minus('7.5'), d(0), d(10));
		expect(linear!.value.toString()).toBe('2.5');
		expect(linear!.f.isZero()).toBe(true);
		const curved = findRoot((x) => x.times(x).minus(2), d(0), d(2), { xTolerance: d('1e-12') });
		expect(curved!.value.minus(d(2).sqrt()).abs().lessThan('1e-9')).toBe(true);
		expect(findRoot((x) => x.plus(1), d(0), d(5))).toBeNull();
	});
	it('brackets a step function at its jump', () => {
		const step = findRoot((x) => (x.lessThan('0.37') ? d(-1) : d(1)), d(0), d(1), { xTolerance: d('1e-6') });
		expect(step!.bracket[0].lessThan('0.37') && step!.bracket[1].greaterThanOrEqualTo('0.37')).toBe(true);
		expect(step!.bracket[1].minus(step!.bracket[0]).lessThanOrEqualTo('1e-6')).toBe(true);
	});
});
