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

/** The raw (unstandardised) vector for a buyer; undefined for customers without a counted order. */
export const clusterVectorOf = (
  features: Pick<
    CustomerFeatures,
    | 'frequency'
    | 'recencyDays'
    | 'monetary'
    | 'averageOrderValue'
    | 'tenureDays'
    | 'webShare'
    | 'storeShare'
    | 'catalogShare'
  >,
): number[] | undefined => {
  if (features.frequency === 0) return undefined;
  return [
    log1pOf(features.recencyDays),
    log1pOf(features.frequency),
    log1pOf(features.monetary),
    log1pOf(features.averageOrderValue),
    log1pOf(features.tenureDays),
    features.webShare,
    features.storeShare,
    features.catalogShare,
  ];
};
