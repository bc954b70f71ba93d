// The shape of a message: a sentence as data, a code and its parameters. The codes, their Dutch and
// English templates and the one renderer live in vocabulary/messages.ts; results (the comparison's
// "changes nothing" reason) carry messages in this shape so that any caller renders them in its language.

/** A parameter of a message: text (a name, an id, a decimal string), a count, or nested messages. */
export type MessageParam = string | number | Message | readonly Message[] | readonly string[];

/** A sentence as data: a code of vocabulary/messages.ts and its parameters. */
export interface Message {
	readonly code: string;
	readonly params?: Readonly<Record<string, MessageParam>>;
}
