import type { CustomerRecord } from '../ports/customer-store';
import { createClusterAssigner } from './assign-cluster';
import { assignLifecycleStage } from './assign-lifecycle-stage';
import { createRfmClassifier } from './classify-rfm';
import { compileSegmentRules } from './compile-segment-rules';
import { computeCustomerFeatures } from './compute-customer-features';
import { LifecycleStage, lifecycleStageNames } from './lifecycle-config';
import { createLocalCalendar } from './local-calendar';
import type { RuleContext } from './rule-context';
import { lifecycleSegmentId } from './segment-ids';
import type {
  CustomerSegmentation,
  RunResult,
  SegmentMembership,
  SegmentRunSummary,
} from './segment-membership';
import type { SegmentationModel } from './segmentation-model';

export interface MembershipAssigner {
  assign: (record: CustomerRecord) => CustomerSegmentation;
  /** The shard's part of the run result: members and revenue of every segment so far. */
  finish: () => RunResult;
}

/**
 * Pass 2, one customer at a time, against the run's global model.
 * 1. Compile the model's rules once.
 * 2. Per customer: features, RFM scores and name, lifecycle stage, nearest cluster, then every rule
 *    segment (reasons are only built for the segments the customer is in).
 * 3. Tally each segment's members and revenue for the run result.
 */
export const createMembershipAssigner = ({
  model,
}: {
  model: SegmentationModel;
}): MembershipAssigner => {
  const calendar = createLocalCalendar({ asOf: model.asOf, timeZone: model.timeZone });
  const rules = compileSegmentRules({
    definitions: model.rules,
    // Rules may refer to RFM, lifecycle and cluster segments, as the model was validated with.
    builtInSegments: model.segments
      .filter((segment) => segment.kind !== 'rule')
      .map(({ segmentId, segmentName }) => ({ id: segmentId, name: segmentName })),
  });
  const summaries = new Map<string, SegmentRunSummary & { cents: number }>(
    model.segments.map((segment) => [
      segment.segmentId,
      { ...segment, customers: 0, revenue: 0, customerIds: [], cents: 0 },
    ]),
  );
  const matched = new Uint8Array(rules.definitions.length);
  const assignCluster = createClusterAssigner({ model: model.clusters });
  const classifyRfm = createRfmClassifier({
    thresholds: model.rfmThresholds,
    table: model.rfmTable,
  });
  // Fixed per stage and cluster, so built once rather than per customer.
  const lifecycleIds = new Map(
    LifecycleStage.options.map((stage) => [stage, lifecycleSegmentId(stage)]),
  );
  const clusterProfiles = new Map(
    (model.clusters?.clusters ?? []).map((cluster) => [
      cluster.segmentId,
      `profile: ${cluster.words.join(', ')}`,
    ]),
  );
  let count = 0;

  const assign = (record: CustomerRecord): CustomerSegmentation => {
    count += 1;
    const features = computeCustomerFeatures({ record, calendar });
    const memberships: SegmentMembership[] = [];

    const classified = classifyRfm(features);
    if (classified) memberships.push(classified.membership);
    const rfm = classified?.rfm;

    const lifecycle = assignLifecycleStage({ features, thresholds: model.lifecycle, calendar });
    const lifecycleId = lifecycleIds.get(lifecycle.stage) ?? lifecycleSegmentId(lifecycle.stage);
    memberships.push({
      segmentId: lifecycleId,
      segmentName: lifecycleStageNames[lifecycle.stage],
      kind: 'lifecycle',
      reason: lifecycle.reason,
    });

    const nearest = assignCluster(features);
    if (nearest) {
      memberships.push({
        segmentId: nearest.cluster.segmentId,
        segmentName: nearest.cluster.name,
        kind: 'cluster',
        reason: [
          `nearest centroid: cluster ${nearest.cluster.number} (distance ${nearest.distance.toFixed(2)})`,
          clusterProfiles.get(nearest.cluster.segmentId) ?? '',
        ],
      });
    }

    const context: RuleContext = {
      features,
      profile: record.profile,
      events: record.events,
      calendar,
      rfm,
      lifecycleStage: lifecycle.stage,
      lifecycleSegmentId: lifecycleId,
      cluster: nearest && { number: nearest.cluster.number, segmentId: nearest.cluster.segmentId },
      matched,
    };
    rules.evaluate(context);
    for (let i = 0; i < matched.length; i += 1) {
      if (matched[i] !== 1) continue;
      const definition = rules.definitions[i];
      if (!definition) continue;
      memberships.push({
        segmentId: definition.id,
        segmentName: definition.name,
        kind: 'rule',
        reason: rules.explain(i, context),
      });
    }

    const cents = Math.round(features.monetary * 100);
    for (const membership of memberships) {
      const summary = summaries.get(membership.segmentId);
      if (!summary) continue;
      summary.customers += 1;
      summary.cents += cents;
      summary.customerIds.push(features.customerId);
    }

    return {
      customerId: features.customerId,
      email: record.profile.email,
      features,
      rfm,
      lifecycleStage: lifecycle.stage,
      cluster: nearest && {
        number: nearest.cluster.number,
        segmentId: nearest.cluster.segmentId,
        name: nearest.cluster.name,
        distance: nearest.distance,
      },
      memberships,
    };
  };

  const finish = (): RunResult => ({
    asOf: model.asOf,
    timeZone: model.timeZone,
    customers: count,
    segments: [...summaries.values()].map(({ cents, ...summary }) => ({
      ...summary,
      revenue: cents / 100,
    })),
  });

  return { assign, finish };
};

/**
 * Pass 2 for one shard; see `createMembershipAssigner` for the steps. With `onCustomer`, results are
 * handed over one by one and not kept, so memory stays flat however large the shard.
 */
export const assignShardMemberships = ({
  customers,
  model,
  onCustomer,
}: {
  customers: Iterable<CustomerRecord>;
  model: SegmentationModel;
  onCustomer?: (result: CustomerSegmentation) => void;
}): { customers: CustomerSegmentation[]; run: RunResult } => {
  const assigner = createMembershipAssigner({ model });
  const kept: CustomerSegmentation[] = [];
  for (const record of customers) {
    const result = assigner.assign(record);
    if (onCustomer) onCustomer(result);
    else kept.push(result);
  }
  return { customers: kept, run: assigner.finish() };
};
