// The analysis commands of the `sp71` CLI, run in-process on the two-towns fixture: simulate,
// sensitivity, breakeven and measure-first, their JSON shapes, and bad requests with exit codes.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { ROOT } from '../scenario/helpers.ts';

async function sp71(...args: string[]) {
	const io = memoryIo(ROOT);
	const code = await main(args, io);
	return { code, out: io.out(), err: io.err() };
}

const FIXTURE = 'packages/model/test/fixtures/two-towns.yaml';

describe('sp71 simulate', () => {
	it('prints the JSON shape of the issue, the same for the same seed', async () => {
		const a = await sp71(
			'simulate',
			FIXTURE,
			'--variant',
			'centrum',
			'--draws',
			'60',
			'--seed',
			'5',
			'--format',
			'json'
		);
		expect(a.code).toBe(0);
		const report = JSON.parse(a.out);
		expect(report).toMatchObject({ draws: 60, seed: 5, years: [2021, 2022, 2023, 2024] });
		const p = report.participants[0];
		expect(Object.keys(p)).toEqual(
			expect.arrayContaining(['participant', 'npv', 'cumulative', 'probabilityCheaper', 'perYear'])
		);
		for (const k of ['p5', 'p10', 'p50', 'p90', 'p95', 'mean']) expect(p.npv[k]).toMatch(/^-?\d+\.\d{2}$/);
		expect(p.npv.stderr.p50).toMatch(/^\d+\.\d{2}$/);
		const b = await sp71(
			'simulate',
			FIXTURE,
			'--variant',
			'centrum',
			'--draws',
			'60',
			'--seed',
			'5',
			'--format',
			'json'
		);
		expect(b.out).toBe(a.out);
		expect(a.err).toBe('');
	});
	it('prints a table by default', async () => {
		const r = await sp71('simulate', FIXTURE, '--variant', 'centrum', '--draws', '20');
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/Groot .* %/);
		expect(r.out).toMatch(/^\d+ van de 20 trekkingen exact nagerekend/m);
	});
	it('refuses draws of zero, too many, or not a number (exit 2)', async () => {
		for (const draws of ['0', '-3', '100001', 'many']) {
			const r = await sp71('simulate', FIXTURE, '--variant', 'centrum', '--draws', draws);
			expect(r.code).toBe(2);
			expect(r.err).toMatch(/draws/);
		}
	});
	it('names an unknown variant (exit 1)', async () => {
		const r = await sp71('simulate', FIXTURE, '--variant', 'nope', '--draws', '5');
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/nope/);
	});
});

describe('sp71 sensitivity', () => {
	it('prints the tornado rows sorted by swing per participant with Sobol indices', async () => {
		const r = await sp71('sensitivity', FIXTURE, '--variant', 'centrum', '--sobol', '16', '--format', 'json');
		expect(r.code).toBe(0);
		const rows = JSON.parse(r.out) as Record<string, unknown>[];
		expect(Object.keys(rows[0]!)).toEqual([
			'participant',
			'input',
			'path',
			'basis',
			'low',
			'high',
			'deltaAtLow',
			'deltaAtHigh',
			'swing',
			'firstOrder',
			'total'
		]);
		const groot = rows.filter((x) => x.participant === 'groot');
		expect(groot[0]!.path).toBe('centrumgemeente.transitionCosts.amounts.2022');
		expect(groot[0]!.swing).toBe('72.73');
		for (let i = 1; i < groot.length; i++)
			expect(Number(groot[i - 1]!.swing)).toBeGreaterThanOrEqual(Number(groot[i]!.swing));
		expect(typeof groot[0]!.firstOrder).toBe('number');
	});
	it('takes a year and refuses one outside the horizon', async () => {
		const ok = await sp71(
			'sensitivity',
			FIXTURE,
			'--variant',
			'centrum',
			'--year',
			'2022',
			'--sobol',
			'0',
			'--format',
			'json'
		);
		expect(ok.code).toBe(0);
		expect(JSON.parse(ok.out)[0].firstOrder).toBeNull();
		const bad = await sp71('sensitivity', FIXTURE, '--variant', 'centrum', '--year', '1990');
		expect(bad.code).toBe(2);
	});
});

describe('sp71 breakeven', () => {
	it('finds the mark-up at which the host breaks even, verified', async () => {
		const r = await sp71(
			'breakeven',
			FIXTURE,
			'--variant',
			'centrum',
			'--input',
			'centrumgemeente.markup.2021-01-01',
			'--participant',
			'groot',
			'--range',
			'0,0.5',
			'--format',
			'json'
		);
		expect(r.code).toBe(0);
		const b = JSON.parse(r.out);
		expect(b).toMatchObject({
			participant: 'groot',
			path: 'centrumgemeente.markup.2021-01-01',
			searchedRange: ['0', '0.5']
		});
		expect(Number(b.value)).toBeCloseTo(0.1237, 3);
		expect(Math.abs(Number(b.deltaAtValue))).toBeLessThanOrEqual(0.05);
	});
	it('prints null when there is no break-even in the range', async () => {
		const r = await sp71(
			'breakeven',
			FIXTURE,
			'--variant',
			'centrum',
			'--input',
			'centrumgemeente.markup.2021-01-01',
			'--participant',
			'klein',
			'--format',
			'json'
		);
		expect(JSON.parse(r.out).value).toBeNull();
	});
	it('names an unknown input path (exit 1) and a bad range (exit 2)', async () => {
		const r = await sp71(
			'breakeven',
			FIXTURE,
			'--variant',
			'centrum',
			'--input',
			'pools[id=x].cost',
			'--participant',
			'groot'
		);
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/pools\[id=x\]\.cost: .*\[unknown_input\]/);
		const bad = await sp71(
			'breakeven',
			FIXTURE,
			'--variant',
			'centrum',
			'--input',
			'a',
			'--participant',
			'groot',
			'--range',
			'5,1'
		);
		expect(bad.code).toBe(2);
	});
});

