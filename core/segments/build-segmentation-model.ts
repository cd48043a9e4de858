import { parseClusterConfig } from './cluster-config';
import { compileSegmentRules } from './compile-segment-rules';
import { deriveRfmThresholds } from './derive-rfm-thresholds';
import { fitClusterModel } from './fit-cluster-model';
import { LifecycleStage, lifecycleStageNames, parseLifecycleConfig } from './lifecycle-config';
import { resolveLifecycleThresholds } from './resolve-lifecycle-thresholds';
import {
  defaultRfmSegmentTable,
  parseRfmSegmentTable,
  type RfmSegmentTable,
} from './rfm-segment-table';
import type { SegmentInfo } from './segment-membership';
import { lifecycleSegmentId, rfmSegmentId } from './segment-ids';
import type { SegmentationModel } from './segmentation-model';
import type { ShardStats } from './shard-stats';
import { medianOf } from './value-histogram';

/** The built-in RFM and lifecycle segments, which rules may reference by id. */
export const builtInSegmentsOf = (rfmTable: RfmSegmentTable): SegmentInfo[] => [
  ...[...new Set(rfmTable.map(({ name }) => name))].map((name): SegmentInfo => ({
    segmentId: rfmSegmentId(name),
    segmentName: name,
    kind: 'rfm',
  })),
  ...LifecycleStage.options.map((stage): SegmentInfo => ({
    segmentId: lifecycleSegmentId(stage),
    segmentName: lifecycleStageNames[stage],
    kind: 'lifecycle',
  })),
];

/**
 * Decides the run's global model from the merged pass-1 statistics.
 * 1. Validate the RFM table, lifecycle and cluster configs, and the rules (compiling them once).
 * 2. RFM score thresholds from the merged histograms.
 * 3. Lifecycle thresholds from the shop's median days between orders.
 * 4. Clusters fitted on the merged sample.
 */
export const buildSegmentationModel = ({
  stats,
  rules = [],
  rfmTable,
  lifecycleConfig,
  clusterConfig,
}: {
  stats: ShardStats;
  rules?: readonly unknown[];
  rfmTable?: unknown;
  lifecycleConfig?: unknown;
  clusterConfig?: unknown;
}): SegmentationModel => {
  const table = rfmTable === undefined ? defaultRfmSegmentTable : parseRfmSegmentTable(rfmTable);
  const builtIn = builtInSegmentsOf(table);
  const compiled = compileSegmentRules({
    definitions: rules,
    builtInSegments: builtIn.map(({ segmentId, segmentName }) => ({
      id: segmentId,
      name: segmentName,
    })),
  });
  const clusters = fitClusterModel({
    sample: stats.clusterSample,
    config: parseClusterConfig(clusterConfig),
  });
  return {
    asOf: stats.asOf,
    timeZone: stats.timeZone,
    customers: stats.customers,
    buyers: stats.buyers,
    rfmThresholds: deriveRfmThresholds(stats),
    rfmTable: table,
    lifecycle: resolveLifecycleThresholds({
      config: parseLifecycleConfig(lifecycleConfig),
      medianDaysBetweenOrders: medianOf(stats.daysBetweenOrders),
    }),
    clusters,
    rules: compiled.definitions,
    segments: [
      ...builtIn,
      ...(clusters?.clusters ?? []).map((cluster): SegmentInfo => ({
        segmentId: cluster.segmentId,
        segmentName: cluster.name,
        kind: 'cluster',
      })),
      ...compiled.definitions.map((definition): SegmentInfo => ({
        segmentId: definition.id,
        segmentName: definition.name,
        kind: 'rule',
      })),
    ],
  };
};
