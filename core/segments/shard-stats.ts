import type { ClusterSampleEntry } from './fit-cluster-model';
import type { ValueHistogram } from './value-histogram';

/**
 * Pass-1 statistics of one shard, or of several merged: plain JSON so a fan-out can pass them
 * between Lambdas. Merging is associative and order-free, so any sharding gives the same result.
 */
export interface ShardStats {
  asOf: string;
  timeZone: string;
  customers: number;
  /** Customers with at least one counted order: the population RFM ranks against. */
  buyers: number;
  recencyDays: ValueHistogram;
  frequency: ValueHistogram;
  monetaryCents: ValueHistogram;
  /** Every gap between consecutive counted orders of every customer. */
  daysBetweenOrders: ValueHistogram;
  /** Buyers with the smallest id hashes; their vectors also standardise every dimension. */
  clusterSample: ClusterSampleEntry[];
  sampleSize: number;
}
