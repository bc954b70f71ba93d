// The scenario commands of the `sp71` CLI, run in-process: validate, run, compare, explain.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { ROOT } from './helpers.ts';

async function sp71(...args: string[]) {
	const io = memoryIo(ROOT);
	const code = await main(args, io);
	return { code, out: io.out(), err: io.err() };
}

const REF = 'scenarios/servicepunt71';
const FIXTURE = 'packages/model/test/fixtures/two-towns.yaml';

describe('sp71 validate SCENARIO', () => {
	it('accepts the reference scenario folder with its variants', async () => {
		const r = await sp71('validate', REF);
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/geldig scenario servicepunt71 .*centrumgemeente-leiden/);
		expect((await sp71('validate', REF, '--lang', 'en')).out).toMatch(
			/valid scenario servicepunt71 .*centrumgemeente-leiden/
		);
	});

	it("a folder's scenario.yaml given directly brings its variants along", async () => {
		const r = await sp71('validate', `${REF}/scenario.yaml`);
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/centrumgemeente-leiden/);
	});

	it('accepts a single scenario file with inline variants', async () => {
		const r = await sp71('validate', FIXTURE);
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/2 varianten: centrum, empty/);
	});

	it('rejects a scenario with numbers without provenance, one line per issue, exit 1', async () => {
		const r = await sp71('validate', 'packages/model/test/fixtures/invalid-missing-provenance.yaml');
		expect(r.code).toBe(1);
		const lines = r.out.trim().split('\n');
		expect(lines.length).toBeGreaterThanOrEqual(3);
		expect(lines.every((l) => /: .* \[[a-z_]+\]$/.test(l))).toBe(true);
		expect(r.out).toMatch(/pools\[id=ict\]\.cost\.2021-01-01: .*\[missing_provenance\]/);
	});
});

describe('sp71 run', () => {
	it('prints JSON with a reconciliation per year, costs equal to charged', async () => {
		const r = await sp71('run', REF, '--variant', 'centrumgemeente-leiden', '--format', 'json');
		expect(r.code).toBe(0);
		const json = JSON.parse(r.out);
		expect(json.reconciliation).toHaveLength(10);
		for (const rec of json.reconciliation) {
			expect(Object.keys(rec).sort()).toEqual(['charged', 'costs', 'year']);
			expect(rec.charged).toBe(rec.costs);
		}
		expect(json.rows[0]).toMatchObject({ participant: 'leiden', year: 2021, legalForm: 'gr' });
	});

	it('prints an nl-NL table with the reconciliation check', async () => {
		const r = await sp71('run', FIXTURE);
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/2021\s+GR\s+910,00\s+752,00\s+1\.662,00\s+1\.662,00/);
		expect(r.out).toMatch(/tot op de cent doorbelast/);
	});

	it('rounds each row of the table by component to whole euros so that it adds up to its total', async () => {
		// Leiden's components over 2021–2030, each rounded on its own, add up to a euro more than its total.
		const r = await sp71('run', 'scenarios/servicepunt71', '--variant', 'centrumgemeente-leiden');
		expect(r.code).toBe(0);
		const table = r.out.slice(r.out.indexOf('Per component'));
		const rows = table
			.split('\n')
			.filter((l) => /^(Leiden|Leiderdorp|Oegstgeest|Zoeterwoude) /.test(l))
			.map((l) =>
				l.split(/\s{2,}/).map((cell) => Number(cell.replaceAll('.', '').replace('−', '-').replace(',', '.')))
			);
		expect(rows).toHaveLength(4);
		for (const row of rows) {
			const [, ...figures] = row;
			const parts = figures.slice(0, -2);
			expect(parts.reduce((a, b) => a + b, 0)).toBe(figures.at(-2));
		}
		// The total itself is the exact total rounded: Leiden pays 406.737.008,xx over the ten years.
		expect(table).toMatch(/\nLeiden\s.*\s406\.737\.008\s/);
	});

	it('prints CSV', async () => {
		const r = await sp71('run', FIXTURE, '--format', 'csv');
		expect(r.out.split('\n')[0]).toBe(
			'participant,year,legalForm,service,governance,vat,transition,markup,contractManagement,total,perInhabitant'
		);
		expect(r.out).toMatch(/^groot,2021,gr,850\.00,60\.00,0\.00,0\.00,0\.00,0\.00,910\.00,0\.91$/m);
	});

	it('reports an unknown variant as invalid input', async () => {
		const r = await sp71('run', REF, '--variant', 'nope', '--lang', 'en');
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/no variant "nope".*\[unknown_variant\]/);
		expect((await sp71('run', REF, '--variant', 'nope')).err).toMatch(/er is geen variant "nope".*\[unknown_variant\]/);
	});

	it('reports a path that does not exist as a usage error', async () => {
		const r = await sp71('run', 'scenarios/nowhere');
		expect(r.code).toBe(2);
	});
});

