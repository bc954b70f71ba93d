// The one place where numbers become text: every figure in the app goes through these nl-NL formatters.
// Amounts arrive as exact decimal strings from the model and are formatted by the model's formatEuro
// (Intl.NumberFormat on the decimal string, the sign convention shared with the CLI); other numbers
// are converted to a float here for display only.
import { formatEuro as modelEuro, parseLocaleNumber } from '@sp71/model';
import { inLang } from './i18n.ts';

const thousands = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const plain = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 4 });
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

/** Display value of a decimal string or number; NaN for anything unparsable. */
export function toNumber(value: string | number | null | undefined): number {
	if (value === null || value === undefined || value === '') return NaN;
	return typeof value === 'number' ? value : Number(value);
}

/** The exact decimal text of an amount (a model string as it is; a chart's float to the cent), or null. */
function decimalText(value: string | number | null | undefined): string | null {
	const n = toNumber(value);
	if (!Number.isFinite(n)) return null;
	return typeof value === 'string' ? value.trim() : n.toFixed(2);
}

/** "€ 1.234.567" (whole euros); negative "−€ 1.234". */
export function formatEuro(value: string | number | null | undefined): string {
	const text = decimalText(value);
	return text === null ? '–' : modelEuro(text, 'nl');
}

/** "€ 1.234.567,89" (to the cent). */
export function formatEuroCents(value: string | number | null | undefined): string {
	const text = decimalText(value);
	return text === null ? '–' : modelEuro(text, 'nl', { decimals: 2 });
}

/** A signed difference: "+€ 12.300" or "−€ 4.100" (zero unsigned). */
export function formatDelta(value: string | number | null | undefined): string {
	const text = decimalText(value);
	return text === null ? '–' : modelEuro(text, 'nl', { signed: true });
}

/** Amount in thousands of euros for "bedragen x € 1.000" tables: "1.235". */
export function formatThousands(value: string | number | null | undefined): string {
	const n = toNumber(value);
	if (!Number.isFinite(n)) return '–';
	return Math.abs(n) < 500 ? '0' : thousands.format(n / 1000); // no "-0" for small negative amounts
}

/** A plain number in nl-NL notation ("124.096", "0,95"). */
export function formatNumber(value: string | number | null | undefined): string {
	const n = toNumber(value);
	return Number.isFinite(n) ? plain.format(n) : String(value ?? '–');
}

/** A share 0–1 as a percentage: "12,5%". */
export function formatPercent(value: string | number | null | undefined): string {
	const n = toNumber(value);
	return Number.isFinite(n) ? percent.format(n) : '–';
}

/** Axis tick format for charts: euros, abbreviated for large values ("€ 1,2 mln"). */
export function formatEuroTick(value: number): string {
	const abs = Math.abs(value);
	if (abs >= 1e6) return `€ ${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(value / 1e6)} mln`;
	if (abs >= 1e3) return `€ ${thousands.format(value / 1e3)}k`;
	return formatEuro(value);
}

/** Parse what a user typed in nl-NL ("1.234,56", "0,05") into a decimal string, or null if it is no number (the model's one parser). */
export function parseUserNumber(text: string): string | null {
	const result = parseLocaleNumber(text, { locale: 'nl' });
	return result.ok ? result.value : null;
}

/**
 * A decimal string written exactly in nl ("1234.5" → "1.234,5") or en ("1,234.5") notation: no rounding, no
 * float, so a field shows back precisely what the model stored.
 */
export function formatDecimal(value: string, lang: 'nl' | 'en' = 'nl'): string {
	const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
	if (!m) return value;
	const [group, decimal] = inLang(lang, { nl: ['.', ','], en: [',', '.'] });
	const whole = m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, group);
	return `${m[1] === '-' ? '-' : ''}${whole}${m[3] !== undefined ? `${decimal}${m[3]}` : ''}`;
}
