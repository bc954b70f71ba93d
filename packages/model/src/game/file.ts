// The game file format (sp71-game/1, see docs/game-format.md): players and the cost or value of
// every coalition, as JSON. Validation reports every issue at once with its path; a valid file
// becomes a `Game` with exact worths indexed by coalition mask.
import Fraction from 'fraction.js';
import { formatIssueCount, makeIssue, type Issue, type IssueText, type Result } from '../domain/issue.ts';
import { childPath, indexPath, type Position } from '../problem/json.ts';
import { allCoalitions, coalitionKey, grandMask, sizeOf } from './coalition.ts';
import { MAX_PLAYERS, type Game, type GameKind } from './types.ts';

/** The format tag a game file may carry. */
export const GAME_FORMAT = 'sp71-game/1';

/** Every issue code of the game file format, with what it means (documented in docs/game-format.md). */
export const GAME_ISSUE_CODES = {
	not_an_object: 'the file is not a JSON object',
	forbidden_key: 'a key __proto__, constructor or prototype',
	unknown_field: 'a top-level field the format does not define',
	invalid_format: '"format" is not "sp71-game/1"',
	invalid_title: '"title" is not a string',
	players_missing: '"players" is absent',
	invalid_players: '"players" is not a non-empty array',
	invalid_player_id: 'a player id is not a non-empty string without commas and outer spaces',
	duplicate_player: 'a player id occurs twice',
	too_many_players: 'more players than the documented maximum',
	worth_missing: 'neither "cost" nor "value" is given',
	both_kinds: 'both "cost" and "value" are given',
	invalid_worth: '"cost" or "value" is not an object',
	invalid_missing: '"missing" is not "zero" or "additive"',
	empty_coalition: 'a coalition key names no player, or has an empty part',
	unknown_player: 'a coalition key names a player not in "players"',
	repeated_player: 'a coalition key names one player twice',
	duplicate_coalition: 'one coalition is listed twice, in different orders',
	invalid_amount: 'a worth is not a decimal string (or a safe integer)',
	coalition_missing: 'a coalition is absent and "missing" does not say how to fill it'
} as const;

export type GameIssueCode = keyof typeof GAME_ISSUE_CODES;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const FIELDS = new Set(['format', 'title', 'players', 'cost', 'value', 'missing']);
const AMOUNT = /^-?\d{1,24}(\.\d{1,12})?$/;
/** Missing coalitions are listed one by one up to this many, then counted. */
const MISSING_LISTED = 50;

/** Options: positions from `parseJson` put line and column on each issue. */
export interface GameValidationOptions {
	readonly positions?: ReadonlyMap<string, Position>;
}

class Issues {
	readonly list: Issue[] = [];
	constructor(private readonly positions?: ReadonlyMap<string, Position>) {}