describe('sp71 compare', () => {
	it('prints JSON rows and summary with the documented fields', async () => {
		const r = await sp71('compare', REF, '--variant', 'centrumgemeente-leiden', '--format', 'json');
		expect(r.code).toBe(0);
		const json = JSON.parse(r.out);
		expect(json.rows).toHaveLength(40);
		for (const row of json.rows) {
			for (const k of ['participant', 'year', 'base', 'variant', 'delta']) expect(row).toHaveProperty(k);
			expect(row.delta).toMatch(/^-?\d+\.\d\d$/);
		}
		expect(json.summary.map((s: { participant: string }) => s.participant)).toEqual([
			'leiden',
			'leiderdorp',
			'oegstgeest',
			'zoeterwoude'
		]);
		for (const s of json.summary)
			for (const k of ['cumulativeDelta', 'npv', 'paybackYear']) expect(s).toHaveProperty(k);
		expect(json.noOp.noOp).toBe(false);
	});

	it('prints a readable nl-NL table for all four municipalities over 2021–2030 with NPV and payback', async () => {
		const r = await sp71('compare', REF, '--variant', 'centrumgemeente-leiden');
		expect(r.code).toBe(0);
		for (const name of ['Leiden', 'Leiderdorp', 'Oegstgeest', 'Zoeterwoude']) expect(r.out).toContain(name);
		for (let y = 2021; y <= 2030; y++) expect(r.out).toMatch(new RegExp(`^${y} `, 'm'));
		expect(r.out).toMatch(/^Contante waarde/m);
		expect(r.out).toMatch(/^Terugverdiend vanaf/m);
		expect(r.out).toMatch(/\d\.\d{3}/); // nl-NL thousands separator
		expect(r.out).toMatch(/Het centrumgemeentemodel kost Oegstgeest in 2030/);
	});

	it('rounds the comparison tables so that every row and column adds up, each figure within a euro of exact', async () => {
		// Rounded one by one, Leiden's ten yearly differences added up to a euro off its Cumulatief,
		// and its Basis and Variant to a euro off their Verschil.
		const euros = (cell: string) => Number(cell.replace(/\./g, '').replace('−', '-'));
		for (const [scenario, variant] of [
			[REF, 'centrumgemeente-leiden'],
			['scenarios/duivenvoorde', 'sleutel-inwoners']
		] as const) {
			const r = await sp71('compare', scenario, '--variant', variant);
			const json = JSON.parse((await sp71('compare', scenario, '--variant', variant, '--format', 'json')).out);
			const lines = r.out.split('\n');
			const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
			// The first table: years × participants with Samen, then Cumulatief.
			const ids: string[] = json.summary.map((s: { participant: string }) => s.participant);
			const figures = (line: string) =>
				line
					.trim()
					.split(/\s{2,}|\s(?=[−\d])/)
					.filter((x) => /^−?[\d.]+$/.test(x))
					.map(euros);
			const years = lines.slice(at('Jaar') + 1, at('Cumulatief')).map((l) => figures(l).slice(1));
			const cumulative = figures(lines[at('Cumulatief')]!);
			expect(years).toHaveLength(json.years.length);
			const exact = (p: string, y: number) =>
				Number(json.rows.find((x: { participant: string; year: number }) => x.participant === p && x.year === y).delta);
			years.forEach((row, i) => {
				expect(row.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(row.at(-1));
				row.slice(0, -1).forEach((x, j) => expect(Math.abs(x - exact(ids[j]!, json.years[i]))).toBeLessThan(1));
			});
			ids.forEach((p, j) => {
				expect(years.reduce((a, row) => a + row[j]!, 0)).toBe(cumulative[j]);
				const s = json.summary.find((x: { participant: string }) => x.participant === p);
				expect(Math.abs(cumulative[j]! - Number(s.cumulativeDelta))).toBeLessThan(1);
			});
			expect(cumulative.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(cumulative.at(-1));
			// The second table: Variant − Basis is the Verschil, which is the Cumulatief above.
			const totals = lines
				.slice(at('Gemeente') + 1, at('Gemeente') + 1 + ids.length)
				.map((l) => figures(l).slice(0, 3));
			totals.forEach(([base, variantTotal, difference], j) => {
				expect(variantTotal! - base!).toBe(difference);
				expect(difference).toBe(cumulative[j]);
			});
			// The headline sentences quote the last year's and the cumulative differences as the table shows them.
			const last = years.at(-1)!;
			json.sentences.nl.forEach((sentence: string, j: number) => {
				const amounts = [...sentence.matchAll(/€ ([\d.]+) (minder|meer)/g)].map(
					(m) => euros(m[1]!) * (m[2] === 'minder' ? -1 : 1)
				);
				if (amounts.length === 2) expect(amounts).toEqual([last[j], cumulative[j]]);
			});
			expect(r.out).toContain(
				"Elk bedrag is afgerond op hele euro's, zo dat elke rij en kolom optelt tot het totaal ernaast"
			);
		}
		const english = await sp71('compare', 'scenarios/duivenvoorde', '--variant', 'sleutel-inwoners', '--lang', 'en');
		expect(english.out).toContain(
			'Each amount is rounded to whole euros so that every row and column adds up to the total beside it'
		);
		const fair = await sp71('fairness', 'packages/model/test/fixtures/two-towns-fair.yaml');
		expect(fair.out.trimEnd().split('\n').at(-1)).toMatch(/^Elk bedrag is afgerond op hele euro's/);
		// The fair shares of 2030: rounded one by one, Betaalt and Shapley added up to 64.381.064 beside
		// a Samen of 64.381.063. Now every column adds up, and Besparing = Alleen − Betaalt, t.o.v.
		// Shapley = Betaalt − Shapley in every row.
		const shares = (await sp71('fairness', REF)).out.split('\n');
		const head = shares.findIndex((l) => l.startsWith('Gemeente'));
		const players = shares.slice(head + 1, head + 5).map((l) =>
			l
				.trim()
				.split(/\s{2,}/)
				.slice(1)
				.map(euros)
		);
		const together = shares[head + 5]!.trim()
			.split(/\s{2,}/)
			.slice(1)
			.map(euros);
		expect(together).toHaveLength(6);
		[1, 2, 3, 4, 5, 6].forEach((column) =>
			expect(
				players.reduce((a, row) => a + row[column]!, 0),
				`column ${column}`
			).toBe(together[column - 1])
		);
		for (const [alone, pays, shapley, , , saving, vsShapley] of players) {
			expect(alone! - pays!).toBe(saving);
			expect(pays! - shapley!).toBe(vsShapley);
		}
	});

	it('compares against another variant with --base', async () => {
		const r = await sp71(
			'compare',
			REF,
			'--variant',
			'centrumgemeente-zonder-opslag',
			'--base',
			'centrumgemeente-leiden',
			'--format',
			'json'
		);
		expect(r.code).toBe(0);
		const json = JSON.parse(r.out);
		expect(json.baseId).toBe('centrumgemeente-leiden');
		expect(
			json.rows.filter((x: { year: number }) => x.year < 2025).every((x: { delta: string }) => x.delta === '0.00')
		).toBe(true);
	});

	it('says so when a variant changes nothing', async () => {
		const r = await sp71('compare', FIXTURE, '--variant', 'empty');
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/Geen verschil: de variant bevat geen wijzigingen/);
	});

	it('speaks about the year given by --year, within the tolerance as about the same', async () => {
		const r = await sp71('compare', REF, '--variant', 'centrumgemeente-leiden', '--year', '2025');
		expect(r.out).toMatch(
			/Het centrumgemeentemodel kost Oegstgeest in 2025 ongeveer evenveel als de GR \(verschil kleiner dan € 1\.000\)/
		);
		expect((await sp71('compare', REF, '--variant', 'centrumgemeente-leiden', '--year', '2040')).code).toBe(2);
	});

	it("with --detail splits each municipality's difference by component", async () => {
		const r = await sp71('compare', FIXTURE, '--variant', 'centrum', '--detail');
		expect(r.out).toMatch(/Klein: verschil per component/);
		// 0 − 64 + 6 + 0 + 86 + 7 = 35: rounded one by one the row gave 36. The year is rounded as one
		// table of both towns by component, so governance −63,31 goes to −64 here to make the column's
		// −126,62 read −127 (the app shows that column's Samen).
		expect(r.out).toMatch(/^2024\s+0\s+−64\s+6\s+0\s+86\s+7\s+35$/m);
	});

	it('rounds each row of the split by component so that it adds up to the year difference', async () => {
		// Leiden 2023: −94.381,20 −361.494,45 −247.500,37 +438.000 +164.565 = −100.811,02; rounded one by
		// one the parts gave −100.810.
		const r = await sp71('compare', REF, '--variant', 'centrumgemeente-leiden', '--detail');
		const detail = r.out.slice(r.out.indexOf('Leiden: verschil per component'));
		expect(detail).toMatch(/\n2023\s+−94\.381\s+−361\.495\s+−247\.500\s+438\.000\s+0\s+164\.565\s+−100\.811\n/);
		const number = (cell: string) => Number(cell.replaceAll('.', '').replace('−', '-'));
		for (const line of r.out.split('\n').filter((l) => /^20\d\d\s+-?−?[\d.]+(\s+−?[\d.]+){6}$/.test(l))) {
			const cells = line.trim().split(/\s+/).slice(1).map(number);
			expect(
				cells.slice(0, -1).reduce((a, b) => a + b, 0),
				line
			).toBe(cells.at(-1));
		}
		// Each of Leiden's rows adds up to its figure in the first table (2029: −858.342 there, where
		// rounded on its own the difference would read −858.343).
		const first = (year: number) => number(r.out.match(new RegExp(`^${year} +\\S+ +(−?[\\d.]+)`, 'm'))![1]!);
		const leiden = (year: number) =>
			number(detail.match(new RegExp(`^${year}(?: +−?[\\d.]+)* +(−?[\\d.]+)$`, 'm'))![1]!);
		for (let year = 2021; year <= 2030; year++) expect(leiden(year), String(year)).toBe(first(year));
		expect(first(2029)).toBe(-858342);
	});

	it('requires --variant', async () => {
		expect((await sp71('compare', REF)).code).toBe(2);
	});
});

describe('sp71 explain', () => {
	it('traces a figure down to pools, keys, driver values and their sources', async () => {
		const r = await sp71(
			'explain',
			REF,
			'--variant',
			'centrumgemeente-leiden',
			'--participant',
			'oegstgeest',
			'--year',
			'2025'
		);
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/^Oegstgeest, 2025: total cost under the centrumgemeente/);
		expect(r.out).toMatch(/Key of ICT \(by driver, in force from 2025-01-01\)/);
		expect(r.out).toMatch(/werkplekken\.values\.oegstgeest/);
		expect(r.out).toMatch(/Allocation step \d \(reciprocal method\)/);
		expect(r.out).toMatch(/https:\/\//);
	});

	it('prints the trace tree as JSON', async () => {
		const r = await sp71('explain', FIXTURE, '--participant', 'klein', '--year', '2021', '--format', 'json');
		const json = JSON.parse(r.out);
		expect(json.value).toBe('752.00');
		expect(json.children.map((c: { id: string }) => c.id)).toEqual([
			'service',
			'governance',
			'vat',
			'transition',
			'markup',
			'contractManagement'
		]);
	});

	it('rejects an unknown participant and a year outside the horizon as usage errors', async () => {
		expect((await sp71('explain', FIXTURE, '--participant', 'elders', '--year', '2021')).code).toBe(2);
		expect((await sp71('explain', FIXTURE, '--participant', 'klein', '--year', '2040')).code).toBe(2);
	});
});

describe('sp71 conventions', () => {
	it('--version prints the package version', async () => {
		const r = await sp71('--version');
		expect(r.code).toBe(0);
		expect(r.out.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'packages/model/package.json'), 'utf8')).version);
	});

	it('"-" reads the scenario from standard input', async () => {
		const io = memoryIo(ROOT, readFileSync(join(ROOT, FIXTURE), 'utf8'));
		const code = await main(['validate', '-'], io);
		expect(code).toBe(0);
		expect(io.out()).toMatch(/^-: geldig scenario two-towns \(2 deelnemers, 2 kostenpools/);
		const run = memoryIo(ROOT, readFileSync(join(ROOT, FIXTURE), 'utf8'));
		expect(await main(['run', '-', '--format', 'json'], run)).toBe(0);
		expect(JSON.parse(run.out()).scenarioId).toBe('two-towns');
	});

	it('"-" without standard input is a usage error', async () => {
		const r = await sp71('validate', '-');
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/no standard input/);
	});

	it('the second case runs through every scenario command', async () => {
		const dv = 'scenarios/duivenvoorde';
		expect((await sp71('validate', dv, '--lang', 'en')).out).toMatch(/2 participants, 1 pool, 2018–2027, 3 variants/);
		expect((await sp71('run', dv, '--variant', 'sleutel-uren')).code).toBe(0);
		const compared = await sp71('compare', dv, '--variant', 'sleutel-inwoners', '--format', 'json');
		expect(compared.code).toBe(0);
		expect(JSON.parse(compared.out).summary.map((s: { participant: string }) => s.participant)).toEqual([
			'wassenaar',
			'voorschoten'
		]);
		const explained = await sp71(
			'explain',
			dv,
			'--variant',
			'centrumgemeente-wassenaar',
			'--participant',
			'voorschoten',
			'--year',
			'2025'
		);
		expect(explained.code).toBe(0);
		expect(explained.out).toMatch(/^Voorschoten, 2025/);
	});
});

