import type { RfmThresholds } from './derive-rfm-thresholds';
import type { ClusterModel } from './fit-cluster-model';
import type { RfmSegmentTable } from './rfm-segment-table';
import type { LifecycleThresholds } from './resolve-lifecycle-thresholds';
import type { SegmentDefinition } from './segment-rule';
import type { SegmentInfo } from './segment-membership';

/**
 * Everything pass 2 needs, decided once from the merged statistics: plain JSON, so the run can
 * hand it to every shard's Lambda. Rules travel as definitions and are compiled per shard.
 */
export interface SegmentationModel {
  asOf: string;
  timeZone: string;
  customers: number;
  buyers: number;
  rfmThresholds: RfmThresholds;
  rfmTable: RfmSegmentTable;
  lifecycle: LifecycleThresholds;
  clusters: ClusterModel | undefined;
  rules: SegmentDefinition[];
  /** Every segment the run can put customers in, in display order: RFM, lifecycle, clusters, rules. */
  segments: SegmentInfo[];
}
