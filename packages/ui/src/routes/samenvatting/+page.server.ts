// The summary's range for the reference view, computed while the page is prerendered.
import { referenceRange } from '$lib/analysis/reference-range';

export const load = () => ({ referenceRange: referenceRange() });
