// Imported first by a benchmark of the built package: it stops with a clear message when a source
// file is newer than the build (`npm run bench` builds first). A module's imports are evaluated in
// order, so nothing of the package has run by then.
import { buildIsStale } from './built.ts';

if (buildIsStale())
	throw new Error(
		'[bench] packages/model/dist is older than packages/model/src: run `npm run build -w @sp71/model` first (npm run bench does)'
	);
