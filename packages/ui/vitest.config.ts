import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineProject } from 'vitest/config';

export default defineProject({
	plugins: [svelte({ compilerOptions: { runes: true } })],
	resolve: {
		alias: {
			$lib: fileURLToPath(new URL('./src/lib', import.meta.url)),
			// Components that read the app state import SvelteKit's modules, which exist only inside SvelteKit.
			'$app/navigation': fileURLToPath(new URL('./test-stubs/app-navigation.ts', import.meta.url)),
			'$app/state': fileURLToPath(new URL('./test-stubs/app-state.ts', import.meta.url))
		},
		conditions: ['@sp71/source', 'browser']
	},
	test: { name: 'ui', environment: 'jsdom', include: ['src/**/*.test.ts'] }
});
