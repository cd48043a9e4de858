import { describe, expect, it } from 'vitest';
import { parseClusterConfig } from '../../../core/segments/cluster-config';
import { describeCluster } from '../../../core/segments/describe-cluster';
import { fitClusterModel, type ClusterSampleEntry } from '../../../core/segments/fit-cluster-model';
import { fitKMeans } from '../../../core/segments/fit-k-means';
import { createSeededRandom } from '../../../core/shared/seeded-random';

/** Well-separated blobs in the 8 cluster dimensions, spread only on the first two. */
const blobs = (centres: [number, number][], perBlob: number): ClusterSampleEntry[] => {
  const random = createSeededRandom(1);
  return centres.flatMap(([x, y], blob) =>
    Array.from({ length: perBlob }, (_, i) => ({
      hash: blob * perBlob + i,
      customerId: `b${blob}-${i}`,
      vector: [x + random() * 0.2, y + random() * 0.2, x * 2, 1, 1, 0, 0, 0],
    })),
  );
};

describe('fitKMeans', () => {
  it('returns identical clusters for the same seed', () => {
    const points = blobs(
      [
        [0, 0],
        [5, 5],
        [0, 5],
      ],
      30,
    ).map(({ vector }) => vector);
    const fit = (seed: number) =>
      fitKMeans({
        points,
        k: 3,
        random: createSeededRandom(seed),
        maxIterations: 100,
        restarts: 2,
      });

    expect(fit(42)).toEqual(fit(42));
  });
});

describe('fitClusterModel', () => {
  it('returns k = 3 by silhouette for three well-separated groups', () => {
    const model = fitClusterModel({
      sample: blobs(
        [
          [0, 0],
          [6, 6],
          [0, 6],
        ],
        40,
      ),
      config: parseClusterConfig({ minK: 2, maxK: 6 }),
    });

    expect(model?.clusters).toHaveLength(3);
    expect(model?.silhouette).toBeGreaterThan(0.8);
  });

  it('returns k = 4 for four groups', () => {
    const model = fitClusterModel({
      sample: blobs(
        [
          [0, 0],
          [8, 8],
          [0, 8],
          [8, 0],
        ],
        25,
      ),
      config: parseClusterConfig({ minK: 2, maxK: 6 }),
    });

    expect(model?.clusters).toHaveLength(4);
  });

  it('numbers clusters by monetary, highest first', () => {
    const model = fitClusterModel({
      sample: blobs(
        [
          [0, 0],
          [6, 6],
          [0, 6],
        ],
        40,
      ),
      config: parseClusterConfig(),
    });
    const monetary = model?.clusters.map(({ centroid }) => centroid[2] ?? 0) ?? [];

    expect(monetary).toEqual([...monetary].sort((a, b) => b - a));
    expect(model?.clusters.map(({ segmentId }) => segmentId)).toEqual([
      'cluster:1',
      'cluster:2',
      'cluster:3',
    ]);
  });

  it('returns a single typical cluster when every buyer is identical', () => {
    const sample = Array.from({ length: 5 }, (_, i) => ({
      hash: i,
      customerId: `c${i}`,
      vector: [1, 1, 1, 1, 1, 0, 0, 0],
    }));

    const model = fitClusterModel({ sample, config: parseClusterConfig() });

    expect(model?.clusters.map(({ name }) => name)).toEqual(['Cluster 1: typical']);
    expect(model?.silhouette).toBeUndefined();
  });

  it('returns no model without buyers', () => {
    expect(fitClusterModel({ sample: [], config: parseClusterConfig() })).toBeUndefined();
  });
});

describe('describeCluster', () => {
  it('returns the three strongest words, strongest first', () => {
    expect(describeCluster([0.1, 1.2, -0.7, -1.5, 0.2, 2.1, -3, 0])).toEqual([
      'web-first',
      'low basket',
      'frequent',
    ]);
  });
});
