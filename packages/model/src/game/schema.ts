// The published JSON Schema of the game file format (schema/game.schema.json) is generated from
// this zod schema. It describes the shape; `validateGame` also checks what a schema cannot (that
// coalition keys name known players, no coalition twice, none missing) with its own issue codes.
import { z } from 'zod';
import { GAME_FORMAT } from './file.ts';
import { MAX_PLAYERS } from './types.ts';

const notForbidden = /^(?!(__proto__|constructor|prototype)$)/;
// No commas, no outer spaces, not a forbidden key (one pattern: JSON Schema readers keep only one).
const playerId = z
	.string()
	.min(1)
	.regex(/^(?!(__proto__|constructor|prototype)$)[^,\s]([^,]*[^,\s])?$/);
const amount = z
	.union([z.string().regex(/^-?\d{1,24}(\.\d{1,12})?$/), z.int()])
	.describe('An exact amount: a decimal string such as "1234.56" (or a whole number).');
const worths = z
	.record(z.string().regex(notForbidden), amount)
	.describe('Coalition → amount; a coalition is its player ids joined by commas, in any order ("A,B" = "B,A").');
const common = {
	format: z.literal(GAME_FORMAT).optional(),
	title: z.string().optional(),
	players: z
		.array(playerId)
		.min(1)
		.max(MAX_PLAYERS)
		.describe(`The player ids, unique; at most ${MAX_PLAYERS} (a game of n players has 2^n - 1 coalitions).`),
	missing: z
		.enum(['zero', 'additive'])
		.optional()
		.describe(
			'How absent coalitions are filled: zero, or the sum of their members; without it every coalition must be given.'
		)
};

export const gameSchema = z
	.union([
		z.strictObject({ ...common, cost: worths.describe('A cost game: what each coalition would pay on its own.') }),
		z.strictObject({ ...common, value: worths.describe('A value game: what each coalition would earn or save.') })
	])
	.describe('A cooperative game for `sp71 game` (see docs/game-format.md).');

/** The JSON Schema document as published in schema/game.schema.json. */
export function gameJsonSchema(): Record<string, unknown> {
	return { title: 'Cooperative game', ...z.toJSONSchema(gameSchema, { target: 'draft-2020-12' }) };
}
