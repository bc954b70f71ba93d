// A recorded numeric kernel (a tape). While a computation runs in recording mode, every Decimal
// operation that touches a recorded value computes its exact result as usual and also appends a
// float64 instruction; comparisons that steer control flow append guards (the nominal outcome), and
// larger rules with their own float twin (the allocation engine, the largest-remainder split) enter
// as one macro instruction. The kernel then replays the whole computation for other input values
// as a straight-line float program, and reports when a guard would take another branch.
import { Decimal, guardSums } from './decimal.ts';
import { noteRead } from './reads.ts';

type DecimalValue = string | number | bigint | Decimal;

/** Opcodes of a kernel instruction [op, out, a, b, c]. */
export const OP = {
	add: 1,
	sub: 2,
	mul: 3,
	div: 4,
	neg: 5,
	abs: 6,
	pow: 7,
	ln: 8,
	exp: 9,
	sqrt: 10,
	/** out = a rounded to c decimals with decimal.js rounding mode b. */
	round: 11,
	max: 12,
	min: 13,
	/** macro number a over its own input and output nodes. */
	macro: 14,
	/** cmp(a, b) must equal c (−1, 0, 1). */
	guardCmp: 15,
	/** the sign bit of a (decimal.js isNegative, −0 included) must equal c (0, 1). */
	guardNeg: 16
} as const;

const WIDTH = 5;

/** A macro's float evaluation: reads its inputs, writes its outputs. */
export type MacroFn = (inputs: Float64Array, outputs: Float64Array) => void;

/** Thrown when a recorded value meets an operation the tape cannot replay (the kernel is then not used). */
export class TapeUnsupported extends Error {
	constructor(operation: string) {
		super(`[model] the numeric kernel cannot record ${operation} on an uncertain value`);
		this.name = 'TapeUnsupported';
	}
}

/** A recorded kernel: instructions, initial node values (the constants) and the macros. */
export interface Kernel {
	readonly code: Int32Array;
	readonly init: Float64Array;
	readonly macros: readonly { readonly fn: MacroFn; readonly inputs: Int32Array; readonly outputs: Int32Array }[];
	/** Input node per key (side|leaf path). */
	readonly inputs: ReadonlyMap<string, number>;
	readonly guards: number;
}

class Recording {
	readonly code: number[] = [];
	readonly init: number[] = [];
	readonly nodes = new WeakMap<object, number>();
	readonly constants = new Map<number, number>();
	readonly macros: { fn: MacroFn; inputs: Int32Array; outputs: Int32Array }[] = [];
	readonly inputs = new Map<string, number>();
	readonly wanted: ReadonlyMap<string, string>;
	readonly seenGuards = new Set<string>();
	readonly seen = new Map<string, number>();
	readonly seenMacros = new Map<string, readonly number[]>();
	readonly outputs: number[] = [];
	side = '';
	guards = 0;
	depth = 0;

	constructor(wanted: ReadonlyMap<string, string>) {
		this.wanted = wanted;
	}

	node(value: number): number {
		this.init.push(value);
		return this.init.length - 1;
	}

	/** The node of an operand: its recorded node, or a constant node. */
	operand(x: unknown): number {
		if (typeof x === 'object' && x !== null) {
			const id = this.nodes.get(x);
			if (id !== undefined) return id;
		}
		const value = new Decimal(x as DecimalValue).toNumber();
		let id = this.constants.get(value);
		if (id === undefined || Object.is(value, -0)) {
			id = this.node(value);
			this.constants.set(value, id);
		}
		return id;
	}

	emit(op: number, out: number, a: number, b = 0, c = 0): void {
		this.code.push(op, out, a, b, c);
	}

	/** Append a guard once (the same comparison met again adds nothing). */
	guard(op: number, a: number, b: number, c: number): void {
		const key = `${op}|${a}|${b}|${c}`;
		if (this.seenGuards.has(key)) return;
		this.seenGuards.add(key);
		this.emit(op, -1, a, b, c);
		this.guards++;
	}

