import type { SegmentStore } from '../ports/segment-store';
import { CLUSTER_DIMENSIONS, type ClusterDimension } from '../segments/cluster-vector';
import { type FieldFormat, featureWords } from '../segments/rule-field-catalog';
import { requireCurrentRun } from '../segmentation-runs/current-run';
import { readRunSummaries } from '../segmentation-runs/read-run-summaries';

export interface ClusterProfile {
  segmentId: string;
  name: string;
  customers: number;
  revenue: number;
  /** The words the run chose for it: `frequent, low basket, web-first`. */
  description: string;
  /**
   * Per dimension: its name in words and how its values read, the members' mean and how far it
   * sits from all clustered buyers, in SDs.
   */
  features: {
    feature: ClusterDimension;
    label: string;
    format: FieldFormat;
    mean: number;
    z: number;
  }[];
}

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
  const clusters = run.segments.filter((s) => s.kind === 'cluster');
  const groups = new Map(
    clusters.map((segment) => [
      segment.segmentId,
      {
        segmentId: segment.segmentId,
        name: segment.segmentName,
        customers: segment.customers,
        revenue: segment.revenue,
        description: '',
        rows: [] as number[][],
      },
    ]),
  );
  const summaries = readRunSummaries({
    segments,
    runId: run.runId,
    segmentIds: clusters.map((segment) => segment.segmentId),
  });
  for await (const { segmentId, summary } of summaries) {
    const group = groups.get(segmentId);
    if (group === undefined) continue;
    group.rows.push(CLUSTER_DIMENSIONS.map((dimension) => summary.features[dimension] ?? 0));
    group.description ||=
      summary.memberships
        .find((m) => m.segmentId === segmentId)
        ?.reason.find((line) => line.startsWith(PROFILE_PREFIX))
        ?.slice(PROFILE_PREFIX.length) ?? '';
  }
  const all = [...groups.values()].flatMap((group) => group.rows);
  const overall = CLUSTER_DIMENSIONS.map((_, d) => {
    const values = all.map((row) => row[d] ?? 0);
    const m = mean(values);
    return { mean: m, sd: Math.sqrt(mean(values.map((value) => (value - m) ** 2))) };
  });
  return {
    runId: run.runId,
    clusters: [...groups.values()].map(({ rows, ...group }) => ({
      ...group,
      features: CLUSTER_DIMENSIONS.map((feature, d) => {
        const m = mean(rows.map((row) => row[d] ?? 0));
        const { mean: overallMean, sd } = overall[d] ?? { mean: 0, sd: 0 };
        return {
          feature,
          ...featureWords(feature),
          mean: round(m, 2),
          z: sd > 0 ? round((m - overallMean) / sd, 2) : 0,
        };
      }),
    })),
  };
};
