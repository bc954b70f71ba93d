// Makes sure a Chromium for the end-to-end tests exists: CHROMIUM_PATH, or Debian's chromium
// (installed with apt-get when missing). Playwright never downloads a browser of its own here.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const wanted = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(wanted)) {
	console.log(`chromium: ${wanted}`);
	process.exit(0);
}
if (process.env.CHROMIUM_PATH) {
	console.error(`CHROMIUM_PATH=${wanted} does not exist`);
	process.exit(1);
}
const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
console.log('chromium is missing: installing Debian package "chromium" with apt-get');
try {
	execSync(`${sudo}apt-get update && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium`, {
		stdio: 'inherit'
	});
} catch {
	console.error('could not install chromium with apt-get; install it, or set CHROMIUM_PATH to a Chromium binary');
	process.exit(1);
}
process.exit(existsSync(wanted) ? 0 : 1);