	/**
	 * The node of `op` over nodes a, b (and c): an instruction met before gives its node again (the
	 * base and the variant share most of their arithmetic), else a new instruction is appended.
	 */
	produce(op: number, a: number, b: number, c: number, result: Decimal, operands: readonly unknown[]): Decimal {
		const key = `${op}|${a}|${b}|${c}`;
		const known = this.seen.get(key);
		const value = operands.includes(result) ? new Decimal(result) : result;
		if (known !== undefined) {
			this.nodes.set(value, known);
			return value;
		}
		const id = this.node(plain<number>('toNumber', result));
		this.nodes.set(value, id);
		this.seen.set(key, id);
		this.emit(op, id, a, b, c);
		return value;
	}

	/** Tag `result` as a new node; a result that is an operand object gets a copy of its own. */
	tag(result: Decimal, operands: readonly unknown[]): { value: Decimal; id: number } {
		const value = operands.includes(result) ? new Decimal(result) : result;
		const id = this.node(plain<number>('toNumber', result));
		this.nodes.set(value, id);
		return { value, id };
	}
}

let active: Recording | undefined;
let suspended = 0;
// A sum adds cents as integers unless a kernel is being recorded (then every addition must be seen).
guardSums(() => isRecording());

function tracked(x: unknown): boolean {
	return active !== undefined && typeof x === 'object' && x !== null && active.nodes.has(x);
}

/** A lookup table without Object.prototype's names (a method named toString is no table entry). */
function nullPrototype<T>(table: Record<string, T>): Record<string, T> {
	return Object.assign(Object.create(null) as Record<string, T>, table);
}

type Method = (this: Decimal, ...args: unknown[]) => unknown;
const proto = Object.getPrototypeOf(new Decimal(0)) as Record<string, Method>;

const BINARY: Record<string, number> = nullPrototype({
	plus: OP.add,
	minus: OP.sub,
	times: OP.mul,
	dividedBy: OP.div,
	toPower: OP.pow
});
const UNARY: Record<string, number> = nullPrototype({
	negated: OP.neg,
	absoluteValue: OP.abs,
	naturalLogarithm: OP.ln,
	naturalExponential: OP.exp,
	squareRoot: OP.sqrt
});
const ALIASES: Record<string, string> = nullPrototype({
	add: 'plus',
	sub: 'minus',
	mul: 'times',
	div: 'dividedBy',
	pow: 'toPower',
	neg: 'negated',
	abs: 'absoluteValue',
	ln: 'naturalLogarithm',
	exp: 'naturalExponential',
	sqrt: 'squareRoot',
	toDP: 'toDecimalPlaces',
	cmp: 'comparedTo',
	eq: 'equals',
	gt: 'greaterThan',
	gte: 'greaterThanOrEqualTo',
	lt: 'lessThan',
	lte: 'lessThanOrEqualTo',
	isNeg: 'isNegative',
	isPos: 'isPositive'
});
const COMPARISONS = new Set([
	'comparedTo',
	'equals',
	'greaterThan',
	'greaterThanOrEqualTo',
	'lessThan',
	'lessThanOrEqualTo',
	'isZero'
]);
/** Methods that only read a value into text or a property that cannot change with the inputs. */
const HARMLESS = new Set([
	'toString',
	'toFixed',
	'toExponential',
	'toPrecision',
	'valueOf',
	'toJSON',
	'isFinite',
	'isNaN',
	'constructor'
]);

/** Record one method call on `self` whose exact result is `result`. */
function record(rec: Recording, name: string, self: Decimal, args: unknown[], result: unknown): unknown {
	if (name in BINARY) {
		return rec.produce(BINARY[name]!, rec.operand(self), rec.operand(args[0]), 0, result as Decimal, [self, ...args]);
	}
	if (name in UNARY) {
		return rec.produce(UNARY[name]!, rec.operand(self), 0, 0, result as Decimal, [self]);
	}
	if (name === 'toDecimalPlaces' || name === 'round' || name === 'floor' || name === 'ceil') {
		const dp = name === 'toDecimalPlaces' ? ((args[0] as number | undefined) ?? 0) : 0;
		const rm =
			name === 'floor'
				? Decimal.ROUND_FLOOR
				: name === 'ceil'
					? Decimal.ROUND_CEIL
					: ((args[name === 'toDecimalPlaces' ? 1 : 99] as number | undefined) ?? Decimal.rounding);
		if (name === 'toDecimalPlaces' && args[0] === undefined) throw new TapeUnsupported('toDecimalPlaces()');
		return rec.produce(OP.round, rec.operand(self), rm, dp, result as Decimal, [self]);
	}
	if (COMPARISONS.has(name)) {
		const other = name === 'isZero' ? 0 : args[0];
		const c = plain<number>('comparedTo', self, new Decimal(other as DecimalValue));
		rec.guard(OP.guardCmp, rec.operand(self), rec.operand(other), c);
		return result;
	}
	if (name === 'isNegative' || name === 'isPositive') {
		rec.guard(OP.guardNeg, rec.operand(self), 0, plain<boolean>('isNegative', self) ? 1 : 0);
		return result;
	}
	if (name === 'toNumber') {
		// A number leaving Decimal may steer anything (a loop, a text): the draw must give the very same number.
		rec.guard(OP.guardCmp, rec.operand(self), rec.operand(result), 0);
		return result;
	}
	if (HARMLESS.has(name)) return result;
	throw new TapeUnsupported(`${name}()`);
}

