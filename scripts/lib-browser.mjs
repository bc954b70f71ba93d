// Shared by the scripts that drive the built app in Chromium (report, bench): make sure a current build exists,
// serve it with vite preview on a free port, and launch Debian's chromium through playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const root = new URL('..', import.meta.url).pathname;
export const ui = join(root, 'packages', 'ui');

/** The newest modification time of any file under `dir` (node_modules and build output skipped). */
function newest(dir) {
	let time = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
		const path = join(dir, entry.name);
		time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
	}
	return time;
}

/** Build the app when there is no build or a source file (app, model, scenarios) is newer than it. */
export function ensureBuild() {
	const index = join(ui, 'build', 'index.html');
	const sources = ['packages/ui/src', 'packages/model/src', 'scenarios'].map((d) => newest(join(root, d)));
	if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources)) return;
	console.error('building the app: npm run build -w @sp71/ui');
	const build = spawnSync('npm', ['run', 'build', '-w', '@sp71/ui'], { cwd: root, stdio: ['ignore', 2, 2] });
	if (build.status !== 0) throw new Error('the app did not build');
}

/** Serve packages/ui/build with vite preview on a free port; returns its base URL and a stop function. */
export async function servePreview() {
	const port = await new Promise((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
	const base = `http://127.0.0.1:${port}`;
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const preview = spawn(
		process.execPath,
		[vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
		{
			cwd: ui,
			detached: true,
			stdio: 'ignore'
		}
	);
	const stop = () => {
		try {
			process.kill(-preview.pid);
		} catch {
			// already gone
		}
	};
	process.on('exit', stop);
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(base)).ok) break;
		} catch {
			// not up yet
		}
		if (i > 150) {
			stop();
			throw new Error(`vite preview did not start on ${base}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return { base, stop };
}

/** Launch headless Chromium (CHROMIUM_PATH, else /usr/bin/chromium). */
export function launchChromium() {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-background-networking',
			'--no-first-run'
		]
	});
}
