import type { CustomerFeatures, SegmentKind, SegmentMembership } from '../segments';

export type RunStatus = 'running' | 'complete' | 'failed';

export interface RunSegmentSummary {
  segmentId: string;
  segmentName: string;
  kind: SegmentKind;
  customers: number;
  revenue: number;
  entered: number;
  left: number;
}

/** One re-segmentation, as history keeps it: sizes, revenue and movement per segment. */
export interface SegmentationRun {
  runId: string;
  asOf: string;
  timeZone: string;
  status: RunStatus;
  startedAt: string;
  finishedAt?: string;
  customers: number;
  segments: RunSegmentSummary[];
  /** Previous RFM segment → current RFM segment → customers, since `previousRunId`. */
  rfmTransitions: Record<string, Record<string, number>>;
  previousRunId?: string;
  error?: string;
}

/** A membership with the as-of date of the first run in a row that put the customer in it. */
export interface StoredMembership extends SegmentMembership {
  since: string;
}

/** What the storefront and the customer page read about one customer in one run. */
export interface CustomerSegments {
  customerId: string;
  runId: string;
  asOf: string;
  email?: string;
  rfm?: { r: number; f: number; m: number; segmentId: string; segmentName: string };
  lifecycleStage: string;
  cluster?: { segmentId: string; name: string; distance: number };
  memberships: StoredMembership[];
  features: CustomerFeatures;
}

/** Runs are named after their as-of date: a second firing for the same date is the same run. */
export const runIdFor = (asOf: string): string => `run-${asOf}`;