const originals = new Map<string, Method>();
for (const name of Object.getOwnPropertyNames(proto)) {
	const fn = proto[name];
	if (typeof fn === 'function' && name !== 'constructor') originals.set(name, fn);
}
/** Call decimal.js's own method, bypassing the recording. */
function plain<T>(name: string, self: Decimal, ...args: unknown[]): T {
	return originals.get(name)!.apply(self, args) as T;
}

const staticOriginals = { max: Decimal.max, min: Decimal.min, sum: Decimal.sum };

function wrap(name: string, original: Method): Method {
	const canonical = ALIASES[name] ?? name;
	return function (this: Decimal, ...args: unknown[]) {
		const rec = active;
		if (!rec || suspended > 0 || rec.depth > 0) return original.apply(this, args);
		const involved = tracked(this) || args.some(tracked);
		rec.depth++;
		let result: unknown;
		try {
			result = original.apply(this, args);
		} finally {
			rec.depth--;
		}
		return involved ? record(rec, canonical, this, args, result) : result;
	};
}

function wrapStatic(kind: 'max' | 'min' | 'sum'): (...args: DecimalValue[]) => Decimal {
	const original = staticOriginals[kind];
	return function (this: typeof Decimal, ...args: DecimalValue[]) {
		const rec = active;
		if (!rec || suspended > 0 || rec.depth > 0 || !args.some(tracked)) return original.apply(this, args);
		if (kind === 'sum') return args.reduce<Decimal>((a, b) => a.plus(b), new Decimal(0));
		const op = kind === 'max' ? OP.max : OP.min;
		let acc = args[0]!;
		for (const next of args.slice(1)) {
			rec.depth++;
			let result: Decimal;
			try {
				result = original.call(this, acc, next);
			} finally {
				rec.depth--;
			}
			acc = rec.produce(op, rec.operand(acc), rec.operand(next), 0, result, [acc, next]);
		}
		return acc instanceof Decimal ? acc : new Decimal(acc);
	};
}

function install(): void {
	for (const [name, fn] of originals) proto[name] = wrap(name, fn);
	Decimal.max = wrapStatic('max');
	Decimal.min = wrapStatic('min');
	Decimal.sum = wrapStatic('sum');
}

function uninstall(): void {
	for (const [name, fn] of originals) proto[name] = fn;
	Object.assign(Decimal, staticOriginals);
}

/** The handle of a recording in progress (inputs, outputs, which side is running). */
export interface Recorder {
	/** Set the key prefix of the inputs read from now on (e.g. "base", "variant"). */
	side(name: string): void;
	/** Mark a value as an output of the kernel; returns its node (a constant node when it does not depend on an input). */
	output(value: Decimal): number;
}

/**
 * Run `body` in recording mode: a leaf read through `recordedLeaf` whose key (side|path) is in
 * `wanted` becomes the input `wanted.get(key)` (two keys may name one input, e.g. a leaf both sides
 * share); the result is the body's own result and the recorded kernel.
 * @throws TapeUnsupported when a recorded value meets an operation the tape cannot replay
 */
export function recordKernel<T>(
	wanted: ReadonlyMap<string, string>,
	body: (recorder: Recorder) => T
): { result: T; kernel: Kernel } {
	if (active) throw new Error('[model] a kernel is already being recorded');
	const rec = new Recording(wanted);
	active = rec;
	install();
	try {
		const result = body({
			side: (name) => (rec.side = name),
			output: (value) => {
				const id = rec.operand(value);
				rec.outputs.push(id);
				return id;
			}
		});
		return {
			result,
			kernel: {
				code: liveCode(rec),
				init: Float64Array.from(rec.init),
				macros: rec.macros,
				inputs: rec.inputs,
				guards: rec.guards
			}
		};
	} finally {
		uninstall();
		active = undefined;
	}
}

