// `sp71 fairness SCENARIO`, run in-process on the two-towns-fair fixture and the reference scenario.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { ROOT } from '../scenario/helpers.ts';

async function sp71(...args: string[]) {
	const io = memoryIo(ROOT);
	const code = await main(args, io);
	return { code, out: io.out(), err: io.err() };
}

const FIXTURE = 'packages/model/test/fixtures/two-towns-fair.yaml';

describe('sp71 fairness', () => {
	it('prints the figures of the issue as JSON for one year', async () => {
		const r = await sp71('fairness', FIXTURE, '--year', '2021', '--format', 'json');
		expect(r.code).toBe(0);
		const report = JSON.parse(r.out);
		for (const field of [
			'coalitions',
			'standAlone',
			'totalSavings',
			'shapley',
			'nucleolus',
			'charges',
			'inCore',
			'blockingCoalitions',
			'subsidy'
		])
			expect(report, field).toHaveProperty(field);
		expect(report.subsidy.groot).toMatchObject({ vsShapley: '-141.53' });
	});

	it('prints a Dutch table with a sentence per municipality and the core verdict', async () => {
		const r = await sp71('fairness', FIXTURE, '--year', '2021');
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/^Samen\s+1\.662/m);
		expect(r.out).toMatch(/• Groot betaalt in 2021 € 290 minder dan alleen/);
		expect(r.out).toMatch(/De werkelijke verdeling ligt in de kern/);
	});

	it('prints the same table in English with --lang en', async () => {
		const r = await sp71('fairness', FIXTURE, '--year', '2021', '--lang', 'en');
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/^Fair shares \(in 2021\), amounts in €/);
		expect(r.out).toMatch(/^Together\s+1,662/m);
		expect(r.out).not.toMatch(/Gemeente|Betaalt|Samen/);
	});

	it('explains each figure in --help', async () => {
		const r = await sp71('fairness', '--help');
		for (const figure of [
			'coalitions',
			'standAlone',
			'totalSavings',
			'shapley',
			'nucleolus',
			'inCore',
			'blockingCoalitions',
			'subsidy'
		])
			expect(r.out).toMatch(new RegExp(`^  ${figure} `, 'm'));
	});

	it('refuses --year with --npv, a year outside the horizon, and an in-house variant', async () => {
		expect((await sp71('fairness', FIXTURE, '--year', '2021', '--npv')).code).toBe(2);
		expect((await sp71('fairness', FIXTURE, '--year', '2040')).code).toBe(2);
		const inHouse = await sp71('fairness', FIXTURE, '--variant', 'klein-alone', '--lang', 'en');
		expect(inHouse.code).toBe(1);
		expect(inHouse.err).toMatch(/^inHouse\.members: .*already puts klein in-house.* \[fairness_unavailable\]/);
		const dutch = await sp71('fairness', FIXTURE, '--variant', 'klein-alone');
		expect(dutch.err).toMatch(
			/^inHouse\.members: het scenario brengt klein al in-house onder.* \[fairness_unavailable\]/
		);
	});

	it('answers for the reference scenario with --variant centrumgemeente-leiden --npv', async () => {
		const r = await sp71(
			'fairness',
			'scenarios/servicepunt71',
			'--variant',
			'centrumgemeente-leiden',
			'--npv',
			'--format',
			'json'
		);
		expect(r.code).toBe(0);
		const report = JSON.parse(r.out);
		expect(report.basis).toEqual({ npv: true, discountRate: '0.02', referenceYear: 2021 });
		expect(Object.keys(report.shapley)).toEqual(['leiden', 'leiderdorp', 'oegstgeest', 'zoeterwoude']);
	});
});
