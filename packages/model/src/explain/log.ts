// A trace as indented text lines (for the CLI and golden files): each node "label = value", its rule,
// and the inputs it used with their provenance.
import type { TraceNode } from '../domain/result.ts';
import { formatExact, formatTraceValue } from '../vocabulary/format.ts';
import { isDecimalString } from '../money/decimal.ts';
import { message, renderMessage } from '../vocabulary/messages.ts';
import { basisName } from '../vocabulary/names.ts';

export interface LogOptions {
	/** Deepest level to print (0 = the root only; default: everything). */
	readonly maxDepth?: number;
	/** Print the inputs and their sources (default true). */
	readonly inputs?: boolean;
	/** nl: "1.234,56"; en: "1,234.56" (default en). */
	readonly locale?: 'nl' | 'en';
	/** Indentation per level (default two spaces). */
	readonly indent?: string;
}

/**
 * A node's value as the rules beside it write figures, by its kind (the formatting and the sign
 * convention the app shows too: "−€ 442.473,41", "52,5423 %", "124.096"); a value that is no number
 * of its kind is shown as written.
 */
function shownValue(node: TraceNode, locale: 'nl' | 'en'): string {
	const value = node.value ?? '';
	const number = node.kind === 'share' ? value.replace(/\s*%$/, '') : value;
	if (!isDecimalString(number)) return value;
	// A node of no kind is an amount when it is written in cents.
	const kind = node.kind ?? (/\.\d\d$/.test(value) ? 'euro' : undefined);
	return kind ? formatTraceValue({ value, kind }, locale) : value;
}

/**
 * Render a trace tree as indented lines.
 * @param trace from explain()
 * @param options maxDepth, inputs, locale, indent
 */
export function computationLog(trace: TraceNode, options: LogOptions = {}): string[] {
	const lines: string[] = [];
	const pad = options.indent ?? '  ';
	const locale = options.locale ?? 'en';
	const walk = (node: TraceNode, depth: number): void => {
		const prefix = pad.repeat(depth);
		lines.push(`${prefix}${node.label}${node.value !== undefined ? ` = ${shownValue(node, locale)}` : ''}`);
		if (node.rule) lines.push(`${prefix}${pad}  ↳ ${node.rule}`);
		if (options.inputs !== false)
			for (const input of node.inputs ?? []) {
				const p = input.provenance;
				const source = p.source ? `${p.source.title} <${p.source.url}>` : '';
				const basis = [basisName(p.basis, locale), source, p.note ? `“${p.note}”` : ''].filter(Boolean).join('; ');
				lines.push(
					`${prefix}${pad}  · ${input.label} = ${formatExact(input.value, locale)}${input.unit ? ` ${input.unit}` : ''} (${renderMessage(message('log.inputAt', { path: input.path, from: input.from }), locale)}) [${basis}]`
				);
			}
		if (options.maxDepth !== undefined && depth >= options.maxDepth) return;
		for (const child of node.children ?? []) walk(child, depth + 1);
	};
	walk(trace, 0);
	return lines;
}
