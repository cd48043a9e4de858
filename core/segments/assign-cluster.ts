import { clusterVectorOf } from './cluster-vector';
import type { CustomerFeatures } from './customer-features';
import type { ClusterModel, ClusterProfile } from './fit-cluster-model';

export interface ClusterAssignment {
  cluster: ClusterProfile;
  /** Euclidean distance to the centroid in standardised units. */
  distance: number;
}

/** The buyer's nearest centroid; undefined for customers without orders or when no model was fitted. */
export const assignCluster = ({
  features,
  model,
}: {
  features: CustomerFeatures;
  model: ClusterModel | undefined;
}): ClusterAssignment | undefined => {
  const vector = model && clusterVectorOf(features);
  if (!model || !vector) return undefined;
  // Standardised on the fly, coordinate by coordinate: this runs once per buyer, so no arrays.
  let bestIndex = -1;
  let bestSquared = Infinity;
  for (let c = 0; c < model.clusters.length; c += 1) {
    const centroid = model.clusters[c]?.centroid ?? [];
    let squared = 0;
    for (let d = 0; d < vector.length; d += 1) {
      const z = ((vector[d] ?? 0) - (model.means[d] ?? 0)) / (model.scales[d] ?? 1);
      const difference = z - (centroid[d] ?? 0);
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
