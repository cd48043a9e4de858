import type { CustomerRecord } from '../ports/customer-store';
import { parseClusterConfig } from './cluster-config';
import { clusterVectorOf } from './cluster-vector';
import { computeOrderFeatures } from './compute-order-features';
import type { ClusterSampleEntry } from './fit-cluster-model';
import { hashCustomerId } from './hash-customer-id';
import { keepSmallestHashes } from './keep-smallest-hashes';
import { createLocalCalendar } from './local-calendar';
import type { ShardStats } from './shard-stats';
import { createValueCounter } from './value-counter';

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
  const recency = createValueCounter();
  const frequency = createValueCounter();
  const monetary = createValueCounter();
  const gaps = createValueCounter();
  let sample: ClusterSampleEntry[] = [];
  // Once the sample has been cut to size, a larger hash can never get back in: skip its vector.
  let sampleCutoff = Infinity;
  let count = 0;
  let buyers = 0;

  const add = (record: CustomerRecord): void => {
    count += 1;
    const features = computeOrderFeatures({ record, calendar, countCategories: false });
    for (const gap of features.daysBetweenOrders) gaps.add(gap);
    if (features.frequency === 0 || features.recencyDays === undefined) return;
    buyers += 1;
    recency.add(features.recencyDays);
    frequency.add(features.frequency);
    monetary.add(Math.round(features.monetary * 100));
    const { customerId } = record.profile;
    const hash = hashCustomerId(customerId);
    const vector = hash <= sampleCutoff ? clusterVectorOf(features) : undefined;
    if (!vector) return;
    sample.push({ hash, customerId, vector });
    if (sample.length >= 2 * sampleSize) {
      sample = keepSmallestHashes(sample, sampleSize);
      sampleCutoff = sample[sample.length - 1]?.hash ?? Infinity;
    }
  };

  const finish = (): ShardStats => ({
    asOf,
    timeZone,
    customers: count,
    buyers,
    recencyDays: recency.histogram(),
    frequency: frequency.histogram(),
    monetaryCents: monetary.histogram(),
    daysBetweenOrders: gaps.histogram(),
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
