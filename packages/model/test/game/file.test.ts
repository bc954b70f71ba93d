// The game file format: a valid file becomes an exact game, and every kind of mistake is
// reported with its code and path, all at once.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GAME_ISSUE_CODES, MAX_PLAYERS, validateGame } from '../../src/game/index.ts';
import { gameJsonSchema } from '../../src/game/schema.ts';
import { parseJson } from '../../src/problem/json.ts';

const issuesOf = (raw: unknown): { code: string; path: string }[] => {
	const result = validateGame(raw);
	return result.ok ? [] : result.issues.map(({ code, path }) => ({ code, path }));
};

describe('validateGame', () => {
	it('accepts coalition keys in any order and normalises them to the players’ order', () => {
		const result = validateGame({ players: ['A', 'B'], cost: { A: '1', B: 2, 'B, A': '2.50' } });
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.value.worth.map((w) => w.toFraction())).toEqual(['0', '1', '2', '5/2']);
	});

	it('fills absent coalitions with zero or with the sum of their members when "missing" says so', () => {
		const zero = validateGame({ players: ['A', 'B', 'C'], value: { 'A,B,C': '9' }, missing: 'zero' });
		const additive = validateGame({
			players: ['A', 'B', 'C'],
			cost: { A: '1', B: '2', C: '4', 'A,B,C': '6' },
			missing: 'additive'
		});
		expect(zero.ok && zero.value.worth.map((w) => w.toFraction())).toEqual(['0', '0', '0', '0', '0', '0', '0', '9']);
		expect(additive.ok && additive.value.worth.map((w) => w.toFraction())).toEqual([
			'0',
			'1',
			'2',
			'3',
			'4',
			'5',
			'6',
			'6'
		]);
	});

	it('reports each mistake with its path, all at once', () => {
		expect(
			issuesOf({
				players: ['A', 'B'],
				cost: { A: '1', 'A,X': '2', 'B,A': 'ten', 'A,A': '3', ',B': '1' },
				extra: true
			})
		).toEqual([
			{ code: 'unknown_field', path: 'extra' },
			{ code: 'unknown_player', path: 'cost["A,X"]' },
			{ code: 'invalid_amount', path: 'cost["B,A"]' },
			{ code: 'repeated_player', path: 'cost["A,A"]' },
			{ code: 'empty_coalition', path: 'cost[",B"]' },
			{ code: 'coalition_missing', path: 'cost.B' }
		]);
	});

	it('reports a coalition listed twice in different orders', () => {
		expect(issuesOf({ players: ['A', 'B'], cost: { A: '1', B: '1', 'A,B': '2', 'B,A': '2' } })).toEqual([
			{ code: 'duplicate_coalition', path: 'cost["B,A"]' }
		]);
	});

	it('reports every missing coalition without a "missing" rule, and singletons under "additive"', () => {
		expect(issuesOf({ players: ['A', 'B', 'C'], cost: { 'A,B,C': '3' } }).map((i) => i.path)).toEqual([
			'cost.A',
			'cost.B',
			'cost.C',
			'cost["A,B"]',
			'cost["A,C"]',
			'cost["B,C"]'
		]);
		expect(issuesOf({ players: ['A', 'B'], cost: { A: '1' }, missing: 'additive' })).toEqual([
			{ code: 'coalition_missing', path: 'cost.B' }
		]);
	});

	it('refuses more than the documented maximum of players, saying why', () => {
		const players = Array.from({ length: MAX_PLAYERS + 1 }, (_, i) => `p${i}`);
		const result = validateGame({ players, cost: {}, missing: 'zero' });
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.issues.map((i) => i.code)).toEqual(['too_many_players']);
			expect(result.issues[0]!.message).toMatch(/2ⁿ − 1 coalitions/);
		}
	});

	it('refuses __proto__ and friends as players, coalitions and fields (parsed as JSON, where they are real keys)', () => {
		const parsed = parseJson('{"players":["A","constructor"],"__proto__":1,"cost":{"__proto__":"1","A":"1"}}');
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const result = validateGame(parsed.value.value, { positions: parsed.value.positions });
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.issues.map(({ code, path }) => [code, path])).toEqual([
				['forbidden_key', '__proto__'],
				['forbidden_key', 'players[1]']
			]);
			expect(result.issues[0]!.line).toBe(1);
		}
	});

	it('reports the shape: not an object, players absent or empty or with bad ids, both kinds or none, a bad "missing"', () => {
		expect(issuesOf([1])).toEqual([{ code: 'not_an_object', path: '' }]);
		expect(issuesOf({ cost: {} })).toEqual([{ code: 'players_missing', path: 'players' }]);
		expect(issuesOf({ players: [], cost: {} })).toEqual([{ code: 'invalid_players', path: 'players' }]);
		expect(issuesOf({ players: ['A', 'A', 'B,C', ' D', 3], cost: {} }).map((i) => i.code)).toEqual([
			'duplicate_player',
			'invalid_player_id',
			'invalid_player_id',
			'invalid_player_id'
		]);
		expect(issuesOf({ players: ['A'], cost: { A: '1' }, value: { A: '1' } })).toEqual([
			{ code: 'both_kinds', path: 'value' }
		]);
		expect(issuesOf({ players: ['A'] })).toEqual([{ code: 'worth_missing', path: 'cost' }]);
		expect(issuesOf({ players: ['A'], cost: [] })).toEqual([{ code: 'invalid_worth', path: 'cost' }]);
		expect(issuesOf({ players: ['A'], cost: { A: '1' }, missing: 'none', format: 'x', title: 1 })).toEqual([
			{ code: 'invalid_format', path: 'format' },
			{ code: 'invalid_title', path: 'title' },
			{ code: 'invalid_missing', path: 'missing' }
		]);
		expect(issuesOf({ players: ['A'], cost: { A: 0.1 } })).toEqual([{ code: 'invalid_amount', path: 'cost.A' }]);
		expect(issuesOf({ players: ['A'], cost: { A: '1e5' } })).toEqual([{ code: 'invalid_amount', path: 'cost.A' }]);
	});

	it('documents every issue code in docs/game-format.md', () => {
		const doc = readFileSync(new URL('../../../../docs/game-format.md', import.meta.url), 'utf8');
		for (const code of Object.keys(GAME_ISSUE_CODES)) expect(doc, code).toContain(`\`${code}\``);
	});
});