describe('sp71 validate --format json', () => {
	it('lists every issue with file, path, line, column, code, severity and message', async () => {
		const r = await sp71(
			'validate',
			'packages/model/test/fixtures/invalid-missing-provenance.yaml',
			'--format',
			'json'
		);
		expect(r.code).toBe(1);
		const records = JSON.parse(r.out) as Record<string, unknown>[];
		expect(records.length).toBeGreaterThanOrEqual(3);
		for (const record of records) {
			expect(Object.keys(record).sort()).toEqual(['code', 'column', 'file', 'line', 'message', 'path', 'severity']);
			expect(record.file).toBe('packages/model/test/fixtures/invalid-missing-provenance.yaml');
			expect(record.severity).toBe('error');
			expect(typeof record.line).toBe('number');
		}
		expect(records[0]).toMatchObject({ path: 'drivers.inwoners.values.a.2021-01-01', line: 10, column: 12 });
	});

	it('prints [] for a valid scenario and for a valid problem file', async () => {
		const scenario = await sp71('validate', 'scenarios/duivenvoorde', '--format', 'json');
		expect(scenario.code).toBe(0);
		expect(JSON.parse(scenario.out)).toEqual([]);
		const problem = await sp71(
			'validate',
			'packages/model/test/engine/examples/two-service-departments.json',
			'--format',
			'json'
		);
		expect(problem.code).toBe(0);
		expect(JSON.parse(problem.out)).toEqual([]);
	});

	it('reports a problem file from standard input with its position', async () => {
		const io = memoryIo(
			ROOT,
			'{\n  "pools": [{ "id": "a", "cost": "x", "drivers": { "r": 1 } }],\n  "recipients": ["r"]\n}\n'
		);
		expect(await main(['validate', '-', '--format', 'json'], io)).toBe(1);
		const records = JSON.parse(io.out()) as { file: string; path: string; line: number | null }[];
		expect(records.length).toBeGreaterThan(0);
		expect(records[0]!.file).toBe('-');
		expect(records.some((r) => r.path.startsWith('pools[0]') && r.line === 2)).toBe(true);
	});
});

