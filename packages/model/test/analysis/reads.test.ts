// The read sets of the incremental recomputation (money/reads.ts): what a computation read is what
// its collector saw, nested collectors pass their reads outwards, and overlap is exact over many paths.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectReads, noteRead, noteReads, readsOf, readsOverlap } from '../../src/money/reads.ts';

describe('read sets', () => {
	it('a collector sees its own reads and those of the collectors inside it; the outer one sees both', () => {
		const { reads: outer, value } = collectReads(() => {
			noteRead('reads-test.a');
			const inner = collectReads(() => {
				noteRead('reads-test.b');
				return 7;
			});
			return inner;
		});
		expect(value.value).toBe(7);
		expect(readsOverlap(value.reads, readsOf(['reads-test.b']))).toBe(true);
		expect(readsOverlap(value.reads, readsOf(['reads-test.a']))).toBe(false);
		expect(readsOverlap(outer, readsOf(['reads-test.a']))).toBe(true);
		expect(readsOverlap(outer, readsOf(['reads-test.b']))).toBe(true);
		expect(readsOverlap(outer, readsOf(['reads-test.c']))).toBe(false);
	});

	it('reusing an earlier result notes its reads in the computation in progress', () => {
		const earlier = collectReads(() => noteRead('reads-test.reused')).reads;
		const { reads } = collectReads(() => noteReads(earlier));
		expect(readsOverlap(reads, readsOf(['reads-test.reused']))).toBe(true);
	});

	it('overlap equals set intersection for any paths, however many (the bitsets grow)', () => {
		const path = fc.integer({ min: 0, max: 400 }).map((n) => `reads-test.many.${n}`);
		fc.assert(
			fc.property(fc.array(path, { maxLength: 60 }), fc.array(path, { maxLength: 60 }), (read, changed) => {
				const { reads } = collectReads(() => read.forEach(noteRead));
				const common = read.some((p) => changed.includes(p));
				expect(readsOverlap(reads, readsOf(changed))).toBe(common);
				expect(readsOverlap(readsOf(changed), reads)).toBe(common);
			})
		);
	});

	it('outside a collector a read is noted nowhere', () => {
		expect(() => noteRead('reads-test.loose')).not.toThrow();
		const { reads } = collectReads(() => undefined);
		expect(readsOverlap(reads, readsOf(['reads-test.loose']))).toBe(false);
	});
});
