import adapter from '@sveltejs/adapter-static';
import { sveltekit } from '@sveltejs/kit/vite';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';

// The app compiles the model from its TypeScript source (the `@sp71/source` export condition), so a
// change in packages/model shows without rebuilding its published dist/.
const MODEL_SOURCE = '@sp71/source';

export default defineConfig({
	resolve: { conditions: [MODEL_SOURCE, ...defaultClientConditions] },
	ssr: { resolve: { conditions: [MODEL_SOURCE, ...defaultServerConditions] } },
	plugins: [
		sveltekit({
			compilerOptions: {
				// Runes everywhere in our own code; libraries decide for themselves.
				runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
			},
			adapter: adapter(),
			// A Content-Security-Policy on every page (a <meta> tag in the prerendered HTML): scripts only
			// from the app itself plus SvelteKit's own inline start-up script, allowed by its hash; no eval.
			// Styles may be inline (charts set style attributes); images from the app or data: URLs.
			csp: {
				mode: 'hash',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:', 'blob:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'worker-src': ['self', 'blob:'],
					'object-src': ['none'],
					'base-uri': ['self'],
					'form-action': ['self']
				}
			}
		})
	]
});
