import type { CustomerStore } from '../ports/customer-store';
import type { SegmentStore } from '../ports/segment-store';
import { segmentCustomers, SegmentRuleNode } from './index';
import { findCurrentRun } from '../segmentation-runs/current-run';
import { describeSegmentRule } from './describe-segment-rule';
import { segmentNamesOf } from './segment-catalog';

export interface SegmentPreview {
  asOf: string;
  /** Customers the rule matches. */
  count: number;
  /** Of all customers. */
  customers: number;
  sample: { customerId: string; email?: string; reason: string[] }[];
  /** The rule in the words the segment page will show once it is saved. */
  definitionText: string;
}

const PREVIEW_ID = 'preview-candidate';
const SAMPLE_SIZE = 20;
// A preview only needs cluster ids to exist for rules that mention them; fitting the real model
// (several k, restarts, silhouette) would dominate the preview's time.
const CHEAP_CLUSTERS = { minK: 2, maxK: 2, sampleSize: 10, restarts: 1, maxIterations: 5 };

/**
 * Counts and samples who an unsaved rule would match, as the next run would see them.
 * 1. Validate the rule (400 naming the path of the bad node).
 * 2. Read every customer once and segment them in memory with the stored rule segments plus
 *    the candidate, as of the current run's date (or `fallbackAsOf` before the first run).
 * 3. Count the candidate's members and keep the first 20 with their reasons.
 */
export const previewSegmentRule = async ({
  rule,
  customers,
  segments,
  fallbackAsOf,
  timeZone,
}: {
  rule: unknown;
  customers: CustomerStore;
  segments: SegmentStore;
  fallbackAsOf: string;
  timeZone: string;
}): Promise<SegmentPreview> => {
  const candidate = { id: PREVIEW_ID, name: 'Preview', rule: SegmentRuleNode.parse(rule) };
  const [run, definitions] = await Promise.all([
    findCurrentRun(segments),
    segments.listDefinitions(),
  ]);
  const asOf = run?.asOf ?? fallbackAsOf;
  let count = 0;
  let total = 0;
  const sample: SegmentPreview['sample'] = [];
  await segmentCustomers({
    customers: customers.scanCustomers({ index: 0, count: 1 }),
    asOf,
    timeZone: run?.timeZone ?? timeZone,
    rules: [...definitions.filter((definition) => definition.id !== PREVIEW_ID), candidate],
    clusterConfig: CHEAP_CLUSTERS,
    onCustomer: (result) => {
      total += 1;
      const membership = result.memberships.find((m) => m.segmentId === PREVIEW_ID);
      if (membership === undefined) return;
      count += 1;
      if (sample.length < SAMPLE_SIZE) {
        sample.push({
          customerId: result.customerId,
          ...(result.email !== undefined && { email: result.email }),
          reason: membership.reason,
        });
      }
    },
  });
  return {
    asOf,
    count,
    customers: total,
    sample,
    definitionText: describeSegmentRule(candidate.rule, segmentNamesOf({ run, definitions })),
  };
};
