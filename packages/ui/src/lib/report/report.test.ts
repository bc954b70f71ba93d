// The report's analysis sections read the model's results as they are: the NPV quantiles and P(cheaper) of
// the Monte Carlo run, the first inputs of each municipality's measure-first list, and the fair-shares figures.
import { describe, expect, it } from 'vitest';
import type { FairnessReport, MeasureFirstItem, SimulationReport } from '@sp71/model';
import { fairShareData, rangeData, sensitivityData } from './report.ts';

const summary = (p10: string, p50: string, p90: string) => ({
	p5: '0',
	p10,
	p50,
	p90,
	p95: '0',
	mean: p50,
	stderr: { p5: '0', p10: '0', p50: '0', p90: '0', p95: '0', mean: '0' }
});

describe('the report sections', () => {
	it('take the NPV quantiles and P(cheaper) per municipality from the run', () => {
		const report = {
			draws: 500,
			seed: 7,
			participants: [
				{ participant: 'a', npv: summary('-10.00', '5.00', '20.00'), probabilityCheaper: 0.25 },
				{ participant: 'b', npv: summary('1.00', '2.00', '3.00'), probabilityCheaper: 0 }
			]
		} as unknown as SimulationReport;
		expect(rangeData(report)).toEqual({
			draws: 500,
			seed: 7,
			rows: [
				{ participant: 'a', p10: '-10.00', p50: '5.00', p90: '20.00', probabilityCheaper: '0.25' },
				{ participant: 'b', p10: '1.00', p50: '2.00', p90: '3.00', probabilityCheaper: '0' }
			]
		});
	});

	it('keep the first inputs of each municipality in the measure-first order, named in the page language', () => {
		const item = (participant: string, path: string, share: number) =>
			({ participant, path, input: path, basis: 'estimate', share }) as unknown as MeasureFirstItem;
		const items = [item('a', 'x', 0.5), item('a', 'y', 0.3), item('a', 'z', 0.1), item('b', 'y', 0.9)];
		const labels = new Map([['y', { nl: 'Opslag', en: 'Mark-up' }]]);
		expect(sensitivityData(items, 'nl', labels, 2).rows).toEqual([
			{ participant: 'a', input: 'x', basis: 'estimate', share: 0.5 },
			{ participant: 'a', input: 'Opslag', basis: 'estimate', share: 0.3 },
			{ participant: 'b', input: 'Opslag', basis: 'estimate', share: 0.9 }
		]);
		expect(sensitivityData(items, 'en', labels, 1).rows.map((r) => r.input)).toEqual(['x', 'Mark-up']);
	});

	it('show every player with its charge, stand-alone cost, Shapley value and nucleolus, and the core verdict', () => {
		const report = {
			players: [
				{ id: 'a', name: 'A' },
				{ id: 'b', name: 'B' }
			],
			charges: { a: '60.00', b: '40.00' },
			standAlone: { a: '70.00', b: '45.00' },
			shapley: { a: '62.50', b: '37.50' },
			nucleolus: { a: '62.50', b: '37.50' },
			inCore: true
		} as unknown as FairnessReport;
		expect(fairShareData(report)).toEqual({
			rows: [
				{ participant: 'a', charge: '60.00', standAlone: '70.00', shapley: '62.50', nucleolus: '62.50' },
				{ participant: 'b', charge: '40.00', standAlone: '45.00', shapley: '37.50', nucleolus: '37.50' }
			],
			inCore: true
		});
	});
});
