import type { SegmentDefinition } from '../segments';
import type { CustomerSegments, SegmentationRun } from '../segmentation-runs/segmentation-run';
import type { WriteOutcome } from './customer-store';

export interface Page<T> {
  items: T[];
  cursor?: string;
}

/**
 * Rule definitions, runs, per-run memberships, the current-run pointer and the run lock. Readers
 * only follow the pointer, which moves after a run is complete, so they never see a partial run.
 */
export interface SegmentStore {
  listDefinitions(): Promise<SegmentDefinition[]>;
  /** Creates or replaces the definition with this id. */
  saveDefinition(definition: SegmentDefinition): Promise<void>;
  /** True when there was one to delete. */
  deleteDefinition(segmentId: string): Promise<boolean>;

  /** Takes the lock unless another owner holds it and it has not expired; true when taken. */
  acquireLock(owner: string, until: string, now: string): Promise<boolean>;
  releaseLock(owner: string): Promise<void>;

  getRun(runId: string): Promise<SegmentationRun | undefined>;
  saveRun(run: SegmentationRun): Promise<void>;
  /** Newest first. */
  listRuns(options: { limit: number }): Promise<SegmentationRun[]>;
  getCurrentRunId(): Promise<string | undefined>;
  setCurrentRunId(runId: string): Promise<void>;

  /** Writes each customer's summary and one member item per segment, expiring at `expiresAt`. */
  saveCustomerSegments(
    runId: string,
    customers: CustomerSegments[],
    expiresAt: number,
  ): Promise<WriteOutcome>;
  getCustomerSegments(runId: string, customerIds: string[]): Promise<Map<string, CustomerSegments>>;
  listMemberIds(runId: string, segmentId: string): Promise<string[]>;
  /**
   * Up to `limit` members of a segment after `cursor`, with the cursor of the next page when there
   * may be more: a million members are read a page per invocation, never all at once.
   */
  listMemberIdsPage(
    runId: string,
    segmentId: string,
    page: { cursor?: string; limit: number },
  ): Promise<Page<string>>;

  /** The customer's summary in every listed run that still holds one, newest run first. */
  listCustomerSegmentHistory(customerId: string): Promise<CustomerSegments[]>;
  /** Deletes these summaries and the member item of each of their memberships. */
  deleteCustomerSegments(summaries: CustomerSegments[]): Promise<void>;
}