describe('sp71 --lang', () => {
	it('prints the comparison in English with English numbers, and in Dutch by default', async () => {
		const en = await sp71('compare', 'scenarios/duivenvoorde', '--variant', 'sleutel-uren', '--lang', 'en');
		expect(en.code).toBe(0);
		expect(en.out).toMatch(/^Key on registered hours from 2019$/m);
		expect(en.out).toMatch(/^Cumulative\s+−7,946,900\s+7,946,900/m);
		expect(en.out).toContain('• The variant sleutel-uren costs Wassenaar €1,004,144 less');
		const nl = await sp71('compare', 'scenarios/duivenvoorde', '--variant', 'sleutel-uren');
		expect(nl.out).toMatch(/^Cumulatief\s+−7\.946\.900\s+7\.946\.900/m);
	});

	it('prints the run table in English, and refuses another language', async () => {
		const en = await sp71('run', 'scenarios/duivenvoorde', '--lang', 'en');
		expect(en.out).toMatch(/^Year\s+Form\s+Wassenaar\s+Voorschoten\s+Costs\s+Charged$/m);
		expect(en.out).toContain('Check: in every year everything that has to be paid is charged, to the cent.');
		const de = await sp71('run', 'scenarios/duivenvoorde', '--lang', 'de');
		expect(de.code).toBe(2);
		expect(de.err).toMatch(/--lang must be one of nl, en/);
	});

	it('explains in the chosen language', async () => {
		const nl = await sp71(
			'explain',
			'scenarios/duivenvoorde',
			'--participant',
			'wassenaar',
			'--year',
			'2019',
			'--lang',
			'nl'
		);
		expect(nl.out).toMatch(/^Wassenaar, 2019: totale kosten onder de GR/);
		const en = await sp71(
			'explain',
			'scenarios/duivenvoorde',
			'--participant',
			'wassenaar',
			'--year',
			'2019',
			'--lang',
			'en'
		);
		expect(en.out).toMatch(/^Wassenaar, 2019: total cost under the GR/);
	});
});

