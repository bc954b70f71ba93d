// What every rule module of the computation reads: the scenario, the environment that records
// inputs and issues, and the memoised amounts and GR years (ScenarioModel implements it).
import type { Decimal } from '../money/decimal.ts';
import type { MethodId } from '../problem/types.ts';
import type { UsedInput } from '../scenario/resolve.ts';
import type { Leaf, Pool, Scenario, Series } from '../scenario/types.ts';
import type { Figure, KeyUse, PoolYear, YearDetail } from './detail.ts';
import type { Env } from './env.ts';
import type { YearAllocation, YearAllocationInput } from './engine.ts';
import type { GovernanceYear } from './gr-year.ts';

/** The wage share of an amount in a year (recording the inputs it reads). */
export type WageShare = (year: number, inputs: UsedInput[]) => Decimal;

export interface Computation {
	readonly scenario: Scenario;
	readonly env: Env;
	readonly participantIds: readonly string[];
	readonly poolIds: readonly string[];
	/** Whether the centrumgemeente is in force in some year of the horizon (then transition costs are incurred). */
	readonly moves: boolean;
	readonly methodOverride?: MethodId;
	/** A money series in a year, indexed after its last dated value (memoised; see indexation.ts). */
	amount(series: Series<Leaf>, year: number, label: string, wageShare: WageShare): Figure;
	/** A year as if the GR were in force (memoised). */
	grYear(year: number): YearDetail;
	/** The pools of a year (see pool-year.ts poolYears), when the computation can reuse them. */
	readonly poolYears?: (year: number, centrum: boolean) => PoolYear[];
	/** One pool's year (see pool-year.ts poolYear), when the computation can reuse it. */
	readonly poolYear?: (pool: Pool, year: number, efficiency: Decimal) => PoolYear;
	/** A pool's key in a year as weights (see pool-year.ts poolKeyUse), when the computation can reuse it. */
	readonly poolKeyUse?: (pool: Pool, year: number, cost: Decimal) => KeyUse | undefined;
	/** The inhabitants of a year per participant (see year-frame.ts inhabitants), when the computation can reuse them. */
	readonly inhabitants?: (year: number) => ReadonlyMap<string, Figure>;
	/** The GR's governance of a year (see gr-year.ts governanceYear), when the computation can reuse it. */
	readonly governanceYear?: (year: number) => GovernanceYear;
	/** The engine's allocation of a year, when the computation can reuse an identical one (else allocateYear). */
	readonly allocate?: (input: YearAllocationInput) => YearAllocation;
}
