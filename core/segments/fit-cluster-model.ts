import type { ClusterConfig } from './cluster-config';
import { CLUSTER_DIMENSIONS } from './cluster-vector';
import { describeCluster } from './describe-cluster';
import { fitKMeans } from './fit-k-means';
import { createSeededRandom } from '../shared/seeded-random';
import { clusterSegmentId } from './segment-ids';
import { distanceMatrixOf, silhouetteScore } from './silhouette-score';

/** A buyer drawn into the k-means sample: the smallest id hashes across all shards win. */
export interface ClusterSampleEntry {
  hash: number;
  customerId: string;
  vector: number[];
}

export interface ClusterProfile {
  /** 1 is the cluster with the highest monetary centroid, so numbering is stable across runs. */
  number: number;
  segmentId: string;
  name: string;
  words: string[];
  /** In standardised space, so each coordinate is the cluster's z-score against the buyers. */
  centroid: number[];
}

export interface ClusterModel {
  dimensions: string[];
  means: number[];
  scales: number[];
  clusters: ClusterProfile[];
  /** Mean silhouette of the chosen k on the sample; undefined when only one cluster was possible. */
  silhouette: number | undefined;
  sampleSize: number;
}

export const standardise = (
  vector: readonly number[],
  means: readonly number[],
  scales: readonly number[],
): number[] => vector.map((value, d) => (value - (means[d] ?? 0)) / (scales[d] ?? 1));

/**
 * Means and standard deviations from the sample rather than from all buyers: the sample is the same
 * set under any sharding, so the scaling (and every distance after it) is bit-for-bit identical.
 */
const scalingOf = (vectors: readonly number[][]): { means: number[]; scales: number[] } => {
  const dimensions = vectors[0]?.length ?? 0;
  const means = Array.from(
    { length: dimensions },
    (_, d) => vectors.reduce((sum, v) => sum + (v[d] ?? 0), 0) / vectors.length,
  );
  const scales = means.map((mean, d) => {
    const variance =
      vectors.reduce((sum, v) => sum + ((v[d] ?? 0) - mean) ** 2, 0) / vectors.length;
    // A constant dimension carries no information; scale 1 keeps its z-scores at 0 instead of NaN.
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  return { means, scales };
};

const distinctCount = (points: readonly number[][]): number =>
  new Set(points.map((point) => point.join(','))).size;

const MONETARY = CLUSTER_DIMENSIONS.indexOf('monetary');

/**
 * Fits the clusters once per run from the merged sample.
 * 1. Standardise the sample by its own means and standard deviations.
 * 2. For each k in [minK, maxK] (capped by the number of distinct points), seeded k-means++ and
 *    the sample's mean silhouette; the best silhouette wins, the smaller k on a tie.
 * 3. Number the clusters by centroid monetary, highest first, and describe each in words.
 */
export const fitClusterModel = ({
  sample,
  config,
}: {
  sample: readonly ClusterSampleEntry[];
  config: ClusterConfig;
}): ClusterModel | undefined => {
  if (sample.length === 0) return undefined;
  const { means, scales } = scalingOf(sample.map(({ vector }) => vector));
  const points = sample.map(({ vector }) => standardise(vector, means, scales));
  const random = createSeededRandom(config.seed);
  const maxK = Math.min(config.maxK, distinctCount(points), points.length - 1);
  const minK = Math.min(config.minK, maxK);

  let best: { centroids: number[][]; silhouette: number | undefined } = {
    centroids: [
      points.reduce(
        (sum, point) => sum.map((s, d) => s + (point[d] ?? 0) / points.length),
        means.map(() => 0),
      ),
    ],
    silhouette: undefined,
  };
  if (maxK >= 2) {
    const distances = distanceMatrixOf(points);
    let bestScore = -Infinity;
    for (let k = minK; k <= maxK; k += 1) {
      const fit = fitKMeans({
        points,
        k,
        random,
        maxIterations: config.maxIterations,
        restarts: config.restarts,
      });
      const score = silhouetteScore({ distances, assignments: fit.assignments, k });
      if (score > bestScore) {
        bestScore = score;
        best = { centroids: fit.centroids, silhouette: score };
      }
    }
  }

  const ordered = [...best.centroids].sort(
    (a, b) => (b[MONETARY] ?? 0) - (a[MONETARY] ?? 0) || (a.join(',') < b.join(',') ? -1 : 1),
  );
  return {
    dimensions: [...CLUSTER_DIMENSIONS],
    means,
    scales,
    silhouette: best.silhouette,
    sampleSize: sample.length,
    clusters: ordered.map((centroid, index) => {
      const words = describeCluster(centroid);
      return {
        number: index + 1,
        segmentId: clusterSegmentId(index + 1),
        name: `Cluster ${index + 1}: ${words.join(', ')}`,
        words,
        centroid,
      };
    }),
  };
};