describe('CSV output: one table per file, machine and Dutch Excel dialects', () => {
	it('compare prints the rows table, or the summary table with --table summary', async () => {
		const rows = await sp71('compare', 'scenarios/duivenvoorde', '--variant', 'sleutel-uren', '--format', 'csv');
		const lines = rows.out.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^participant,year,base,variant,delta,cumulativeDelta,/);
		expect(lines).toHaveLength(1 + 2 * 10);
		expect(lines.every((l) => l.split(',').length === lines[0]!.split(',').length)).toBe(true);
		const summary = await sp71(
			'compare',
			'scenarios/duivenvoorde',
			'--variant',
			'sleutel-uren',
			'--format',
			'csv',
			'--table',
			'summary'
		);
		expect(summary.out).toBe(
			'participant,cumulativeDelta,npv,paybackYear,deltaPerInhabitant\n' + summary.out.split('\n').slice(1).join('\n')
		);
		expect(summary.out.trimEnd().split('\n')).toHaveLength(3);
	});

	it('--csv nl writes semicolons, decimal commas, CRLF and a byte-order mark', async () => {
		const r = await sp71('run', 'scenarios/duivenvoorde', '--format', 'csv', '--csv', 'nl');
		expect(r.out.startsWith('\ufeffparticipant;year;legalForm;')).toBe(true);
		expect(r.out).toContain('\r\nwassenaar;2018;gr;15530632,00;40000,00;');
		const machine = await sp71('run', 'scenarios/duivenvoorde', '--format', 'csv');
		expect(machine.out).toContain('\nwassenaar,2018,gr,15530632.00,40000.00,');
		expect(machine.out.charCodeAt(0)).not.toBe(0xfeff);
	});

	it('quotes a field that holds the separator', async () => {
		const { toCsv } = await import('../../src/cli/csv.ts');
		expect(toCsv([['a;b', '1.5', 'say "x"']], 'nl')).toBe('\ufeff"a;b";1,5;"say ""x"""\r\n');
		expect(toCsv([['a,b', '1.5']])).toBe('"a,b",1.5\n');
	});
});

