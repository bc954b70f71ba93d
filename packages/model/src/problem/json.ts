// A small strict JSON reader that, unlike JSON.parse, reports where things are: the line and
// column of a syntax error, of every value (so validation issues can point into the file), and
// of keys that occur twice in one object (JSON.parse silently keeps the last one).
import { makeIssue, type Issue, type Result } from '../domain/issue.ts';

/** A 1-based position in a text. */
export interface Position {
	readonly line: number;
	readonly column: number;
}

/** A parsed JSON value together with the position of each value, keyed by its path ("pools[0].cost"). */
export interface ParsedJson {
	readonly value: unknown;
	readonly positions: ReadonlyMap<string, Position>;
}

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/** The path of `key` inside the object at `parent`: "parent.key", or parent["odd key"]. */
export function childPath(parent: string, key: string): string {
	if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
	return `${parent}[${JSON.stringify(key)}]`;
}

/** The path of element `index` of the array at `parent`. */
export function indexPath(parent: string, index: number): string {
	return `${parent}[${index}]`;
}

/** Deepest nesting of objects and arrays read: a problem file needs four levels; beyond this is no problem file. */
export const MAX_JSON_DEPTH = 64;

class JsonTooDeep extends Error {}

class JsonSyntaxError extends Error {
	constructor(
		message: string,
		readonly offset: number,
		/** The same problem in Dutch. */
		readonly dutch: string
	) {
		super(message);
	}
}

/** Parse JSON text. Syntax errors come back as one `invalid_json` issue with line and column; duplicate keys as `duplicate_key`. */
export function parseJson(text: string): Result<ParsedJson> {
	const reader = new Reader(text);
	try {
		reader.skipWhitespace();
		const value = reader.readValue('');
		reader.skipWhitespace();
		if (reader.offset < text.length)
			throw new JsonSyntaxError(
				'unexpected text after the JSON value',
				reader.offset,
				'onverwachte tekst na de JSON-waarde'
			);
		if (reader.duplicates.length > 0) return { ok: false, issues: reader.duplicates };
		return { ok: true, value: { value, positions: reader.positions } };
	} catch (error) {
		if (error instanceof JsonTooDeep)
			return {
				ok: false,
				issues: [
					makeIssue('too_deep', '', {
						en: `the file nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep`,
						nl: `het bestand nest objecten of lijsten meer dan ${MAX_JSON_DEPTH} niveaus diep`
					})
				]
			};
		if (!(error instanceof JsonSyntaxError)) throw error;
		const { line, column } = reader.positionAt(error.offset);
		return {
			ok: false,
			issues: [
				makeIssue(
					'invalid_json',
					'',
					{ en: `malformed JSON: ${error.message}`, nl: `ongeldige JSON: ${error.dutch}` },
					{ line, column }
				)
			]
		};
	}
}

class Reader {
	offset = 0;
	readonly positions = new Map<string, Position>();
	readonly duplicates: Issue[] = [];
	private readonly lineStarts: number[] = [0];
	private depth = 0;

	constructor(private readonly text: string) {
		for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
	}

