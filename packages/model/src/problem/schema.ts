// The published JSON Schema of the allocation problem format (schema/problem.schema.json) is
// generated from this zod schema. It describes the shape; `validateProblem` also checks what a
// schema cannot (ids that refer to each other, the step-down order, a singular reciprocal system)
// and reports every issue with its own code.
import { z } from 'zod';
import { METHOD_IDS, NOT_FORBIDDEN } from '../domain/format.ts';

const notForbidden = NOT_FORBIDDEN;
const id = z
	.string()
	.min(1)
	.regex(/^\S(.*\S)?$/, 'no leading or trailing spaces')
	.regex(notForbidden);
const money = z
	.string()
	.regex(/^\d+(\.\d{1,2})?$/)
	.describe('A non-negative amount in euros as a decimal string with at most two decimals, e.g. "1700000.00".');
const weight = z
	.union([
		z.number().min(0),
		z
			.string()
			.regex(/^\+?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/)
			.describe('A non-negative decimal string')
	])
	.describe('A non-negative driver weight: a JSON number or a decimal string.');

export const problemSchema = z
	.strictObject({
		method: z.enum(METHOD_IDS).optional().describe('The allocation method; default "direct".'),
		order: z.array(id).optional().describe('Step-down only: every pool id exactly once; default the order of pools.'),
		pools: z
			.array(
				z.strictObject({
					id: id.describe('Unique pool id; not also a recipient id.'),
					cost: money.describe("The pool's own cost before allocation (decimal string, at most two decimals)."),
					drivers: z
						.record(z.string().regex(notForbidden), weight)
						.describe(
							'Weights over recipients and other pools (not itself), normalised per pool; they must not all be zero.'
						),
					label: z.string().optional()
				})
			)
			.min(1),
		recipients: z.array(id).min(1).describe('The ids that finally bear the costs (no duplicates, no pool ids).'),
		title: z.string().optional(),
		description: z.string().optional(),
		source: z
			.strictObject({ title: z.string(), url: z.string().optional(), note: z.string().optional() })
			.optional()
			.describe('Where the example comes from, e.g. a textbook page.')
	})
	.describe('A cost-allocation problem for the sp71 engine (see docs/problem-format.md).');

/** The JSON Schema document as published in schema/problem.schema.json. */
export function problemJsonSchema(): Record<string, unknown> {
	return { title: 'Allocation problem', ...z.toJSONSchema(problemSchema, { target: 'draft-2020-12' }) };
}
