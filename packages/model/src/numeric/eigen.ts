// Eigen decomposition of small symmetric matrices (cyclic Jacobi rotations): the positive
// semi-definite check of correlation matrices and the factor that imposes them on samples.

/** The smallest eigenvalue of a symmetric matrix (cyclic Jacobi rotations; the matrices here are small). */
export function smallestEigenvalue(matrix: readonly (readonly number[])[]): number {
	return symmetricEigen(matrix).values.reduce((a, b) => Math.min(a, b), Infinity);
}

/** Eigenvalues and eigenvectors (columns of `vectors`) of a symmetric matrix by cyclic Jacobi rotations. */
export function symmetricEigen(matrix: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
	const n = matrix.length;
	const a = matrix.map((row) => [...row]);
	const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
	for (let sweep = 0; sweep < 100; sweep++) {
		let off = 0;
		for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
		if (off < 1e-22) break;
		for (let p = 0; p < n; p++)
			for (let q = p + 1; q < n; q++) {
				const apq = a[p]![q]!;
				if (Math.abs(apq) < 1e-300) continue;
				const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
				const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
				const c = 1 / Math.sqrt(t * t + 1);
				const s = t * c;
				for (let k = 0; k < n; k++) {
					const akp = a[k]![p]!;
					const akq = a[k]![q]!;
					a[k]![p] = c * akp - s * akq;
					a[k]![q] = s * akp + c * akq;
				}
				for (let k = 0; k < n; k++) {
					const apk = a[p]![k]!;
					const aqk = a[q]![k]!;
					a[p]![k] = c * apk - s * aqk;
					a[q]![k] = s * apk + c * aqk;
				}
				for (let k = 0; k < n; k++) {
					const vkp = v[k]![p]!;
					const vkq = v[k]![q]!;
					v[k]![p] = c * vkp - s * vkq;
					v[k]![q] = s * vkp + c * vkq;
				}
			}
	}
	return { values: a.map((row, i) => row[i]!), vectors: v };
}
