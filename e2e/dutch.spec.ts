// The Dutch app shows no English model text and no raw ids where a name exists: every page is walked in
// Dutch (explanations folded open), and its visible text is searched for the phrases of the model's
// English message templates and for the ids of participants and variants.
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { MESSAGE_CODES, message, renderMessage } from '../packages/model/src/index.ts';
import { collectErrors, open } from './helpers.ts';

// Dutch terms of art that the English templates keep (docs/glossary.md): not English words.
const TERMS_OF_ART =
	/^(koepelvrijstelling|frictiekosten|opslag|vaste voet|afname|uittredingsvergoeding|eigen organisatie|bedrijfsvoering|in|DVO|GR|BCF|F|F_ref|b)$/;

/**
 * The English phrases of the model's messages: each template rendered with empty parameters, cut at
 * every non-letter into runs of words; runs of two or more words that are not terms of art.
 */
function englishPhrases(): string[] {
	const phrases = new Set<string>();
	for (const code of MESSAGE_CODES) {
		const text = renderMessage(message(code), 'en');
		for (const run of text.split(/[^A-Za-z' ]+/)) {
			const phrase = run.trim().replace(/\s+/g, ' ');
			if (phrase.split(' ').length >= 2 && !TERMS_OF_ART.test(phrase)) phrases.add(phrase);
		}
	}
	// Words the brief names and model texts outside the message table (issue texts of the computation).
	for (const extra of ['pool total', 'rounded', 'received', 'per FTE', 'indexed', 'wage index', 'price index'])
		phrases.add(extra);
	for (const extra of ['reaches no participant', 'changes nothing', 'the variant has no changes']) phrases.add(extra);
	return [...phrases];
}

const PHRASES = englishPhrases();
// Ids that have a name: the participants (a name starts with a capital) and the variants.
const RAW_IDS = [
	/\bleiden\b/,
	/\bleiderdorp\b/,
	/\boegstgeest\b/,
	/\bzoeterwoude\b/,
	/\bgr-pxq-sleutels\b/,
	/\bcentrumgemeente-leiden\b/,
	/\beigen-organisatie-[a-z]+\b/
];

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What the scenario's authors wrote in one language only (notes, descriptions, rationales, source
 * titles): data shown as written, not the model's words, so it is left out of the search.
 */
function authoredTexts(): string[] {
	const dir = 'scenarios/servicepunt71';
	const files = [`${dir}/scenario.yaml`, ...readdirSync(`${dir}/variants`).map((f) => `${dir}/variants/${f}`)];
	const out = new Set<string>();
	const walk = (value: unknown): void => {
		if (Array.isArray(value)) value.forEach(walk);
		else if (value && typeof value === 'object')
			for (const [key, v] of Object.entries(value)) {
				if (typeof v === 'string' && ['note', 'description', 'rationale', 'title'].includes(key)) out.add(squash(v));
				else walk(v);
			}
	};
	for (const file of files) walk(parse(readFileSync(file, 'utf8')));
	// Longest first, so a text that contains another is removed whole.
	return [...out].filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
}

const AUTHORED = authoredTexts();

/**
 * What a reader sees on the page, every <details> folded open, less what shows data as data: code
 * (command lines), addresses, input paths ("drivers.werkplekken.values.leiden") and authored texts.
 */
async function visibleText(page: Page): Promise<string> {
	await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
	await page.waitForTimeout(200);
	const text = await page.evaluate(() => {
		const clone = document.body.cloneNode(true) as HTMLElement;
		clone.querySelectorAll('code, script, style').forEach((e) => e.remove());
		document.body.append(clone);
		const inner = clone.innerText;
		clone.remove();
		return inner;
	});
	let out = squash(text);
	for (const authored of AUTHORED) out = out.split(authored).join(' ');
	return out
		.replace(/\b(https?:\/\/|<https?:\/\/)\S+/g, ' ')
		.replace(/\b[a-zA-Z]\w*(\[id=[^\]]+\])?(\.[a-zA-Z0-9_-]+(\[id=[^\]]+\])?)+/g, ' ');
}

function findings(text: string): string[] {
	const out: string[] = [];
	for (const phrase of PHRASES) {
		const at = text.search(new RegExp(`(^|[^A-Za-z])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`));
		if (at >= 0) out.push(`English "${phrase}": …${text.slice(Math.max(0, at - 60), at + 80).replace(/\s+/g, ' ')}…`);
	}
	for (const id of RAW_IDS) {
		const at = text.search(id);
		if (at >= 0) out.push(`raw id ${id}: …${text.slice(Math.max(0, at - 60), at + 80).replace(/\s+/g, ' ')}…`);
	}
	return out;
}

