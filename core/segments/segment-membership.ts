import type { CustomerFeatures } from './customer-features';
import type { LifecycleStage } from './lifecycle-config';

export type SegmentKind = 'rfm' | 'lifecycle' | 'cluster' | 'rule';

/** One segment a customer is in, with the reasons in words: `R=1 F=4 M=5 → Cannot Lose Them`. */
export interface SegmentMembership {
  segmentId: string;
  segmentName: string;
  kind: SegmentKind;
  reason: string[];
}

/** Everything one run decided about one customer. */
export interface CustomerSegmentation {
  customerId: string;
  email: string | undefined;
  features: CustomerFeatures;
  rfm: { r: number; f: number; m: number; segmentId: string; segmentName: string } | undefined;
  lifecycleStage: LifecycleStage;
  cluster: { number: number; segmentId: string; name: string; distance: number } | undefined;
  memberships: SegmentMembership[];
}

export interface SegmentInfo {
  segmentId: string;
  segmentName: string;
  kind: SegmentKind;
}

/** One segment's outcome in a run; `revenue` is the members' summed lifetime net revenue. */
export interface SegmentRunSummary extends SegmentInfo {
  customers: number;
  revenue: number;
  customerIds: string[];
}

/**
 * What a run leaves behind for history: every segment (empty ones too) with its members, compact
 * enough to keep per run and to diff against the next one.
 */
export interface RunResult {
  asOf: string;
  timeZone: string;
  customers: number;
  segments: SegmentRunSummary[];
}