describe('loading only what a command computes', () => {
	it('a variant outside the dry run is still checked for its structure, and compare still works', async () => {
		const { loadScenarioFromTexts } = await import('../../src/index.ts');
		const dir = join(ROOT, REF);
		const variants = {
			'variants/centrumgemeente-leiden.yaml': readFileSync(join(dir, 'variants/centrumgemeente-leiden.yaml'), 'utf8'),
			'variants/broken.yaml': 'format: sp71-scenario-variant/1\nid: broken\nbase: servicepunt71\nchanges: 3\n'
		};
		const texts = { scenario: readFileSync(join(dir, 'scenario.yaml'), 'utf8'), variants };
		const limited = loadScenarioFromTexts(texts, { dryRunVariants: ['centrumgemeente-leiden'] });
		expect(limited.ok).toBe(false);
		const full = loadScenarioFromTexts({
			...texts,
			variants: { 'variants/centrumgemeente-leiden.yaml': variants['variants/centrumgemeente-leiden.yaml'] }
		});
		const one = loadScenarioFromTexts(
			{
				...texts,
				variants: { 'variants/centrumgemeente-leiden.yaml': variants['variants/centrumgemeente-leiden.yaml'] }
			},
			{ dryRunVariants: [] }
		);
		expect(full.ok && one.ok && one.value.variants.map((v) => v.id)).toEqual(['centrumgemeente-leiden']);
	});
});
