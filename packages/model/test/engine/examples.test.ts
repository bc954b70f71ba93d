// Worked examples from public cost-accounting material, reproduced to the cent by every method the
// source works out. Each example is a problem file in ./examples (with its source inside), so
// `npx sp71 allocate packages/model/test/engine/examples/<file> --method <m>` shows the same figures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allocateNormalised } from '../../src/allocation/index.ts';
import { main } from '../../src/cli/main.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { Decimal, toDecimal } from '../../src/money/decimal.ts';
import type { MethodId } from '../../src/problem/types.ts';
import { readProblem } from '../../src/problem/validate.ts';

const examples = new URL('./examples/', import.meta.url);

function load(file: string) {
	const problem = readProblem(readFileSync(new URL(file, examples), 'utf8'));
	if (!problem.ok) throw new Error(`${file}: ${JSON.stringify(problem.issues)}`);
	return problem.value;
}

interface Expectation {
	readonly poolTotals?: Record<string, string>;
	readonly recipientTotals?: Record<string, string>;
	readonly allocations?: Record<string, string>;
}

// Figures as published by each source (sources are cited in the files and in docs/allocation-methods.md).
const cases: { file: string; source: string; method: MethodId; expected: Expectation }[] = [
	{
		// Course Hero, "Chapter 15 – Example 2 (Multiple Service Departments)", https://www.coursehero.com/file/5929594/10026-032410-96/
		file: 'maintenance-and-computer.json',
		source: 'Course Hero, Chapter 15 – Example 2',
		method: 'direct',
		expected: {
			allocations: { 'M→P1': '20000.00', 'M→P2': '70000.00', 'C→P1': '39116.00', 'C→P2': '44704.00' },
			recipientTotals: { P1: '59116.00', P2: '114704.00' }
		}
	},
	{
		file: 'maintenance-and-computer.json',
		source: 'Course Hero, Chapter 15 – Example 2',
		method: 'step-down',
		expected: {
			allocations: {
				'M→C': '9000.00',
				'M→P1': '18000.00',
				'M→P2': '63000.00',
				'C→P1': '43316.00',
				'C→P2': '49504.00'
			},
			poolTotals: { M: '90000.00', C: '92820.00' },
			recipientTotals: { P1: '61316.00', P2: '112504.00' }
		}
	},
	{
		file: 'maintenance-and-computer.json',
		source: 'Course Hero, Chapter 15 – Example 2',
		method: 'reciprocal',
		expected: { poolTotals: { M: '113800.00', C: '95200.00' }, recipientTotals: { P1: '56080.00', P2: '117740.00' } }
	},
	{
		// Scribd, "Cost accounting" (direct, step and algebraic method), https://pl.scribd.com/document/383767179/Cost-accounting
		file: 'two-service-departments.json',
		source: 'Scribd, Cost accounting',
		method: 'direct',
		expected: {
			allocations: { 'A→X': '100.00', 'A→Y': '50.00', 'B→X': '262.50', 'B→Y': '37.50' },
			recipientTotals: { X: '362.50', Y: '87.50' }
		}
	},
	{
		file: 'two-service-departments.json',
		source: 'Scribd, Cost accounting',
		method: 'step-down',
		expected: {
			allocations: { 'B→X': '210.00', 'B→Y': '30.00', 'B→A': '60.00', 'A→X': '140.00', 'A→Y': '70.00' },
			poolTotals: { A: '210.00', B: '300.00' },
			recipientTotals: { X: '350.00', Y: '100.00' }
		}
	},
	{
		file: 'two-service-departments.json',
		source: 'Scribd, Cost accounting',
		method: 'reciprocal',
		expected: {
			poolTotals: { A: '228.26', B: '391.30' },
			allocations: { 'A→X': '91.30', 'A→Y': '45.65', 'B→X': '273.91', 'B→Y': '39.13', 'B→A': '78.26' },
			recipientTotals: { X: '365.22', Y: '84.78' }
		}
	},
	{
		// Wizedu, "Solexx Corporation allocates its service department overhead costs …", https://wizedu.com/questions/1229/solexx-corporation-allocates-its-service
		file: 'solexx-maintenance-utilities.json',
		source: 'Wizedu, Solexx Corporation',
		method: 'reciprocal',
		expected: { poolTotals: { Maintenance: '551155.78', Utilities: '763115.58' } }
	},
	{
		file: 'solexx-maintenance-utilities.json',
		source: 'Wizedu, Solexx Corporation',
		method: 'step-down',
		expected: {
			allocations: {
				'Maintenance→Utilities': '51300.00',
				'Maintenance→Producing-A': '102600.00',
				'Maintenance→Producing-B': '359100.00'
			},
			poolTotals: { Utilities: '759300.00' }
		}
	},
	{
		// TutorsGlobe, "Find the correct allocations by reciprocal method", https://tutorsglobe.com/question/find-the-correct-allocations-by-reciprocal-method-52122418.aspx
		// (figures as quoted in issue 2)
		file: 'four-service-departments.json',
		source: 'TutorsGlobe, four service departments',
		method: 'reciprocal',
		expected: {
			poolTotals: { Administration: '1987169.57' },
			allocations: { 'Administration→Machining': '298075.44' },
			recipientTotals: { Machining: '1109506.63' }
		}
	}
];

