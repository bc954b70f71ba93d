import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPONENTS, componentName } from '@sp71/model';
import { inLang, intlLocale, langOf, messages } from './i18n.ts';

// The ui project runs from packages/ui (its vitest project root).
const SRC = join(process.cwd().replace(/packages[\\/]ui$/, ''), 'packages', 'ui', 'src');

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
	});
}

describe('the app’s languages', () => {
	it('picks a text by language in one place: no component compares the language by hand', () => {
		const handMade = /\blang\s*[!=]==?\s*['"]|['"](nl|en)['"]\s*[!=]==?\s*\S*lang\b/;
		const files = sources(SRC);
		expect(files.length).toBeGreaterThan(50);
		expect(handMade.test("app.lang === 'nl' ? a : b")).toBe(true);
		const offenders = files
			.filter((file) => !file.endsWith(join('lib', 'i18n.ts')))
			.filter((file) => handMade.test(readFileSync(file, 'utf8')));
		expect(offenders).toEqual([]);
	});

	it('reads a language from a link or saved state, and gives its Intl locale', () => {
		expect(langOf('en')).toBe('en');
		expect(langOf('de')).toBeNull();
		expect(inLang('nl', { nl: 'ja', en: 'yes' })).toBe('ja');
		expect(intlLocale('nl')).toBe('nl-NL');
	});

	it('keeps only its own chrome: component, method, key type and basis names come from the model', () => {
		for (const lang of ['nl', 'en'] as const) {
			const keys = Object.keys(messages[lang]);
			expect(keys.filter((k) => /^(component_|key_|basis_|method(Direct|StepDown|Reciprocal)$)/.test(k))).toEqual([]);
			const texts = new Set(Object.values(messages[lang]));
			// The Dutch transition component has one name, the model's.
			expect(texts.has('Transitiekosten')).toBe(false);
		}
		expect(COMPONENTS.map((c) => componentName(c, 'nl'))).toContain('Frictiekosten');
	});
});
