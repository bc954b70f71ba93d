// The published JSON Schemas of the scenario and variant formats (schema/scenario.schema.json,
// schema/variant.schema.json) are generated from these zod schemas, for editors to complete and
// check files. They describe the shape; validateScenario also checks what a schema cannot (ids
// that refer to each other, values in force in every year, provenance rules per basis) with its
// own issue codes. Not imported by the library's public surface, so zod stays out of the web bundle.
import { z } from 'zod';
import { DATE_PATTERN, ID_PATTERN, KEY_TYPES, METHOD_IDS, NOT_FORBIDDEN } from '../domain/format.ts';

const notForbidden = NOT_FORBIDDEN;
const id = z.string().regex(ID_PATTERN).regex(notForbidden);
const date = z.string().regex(DATE_PATTERN);
const decimal = z.string().regex(/^[+-]?(\d+(\.\d*)?|\.\d+)$/);
const moneyText = z
	.string()
	.regex(/^\d+(\.\d{1,2})?$/)
	.describe('Euros as a decimal string, e.g. "18240000.00" (never a bare number: floats lose cents).');
const text = z.union([z.string(), z.strictObject({ nl: z.string().optional(), en: z.string().optional() })]);

const source = z.union([
	id.describe('The id of an entry in the top-level sources map.'),
	z.strictObject({ title: z.string(), url: z.string(), accessed: date.optional() })
]);

const provenanceFields = {
	basis: z
		.enum(['measured', 'derived', 'estimate'])
		.describe('measured needs a source; derived a source or a note; estimate a note.'),
	source: source.optional(),
	note: z.string().optional().describe('How the value was derived, or the basis of the estimate.'),
	confidence: z.enum(['low', 'medium', 'high']).optional(),
	range: z
		.tuple([z.union([decimal, z.number()]), z.union([decimal, z.number()])])
		.optional()
		.describe('Plausible interval ["low", "high"].'),
	distribution: z
		.enum(['uniform', 'triangular', 'normal', 'lognormal', 'fixed'])
		.optional()
		.describe(
			'Shape of the uncertainty over the range (default triangular with the value as mode; normal and lognormal truncated to the range; fixed: no uncertainty).'
		),
	checkedOn: date.optional().describe('When someone last confirmed the value.'),
	unit: z.string().optional(),
	label: z.string().optional()
};

const leaf = z
	.strictObject({ value: z.union([decimal, z.number()]), ...provenanceFields })
	.describe('A number with its provenance.');
const moneyLeaf = z
	.strictObject({ value: moneyText, ...provenanceFields })
	.describe('An amount in euros with its provenance.');

function dated<T extends z.ZodType>(value: T) {
	return z
		.record(date.regex(notForbidden), value.nullable())
		.describe(
			'A dated series: a value holds from its date (YYYY-MM-DD) until the next; a year is evaluated at 1 January; null ends it.'
		);
}

const keyProvenance = {
	basis: provenanceFields.basis.optional(),
	source: provenanceFields.source,
	note: provenanceFields.note,
	confidence: provenanceFields.confidence,
	checkedOn: provenanceFields.checkedOn,
	range: provenanceFields.range,
	distribution: provenanceFields.distribution,
	label: provenanceFields.label
};

export const keySchema: z.ZodType = z.lazy(() =>
	z
		.discriminatedUnion('type', [
			z.strictObject({
				type: z.literal('fixed'),
				shares: z.record(id, z.union([decimal, z.number()])).describe('Shares per participant or pool; normalised.'),
				...keyProvenance
			}),
			z.strictObject({
				type: z.literal('driver'),
				driver: z.string().describe('The name of a driver.'),
				...keyProvenance
			}),
			z.strictObject({ type: z.literal('even'), ...keyProvenance }),
			z.strictObject({
				type: z.literal('price-quantity'),
				driver: z.string(),
				price: moneyText.optional().describe('Tariff per unit; without it the tariff is the cost price.'),
				settlement: keySchema.optional().describe('The key that settles a deficit or surplus.'),
				...keyProvenance
			}),
			z.strictObject({
				type: z.literal('base-plus-usage'),
				baseShare: decimal.describe('Share of the cost divided by `base` (vaste voet), 0–1.'),
				base: keySchema,
				usage: keySchema,
				...keyProvenance
			}),
			z.strictObject({
				type: z.literal('formula'),
				expression: z
					.string()
					.describe('Arithmetic over driver names with min, max, sqrt, abs, round, floor, ceil, log, exp.'),
				...keyProvenance
			})
		])
		.describe(`A key (verdeelsleutel): ${KEY_TYPES.join(', ')}.`)
);

const change = z.strictObject({
	set: z
		.string()
		.describe('A path into the scenario: dots, and [id=…] to pick a list element, e.g. pools[id=ict].key.'),
	from: date
		.optional()
		.describe(
			'Add the value from this date on (earlier values kept, later ones dropped); without it the field is replaced.'
		),
	until: date
		.optional()
		.describe('With from: the value holds until this date (exclusive); from then on the baseline values apply again.'),
	value: z.unknown(),
	rationale: z.string().optional()
});

const variantFields = {
	format: z.literal('sp71-scenario-variant/1').optional(),
	id,
	title: text.optional(),
	description: z.string().optional(),
	base: id.describe('The baseline id, or another variant id (variants stack).'),
	changes: z.array(change)
};

export const variantSchema = z.strictObject(variantFields).describe('A variant: a delta over a baseline scenario.');

const participantMap = <T extends z.ZodType>(value: T) => z.record(id, value);

