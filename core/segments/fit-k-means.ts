/**
 * k-means written here rather than taken from npm: no maintained JavaScript package offers seeded,
 * deterministic k-means++ together with silhouette scoring, and the whole thing is a few dozen
 * pure lines. It only ever runs on the sample (≤ 10,000 points), so plain arrays are fast enough.
 */
export interface KMeansFit {
  centroids: number[][];
  assignments: Int32Array;
  /** Within-cluster sum of squared distances. */
  inertia: number;
}

const squaredDistance = (a: readonly number[], b: readonly number[]): number => {
  let sum = 0;
  for (let d = 0; d < a.length; d += 1) {
    const diff = (a[d] ?? 0) - (b[d] ?? 0);
    sum += diff * diff;
  }
  return sum;
};

const seedCentroids = (
  points: readonly number[][],
  k: number,
  random: () => number,
): number[][] => {
  const first = points[Math.floor(random() * points.length)] ?? [];
  const centroids = [[...first]];
  const nearest = points.map((point) => squaredDistance(point, first));
  while (centroids.length < k) {
    const total = nearest.reduce((sum, d) => sum + d, 0);
    let target = random() * total;
    let chosen = points.length - 1;
    for (let i = 0; i < points.length; i += 1) {
      target -= nearest[i] ?? 0;
      if (target < 0) {
        chosen = i;
        break;
      }
    }
    const centroid = [...(points[chosen] ?? [])];
    centroids.push(centroid);
    for (let i = 0; i < points.length; i += 1) {
      nearest[i] = Math.min(nearest[i] ?? 0, squaredDistance(points[i] ?? [], centroid));
    }
  }
  return centroids;
};

const distanceToNearest = (point: readonly number[], centroids: readonly number[][]): number => {
  let nearest = Infinity;
  for (const centroid of centroids) nearest = Math.min(nearest, squaredDistance(point, centroid));
  return nearest;
};

const fitOnce = (
  points: readonly number[][],
  k: number,
  random: () => number,
  maxIterations: number,
): KMeansFit => {
  const dimensions = points[0]?.length ?? 0;
  const centroids = seedCentroids(points, k, random);
  const assignments = new Int32Array(points.length).fill(-1);
  let inertia = 0;
  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    let changed = false;
    inertia = 0;
    for (let i = 0; i < points.length; i += 1) {
      const point = points[i] ?? [];
      let cluster = 0;
      let distance = Infinity;
      for (let c = 0; c < k; c += 1) {
        const candidate = squaredDistance(point, centroids[c] ?? []);
        if (candidate < distance) {
          cluster = c;
          distance = candidate;
        }
      }
      inertia += distance;
      if (assignments[i] !== cluster) {
        assignments[i] = cluster;
        changed = true;
      }
    }
    if (!changed) break;
    const sums = centroids.map(() => new Array<number>(dimensions).fill(0));
    const sizes = new Array<number>(k).fill(0);
    for (let i = 0; i < points.length; i += 1) {
      const cluster = assignments[i] ?? 0;
      sizes[cluster] = (sizes[cluster] ?? 0) + 1;
      const sum = sums[cluster] ?? [];
      const point = points[i] ?? [];
      for (let d = 0; d < dimensions; d += 1) sum[d] = (sum[d] ?? 0) + (point[d] ?? 0);
    }
    for (let c = 0; c < k; c += 1) {
      const size = sizes[c] ?? 0;
      // An emptied cluster restarts at the point worst served by its centroid, a deterministic choice.
      centroids[c] =
        size > 0
          ? (sums[c] ?? []).map((sum) => sum / size)
          : [...(points[farthestPoint(points, centroids)] ?? [])];
    }
  }
  return { centroids, assignments, inertia };
};

const farthestPoint = (points: readonly number[][], centroids: readonly number[][]): number => {
  let farthest = 0;
  let farthestDistance = -1;
  for (let i = 0; i < points.length; i += 1) {
    const distance = distanceToNearest(points[i] ?? [], centroids);
    if (distance > farthestDistance) {
      farthest = i;
      farthestDistance = distance;
    }
  }
  return farthest;
};

/** Lloyd's algorithm from k-means++ seeds, `restarts` times; the lowest inertia wins. */
export const fitKMeans = ({
  points,
  k,
  random,
  maxIterations,
  restarts,
}: {
  points: readonly number[][];
  k: number;
  random: () => number;
  maxIterations: number;
  restarts: number;
}): KMeansFit => {
  let best = fitOnce(points, k, random, maxIterations);
  for (let attempt = 1; attempt < restarts; attempt += 1) {
    const candidate = fitOnce(points, k, random, maxIterations);
    if (candidate.inertia < best.inertia) best = candidate;
  }
  return best;
};
