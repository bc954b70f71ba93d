// The size check of a number gives the same verdict whether it reads the digits alone (plain decimals
// well inside the limits) or the Decimal's exponent and significant digits.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from '../../src/money/decimal.ts';
import { MAX_AMOUNT_WHOLE_DIGITS } from '../../src/money/limits.ts';
import { NUMBER_MAGNITUDE, NUMBER_MAX_DIGITS, numberSizeIssue, type Kind } from '../../src/scenario/reader.ts';

/** The verdict from the Decimal alone (the codes of numberSizeIssue). */
function byDecimal(text: string, kind: Kind, cents: boolean): string | undefined {
	const d = new Decimal(text);
	if (d.isZero()) return undefined;
	if (kind === 'money' && d.e >= MAX_AMOUNT_WHOLE_DIGITS) return 'amount_too_large';
	if (kind === 'money' && cents && d.decimalPlaces() > 2) return 'money_precision';
	if (d.e >= NUMBER_MAGNITUDE || d.e < -NUMBER_MAGNITUDE || d.sd() > NUMBER_MAX_DIGITS) return 'number_out_of_range';
	return undefined;
}

const digits = (min: number, max: number) =>
	fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
const decimal = fc
	.tuple(fc.boolean(), digits(1, 45), fc.option(digits(1, 45), { nil: undefined }))
	.map(
		([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction !== undefined ? `.${fraction}` : ''}`
	);
const kind = fc.constantFrom<Kind>('money', 'ratio', 'count', 'rate');

describe('the size of a number', () => {
	it('has the verdict of its Decimal, for any plain decimal', () => {
		fc.assert(
			fc.property(decimal, kind, fc.boolean(), (text, k, cents) => {
				expect(numberSizeIssue(text, k, cents)?.code).toBe(byDecimal(text, k, cents));
			}),
			{ numRuns: 3000 }
		);
	});

	it('has the verdict of its Decimal at the edges of the limits', () => {
		const edges = [
			'9'.repeat(15),
			'1' + '0'.repeat(15),
			'0'.repeat(20) + '1.25',
			'1.005',
			'-1.00',
			'0.000',
			'9'.repeat(29),
			'1' + '0'.repeat(29),
			'0.' + '0'.repeat(29) + '1',
			'0.' + '0'.repeat(9) + '1',
			'1'.repeat(29) + '.' + '1'.repeat(10),
			'1'.repeat(30) + '.' + '1'.repeat(11),
			'1e5',
			'+12.5'
		];
		for (const text of edges)
			for (const k of ['money', 'ratio', 'count', 'rate'] as const)
				for (const cents of [true, false])
					expect(numberSizeIssue(text, k, cents)?.code, `${text} ${k} ${cents}`).toBe(byDecimal(text, k, cents));
	});
});