const WALK: readonly (readonly [string, string, (page: Page) => Promise<void>])[] = [
	['overview', '/', async (page) => void (await expect(page.getByTestId('summary-table')).toBeVisible())],
	['keys', '/sleutels', async () => {}],
	['keys, tariff variant', '/sleutels?v=gr-pxq-sleutels', async () => {}],
	[
		'explanation of the partner',
		'/uitleg?p=leiderdorp&y=2025',
		async (page) => void (await expect(page.getByTestId('trace-node').first()).toBeVisible())
	],
	[
		'explanation of the host',
		'/uitleg?p=leiden&y=2025',
		async (page) => void (await expect(page.getByTestId('trace-node').first()).toBeVisible())
	],
	[
		'explanation of the baseline',
		'/uitleg?p=oegstgeest&y=2025&f=base',
		async (page) => void (await expect(page.getByTestId('trace-node').first()).toBeVisible())
	],
	[
		'explanation in-house',
		'/uitleg?v=eigen-organisatie-zoeterwoude&p=zoeterwoude&y=2025',
		async (page) => void (await expect(page.getByTestId('trace-node').first()).toBeVisible())
	],
	[
		'explanation in the DVO transition phase',
		'/uitleg?p=leiderdorp&y=2023',
		async (page) => void (await expect(page.getByTestId('trace-node').first()).toBeVisible())
	],
	[
		'explanation with tariff keys',
		'/uitleg?v=gr-pxq-sleutels&p=oegstgeest&y=2025',
		async (page) => void (await expect(page.getByTestId('trace-node').first()).toBeVisible())
	],
	[
		'explanation of those who stay',
		'/uitleg?v=eigen-organisatie-zoeterwoude&p=leiden&y=2025',
		async (page) => void (await expect(page.getByTestId('trace-node').first()).toBeVisible())
	],
	['data', '/gegevens', async () => {}],
	['uncertainty', '/onzekerheid', async () => {}],
	['fair shares', '/eerlijke-verdeling', async () => {}],
	['import and export', '/import-export', async () => {}],
	['summary', '/samenvatting', async () => {}],
	['report', '/rapport', async () => {}],
	['edits', '/wijzigingen', async () => {}]
];

test('the phrase list is built from the model’s English templates', () => {
	expect(PHRASES).toContain('pool total');
	expect(PHRASES).toContain('indexed after the last dated value');
	expect(PHRASES.length).toBeGreaterThan(60);
	// The check itself finds what it looks for.
	expect(findings('Regel: pool total € 5.661.843,60')).toHaveLength(1);
	expect(findings('Aandeel van leiden in ICT')).toHaveLength(1);
	expect(findings('Aandeel van Leiden in ICT; pooltotaal € 5.661.843,60')).toEqual([]);
});

for (const [name, path, ready] of WALK) {
	test(`in Dutch, ${name} (${path}) shows no English model text and no raw ids`, async ({ page }) => {
		test.setTimeout(120_000);
		const errors = collectErrors(page);
		await open(page, path);
		await expect(page.locator('main h1').first()).toBeVisible();
		await expect(page.getByText('Bezig met laden…')).toHaveCount(0, { timeout: 30_000 });
		await ready(page);
		await page.waitForTimeout(500);
		expect(await page.locator('html').getAttribute('lang')).toBe('nl');
		expect(findings(await visibleText(page))).toEqual([]);
		expect(errors).toEqual([]);
	});
}

// The search can fail on a real page: the same explanation in English shows the phrases it looks for.
test('in English, the explanation shows the phrases the Dutch walk looks for', async ({ page }) => {
	await open(page, '/uitleg?p=leiderdorp&y=2025&lang=en');
	await expect(page.getByTestId('trace-node').first()).toBeVisible();
	const found = findings(await visibleText(page)).join('\n');
	expect(found).toContain('English "pool total"');
	expect(found).toContain('English "indexed after the last dated value"');
});

// The bug "the overview's 'changes nothing' reason is always English": a variant that repeats a value in force.
test('the overview’s "changes nothing" reason is in Dutch', async ({ page }) => {
	await open(page, '/import-export');
	const variant = {
		format: 'sp71-scenario-variant/1',
		id: 'herhaalt-een-waarde',
		title: { nl: 'Herhaalt een geldende waarde', en: 'Repeats a value in force' },
		base: 'servicepunt71',
		changes: [
			{
				set: 'pools[id=inkoop].vatTaxableShare',
				from: '2021-01-01',
				value: { value: '0.00', basis: 'estimate', note: 'the value already in force' }
			}
		]
	};
	await page.getByTestId('upload').setInputFiles({
		name: 'herhaalt.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(variant))
	});
	await expect(page.getByTestId('upload-result')).toContainText('is geladen');
	await page.getByRole('link', { name: 'Overzicht', exact: true }).click();
	const notice = page.getByTestId('no-op');
	await expect(notice).toContainText('Dit alternatief verandert niets');
	await expect(notice).toContainText('geen van de 1 wijziging verandert een bedrag in 2021–');
	expect(findings(await visibleText(page))).toEqual([]);
});
