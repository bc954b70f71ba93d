// The computation of a scenario's years: one ScenarioModel per run holds the environment (inputs
// used, issues met) and memoises amounts and GR years; the rules live one per module (indexation,
// pool years, the GR year, the centrumgemeente year, VAT, transition costs), as functions of it.
import type { LegalForm } from '../domain/result.ts';
import type { MethodId } from '../problem/types.ts';
import type { Leaf, Scenario, Series } from '../scenario/types.ts';
import { centrumYear } from './centrum-year.ts';
import type { Computation, WageShare } from './context.ts';
import type { Figure, YearDetail } from './detail.ts';
import { Env } from './env.ts';
import { grYear } from './gr-year.ts';
import { indexedAmount } from './indexation.ts';

export type { CostItem, DvoDetail, DvoFee, Figure, KeyUse, ParticipantDetail, PoolYear, YearDetail } from './detail.ts';

/** The computation of a scenario's years, with memoised pool costs and GR years. */
export class ScenarioModel implements Computation {
	readonly env: Env;
	private readonly amountMemo = new Map<string, Figure>();
	private readonly yearMemo = new Map<string, YearDetail>();
	readonly participantIds: readonly string[];
	readonly poolIds: readonly string[];
	/** Whether the centrumgemeente is in force in some year of the horizon (each year's lookup noted as read). */
	get moves(): boolean {
		let moves = false;
		const { from, to } = this.scenario.horizon;
		for (let y = from; y <= to; y++)
			if (this.env.peek(this.scenario.legalForm, y)?.value === 'centrumgemeente') moves = true;
		return moves;
	}

	constructor(
		readonly scenario: Scenario,
		readonly methodOverride?: MethodId
	) {
		this.env = new Env(scenario.horizon);
		this.participantIds = scenario.participants.map((p) => p.id);
		this.poolIds = scenario.pools.map((p) => p.id);
	}

	/** A money series in `year`, indexed after its last dated value (memoised per series and year). */
	amount(series: Series<Leaf>, year: number, label: string, wageShare: WageShare): Figure {
		const memoKey = `${series.path}|${year}`;
		const cached = this.amountMemo.get(memoKey);
		if (cached) return cached;
		const figure = this.computeAmount(series, year, label, wageShare);
		this.amountMemo.set(memoKey, figure);
		return figure;
	}

	/** A money series in `year`, computed (not memoised: for a subclass with its own memo). */
	protected computeAmount(series: Series<Leaf>, year: number, label: string, wageShare: WageShare): Figure {
		return indexedAmount(this, series, year, label, wageShare);
	}

	/** The legal form in force in `year` (the GR when none is). */
	legalFormIn(year: number): LegalForm {
		return this.env.value(this.scenario.legalForm, year, 'legal form')?.value ?? 'gr';
	}

	/** The full detail of one year under the legal form in force (memoised). */
	year(year: number): YearDetail {
		const memoKey = String(year);
		const cached = this.yearMemo.get(memoKey);
		if (cached) return cached;
		const detail = this.computeYear(year);
		this.yearMemo.set(memoKey, detail);
		return detail;
	}

	/** One year under the legal form in force, computed (not memoised: for a subclass with its own memo). */
	protected computeYear(year: number): YearDetail {
		return this.legalFormIn(year) === 'centrumgemeente' ? centrumYear(this, year) : this.grYear(year);
	}

	/** A year as if the GR were in force (memoised; also the base of the DVO transition fee). */
	grYear(year: number): YearDetail {
		const memoKey = `gr|${year}`;
		const cached = this.yearMemo.get(memoKey);
		if (cached) return cached;
		const detail = this.computeGrYear(year);
		this.yearMemo.set(memoKey, detail);
		return detail;
	}

	/** A year as if the GR were in force, computed (not memoised: for a subclass with its own memo). */
	protected computeGrYear(year: number): YearDetail {
		return grYear(this, year);
	}
}