/**
 * The instructions the outputs and guards need (dead code dropped): a backward pass marks the nodes
 * that outputs, guards and needed macros read; an instruction stays when its node is read.
 */
function liveCode(rec: Recording): Int32Array {
	const live = new Uint8Array(rec.init.length);
	for (const id of rec.outputs) live[id] = 1;
	const keep = new Uint8Array(rec.code.length / WIDTH);
	for (let k = keep.length - 1; k >= 0; k--) {
		const pc = k * WIDTH;
		const op = rec.code[pc]!;
		if (op === OP.macro) {
			const macro = rec.macros[rec.code[pc + 2]!]!;
			if (!macro.outputs.some((id) => live[id])) continue;
			keep[k] = 1;
			for (const id of macro.inputs) live[id] = 1;
			continue;
		}
		const guard = op === OP.guardCmp || op === OP.guardNeg;
		if (!guard && !live[rec.code[pc + 1]!]) continue;
		keep[k] = 1;
		live[rec.code[pc + 2]!] = 1;
		if (op !== OP.round && op !== OP.guardNeg) live[rec.code[pc + 3]!] = 1;
	}
	const out: number[] = [];
	keep.forEach((k, i) => {
		if (k) out.push(...rec.code.slice(i * WIDTH, (i + 1) * WIDTH));
	});
	return Int32Array.from(out);
}

/** A leaf's number as read by a computation: recorded as an input of the kernel being recorded, if wanted. */
export function recordedLeaf(path: string, value: Decimal): Decimal {
	noteRead(path);
	const rec = active;
	if (!rec || suspended > 0) return value;
	const key = rec.wanted.get(`${rec.side}|${path}`);
	if (key === undefined) return value;
	let id = rec.inputs.get(key);
	if (id === undefined) {
		id = rec.node(plain<number>('toNumber', value));
		rec.inputs.set(key, id);
	}
	const copy = new Decimal(value);
	rec.nodes.set(copy, id);
	return copy;
}

/**
 * A rule with a float twin: `exact` gives the exact outputs; when a kernel is being recorded and an
 * input is recorded, the rule enters the kernel as one macro (its float twin over the same nodes).
 */
export function recordedMacro(
	inputs: readonly Decimal[],
	exact: () => Decimal[],
	float: MacroFn,
	signature: string
): Decimal[] {
	const rec = active;
	if (!rec || suspended > 0 || rec.depth > 0 || !inputs.some(tracked)) return exact();
	suspended++;
	let outputs: Decimal[];
	try {
		outputs = exact();
	} finally {
		suspended--;
	}
	const inputNodes = Int32Array.from(inputs.map((x) => rec.operand(x)));
	// The same rule (same signature) over the same nodes gives the same outputs: reuse them.
	const key = `${signature}|${inputNodes.join(',')}`;
	const known = rec.seenMacros.get(key);
	if (known && known.length === outputs.length)
		return outputs.map((o, i) => {
			const value = inputs.includes(o) ? new Decimal(o) : o;
			rec.nodes.set(value, known[i]!);
			return value;
		});
	const tagged = outputs.map((o) => rec.tag(o, inputs));
	const index = rec.macros.push({ fn: float, inputs: inputNodes, outputs: Int32Array.from(tagged.map((t) => t.id)) });
	rec.seenMacros.set(
		key,
		tagged.map((t) => t.id)
	);
	rec.emit(OP.macro, -1, index - 1);
	return tagged.map((t) => t.value);
}

/**
 * Run `fn` outside the recording: for a comparison that only chooses the words of a trace, never a
 * figure, so it must not become a guard (a draw taking the other branch gives the same figures).
 */
export function traceOnly<T>(fn: () => T): T {
	suspended++;
	try {
		return fn();
	} finally {
		suspended--;
	}
}

/**
 * True while a kernel is being recorded, even inside a macro: a macro's outputs are told apart by
 * object, so a rule must not hand out one shared Decimal for two outputs then.
 */
export function kernelInProgress(): boolean {
	return active !== undefined;
}

