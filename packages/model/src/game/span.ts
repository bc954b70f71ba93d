// The linear span of coalitions' incidence vectors, exact: the nucleolus fixes the total of a
// coalition at each stage, and every coalition whose vector lies in the span of the fixed ones
// then has a constant excess and leaves the later programmes.
import Fraction from 'fraction.js';

/** A reduced row-echelon basis of incidence vectors of n players. */
export class CoalitionSpan {
	private readonly rows: { pivot: number; row: Fraction[] }[] = [];

	constructor(private readonly n: number) {}

	/** The dimension of the span. */
	get rank(): number {
		return this.rows.length;
	}

	/** The vector of `mask` reduced against the basis (all zero when it lies in the span). */
	private reduce(mask: number): Fraction[] {
		const vector = Array.from({ length: this.n }, (_, i) => new Fraction((mask >> i) & 1));
		for (const { pivot, row } of this.rows) {
			const factor = vector[pivot]!;
			if (factor.equals(0)) continue;
			for (let i = 0; i < this.n; i++) if (!row[i]!.equals(0)) vector[i] = vector[i]!.sub(factor.mul(row[i]!));
		}
		return vector;
	}

	/** Whether the incidence vector of `mask` is a linear combination of those added. */
	contains(mask: number): boolean {
		return this.reduce(mask).every((x) => x.equals(0));
	}

	/** Add a coalition; returns false (and changes nothing) when it was already in the span. */
	add(mask: number): boolean {
		const vector = this.reduce(mask);
		const pivot = vector.findIndex((x) => !x.equals(0));
		if (pivot < 0) return false;
		const scale = vector[pivot]!;
		const row = vector.map((x) => x.div(scale));
		for (const other of this.rows) {
			const factor = other.row[pivot]!;
			if (!factor.equals(0)) other.row = other.row.map((x, i) => x.sub(factor.mul(row[i]!)));
		}
		this.rows.push({ pivot, row });
		return true;
	}
}
