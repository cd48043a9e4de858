/** Pairwise Euclidean distances, computed once and shared by every k tried. */
export const distanceMatrixOf = (points: readonly number[][]): Float64Array => {
  const n = points.length;
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    const a = points[i] ?? [];
    for (let j = i + 1; j < n; j += 1) {
      const b = points[j] ?? [];
      let sum = 0;
      for (let d = 0; d < a.length; d += 1) {
        const diff = (a[d] ?? 0) - (b[d] ?? 0);
        sum += diff * diff;
      }
      const distance = Math.sqrt(sum);
      matrix[i * n + j] = distance;
      matrix[j * n + i] = distance;
    }
  }
  return matrix;
};

/**
 * Mean silhouette: for each point, (b − a) / max(a, b) where a is its mean distance to its own
 * cluster and b to the nearest other cluster; points alone in their cluster count 0.
 */
export const silhouetteScore = ({
  distances,
  assignments,
  k,
}: {
  distances: Float64Array;
  assignments: Int32Array;
  k: number;
}): number => {
  const n = assignments.length;
  const sizes = new Array<number>(k).fill(0);
  for (const cluster of assignments) sizes[cluster] = (sizes[cluster] ?? 0) + 1;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    sums.fill(0);
    for (let j = 0; j < n; j += 1) {
      if (j === i) continue;
      const cluster = assignments[j] ?? 0;
      sums[cluster] = (sums[cluster] ?? 0) + (distances[i * n + j] ?? 0);
    }
    const own = assignments[i] ?? 0;
    const ownSize = sizes[own] ?? 0;
    if (ownSize <= 1) continue;
    const a = (sums[own] ?? 0) / (ownSize - 1);
    let b = Infinity;
    for (let c = 0; c < k; c += 1) {
      const size = sizes[c] ?? 0;
      if (c !== own && size > 0) b = Math.min(b, (sums[c] ?? 0) / size);
    }
    const spread = Math.max(a, b);
    if (Number.isFinite(b) && spread > 0) total += (b - a) / spread;
  }
  return n === 0 ? 0 : total / n;
};