describe('the published JSON Schema (schema/game.schema.json)', () => {
	const published = JSON.parse(readFileSync(new URL('../../schema/game.schema.json', import.meta.url), 'utf8'));
	const validator = z.fromJSONSchema(published);
	const games = new URL('../../../../scenarios/games/', import.meta.url);

	it('is the one generated from the zod schema (regenerate with packages/model/schema/generate-game.ts)', () => {
		expect(published).toEqual(JSON.parse(JSON.stringify(gameJsonSchema())));
	});

	it('accepts every example game, and each is valid for validateGame', () => {
		const files = readdirSync(games).filter((f) => f.endsWith('.json'));
		expect(files.length).toBeGreaterThan(0);
		for (const file of files) {
			const raw = JSON.parse(readFileSync(new URL(file, games), 'utf8'));
			expect(validator.safeParse(raw).success, file).toBe(true);
			expect(validateGame(raw).ok, file).toBe(true);
		}
	});

	it('rejects shape errors: both kinds, an unknown field, a comma in a player id, too many players', () => {
		const many = Array.from({ length: MAX_PLAYERS + 1 }, (_, i) => `p${i}`);
		for (const raw of [
			{ players: ['A'], cost: { A: '1' }, value: { A: '1' } },
			{ players: ['A'], cost: { A: '1' }, extra: 1 },
			{ players: ['A,B'], cost: {} },
			{ players: many, cost: {}, missing: 'zero' }
		])
			expect(validator.safeParse(raw).success, JSON.stringify(raw)).toBe(false);
	});
});
