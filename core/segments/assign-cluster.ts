import { CLUSTER_DIMENSIONS, writeClusterVector } from './cluster-vector';
import type { CustomerFeatures } from './customer-features';
import type { ClusterModel, ClusterProfile } from './fit-cluster-model';

export interface ClusterAssignment {
  cluster: ClusterProfile;
  /** Euclidean distance to the centroid in standardised units. */
  distance: number;
}

/**
 * Prepares nearest-centroid assignment for a run: means, scales and centroids go into flat typed
 * arrays once, and one buffer holds the buyer's vector, so the per-buyer function allocates only
 * its answer. The function returns undefined for customers without orders or without a model.
 */
export const createClusterAssigner = ({
  model,
}: {
  model: ClusterModel | undefined;
}): ((features: CustomerFeatures) => ClusterAssignment | undefined) => {
  if (!model) return () => undefined;
  const dimensions = CLUSTER_DIMENSIONS.length;
  const means = Float64Array.from(model.means);
  const scales = Float64Array.from(model.scales);
  const centroids = Float64Array.from(model.clusters.flatMap(({ centroid }) => centroid));
  const vector = new Float64Array(dimensions);
  return (features) => {
    if (features.frequency === 0) return undefined;
    writeClusterVector(features, vector);
    let bestIndex = -1;
    let bestSquared = Infinity;
    for (let c = 0; c < model.clusters.length; c += 1) {
      let squared = 0;
      for (let d = 0; d < dimensions; d += 1) {
        const z = ((vector[d] ?? 0) - (means[d] ?? 0)) / (scales[d] ?? 1);
        const difference = z - (centroids[c * dimensions + d] ?? 0);
        squared += difference * difference;
      }
      if (squared < bestSquared) {
        bestIndex = c;
        bestSquared = squared;
      }
    }
    const cluster = model.clusters[bestIndex];
    return cluster && { cluster, distance: Math.sqrt(bestSquared) };
  };
};
