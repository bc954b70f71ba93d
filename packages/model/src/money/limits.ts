// The range of amounts the model computes exactly: at most 15 digits of whole euros (below 10^15,
// a thousand billion euros). Decimals carry 60 significant digits, so every share and solved total
// of such amounts keeps far more than a cent of precision; beyond it cents could be lost.
export const MAX_AMOUNT_WHOLE_DIGITS = 15;

/** Whether a plain decimal string ("-1234.56") has more whole digits than the exact range allows. */
export function beyondExactRange(value: string): boolean {
	const whole = value.replace(/^[-+]/, '').split('.')[0]!.replace(/^0+/, '');
	return whole.length > MAX_AMOUNT_WHOLE_DIGITS;
}