export const scenarioSchema = z
	.strictObject({
		format: z.literal('sp71-scenario/1').optional(),
		id,
		title: text.optional(),
		description: z.string().optional(),
		horizon: z.strictObject({ from: z.number().int(), to: z.number().int() }),
		referenceYear: z.number().int().optional().describe('Base year for NPV discounting and euros per inhabitant.'),
		sources: z
			.record(
				id,
				z.strictObject({
					title: z.string(),
					url: z.string(),
					accessed: date.optional(),
					note: z.string().optional(),
					publisher: z.string().optional()
				})
			)
			.optional(),
		participants: z
			.array(
				z.strictObject({ id, name: z.string().optional(), cbsCode: z.string().optional(), role: z.string().optional() })
			)
			.min(1),
		drivers: z.record(
			z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
			z.strictObject({
				label: text.optional(),
				unit: z.string().optional(),
				description: z.string().optional(),
				values: participantMap(dated(leaf)).describe('Per participant or pool: a dated series of counts.')
			})
		),
		pools: z
			.array(
				z.strictObject({
					id,
					name: z.string().optional(),
					kind: z.enum(['service', 'support']).optional(),
					description: z.string().optional(),
					cost: dated(moneyLeaf),
					revenue: dated(moneyLeaf).optional(),
					wageShare: dated(leaf).optional(),
					vatTaxableShare: dated(leaf).optional(),
					key: dated(keySchema)
				})
			)
			.min(1),
		allocation: dated(
			z.strictObject({
				method: z.enum(METHOD_IDS),
				order: z.array(id).optional(),
				rationale: z.string().optional(),
				note: z.string().optional()
			})
		).optional(),
		legalForm: dated(
			z.strictObject({
				value: z.enum(['gr', 'centrumgemeente']),
				...Object.fromEntries(Object.entries(provenanceFields).map(([k, v]) => [k, v.optional()])),
				rationale: z.string().optional()
			})
		).optional(),
		indexation: z.strictObject({ wage: dated(leaf).optional(), price: dated(leaf).optional() }).optional(),
		gr: z
			.strictObject({
				governance: z
					.array(
						z.strictObject({
							id,
							label: z.string().optional(),
							description: z.string().optional(),
							cost: dated(moneyLeaf),
							wageShare: dated(leaf).optional()
						})
					)
					.optional(),
				governanceKey: dated(keySchema).optional(),
				ownerCosts: participantMap(dated(moneyLeaf)).optional()
			})
			.optional(),
		centrumgemeente: z
			.strictObject({
				host: id,
				transitionYears: dated(leaf).optional(),
				markup: dated(leaf).optional(),
				efficiency: dated(leaf).optional(),
				hostContractManagement: dated(moneyLeaf).optional(),
				partnerContractManagement: participantMap(dated(moneyLeaf)).optional(),
				transitionCosts: z
					.strictObject({
						amounts: z.record(z.string().regex(/^\d{4}$/), moneyLeaf).describe('One-off amounts keyed by year.'),
						key: dated(keySchema).optional(),
						description: z.string().optional()
					})
					.optional()
			})
			.optional(),
		vat: z
			.strictObject({ rate: dated(leaf).optional(), bcfCompensable: participantMap(dated(leaf)).optional() })
			.optional(),
		comparison: z
			.strictObject({ discountRate: dated(leaf).optional(), tolerance: z.union([moneyText, moneyLeaf]).optional() })
			.optional(),
		uncertainty: z
			.strictObject({
				correlations: z
					.array(
						z.strictObject({
							inputs: z.array(z.string()).min(2).describe('Leaf paths or prefixes, e.g. indexation.wage.'),
							rho: z.union([decimal, z.number()]).optional().describe('One rank correlation for every pair.'),
							matrix: z.array(z.array(z.union([decimal, z.number()]))).optional(),
							note: z.string().optional()
						})
					)
					.optional()
			})
			.optional()
			.describe('Rank correlations between uncertain inputs (see docs/scenario-format.md).'),
		inHouse: z
			.strictObject({
				sizeDriver: id,
				priceYear: z.number().int(),
				referenceSize: dated(leaf),
				exponent: dated(leaf),
				wageShare: dated(leaf),
				services: z.record(id, dated(moneyLeaf)),
				exitCosts: z.strictObject({
					ictPool: id,
					uittredingsvergoeding: dated(leaf),
					frictiekosten: dated(leaf),
					ictDisentangling: dated(leaf)
				}),
				members: participantMap(z.strictObject({ from: date, ...provenanceFields })).optional()
			})
			.optional()
			.describe(
				'The in-house option (eigen organisatie): its cost function, exit costs and who is in-house from when.'
			),
		fairness: z
			.strictObject({ usageDrivers: z.record(id, id) })
			.optional()
			.describe('Fairness settings: per service pool the driver of the pure usage key.'),
		variants: z.array(z.strictObject({ ...variantFields, base: variantFields.base.optional() })).optional()
	})
	.describe('A scenario for the sp71 scenario model (see docs/scenario-format.md).');

/** The JSON Schema documents as published in schema/scenario.schema.json and schema/variant.schema.json. */
export function scenarioJsonSchemas(): { scenario: Record<string, unknown>; variant: Record<string, unknown> } {
	return {
		scenario: { title: 'sp71 scenario', ...z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12', reused: 'ref' }) },
		variant: {
			title: 'sp71 scenario variant',
			...z.toJSONSchema(variantSchema, { target: 'draft-2020-12', reused: 'ref' })
		}
	};
}
