import { describe, expect, it } from 'vitest';
import { builtinSources, defaultFirst, groupSources } from './scenarios.ts';

describe('bundled scenarios', () => {
	it('groups each scenario folder with its own variant files only', () => {
		const sources = groupSources({
			'/x/scenarios/b/scenario.yaml': 'B',
			'/x/scenarios/a/scenario.yaml': 'A',
			'/x/scenarios/a/variants/one.yaml': 'A1',
			'/x/scenarios/b/variants/two.yaml': 'B2'
		});
		expect(sources).toEqual([
			{
				origin: 'builtin',
				file: 'scenarios/a/scenario.yaml',
				text: 'A',
				variants: { 'scenarios/a/variants/one.yaml': 'A1' }
			},
			{
				origin: 'builtin',
				file: 'scenarios/b/scenario.yaml',
				text: 'B',
				variants: { 'scenarios/b/variants/two.yaml': 'B2' }
			}
		]);
	});

	it('finds the reference scenario and its variants in the repository', () => {
		const reference = builtinSources.find((s) => s.file === 'scenarios/servicepunt71/scenario.yaml');
		expect(reference?.text).toContain('id: servicepunt71');
		expect(Object.keys(reference?.variants ?? {})).toContain(
			'scenarios/servicepunt71/variants/centrumgemeente-leiden.yaml'
		);
	});
});

describe('the scenario picker', () => {
	it('offers every bundled case, the reference case first', () => {
		const files = builtinSources.map((s) => s.file);
		expect(files[0]).toBe('scenarios/servicepunt71/scenario.yaml');
		expect(files).toContain('scenarios/duivenvoorde/scenario.yaml');
		const duivenvoorde = builtinSources.find((s) => s.file === 'scenarios/duivenvoorde/scenario.yaml');
		expect(Object.keys(duivenvoorde?.variants ?? {}).sort()).toEqual([
			'scenarios/duivenvoorde/variants/centrumgemeente-wassenaar.yaml',
			'scenarios/duivenvoorde/variants/sleutel-inwoners.yaml',
			'scenarios/duivenvoorde/variants/sleutel-uren.yaml'
		]);
	});

	it('puts the configured default first and keeps the order of the rest', () => {
		const source = (name: string) => ({
			origin: 'builtin' as const,
			file: `scenarios/${name}/scenario.yaml`,
			text: name,
			variants: {}
		});
		expect(defaultFirst([source('a'), source('b'), source('c')], 'b').map((s) => s.text)).toEqual(['b', 'a', 'c']);
		expect(defaultFirst([source('a'), source('b')], 'missing').map((s) => s.text)).toEqual(['a', 'b']);
	});
});
