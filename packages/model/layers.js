// The floors of packages/model/src and what each folder may import (see docs/architecture.md).
// eslint.config.js turns this table into `no-restricted-imports` rules per folder, and
// test/architecture.test.ts checks that the rules exist and fail on an upward import.

/** Folder → the folders it may import from (besides itself). Bottom floors first. */
export const LAYERS = {
	money: [],
	numeric: [],
	domain: ['money'],
	vocabulary: ['money', 'domain'],
	problem: ['money', 'domain'],
	allocation: ['money', 'domain', 'problem'],
	game: ['money', 'domain', 'problem'],
	scenario: ['money', 'domain', 'vocabulary', 'numeric'],
	'legal-form': ['money', 'domain', 'vocabulary', 'problem', 'allocation', 'scenario'],
	explain: ['money', 'domain', 'vocabulary', 'scenario', 'legal-form'],
	compare: ['money', 'domain', 'vocabulary', 'scenario', 'legal-form'],
	fairness: ['money', 'domain', 'vocabulary', 'scenario', 'legal-form', 'compare', 'game'],
	facade: [
		'money',
		'domain',
		'vocabulary',
		'problem',
		'allocation',
		'game',
		'scenario',
		'legal-form',
		'explain',
		'compare',
		'fairness'
	],
	analysis: ['money', 'numeric', 'domain', 'vocabulary', 'scenario', 'legal-form', 'compare'],
	import: [
		'money',
		'domain',
		'vocabulary',
		'problem',
		'allocation',
		'game',
		'scenario',
		'legal-form',
		'explain',
		'compare',
		'fairness',
		'facade'
	],
	cli: [
		'money',
		'numeric',
		'domain',
		'vocabulary',
		'problem',
		'allocation',
		'scenario',
		'legal-form',
		'explain',
		'compare',
		'facade',
		'game',
		'fairness',
		'analysis',
		'import'
	]
};

/** ESLint flat-config entries: per folder, an import of any folder it may not use is an error. */
export function layerRules(root = 'packages/model/src') {
	const folders = Object.keys(LAYERS);
	return folders.map((folder) => {
		const forbidden = folders.filter((other) => other !== folder && !LAYERS[folder].includes(other));
		return {
			files: [`${root}/${folder}/**/*.ts`],
			rules: {
				'no-restricted-imports': [
					'error',
					{
						patterns: [
							{
								regex: `(^|/)(${forbidden.join('|')})/`,
								message: `${folder}/ may import only ${LAYERS[folder].join(', ') || 'nothing of the model'} (docs/architecture.md).`
							},
							{
								regex: '^(@sp71/model$|(\\.\\./)+index\\.ts$)',
								message: 'Inside the model, import the module itself, not the public index (docs/architecture.md).'
							}
						]
					}
				]
			}
		};
	});
}
