// The one Dutch and one English name of every term the model shows: cost components, allocation
// methods, key types, bases, legal forms and DVO phases. The CLI, the traces, the messages and the web
// app all take their names from here (docs/glossary.md explains the Dutch terms).
import type { Basis, Component, RowForm } from '../domain/result.ts';
import type { MethodId } from '../domain/format.ts';
import type { Locale } from './format.ts';

/** A term's name in both languages. */
export type Named = Readonly<Record<Locale, string>>;

/** The cost components as headings and in sentences (one name each; the CLI's table columns use `short`). */
export const COMPONENT_NAMES: Readonly<Record<Component, Named & { readonly short: Named }>> = {
	service: { nl: 'Dienstverlening', en: 'Services', short: { nl: 'Diensten', en: 'Services' } },
	governance: {
		nl: 'Bestuur en eigenaarsrol',
		en: 'Governance and ownership',
		short: { nl: 'Bestuur', en: 'Governance' }
	},
	vat: { nl: 'Btw', en: 'VAT', short: { nl: 'Btw', en: 'VAT' } },
	transition: { nl: 'Frictiekosten', en: 'Transition costs', short: { nl: 'Frictie', en: 'Transition' } },
	markup: { nl: 'Opslag', en: 'Mark-up', short: { nl: 'Opslag', en: 'Mark-up' } },
	contractManagement: {
		nl: 'Contractbeheer',
		en: 'Contract management',
		short: { nl: 'Regie', en: 'Contract mgmt' }
	}
};

/** The allocation methods, in lower case as they read inside a sentence ("methode wederzijds"). */
export const METHOD_NAMES: Readonly<Record<MethodId, Named>> = {
	direct: { nl: 'direct', en: 'direct' },
	'step-down': { nl: 'stapsgewijs', en: 'step-down' },
	reciprocal: { nl: 'wederzijds', en: 'reciprocal' }
};

/** The key types, in lower case as they read inside a sentence. */
export const KEY_TYPE_NAMES: Readonly<Record<string, Named>> = {
	fixed: { nl: 'vaste percentages', en: 'fixed percentages' },
	driver: { nl: 'naar verdeelgrootheid', en: 'by driver' },
	even: { nl: 'gelijke delen', en: 'even split' },
	'price-quantity': { nl: 'prijs × hoeveelheid', en: 'price × quantity' },
	'base-plus-usage': { nl: 'vaste voet + afname', en: 'fixed base + usage' },
	formula: { nl: 'formule', en: 'formula' }
};

/** How a number came about. */
export const BASIS_NAMES: Readonly<Record<Basis, Named>> = {
	measured: { nl: 'gemeten', en: 'measured' },
	derived: { nl: 'afgeleid', en: 'derived' },
	estimate: { nl: 'schatting', en: 'estimate' }
};

/** The legal forms (and in-house), as names and with the article they take in a sentence. */
export const FORM_NAMES: Readonly<Record<RowForm, Named & { readonly the: Named }>> = {
	gr: { nl: 'GR', en: 'GR', the: { nl: 'de GR', en: 'the GR' } },
	centrumgemeente: {
		nl: 'centrumgemeente',
		en: 'centrumgemeente',
		the: { nl: 'de centrumgemeente', en: 'the centrumgemeente' }
	},
	inhouse: { nl: 'eigen organisatie', en: 'in-house', the: { nl: 'de eigen organisatie', en: 'in-house' } }
};

/** The phases of a DVO fee. */
export const PHASE_NAMES: Readonly<Record<'transition' | 'price-quantity', Named>> = {
	transition: { nl: 'transitiefase', en: 'transition' },
	'price-quantity': { nl: 'prijs × hoeveelheid', en: 'price-quantity' }
};

/** The name of a cost component. */
export function componentName(component: Component, locale: Locale): string {
	return COMPONENT_NAMES[component][locale];
}

/** The short (table column) name of a cost component. */
export function componentShortName(component: Component, locale: Locale): string {
	return COMPONENT_NAMES[component].short[locale];
}

/** The name of an allocation method (the id itself for an unknown one). */
export function methodName(method: string, locale: Locale): string {
	return (METHOD_NAMES as Record<string, Named>)[method]?.[locale] ?? method;
}

/** The name of a key type (the id itself for an unknown one). */
export function keyTypeName(type: string, locale: Locale): string {
	return KEY_TYPE_NAMES[type]?.[locale] ?? type;
}

/** The name of a basis. */
export function basisName(basis: Basis, locale: Locale): string {
	return BASIS_NAMES[basis][locale];
}

/** The name of a legal form, bare ("GR") or with its article ("de GR"). */
export function formName(form: RowForm, locale: Locale, withArticle = false): string {
	return withArticle ? FORM_NAMES[form].the[locale] : FORM_NAMES[form][locale];
}

/** A name at the start of a sentence or as a heading: its first letter in upper case. */
export function capitalised(name: string): string {
	return name.charAt(0).toLocaleUpperCase('nl-NL') + name.slice(1);
}
