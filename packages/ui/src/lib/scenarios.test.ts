import { describe, expect, it } from 'vitest';
import { builtinSources, groupSources } from './scenarios.ts';

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
