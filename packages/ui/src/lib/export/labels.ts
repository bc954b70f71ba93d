// The words of the result tables (headers, sheet names, component names) in the app's language.
import { COMPONENTS } from '@sp71/model';
import type { AppState } from '../state/app.svelte.ts';
import type { TableLabels } from './tables.ts';

/** Table labels for the current language and alternative. */
export function tableLabels(app: AppState): TableLabels {
	return {
		participant: app.t('participant'),
		year: app.t('year'),
		base: app.t('gr'),
		variant: app.scenario?.variants.find((v) => v.id === app.variantId)?.title[app.lang] ?? app.t('centrumgemeente'),
		difference: app.t('difference'),
		cumulative: app.t('cumulative'),
		npv: app.t('npv'),
		payback: app.t('payback'),
		perInhabitant: app.t('perInhabitant'),
		component: app.pick({ nl: 'Onderdeel', en: 'Component' }),
		pool: app.t('pool'),
		form: app.t('form'),
		amount: app.pick({ nl: 'Bedrag', en: 'Amount' }),
		together: app.t('together'),
		sheets: app.pick({
			nl: { summary: 'Samenvatting', years: 'Per jaar', components: 'Per onderdeel', pools: 'Per kostenpool' },
			en: { summary: 'Summary', years: 'Per year', components: 'Per component', pools: 'Per cost pool' }
		}),
		componentNames: Object.fromEntries(COMPONENTS.map((c) => [c, app.component(c)]))
	};
}
