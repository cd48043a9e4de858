import type { CustomerFeatures } from './customer-features';

/**
 * The dimensions customers are clustered on. Money and counts are log1p'd because they are heavily
 * skewed: without it one whale would be a cluster of its own. Channel shares are already 0–1.
 */
export const CLUSTER_DIMENSIONS = [
  'recencyDays',
  'frequency',
  'monetary',
  'averageOrderValue',
  'tenureDays',
  'webShare',
  'storeShare',
  'catalogShare',
] as const;
export type ClusterDimension = (typeof CLUSTER_DIMENSIONS)[number];

const log1pOf = (value: number | undefined): number => Math.log1p(Math.max(0, value ?? 0));

type ClusterInputs = Pick<
  CustomerFeatures,
  | 'frequency'
  | 'recencyDays'
  | 'monetary'
  | 'averageOrderValue'
  | 'tenureDays'
  | 'webShare'
  | 'storeShare'
  | 'catalogShare'
>;

/**
 * Writes a buyer's raw (unstandardised) coordinates into `into`, in CLUSTER_DIMENSIONS order, so
 * assigning a million buyers to clusters reuses one buffer instead of allocating a vector each.
 */
export const writeClusterVector = (features: ClusterInputs, into: Float64Array): Float64Array => {
  into[0] = log1pOf(features.recencyDays);
  into[1] = log1pOf(features.frequency);
  into[2] = log1pOf(features.monetary);
  into[3] = log1pOf(features.averageOrderValue);
  into[4] = log1pOf(features.tenureDays);
  into[5] = features.webShare;
  into[6] = features.storeShare;
  into[7] = features.catalogShare;
  return into;
};

/** The raw (unstandardised) vector for a buyer; undefined for customers without a counted order. */
export const clusterVectorOf = (features: ClusterInputs): number[] | undefined =>
  features.frequency === 0
    ? undefined
    : Array.from(writeClusterVector(features, new Float64Array(CLUSTER_DIMENSIONS.length)));
