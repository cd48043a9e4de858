import type { SegmentStore } from '../ports/segment-store';
import { CLUSTER_DIMENSIONS, type ClusterDimension } from '../segments/cluster-vector';
import { requireCurrentRun } from './current-run';

export interface ClusterProfile {
  segmentId: string;
  name: string;
  customers: number;
  revenue: number;
  /** The words the run chose for it: `frequent, low basket, web-first`. */
  description: string;
  /** Per dimension: the members' mean and how far it sits from all clustered buyers, in SDs. */
  features: { feature: ClusterDimension; mean: number; z: number }[];
}

const BATCH = 100;
const PROFILE_PREFIX = 'profile: ';

const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

const round = (value: number, digits: number): number =>
  Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Each cluster of the current run in words and numbers, from its members' stored features.
 * 1. Read every cluster member's summary (buyers only, so at most the buyer count).
 * 2. Average each clustering dimension per cluster and compare with all clustered buyers.
 */
export const describeClusters = async ({
  segments,
}: {
  segments: SegmentStore;
}): Promise<{ runId: string; clusters: ClusterProfile[] }> => {
  const run = await requireCurrentRun(segments);
  const groups: {
    segmentId: string;
    name: string;
    customers: number;
    revenue: number;
    description: string;
    rows: number[][];
  }[] = [];
  for (const segment of run.segments.filter((s) => s.kind === 'cluster')) {
    const ids = await segments.listMemberIds(run.runId, segment.segmentId);
    const rows: number[][] = [];
    let description = '';
    for (let start = 0; start < ids.length; start += BATCH) {
      const found = await segments.getCustomerSegments(run.runId, ids.slice(start, start + BATCH));
      for (const summary of found.values()) {
        rows.push(CLUSTER_DIMENSIONS.map((dimension) => summary.features[dimension] ?? 0));
        description ||=
          summary.memberships
            .find((m) => m.segmentId === segment.segmentId)
            ?.reason.find((line) => line.startsWith(PROFILE_PREFIX))
            ?.slice(PROFILE_PREFIX.length) ?? '';
      }
    }
    groups.push({
      segmentId: segment.segmentId,
      name: segment.segmentName,
      customers: segment.customers,
      revenue: segment.revenue,
      description,
      rows,
    });
  }
  const all = groups.flatMap((group) => group.rows);
  const overall = CLUSTER_DIMENSIONS.map((_, d) => {
    const values = all.map((row) => row[d] ?? 0);
    const m = mean(values);
    return { mean: m, sd: Math.sqrt(mean(values.map((value) => (value - m) ** 2))) };
  });
  return {
    runId: run.runId,
    clusters: groups.map(({ rows, ...group }) => ({
      ...group,
      features: CLUSTER_DIMENSIONS.map((feature, d) => {
        const m = mean(rows.map((row) => row[d] ?? 0));
        const { mean: overallMean, sd } = overall[d] ?? { mean: 0, sd: 0 };
        return { feature, mean: round(m, 2), z: sd > 0 ? round((m - overallMean) / sd, 2) : 0 };
      }),
    })),
  };
};
