// A generated scenario of any size for the scale benchmark: P participants, N pools (a tenth of them
// support pools serving the others by staff, the rest service pools with fixed, inhabitant and staff
// keys), Y years, reciprocal method, and a centrumgemeente variant from the third year.
import { random } from './generate.ts';

const leaf = (value: string) => ({ value, basis: 'estimate', note: 'generated' });
const money = (cents: number) => leaf((cents / 100).toFixed(2));

/** The raw scenario (the format's plain data) with one variant `centrum`. */
export function generateScenario(
	participants: number,
	pools: number,
	years: number,
	seed = 71
): Record<string, unknown> {
	const next = random(seed + participants * 7 + pools * 13 + years);
	const from = 2021;
	const date = `${from}-01-01`;
	const pids = Array.from({ length: participants }, (_, i) => `p${String(i).padStart(3, '0')}`);
	const supportCount = Math.max(1, Math.floor(pools / 10));
	const poolIds = Array.from({ length: pools }, (_, i) => (i < supportCount ? `support-${i}` : `service-${i}`));
	const serviceIds = poolIds.slice(supportCount);
	const fteValues: Record<string, unknown> = {};
	for (const id of [...pids, ...serviceIds]) fteValues[id] = { [date]: leaf(String(5 + Math.floor(next() * 500))) };
	const fixedShares = Object.fromEntries(pids.map((p) => [p, String(1 + Math.floor(next() * 100))]));
	const poolList = poolIds.map((id, i) => {
		const key =
			i < supportCount
				? { type: 'driver', driver: 'fte' }
				: i % 3 === 0
					? { type: 'fixed', shares: fixedShares, basis: 'estimate', note: 'generated' }
					: i % 3 === 1
						? { type: 'driver', driver: 'inwoners' }
						: { type: 'driver', driver: 'fte' };
		return {
			id,
			name: `Pool ${i}`,
			kind: i < supportCount ? 'support' : 'service',
			cost: { [date]: money(100_000_00 + Math.floor(next() * 5_000_000_00)) },
			wageShare: { [date]: leaf('0.7') },
			vatTaxableShare: { [date]: leaf(i % 2 === 0 ? '1' : '0') },
			key: { [date]: key }
		};
	});
	return {
		format: 'sp71-scenario/1',
		id: 'generated',
		title: 'Generated scenario',
		horizon: { from, to: from + years - 1 },
		referenceYear: from,
		participants: pids.map((id) => ({ id, name: `Participant ${id}` })),
		drivers: {
			inwoners: {
				label: 'Inhabitants',
				values: Object.fromEntries(pids.map((p) => [p, { [date]: leaf(String(1000 + Math.floor(next() * 100000))) }]))
			},
			fte: { label: 'Staff', values: fteValues }
		},
		pools: poolList,
		allocation: { [date]: { method: 'reciprocal', order: poolIds } },
		legalForm: { [date]: { value: 'gr' } },
		indexation: { wage: { [date]: leaf('0.03') }, price: { [date]: leaf('0.02') } },
		gr: {
			governance: [{ id: 'board', label: 'Board', cost: { [date]: money(40_000_000) } }],
			governanceKey: { [date]: { type: 'even' } },
			ownerCosts: Object.fromEntries(pids.map((p) => [p, { [date]: money(2_000_000) }]))
		},
		centrumgemeente: {
			host: pids[0],
			transitionYears: { [date]: leaf('1') },
			markup: { [date]: leaf('0.03') },
			hostContractManagement: { [date]: money(15_000_000) },
			partnerContractManagement: Object.fromEntries(pids.slice(1).map((p) => [p, { [date]: money(1_000_000) }])),
			transitionCosts: { amounts: { [from]: money(50_000_000) }, key: { [date]: { type: 'even' } } }
		},
		vat: {
			rate: { [date]: leaf('0.21') },
			bcfCompensable: Object.fromEntries(pids.map((p) => [p, { [date]: leaf('0.95') }]))
		},
		comparison: { discountRate: { [date]: leaf('0.02') }, tolerance: '1000.00' },
		variants: [
			{
				id: 'centrum',
				base: 'generated',
				changes: [
					{ set: 'legalForm', from: `${from + Math.min(2, years - 1)}-01-01`, value: { value: 'centrumgemeente' } }
				]
			}
		]
	};
}
