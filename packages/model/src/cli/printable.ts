// What the command line prints is text for a terminal: control characters from the user's data (a
// newline inside an id, a terminal escape code in a name) are shown escaped, never sent raw.
import type { CliIo } from './io.ts';

// C0 controls except tab, newline and carriage return (CSV line ends, progress lines), DEL, and the
// C1 controls: what a terminal would act on (ESC sequences, CSI, a bell).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// Inside a table cell a tab or newline would break the columns too.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CELL_CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

const escaped = (c: string): string =>
	c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Output text with every control character other than newline, tab and carriage return escaped (`\u001b`). */
export function printable(text: string): string {
	return text.replace(CONTROL, escaped);
}

/** A table cell on one line: every control character escaped, newline and tab included. */
export function printableCell(text: string): string {
	return text.replace(CELL_CONTROL, escaped);
}

/** The same streams, with what is written made printable. */
export function printableIo<T extends CliIo>(io: T): T {
	return {
		...io,
		stdout: (text: string) => io.stdout(printable(text)),
		stderr: (text: string) => io.stderr(printable(text))
	};
}
