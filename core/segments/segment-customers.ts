import type { CustomerRecord } from '../ports/customer-store';
import { ValidationError } from '../shared/errors';
import { createMembershipAssigner } from './assign-shard-memberships';
import { buildSegmentationModel } from './build-segmentation-model';
import { computeShardStats, createShardStatsAccumulator } from './compute-shard-stats';
import { mergeRunResults } from './merge-run-results';
import { mergeShardStats } from './merge-shard-stats';
import type { CustomerSegmentation, RunResult } from './segment-membership';
import type { SegmentationModel } from './segmentation-model';
import type { ShardStats } from './shard-stats';

type Records = Iterable<CustomerRecord> | AsyncIterable<CustomerRecord>;

/**
 * Where the customers come from. A function is called once per shard and pass, like
 * `CustomerStore.scanCustomers`, so nothing is held between the passes: the way to run a million
 * customers in little memory. A one-shot async iterable is read once and buffered, since both
 * passes need it.
 */
export type CustomerSource =
  | readonly CustomerRecord[]
  | AsyncIterable<CustomerRecord>
  | ((shard: { index: number; count: number }) => Records);

export interface SegmentationResult {
  model: SegmentationModel;
  run: RunResult;
  /** Per-customer results in source order; empty when `onCustomer` took them. */
  customers: CustomerSegmentation[];
}

const forEachRecord = async (
  records: Records,
  visit: (record: CustomerRecord) => void,
): Promise<void> => {
  if (Symbol.iterator in records) {
    for (const record of records) visit(record);
    return;
  }
  for await (const record of records) visit(record);
};

const shardReader = async (
  customers: CustomerSource,
  count: number,
): Promise<(shard: { index: number; count: number }) => Records> => {
  if (typeof customers === 'function') return customers;
  let records: readonly CustomerRecord[];
  if (Array.isArray(customers)) {
    records = customers;
  } else {
    const buffered: CustomerRecord[] = [];
    await forEachRecord(customers as AsyncIterable<CustomerRecord>, (record) =>
      buffered.push(record),
    );
    records = buffered;
  }
  // Contiguous slices keep results in source order whatever the shard count.
  const size = Math.ceil(records.length / count);
  return ({ index }) => records.slice(index * size, (index + 1) * size);
};

/**
 * The whole run in one process, through the same shard code the fan-out uses.
 * 0. Validate the date, zone, rules and configs before reading any customer.
 * 1. Pass 1: a stats accumulator per shard, then `mergeShardStats`.
 * 2. `buildSegmentationModel`: RFM thresholds, lifecycle thresholds, clusters, validated rules.
 * 3. Pass 2: a membership assigner per shard, then `mergeRunResults`.
 * With `onCustomer`, per-customer results are streamed to it instead of kept.
 */
export const segmentCustomers = async ({
  customers,
  asOf,
  timeZone,
  rules = [],
  rfmTable,
  lifecycleConfig,
  clusterConfig,
  shardCount = 1,
  onCustomer,
}: {
  customers: CustomerSource;
  asOf: string;
  timeZone: string;
  rules?: readonly unknown[];
  rfmTable?: unknown;
  lifecycleConfig?: unknown;
  clusterConfig?: unknown;
  shardCount?: number;
  onCustomer?: (result: CustomerSegmentation) => void;
}): Promise<SegmentationResult> => {
  if (!Number.isInteger(shardCount) || shardCount < 1) {
    throw new ValidationError('shardCount must be a positive integer', ['shardCount']);
  }
  // Bad settings fail before any customer is read, not after a long first pass.
  const settings = { rules, rfmTable, lifecycleConfig, clusterConfig };
  buildSegmentationModel({
    stats: computeShardStats({ customers: [], asOf, timeZone, clusterConfig }),
    ...settings,
  });
  const readShard = await shardReader(customers, shardCount);
  const shards = Array.from({ length: shardCount }, (_, index) => ({ index, count: shardCount }));

  const partials: ShardStats[] = [];
  for (const shard of shards) {
    const accumulator = createShardStatsAccumulator({ asOf, timeZone, clusterConfig });
    await forEachRecord(readShard(shard), accumulator.add);
    partials.push(accumulator.finish());
  }
  const model = buildSegmentationModel({ stats: mergeShardStats({ partials }), ...settings });

  const kept: CustomerSegmentation[] = [];
  const runs: RunResult[] = [];
  for (const shard of shards) {
    const assigner = createMembershipAssigner({ model });
    await forEachRecord(readShard(shard), (record) => {
      const result = assigner.assign(record);
      if (onCustomer) onCustomer(result);
      else kept.push(result);
    });
    runs.push(assigner.finish());
  }
  return { model, run: mergeRunResults({ partials: runs }), customers: kept };
};
