// The reference scenarios, read from the repository's scenarios/ folder at build time and shipped as text.
import type { ScenarioSource } from './model.ts';

const files = import.meta.glob(['../../../../scenarios/*/scenario.yaml', '../../../../scenarios/*/variants/*.yaml'], {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

/** Group the files by scenario folder: scenarios/<name>/scenario.yaml plus scenarios/<name>/variants/*.yaml. */
export function groupSources(texts: Readonly<Record<string, string>>): ScenarioSource[] {
	const sources: ScenarioSource[] = [];
	for (const [path, text] of Object.entries(texts)) {
		const match = /scenarios\/([^/]+)\/scenario\.yaml$/.exec(path);
		if (!match) continue;
		const folder = `scenarios/${match[1]}/variants/`;
		const variants = Object.fromEntries(
			Object.entries(texts)
				.filter(([p]) => p.includes(folder))
				.map(([p, t]) => [p.slice(p.indexOf(folder)), t])
		);
		sources.push({ origin: 'builtin', file: `scenarios/${match[1]}/scenario.yaml`, text, variants });
	}
	return sources.sort((a, b) => a.file.localeCompare(b.file));
}

/** The scenario the app opens with when the address names none (a build-time setting; default the reference case). */
const DEFAULT_SCENARIO_FOLDER: string = import.meta.env.VITE_DEFAULT_SCENARIO ?? 'servicepunt71';

/** The default scenario first, then the others by folder name. */
export function defaultFirst(sources: readonly ScenarioSource[], folder: string): ScenarioSource[] {
	const isDefault = (s: ScenarioSource) => s.file === `scenarios/${folder}/scenario.yaml`;
	return [...sources.filter(isDefault), ...sources.filter((s) => !isDefault(s))];
}

export const builtinSources: readonly ScenarioSource[] = defaultFirst(groupSources(files), DEFAULT_SCENARIO_FOLDER);
