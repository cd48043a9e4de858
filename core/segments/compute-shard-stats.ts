import type { CustomerRecord } from '../ports/customer-store';
import { parseClusterConfig } from './cluster-config';
import { clusterVectorOf } from './cluster-vector';
import { computeOrderFeatures } from './compute-order-features';
import type { ClusterSampleEntry } from './fit-cluster-model';
import { hashCustomerId } from './hash-customer-id';
import { keepSmallestHashes } from './keep-smallest-hashes';
import { createLocalCalendar } from './local-calendar';
import type { ShardStats } from './shard-stats';
import { countInto, histogramOf } from './value-histogram';

export interface ShardStatsAccumulator {
  add: (record: CustomerRecord) => void;
  finish: () => ShardStats;
}

/**
 * Pass 1, one customer at a time, for sources that arrive as a stream.
 * 1. Summarise each customer's orders as of the run date (events and profile are not needed yet).
 * 2. Count buyers' recency, frequency and monetary (cents) values, and all gaps between orders.
 * 3. Keep the buyers with the smallest id hashes, with their cluster vectors, as the k-means sample.
 */
export const createShardStatsAccumulator = ({
  asOf,
  timeZone,
  clusterConfig,
}: {
  asOf: string;
  timeZone: string;
  clusterConfig?: unknown;
}): ShardStatsAccumulator => {
  const { sampleSize } = parseClusterConfig(clusterConfig);
  const calendar = createLocalCalendar({ asOf, timeZone });
  const recency = new Map<number, number>();
  const frequency = new Map<number, number>();
  const monetary = new Map<number, number>();
  const gaps = new Map<number, number>();
  let sample: ClusterSampleEntry[] = [];
  let count = 0;
  let buyers = 0;

  const add = (record: CustomerRecord): void => {
    count += 1;
    const features = computeOrderFeatures({ record, calendar });
    for (const gap of features.daysBetweenOrders) countInto(gaps, gap);
    const vector = clusterVectorOf(features);
    if (!vector || features.recencyDays === undefined) return;
    const { customerId } = record.profile;
    buyers += 1;
    countInto(recency, features.recencyDays);
    countInto(frequency, features.frequency);
    countInto(monetary, Math.round(features.monetary * 100));
    sample.push({ hash: hashCustomerId(customerId), customerId, vector });
    if (sample.length >= 2 * sampleSize) sample = keepSmallestHashes(sample, sampleSize);
  };

  const finish = (): ShardStats => ({
    asOf,
    timeZone,
    customers: count,
    buyers,
    recencyDays: histogramOf(recency),
    frequency: histogramOf(frequency),
    monetaryCents: histogramOf(monetary),
    daysBetweenOrders: histogramOf(gaps),
    clusterSample: keepSmallestHashes(sample, sampleSize),
    sampleSize,
  });

  return { add, finish };
};

/** Pass 1 for one shard of customers; see `createShardStatsAccumulator` for the steps. */
export const computeShardStats = ({
  customers,
  asOf,
  timeZone,
  clusterConfig,
}: {
  customers: Iterable<CustomerRecord>;
  asOf: string;
  timeZone: string;
  clusterConfig?: unknown;
}): ShardStats => {
  const accumulator = createShardStatsAccumulator({ asOf, timeZone, clusterConfig });
  for (const record of customers) accumulator.add(record);
  return accumulator.finish();
};
