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
			adapter: adapter()
		})
	]
});