	add(code: GameIssueCode, path: string, message: IssueText): void {
		let position: Position | undefined;
		for (let p = path; this.positions && !position;) {
			position = this.positions.get(p);
			if (p === '') break;
			const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
			p = cut <= 0 ? '' : p.slice(0, cut);
		}
		this.list.push(makeIssue(code, path, message, position ? { line: position.line, column: position.column } : {}));
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

const DUTCH_TYPES: Readonly<Record<string, string>> = {
	string: 'tekst',
	number: 'het getal',
	boolean: 'de waarheidswaarde',
	bigint: 'het getal',
	undefined: 'niets'
};

/** describe in Dutch. */
function beschrijf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'een lijst';
	if (typeof value === 'object') return 'een object';
	return value === undefined ? 'niets' : `${DUTCH_TYPES[typeof value] ?? typeof value} ${JSON.stringify(value)}`;
}

/** Read the player list; returns null when it cannot be used for the coalitions. */
function readPlayers(raw: unknown, out: Issues): string[] | null {
	if (raw === undefined) {
		out.add('players_missing', 'players', {
			en: 'the field "players" is required: a list of player ids',
			nl: 'het veld "players" is verplicht: een lijst van ids van spelers'
		});
		return null;
	}
	if (!Array.isArray(raw) || raw.length === 0) {
		out.add('invalid_players', 'players', {
			en: `"players" must be a non-empty array of ids, not ${describe(raw)}`,
			nl: `"players" moet een niet-lege lijst van ids zijn, niet ${beschrijf(raw)}`
		});
		return null;
	}
	let usable = true;
	const seen = new Set<string>();
	raw.forEach((id, index) => {
		const path = indexPath('players', index);
		if (typeof id !== 'string' || id === '' || id.includes(',') || id.trim() !== id) {
			out.add('invalid_player_id', path, {
				en: `a player id must be a non-empty string without commas or outer spaces, not ${describe(id)}`,
				nl: `de id van een speler moet niet-lege tekst zijn, zonder komma’s en zonder spaties aan begin of eind, niet ${beschrijf(id)}`
			});
			usable = false;
		} else if (FORBIDDEN_KEYS.has(id)) {
			out.add('forbidden_key', path, {
				en: `the id ${JSON.stringify(id)} is not allowed`,
				nl: `de id ${JSON.stringify(id)} is niet toegestaan`
			});
			usable = false;
		} else if (seen.has(id)) {
			out.add('duplicate_player', path, {
				en: `the player ${JSON.stringify(id)} is listed twice`,
				nl: `de speler ${JSON.stringify(id)} staat er twee keer in`
			});
			usable = false;
		} else seen.add(id);
	});
	if (raw.length > MAX_PLAYERS) {
		out.add('too_many_players', 'players', {
			en:
				`${raw.length} players is more than the maximum of ${MAX_PLAYERS}: a game of n players has 2ⁿ − 1 coalitions ` +
				`(${MAX_PLAYERS} players: ${grandMask(MAX_PLAYERS)}), each listed in the file and each a constraint of the nucleolus`,
			nl:
				`${formatIssueCount(raw.length, 'nl')} spelers is meer dan het maximum van ${MAX_PLAYERS}: een spel van n spelers heeft 2ⁿ − 1 coalities ` +
				`(${MAX_PLAYERS} spelers: ${formatIssueCount(grandMask(MAX_PLAYERS), 'nl')}), elk in het bestand vermeld en elk een voorwaarde van de nucleolus`
		});
		usable = false;
	}
	return usable ? (raw as string[]) : null;
}

/** An amount as an exact fraction, or null when it is not a decimal string (or a safe integer). */
function readAmount(value: unknown): Fraction | null {
	if (typeof value === 'string' && AMOUNT.test(value)) return new Fraction(value);
	if (typeof value === 'number' && Number.isSafeInteger(value)) return new Fraction(value);
	return null;
}

/** Read the coalition worths into an array indexed by mask (undefined where absent). */
function readWorths(
	kind: GameKind,
	table: Record<string, unknown>,
	players: readonly string[],
	out: Issues
): (Fraction | null | undefined)[] {
	const index = new Map(players.map((id, i) => [id, i]));
	// null: listed, but with an issue (so it is not reported missing as well).
	const worth: (Fraction | null | undefined)[] = new Array(grandMask(players.length) + 1);
	const firstKey = new Map<number, string>();
	for (const key of Object.keys(table)) {
		const path = childPath(kind, key);
		if (FORBIDDEN_KEYS.has(key)) {
			out.add('forbidden_key', path, {
				en: `the key ${JSON.stringify(key)} is not allowed`,
				nl: `de veldnaam ${JSON.stringify(key)} is niet toegestaan`
			});
			continue;
		}
		const parts = key.split(',').map((part) => part.trim());
		if (parts.some((part) => part === '')) {
			out.add('empty_coalition', path, {
				en: `the coalition ${JSON.stringify(key)} has an empty member; join player ids by commas`,
				nl: `de coalitie ${JSON.stringify(key)} heeft een leeg lid; scheid de ids van spelers door komma’s`
			});
			continue;
		}
		let mask = 0;
		let ok = true;
		for (const part of parts) {
			const i = index.get(part);
			if (FORBIDDEN_KEYS.has(part)) {
				out.add('forbidden_key', path, {
					en: `the id ${JSON.stringify(part)} is not allowed`,
					nl: `de id ${JSON.stringify(part)} is niet toegestaan`
				});
				ok = false;
			} else if (i === undefined) {
				out.add('unknown_player', path, {
					en: `${JSON.stringify(part)} is not one of the players (${players.join(', ')})`,
					nl: `${JSON.stringify(part)} is niet een van de spelers (${players.join(', ')})`
				});
				ok = false;
			} else if (mask & (1 << i)) {
				out.add('repeated_player', path, {
					en: `the coalition ${JSON.stringify(key)} names ${JSON.stringify(part)} twice`,
					nl: `de coalitie ${JSON.stringify(key)} noemt ${JSON.stringify(part)} twee keer`
				});
				ok = false;
			} else mask |= 1 << i;
		}
		const amount = readAmount(table[key]);
		if (amount === null) {
			out.add('invalid_amount', path, {
				en: `the ${kind} must be a decimal string such as "1234.56", not ${describe(table[key])}`,
				nl: `${kind} moet een decimaal getal als tekst zijn, zoals "1234.56", niet ${beschrijf(table[key])}`
			});
			if (ok) worth[mask] ??= null;
			continue;
		}
		if (!ok) continue;
		const earlier = firstKey.get(mask);
		if (earlier !== undefined) {
			out.add('duplicate_coalition', path, {
				en: `${JSON.stringify(key)} is the same coalition as ${JSON.stringify(earlier)}, listed before`,
				nl: `${JSON.stringify(key)} is dezelfde coalitie als ${JSON.stringify(earlier)}, die eerder staat`
			});
			continue;
		}
		firstKey.set(mask, key);
		worth[mask] = amount!;
	}
	return worth;
}

/** Fill absent coalitions by the `missing` rule, or report each of them. */
function completeWorths(
	kind: GameKind,
	worth: readonly (Fraction | null | undefined)[],
	players: readonly string[],
	missing: 'zero' | 'additive' | undefined,
	out: Issues
): Fraction[] | null {
	const n = players.length;
	const absent = allCoalitions(n).filter(
		(mask) => worth[mask] === undefined && !(missing === 'zero' || (missing === 'additive' && sizeOf(mask) > 1))
	);
	absent.slice(0, MISSING_LISTED).forEach((mask) => {
		const key = coalitionKey(mask, players);
		const why =
			missing === 'additive'
				? 'an additive fill needs every single player'
				: 'every non-empty coalition must be given, or "missing": "zero" or "additive"';
		const waarom =
			missing === 'additive'
				? 'een additieve aanvulling vraagt elke speler afzonderlijk'
				: 'elke niet-lege coalitie moet gegeven zijn, of "missing": "zero" of "additive"';
		out.add('coalition_missing', childPath(kind, key), {
			en: `the coalition ${JSON.stringify(key)} is missing: ${why}`,
			nl: `de coalitie ${JSON.stringify(key)} ontbreekt: ${waarom}`
		});
	});
	if (absent.length > MISSING_LISTED)
		out.add('coalition_missing', kind, {
			en: `and ${absent.length - MISSING_LISTED} more coalitions are missing`,
			nl: `en er ontbreken nog ${formatIssueCount(absent.length - MISSING_LISTED, 'nl')} coalities`
		});
	if (absent.length > 0) return null;
	if (worth.some((w) => w === null)) return null;
	// The additive fill: the sum of the members' own worths.
	const additive: Fraction[] = [new Fraction(0)];
	const complete: Fraction[] = [new Fraction(0)];
	for (let mask = 1; mask <= grandMask(n); mask++) {
		const low = mask & -mask;
		additive[mask] = mask === low ? (worth[mask] ?? new Fraction(0)) : additive[mask ^ low]!.add(additive[low]!);
		complete[mask] = worth[mask] ?? (missing === 'zero' ? new Fraction(0) : additive[mask]!);
	}
	return complete;
}

/** Validate a parsed game file: the game, or every issue with its path. */
export function validateGame(raw: unknown, options: GameValidationOptions = {}): Result<Game> {
	const out = new Issues(options.positions);
	if (!isRecord(raw)) {
		out.add('not_an_object', '', {
			en: `a game file is a JSON object with "players" and "cost" or "value", not ${describe(raw)}`,
			nl: `een spelbestand is een JSON-object met "players" en "cost" of "value", niet ${beschrijf(raw)}`
		});
		return { ok: false, issues: out.list };
	}
	for (const key of Object.keys(raw)) {
		if (FORBIDDEN_KEYS.has(key))
			out.add('forbidden_key', childPath('', key), {
				en: `the key ${JSON.stringify(key)} is not allowed`,
				nl: `de veldnaam ${JSON.stringify(key)} is niet toegestaan`
			});
		else if (!FIELDS.has(key))
			out.add('unknown_field', childPath('', key), {
				en: `unknown field ${JSON.stringify(key)}; expected one of ${[...FIELDS].join(', ')}`,
				nl: `onbekend veld ${JSON.stringify(key)}; verwacht een van ${[...FIELDS].join(', ')}`
			});
	}
	if (raw.format !== undefined && raw.format !== GAME_FORMAT)
		out.add('invalid_format', 'format', {
			en: `"format" must be "${GAME_FORMAT}", not ${describe(raw.format)}`,
			nl: `"format" moet "${GAME_FORMAT}" zijn, niet ${beschrijf(raw.format)}`
		});
	if (raw.title !== undefined && typeof raw.title !== 'string')
		out.add('invalid_title', 'title', {
			en: `"title" must be a string, not ${describe(raw.title)}`,
			nl: `"title" moet tekst zijn, niet ${beschrijf(raw.title)}`
		});
	let missing: 'zero' | 'additive' | undefined;
	if (raw.missing !== undefined) {
		if (raw.missing === 'zero' || raw.missing === 'additive') missing = raw.missing;
		else
			out.add('invalid_missing', 'missing', {
				en: `"missing" must be "zero" or "additive", not ${describe(raw.missing)}`,
				nl: `"missing" moet "zero" of "additive" zijn, niet ${beschrijf(raw.missing)}`
			});
	}
	const players = readPlayers(raw.players, out);
	const hasCost = raw.cost !== undefined;
	const hasValue = raw.value !== undefined;
	if (hasCost && hasValue)
		out.add('both_kinds', 'value', {
			en: 'give either "cost" (a cost game) or "value" (a value game), not both',
			nl: 'geef óf "cost" (een kostenspel) óf "value" (een waardespel), niet allebei'
		});
	if (!hasCost && !hasValue)
		out.add('worth_missing', 'cost', {
			en: 'the field "cost" (a cost game) or "value" (a savings or profit game) is required',
			nl: 'het veld "cost" (een kostenspel) of "value" (een spel van besparing of winst) is verplicht'
		});
	const kind: GameKind = hasCost ? 'cost' : 'value';
	const table = raw[kind];
	if ((hasCost || hasValue) && !isRecord(table))
		out.add('invalid_worth', kind, {
			en: `"${kind}" must be an object from coalition to amount, not ${describe(table)}`,
			nl: `"${kind}" moet een object van coalitie naar bedrag zijn, niet ${beschrijf(table)}`
		});
	if (players === null || !isRecord(table) || (hasCost && hasValue)) return { ok: false, issues: out.list };
	const worth = completeWorths(kind, readWorths(kind, table, players, out), players, missing, out);
	if (worth === null || out.list.length > 0) return { ok: false, issues: out.list };
	return { ok: true, value: { players, kind, worth } };
}
