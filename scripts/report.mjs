// `npm run report -- --variant ID [--out FILE.pdf] [--scenario ID] [--year Y] [--lang nl|en] [--base-url URL]`:
// renders the app's report page (/rapport) for that view in headless Chromium and prints it to an A4 PDF.
// Builds the app when its build is missing or older than the sources; with --base-url it uses a running app.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuild, launchChromium, servePreview } from './lib-browser.mjs';

const usage =
	'usage: npm run report -- --variant ID [--out FILE.pdf] [--scenario ID] [--year Y] [--lang nl|en] [--base-url URL]';
let args;
try {
	args = parseArgs({
		options: {
			variant: { type: 'string' },
			out: { type: 'string' },
			scenario: { type: 'string' },
			year: { type: 'string' },
			lang: { type: 'string', default: 'nl' },
			'base-url': { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	}).values;
} catch (error) {
	console.error(`${error.message}\n${usage}`);
	process.exit(2);
}
if (args.help) {
	console.log(usage);
	process.exit(0);
}
if (!args.variant) {
	console.error(`--variant is required\n${usage}`);
	process.exit(2);
}
if (args.lang !== 'nl' && args.lang !== 'en') {
	console.error(`--lang must be nl or en, not "${args.lang}"`);
	process.exit(2);
}
const out = resolve(process.env.INIT_CWD ?? process.cwd(), args.out ?? `rapport-${args.variant}.pdf`);

let server = null;
if (!args['base-url']) {
	ensureBuild();
	server = await servePreview();
}
const base = (args['base-url'] ?? server.base).replace(/\/$/, '');
const browser = await launchChromium();
try {
	// The width of an A4 page's printable area at 96 dpi, so charts are drawn at the size they are printed.
	const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
	const errors = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(`${base}/rapport`);
	await page.getByTestId('variant-select').waitFor();
	// Choose the view through the app's own controls, so the report never depends on the link format.
	const choose = async (testid, value, what) => {
		const select = page.getByTestId(testid);
		const options = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
		if (!options.includes(value)) throw new Error(`unknown ${what} "${value}"; known: ${options.join(', ')}`);
		await select.selectOption(value);
	};
	if (args.scenario) await choose('scenario-select', args.scenario, 'scenario');
	await choose('variant-select', args.variant, 'variant');
	if (args.year) await choose('year-select', args.year, 'year');
	if (args.lang === 'en') await page.getByTestId('language').click();
	await page.getByTestId('report-answers').locator('li').first().waitFor();
	await page.getByTestId('report-chart-delta').locator('svg').first().waitFor();
	// The range and the inputs that matter most come from the app's Monte Carlo run, the fair shares from the
	// cooperative game: print only when all three are in (or the alternative has no fair shares, said in words).
	const analysis = { timeout: Number(process.env.REPORT_TIMEOUT_MS ?? 600_000) };
	await page.getByTestId('range-table').waitFor(analysis);
	await page.getByTestId('sensitivity-table').waitFor(analysis);
	await page.locator('[data-testid=fair-table], [data-testid=fair-unavailable]').first().waitFor(analysis);
	await page.emulateMedia({ media: 'print' });
	await page.waitForTimeout(300); // charts redraw at the print width
	if (errors.length > 0) throw new Error(`the report page failed: ${errors.join('; ')}`);
	mkdirSync(dirname(out), { recursive: true });
	await page.pdf({ path: out, format: 'A4', printBackground: true, preferCSSPageSize: true });
	console.log(`report written: ${out}`);
} catch (error) {
	console.error(`report failed: ${error.message}`);
	process.exitCode = 1;
} finally {
	await browser.close();
	server?.stop();
}