describe('worked examples from public cost-accounting material', () => {
	for (const { file, source, method, expected } of cases) {
		it(`${source}: the ${method} method reproduces the published figures to the cent (${file})`, () => {
			const result = allocateNormalised(load(file), method);
			const flows = Object.fromEntries(result.allocations.map((a) => [`${a.from}→${a.to}`, a.amount]));
			if (expected.poolTotals) expect(result.poolTotals).toMatchObject(expected.poolTotals);
			if (expected.recipientTotals) expect(result.recipientTotals).toMatchObject(expected.recipientTotals);
			if (expected.allocations) expect(flows).toMatchObject(expected.allocations);
			expect(result.check.input).toBe(result.check.allocated);
			expect(result.check.unallocated).toBe('0.00');
		});
	}

	it('Solexx Corporation: direct and step-down agree with the published whole-dollar answers', () => {
		const toDollars = (amount: string) => toDecimal(amount).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
		const direct = allocateNormalised(load('solexx-maintenance-utilities.json'), 'direct').recipientTotals;
		const step = allocateNormalised(load('solexx-maintenance-utilities.json'), 'step-down').recipientTotals;
		expect([direct['Producing-A']!, direct['Producing-B']!].map(toDollars)).toEqual([412105, 808895]);
		expect([step['Producing-A']!, step['Producing-B']!].map(toDollars)).toEqual([422305, 798695]);
	});
});

describe('every example through `sp71 allocate --format json`', () => {
	for (const file of [
		'four-service-departments.json',
		'maintenance-and-computer.json',
		'two-service-departments.json',
		'solexx-maintenance-utilities.json'
	])
		for (const method of ['direct', 'step-down', 'reciprocal'] as const)
			it(`${file} with --method ${method} matches its golden output`, async () => {
				const io = memoryIo();
				const path = new URL(file, examples).pathname;
				const code = await main(['allocate', path, '--method', method, '--format', 'json'], io);
				expect(io.err()).toBe('');
				expect(code).toBe(0);
				await expect(io.out()).toMatchFileSnapshot(`./golden/${file.replace('.json', '')}.${method}.json`);
				const output = JSON.parse(io.out()) as { recipientTotals: Record<string, string>; check: { input: string } };
				const cents = Object.values(output.recipientTotals).reduce((s, a) => s + BigInt(a.replace('.', '')), 0n);
				expect(cents).toBe(BigInt(output.check.input.replace('.', '')));
			});
});