describe('sp71 measure-first', () => {
	it('prints sentences and JSON', async () => {
		const text = await sp71('measure-first', FIXTURE, '--variant', 'centrum', '--draws', '200', '--top', '2');
		expect(text.code).toBe(0);
		expect(text.out).toMatch(/Groot:\n {2}1\. vervang eerst de schatting van/);
		const json = await sp71(
			'measure-first',
			FIXTURE,
			'--variant',
			'centrum',
			'--draws',
			'200',
			'--top',
			'2',
			'--format',
			'json'
		);
		const items = JSON.parse(json.out);
		expect(items).toHaveLength(4);
		expect(items[0]).toMatchObject({ participant: 'groot', basis: 'estimate' });
	});
});

describe('--lang on the analysis commands', () => {
	it('prints simulate, sensitivity and breakeven in Dutch by default and in English with --lang en', async () => {
		const sim = (...lang: string[]) => sp71('simulate', FIXTURE, '--variant', 'centrum', '--draws', '40', ...lang);
		expect((await sim()).out).toMatch(/trekkingen .* onzekere invoerwaarden\nContante waarde van het verschil/);
		const en = await sim('--lang', 'en');
		expect(en.code).toBe(0);
		expect(en.out).toMatch(/draws .* uncertain inputs\nNet present value of the difference/);
		expect(en.out).toContain('P(cheaper)');
		// Every line in the language asked, the last (how many draws the exact path recomputed) too.
		expect((await sim()).out).toMatch(/\n\d+ van de 40 trekkingen exact nagerekend \(.*\)\n$/);
		expect(en.out).toMatch(/\n\d+ of the 40 draws recomputed exactly \(.*\)\n$/);
		expect(en.out).not.toMatch(/trekking|nagerekend|rekenkern/);
		// The ends of each input in the table's notation: "240,00" in Dutch, "240.00" in English.
		const dutch = await sp71('sensitivity', FIXTURE, '--variant', 'centrum', '--sobol', '0');
		expect(dutch.out).toMatch(/\ncentrumgemeente\.transitionCosts\.amounts\.2022 +240,00 +360,00 /);
		expect(dutch.out).toMatch(/\nvat\.bcfCompensable\.groot\.2021-01-01 +0,8 +1 /);
		const sens = await sp71('sensitivity', FIXTURE, '--variant', 'centrum', '--sobol', '0', '--lang', 'en');
		expect(sens.out).toMatch(/\ncentrumgemeente\.transitionCosts\.amounts\.2022 +240\.00 +360\.00 /);
		expect(sens.out).toMatch(
			/: net present value of the difference \(variant − base\), €\ninput\s+low\s+high\s+at low/
		);
		const be = (...lang: string[]) =>
			sp71(
				'breakeven',
				FIXTURE,
				'--variant',
				'centrum',
				'--input',
				'centrumgemeente.markup.2021-01-01',
				'--participant',
				'klein',
				...lang
			);
		expect((await be()).out).toContain('geen omslagpunt binnen dit bereik');
		expect((await be('--lang', 'en')).out).toContain('no break-even within this range');
		expect((await be('--lang', 'fr')).code).toBe(2);
		// The text names the participant, writes the input's values in the language's notation and the
		// amounts with the sign convention of every figure.
		const found = (...lang: string[]) =>
			sp71(
				'breakeven',
				FIXTURE,
				'--variant',
				'centrum',
				'--input',
				'centrumgemeente.markup.2021-01-01',
				'--participant',
				'groot',
				'--range',
				'0,0.5',
				...lang
			);
		const nl = (await found()).out;
		expect(nl).toMatch(/^Groot, Opslag, 2021-01-01 \(centrumgemeente\.markup\.2021-01-01\), gezocht van 0 tot 0,5\n/);
		expect(nl).toMatch(/, −€ 244 bij 0,5\nomslagpunt: 0,1237\d* \(nagerekend: /);
		const english = (await found('--lang', 'en')).out;
		expect(english).toMatch(/^Groot, Mark-up \(opslag\), 2021-01-01 .*, searched from 0 to 0\.5\n/);
		expect(english).toMatch(/, −€244 at 0\.5\nbreak-even: 0\.1237\d* \(recomputed: /);
	});
});
