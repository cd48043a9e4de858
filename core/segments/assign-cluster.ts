import { clusterVectorOf } from './cluster-vector';
import type { CustomerFeatures } from './customer-features';
import { standardise, type ClusterModel, type ClusterProfile } from './fit-cluster-model';
import { squaredDistance } from './fit-k-means';

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
  const point = standardise(vector, model.means, model.scales);
  let best: ClusterAssignment | undefined;
  for (const cluster of model.clusters) {
    const distance = Math.sqrt(squaredDistance(point, cluster.centroid));
    if (!best || distance < best.distance) best = { cluster, distance };
  }
  return best;
};
