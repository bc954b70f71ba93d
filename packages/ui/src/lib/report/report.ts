// What the report shows besides the comparison itself: versions, the link that reopens the view, the main
// assumptions with their basis, and the sources. Pure functions over the model's data.
import {
	entryAt,
	listInputs,
	yearDate,
	type FairnessReport,
	type InputValue,
	type MeasureFirstItem,
	type Scenario,
	type SimulationReport
} from '@sp71/model';
import modelPackage from '../../../../model/package.json';
import type { ScenarioSource } from '../model.ts';
import type { FairShareData, RangeData, SensitivityData } from './types.ts';

/** The version of the model library the figures were computed with. */
export const MODEL_VERSION: string = modelPackage.version;

/**
 * The data version: the scenario's id and a 64-bit FNV-1a fingerprint of its files (baseline and variants, in
 * file-name order), so two reports with the same data version were computed from byte-identical inputs.
 */
export function dataVersion(id: string, source: ScenarioSource): string {
	const files = [
		source.text,
		...Object.keys(source.variants)
			.sort()
			.map((name) => `${name}\n${source.variants[name]}`)
	];
	let hash = 0xcbf29ce484222325n;
	const bytes = new TextEncoder().encode(files.join('\u0000'));
	for (const byte of bytes) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
	return `${id}@${hash.toString(16).padStart(16, '0').slice(0, 12)}`;
}

/** The money inputs in force on 1 January of `year`, largest first (pool costs, governance, contract costs). */
export function largestInputs(scenario: Scenario, year: number, count = 10, locale: 'nl' | 'en' = 'nl'): InputValue[] {
	const date = yearDate(year);
	const inForce = new Map<string, InputValue>();
	for (const input of listInputs(scenario, { locale })) {
		if (!/cost|Cost|ContractManagement|transition/i.test(input.path)) continue;
		if (input.from.length === 4 ? input.from !== String(year) : input.from > date) continue;
		const current = inForce.get(input.path);
		if (!current || current.from < input.from) inForce.set(input.path, input);
	}
	return [...inForce.values()]
		.filter((i) => Number.isFinite(Number(i.value)) && Number(i.value) !== 0)
		.sort((a, b) => Number(b.value) - Number(a.value) || a.path.localeCompare(b.path))
		.slice(0, count);
}

/** The allocation method in force in `year`, or null when the scenario sets none for that year. */
export function methodInForce(scenario: Scenario, year: number): string | null {
	return entryAt(scenario.allocation, yearDate(year))?.value?.method ?? null;
}

/** The sources a report cites: every source of the scenario, by title. */
export function reportSources(scenario: Scenario): { id: string; title: string; url: string }[] {
	return Object.values(scenario.sources)
		.map((s) => ({ id: s.id, title: s.title, url: s.url }))
		.sort((a, b) => a.title.localeCompare(b.title, 'nl'));
}

/** The report's range section from a Monte Carlo run: per municipality P10/P50/P90 of the NPV difference and P(cheaper). */
export function rangeData(report: SimulationReport): RangeData {
	return {
		draws: report.draws,
		seed: report.seed,
		rows: report.participants.map((p) => ({
			participant: p.participant,
			p10: p.npv.p10,
			p50: p.npv.p50,
			p90: p.npv.p90,
			probabilityCheaper: String(p.probabilityCheaper)
		}))
	};
}

/** The report's "inputs that matter most": the first `top` of each municipality's measure-first list, in its order. */
export function sensitivityData(
	items: readonly MeasureFirstItem[],
	locale: 'nl' | 'en',
	labels: ReadonlyMap<string, { readonly nl: string; readonly en: string }>,
	top = 3
): SensitivityData {
	const taken = new Map<string, number>();
	const rows = [];
	for (const item of items) {
		const n = taken.get(item.participant) ?? 0;
		if (n >= top) continue;
		taken.set(item.participant, n + 1);
		rows.push({
			participant: item.participant,
			input: labels.get(item.path)?.[locale] ?? item.input,
			basis: item.basis,
			share: item.share
		});
	}
	return { rows };
}

/** The report's fair-shares section from a fairness report: charge, alone, Shapley value and nucleolus per municipality. */
export function fairShareData(report: FairnessReport): FairShareData {
	return {
		rows: report.players.map(({ id }) => ({
			participant: id,
			charge: report.charges[id]!,
			standAlone: report.standAlone[id]!,
			shapley: report.shapley[id]!,
			nucleolus: report.nucleolus[id]!
		})),
		inCore: report.inCore
	};
}
