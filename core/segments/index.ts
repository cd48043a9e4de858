/**
 * The segmentation engine's public surface: what the resegment Lambda, adapters and CLI call.
 *
 * One process: `segmentCustomers({ customers, asOf, timeZone, rules })`.
 * Fanned out: per shard `computeShardStats` (or `createShardStatsAccumulator` over an async scan) →
 * `mergeShardStats` → `buildSegmentationModel` (plain JSON, ship it to every shard) → per shard
 * `assignShardMemberships` (or `createMembershipAssigner`) → `mergeRunResults`; keep the RunResult
 * and `diffRuns` it against the next one.
 */
export {
  segmentCustomers,
  type CustomerSource,
  type SegmentationResult,
} from './segment-customers';
export { computeShardStats, createShardStatsAccumulator } from './compute-shard-stats';
export { mergeShardStats } from './merge-shard-stats';
export { buildSegmentationModel, builtInSegmentsOf } from './build-segmentation-model';
export { assignShardMemberships, createMembershipAssigner } from './assign-shard-memberships';
export { mergeRunResults } from './merge-run-results';
export { defaultAsOf } from './default-as-of';
export { diffRuns, NO_RFM_SEGMENT, type RunDiff, type SegmentChange } from './diff-runs';
export { buildCustomersCsv, customersCsvRow, CUSTOMERS_CSV_HEADER } from './build-customers-csv';
export { buildSegmentsCsv } from './build-segments-csv';
export { compileSegmentRules, type CompiledSegmentRules } from './compile-segment-rules';
export { computeCustomerFeatures } from './compute-customer-features';
export { createLocalCalendar, type LocalCalendar } from './local-calendar';
export { segmentTemplates } from './segment-templates';
export { defaultRfmSegmentTable, parseRfmSegmentTable, RfmSegmentTable } from './rfm-segment-table';
export { LifecycleConfig, LifecycleStage, lifecycleStageNames } from './lifecycle-config';
export { ClusterConfig } from './cluster-config';
export { SegmentDefinition, SegmentRuleNode } from './segment-rule';
export {
  InvalidRfmSegmentTableError,
  InvalidSegmentationConfigError,
  InvalidSegmentRuleError,
  SegmentCycleError,
} from './segment-errors';
export type { CustomerFeatures } from './customer-features';
export type {
  CustomerSegmentation,
  RunResult,
  SegmentInfo,
  SegmentKind,
  SegmentMembership,
  SegmentRunSummary,
} from './segment-membership';
export type { SegmentationModel } from './segmentation-model';
export type { ShardStats } from './shard-stats';