	positionAt(offset: number): Position {
		let low = 0;
		let high = this.lineStarts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (this.lineStarts[mid]! <= offset) low = mid;
			else high = mid - 1;
		}
		return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
	}

	skipWhitespace(): void {
		const text = this.text;
		while (this.offset < text.length) {
			const c = text.charCodeAt(this.offset);
			if (c === 32 || c === 9 || c === 10 || c === 13) this.offset++;
			else break;
		}
	}

	private describe(offset: number, nl = false): string {
		if (offset >= this.text.length) return nl ? 'onverwacht einde van de tekst' : 'unexpected end of text';
		return `${nl ? 'onverwacht' : 'unexpected'} ${JSON.stringify(this.text[offset])}`;
	}

	/** A syntax error at the current offset: what was found there and what was expected, in both languages. */
	private unexpected(expected: string, verwacht: string): JsonSyntaxError {
		return new JsonSyntaxError(
			`${this.describe(this.offset)}, expected ${expected}`,
			this.offset,
			`${this.describe(this.offset, true)}, verwacht ${verwacht}`
		);
	}

	private expect(char: string, what: string, wat: string): void {
		if (this.text[this.offset] !== char) throw this.unexpected(what, wat);
		this.offset++;
	}

	readValue(path: string): unknown {
		this.positions.set(path, this.positionAt(this.offset));
		const c = this.text[this.offset];
		if (c === '{' || c === '[') {
			// Recursion is bounded: a file nested deeper than any problem file is refused, not a stack overflow.
			if (++this.depth > MAX_JSON_DEPTH) throw new JsonTooDeep();
			const value = c === '{' ? this.readObject(path) : this.readArray(path);
			this.depth--;
			return value;
		}
		if (c === '"') return this.readString();
		if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.readNumber();
		for (const [word, value] of [
			['true', true],
			['false', false],
			['null', null]
		] as const) {
			if (this.text.startsWith(word, this.offset)) {
				this.offset += word.length;
				return value;
			}
		}
		throw this.unexpected('a value', 'een waarde');
	}

	private readObject(path: string): Record<string, unknown> {
		// Own data properties only: a key "__proto__" stays an ordinary key (validation reports it).
		const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
		const seen = new Set<string>();
		this.offset++;
		this.skipWhitespace();
		if (this.text[this.offset] === '}') {
			this.offset++;
			return result;
		}
		for (;;) {
			this.skipWhitespace();
			const keyOffset = this.offset;
			if (this.text[this.offset] !== '"')
				throw this.unexpected('a key in double quotes', 'een veldnaam tussen dubbele aanhalingstekens');
			const key = this.readString();
			this.skipWhitespace();
			this.expect(':', '":" after the key', '":" na de veldnaam');
			this.skipWhitespace();
			const valuePath = childPath(path, key);
			if (seen.has(key)) {
				const { line, column } = this.positionAt(keyOffset);
				this.duplicates.push(
					makeIssue(
						'duplicate_key',
						valuePath,
						{
							en: `the key ${JSON.stringify(key)} occurs more than once in this object`,
							nl: `de veldnaam ${JSON.stringify(key)} komt meer dan eens voor in dit object`
						},
						{
							line,
							column
						}
					)
				);
			}
			seen.add(key);
			result[key] = this.readValue(valuePath);
			this.skipWhitespace();
			if (this.text[this.offset] === ',') {
				this.offset++;
				continue;
			}
			this.expect('}', '"," or "}"', '"," of "}"');
			return result;
		}
	}

	private readArray(path: string): unknown[] {
		const result: unknown[] = [];
		this.offset++;
		this.skipWhitespace();
		if (this.text[this.offset] === ']') {
			this.offset++;
			return result;
		}
		for (;;) {
			this.skipWhitespace();
			result.push(this.readValue(indexPath(path, result.length)));
			this.skipWhitespace();
			if (this.text[this.offset] === ',') {
				this.offset++;
				continue;
			}
			this.expect(']', '"," or "]"', '"," of "]"');
			return result;
		}
	}

	private readString(): string {
		const start = this.offset;
		this.offset++;
		let result = '';
		const text = this.text;
		for (;;) {
			const c = text[this.offset];
			if (c === undefined)
				throw new JsonSyntaxError('unterminated string', start, 'tekst zonder afsluitend aanhalingsteken');
			if (c === '"') {
				this.offset++;
				return result;
			}
			if (c === '\\') {
				const escape = text[this.offset + 1];
				const simple: Record<string, string> = {
					'"': '"',
					'\\': '\\',
					'/': '/',
					b: '\b',
					f: '\f',
					n: '\n',
					r: '\r',
					t: '\t'
				};
				if (escape !== undefined && escape in simple) {
					result += simple[escape];
					this.offset += 2;
				} else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(this.offset + 2, this.offset + 6))) {
					result += String.fromCharCode(parseInt(text.slice(this.offset + 2, this.offset + 6), 16));
					this.offset += 6;
				} else throw new JsonSyntaxError('invalid escape in string', this.offset, 'ongeldige escape in tekst');
				continue;
			}
			if (c.charCodeAt(0) < 0x20)
				throw new JsonSyntaxError('control character in string', this.offset, 'stuurteken in tekst');
			result += c;
			this.offset++;
		}
	}

	private readNumber(): number {
		// Sticky match on the whole text: a long but valid number is read whole, not cut off.
		const pattern = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
		pattern.lastIndex = this.offset;
		const match = pattern.exec(this.text);
		if (!match) throw this.unexpected('a number', 'een getal');
		this.offset += match[0].length;
		return Number(match[0]);
	}
}