/** True while a kernel is being recorded (a seam then records its rule as a macro). */
export function isRecording(): boolean {
	return active !== undefined && suspended === 0;
}

const POWERS = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Round x to dp decimals with a decimal.js rounding mode, snapping float noise at the cent boundary. */
export function roundFloat(x: number, dp: number, mode: number): number {
	const f = POWERS[dp] ?? 10 ** dp;
	let y = x * f;
	const nearest = Math.round(y);
	const scale = Math.max(1, Math.abs(y));
	if (Math.abs(y - nearest) < 1e-9 * scale) y = nearest;
	else {
		const half = Math.floor(y) + 0.5;
		if (Math.abs(y - half) < 1e-9 * scale) y = half;
	}
	const lo = Math.floor(y);
	const frac = y - lo;
	let r: number;
	switch (mode) {
		case 0: // up (away from zero)
			r = y < 0 ? Math.floor(y) : Math.ceil(y);
			break;
		case 1: // down (towards zero)
			r = Math.trunc(y);
			break;
		case 2:
			r = Math.ceil(y);
			break;
		case 3:
			r = lo;
			break;
		default: {
			if (frac !== 0.5) r = frac < 0.5 ? lo : lo + 1;
			else if (mode === 4) r = y < 0 ? lo : lo + 1;
			else if (mode === 5) r = y < 0 ? lo + 1 : lo;
			else if (mode === 6) r = lo % 2 === 0 ? lo : lo + 1;
			else if (mode === 7) r = lo + 1;
			else r = lo;
		}
	}
	return r / f;
}

function sameSign(c: number, x: number, y: number): boolean {
	return (x < y ? -1 : x > y ? 1 : 0) === c;
}

/**
 * Run a kernel over `values` (already holding the inputs; `values.set(kernel.init)` first, then the inputs).
 * @returns the number of the first guard that failed, or −1 when every branch matched the recording
 */
export function runKernel(kernel: Kernel, values: Float64Array): number {
	const code = kernel.code;
	let guard = 0;
	for (let pc = 0; pc < code.length; pc += WIDTH) {
		const out = code[pc + 1]!;
		const a = values[code[pc + 2]!]!;
		const b = values[code[pc + 3]!]!;
		switch (code[pc]) {
			case OP.add:
				values[out] = a + b;
				break;
			case OP.sub:
				values[out] = a - b;
				break;
			case OP.mul:
				values[out] = a * b;
				break;
			case OP.div:
				values[out] = a / b;
				break;
			case OP.neg:
				values[out] = -a;
				break;
			case OP.abs:
				values[out] = Math.abs(a);
				break;
			case OP.pow:
				values[out] = Math.pow(a, b);
				break;
			case OP.ln:
				values[out] = Math.log(a);
				break;
			case OP.exp:
				values[out] = Math.exp(a);
				break;
			case OP.sqrt:
				values[out] = Math.sqrt(a);
				break;
			case OP.round:
				values[out] = roundFloat(a, code[pc + 4]!, code[pc + 3]!);
				break;
			case OP.max:
				values[out] = Math.max(a, b);
				break;
			case OP.min:
				values[out] = Math.min(a, b);
				break;
			case OP.macro:
				runMacro(kernel.macros[code[pc + 2]!]!, values);
				break;
			case OP.guardCmp:
				if (!sameSign(code[pc + 4]!, a, b)) return guard;
				guard++;
				break;
			case OP.guardNeg:
				if ((a < 0 || Object.is(a, -0) ? 1 : 0) !== code[pc + 4]) return guard;
				guard++;
				break;
		}
	}
	return -1;
}

const buffers = new WeakMap<object, { x: Float64Array; y: Float64Array }>();

function runMacro(macro: Kernel['macros'][number], values: Float64Array): void {
	let buffer = buffers.get(macro);
	if (!buffer) {
		buffer = { x: new Float64Array(macro.inputs.length), y: new Float64Array(macro.outputs.length) };
		buffers.set(macro, buffer);
	}
	const { x, y } = buffer;
	const inputs = macro.inputs;
	const outputs = macro.outputs;
	for (let i = 0; i < inputs.length; i++) x[i] = values[inputs[i]!]!;
	macro.fn(x, y);
	for (let i = 0; i < outputs.length; i++) values[outputs[i]!] = y[i]!;
}
