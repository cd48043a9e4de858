import type { CustomerStore } from '../ports/customer-store';
import type { SegmentStore } from '../ports/segment-store';
import {
  buildSegmentationModel,
  createMembershipAssigner,
  createShardStatsAccumulator,
  diffRuns,
  mergeRunResults,
  mergeShardStats,
  type CustomerSegmentation,
  type RunResult,
  type SegmentChange,
  type ShardStats,
} from '../segments';
import type { Clock } from '../shared/clock';
import { DependencyFailedError } from '../shared/errors';
import { runIdFor, type CustomerSegments, type SegmentationRun } from './segmentation-run';

/** Customers are written in batches this size: one look-up of their previous run per batch. */
const PERSIST_BATCH = 500;
/** Longer than one invocation may run, so a live run never loses its lock. */
const LOCK_MS = 16 * 60 * 1000;
const DAY_MS = 24 * 3600 * 1000;

export type ResegmentationResult =
  | { outcome: 'already-complete'; run: SegmentationRun }
  | { outcome: 'locked' }
  | { outcome: 'completed'; run: SegmentationRun; changes: SegmentChange[] };

const loadRunResult = async (segments: SegmentStore, run: SegmentationRun): Promise<RunResult> => ({
  asOf: run.asOf,
  timeZone: run.timeZone,
  customers: run.customers,
  segments: await Promise.all(
    run.segments.map(async (segment) => ({
      ...segment,
      customerIds: await segments.listMemberIds(run.runId, segment.segmentId),
    })),
  ),
});

const toStored = (
  result: CustomerSegmentation,
  previous: CustomerSegments | undefined,
  runId: string,
  asOf: string,
): CustomerSegments => {
  const sinceBySegment = new Map(previous?.memberships.map((m) => [m.segmentId, m.since]));
  return {
    customerId: result.customerId,
    runId,
    asOf,
    ...(result.email && { email: result.email }),
    ...(result.rfm && { rfm: result.rfm }),
    lifecycleStage: result.lifecycleStage,
    ...(result.cluster && {
      cluster: {
        segmentId: result.cluster.segmentId,
        name: result.cluster.name,
        distance: result.cluster.distance,
      },
    }),
    memberships: result.memberships.map((membership) => ({
      ...membership,
      since: sinceBySegment.get(membership.segmentId) ?? asOf,
    })),
    features: result.features,
  };
};

/**
 * The nightly re-segmentation, as shards so it can later fan out (Step Functions Distributed Map);
 * here the shards run one after another.
 * 1. A run is named after its as-of date: a run already complete for the date is returned as is.
 * 2. Takes the run lock (with expiry), so overlapping firings cannot interleave.
 * 3. Pass 1 per shard (a parallel-scan segment): features and mergeable stats; merged into the
 *    run's model (RFM thresholds, lifecycle thresholds, clusters, the stored rule segments).
 * 4. Pass 2 per shard: every customer's memberships with reasons, written in batches, each
 *    membership dated from when the customer entered it (carried from the previous run).
 * 5. Compares with the previous complete run: who entered and left each segment, RFM transitions.
 * 6. Saves the run, then moves the current-run pointer: readers switch to the new run at once.
 */
export const runResegmentation = async ({
  asOf,
  timeZone,
  customers,
  segments,
  clock,
  invocationId,
  shardCount = 4,
  retentionDays = 35,
}: {
  asOf: string;
  timeZone: string;
  customers: CustomerStore;
  segments: SegmentStore;
  clock: Clock;
  /** Unique per invocation (the Lambda request id): the lock's owner. */
  invocationId: string;
  shardCount?: number;
  /** Memberships of a run expire this long after the run. */
  retentionDays?: number;
}): Promise<ResegmentationResult> => {
  const runId = runIdFor(asOf);
  const existing = await segments.getRun(runId);
  if (existing?.status === 'complete') return { outcome: 'already-complete', run: existing };

  const startedAt = clock();
  const lockOwner = `${runId}#${invocationId}`;
  const locked = await segments.acquireLock(
    lockOwner,
    new Date(startedAt.getTime() + LOCK_MS).toISOString(),
    startedAt.toISOString(),
  );
  if (!locked) return { outcome: 'locked' };

  const currentRunId = await segments.getCurrentRunId();
  const previous =
    currentRunId && currentRunId !== runId ? await segments.getRun(currentRunId) : undefined;
  const running: SegmentationRun = {
    runId,
    asOf,
    timeZone,
    status: 'running',
    startedAt: startedAt.toISOString(),
    customers: 0,
    segments: [],
    rfmTransitions: {},
    ...(previous && { previousRunId: previous.runId }),
  };
  try {
    await segments.saveRun(running);
    const shards = Array.from({ length: shardCount }, (_, index) => ({ index, count: shardCount }));

    const partials: ShardStats[] = [];
    for (const shard of shards) {
      const accumulator = createShardStatsAccumulator({ asOf, timeZone });
      for await (const record of customers.scanCustomers(shard)) accumulator.add(record);
      partials.push(accumulator.finish());
    }
    const model = buildSegmentationModel({
      stats: mergeShardStats({ partials }),
      rules: await segments.listDefinitions(),
    });

    // From when the run happens, not its as-of date: a back-dated run must not write items that
    // TTL deletes at once.
    const expiresAt = Math.floor((startedAt.getTime() + retentionDays * DAY_MS) / 1000);
    const persist = async (batch: CustomerSegmentation[]): Promise<void> => {
      if (batch.length === 0) return;
      const before = previous
        ? await segments.getCustomerSegments(
            previous.runId,
            batch.map((c) => c.customerId),
          )
        : new Map<string, CustomerSegments>();
      const stored = batch.map((c) => toStored(c, before.get(c.customerId), runId, asOf));
      const { failed } = await segments.saveCustomerSegments(runId, stored, expiresAt);
      if (failed.length > 0) {
        throw new DependencyFailedError(
          `${failed.length} memberships could not be written (first: ${failed[0]!.key}: ${failed[0]!.reason})`,
        );
      }
    };
    const shardResults: RunResult[] = [];
    for (const shard of shards) {
      const assigner = createMembershipAssigner({ model });
      let batch: CustomerSegmentation[] = [];
      for await (const record of customers.scanCustomers(shard)) {
        batch.push(assigner.assign(record));
        if (batch.length >= PERSIST_BATCH) {
          await persist(batch);
          batch = [];
        }
      }
      await persist(batch);
      shardResults.push(assigner.finish());
    }
    const result = mergeRunResults({ partials: shardResults });

    const diff = diffRuns({
      previous: previous
        ? await loadRunResult(segments, previous)
        : { asOf, timeZone, customers: 0, segments: [] },
      current: result,
    });
    const changes = new Map(diff.segments.map((change) => [change.segmentId, change]));
    const run: SegmentationRun = {
      ...running,
      status: 'complete',
      finishedAt: clock().toISOString(),
      customers: result.customers,
      segments: result.segments.map(({ customerIds: _members, ...segment }) => ({
        ...segment,
        entered: changes.get(segment.segmentId)?.entered.length ?? 0,
        left: changes.get(segment.segmentId)?.left.length ?? 0,
      })),
      rfmTransitions: diff.rfmTransitions,
    };
    await segments.saveRun(run);
    await segments.setCurrentRunId(runId);
    return { outcome: 'completed', run, changes: diff.segments };
  } catch (error) {
    await segments.saveRun({
      ...running,
      status: 'failed',
      finishedAt: clock().toISOString(),
      error: (error as Error).message,
    });
    throw error;
  } finally {
    await segments.releaseLock(lockOwner);
  }
};
