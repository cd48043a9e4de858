import type { QueuedCampaignWork } from '../campaigns/campaign-work-item';

/**
 * Where campaign work waits for a worker: SQS in AWS (fed through S3, see the adapter), the local
 * S3 server's notifications on a laptop. Delivery is at least once; items are idempotent.
 */
export interface CampaignWorkQueue {
  /** Queues each item; one with a future `notBefore` is delivered at or after that instant. */
  enqueue(work: QueuedCampaignWork[]): Promise<void>;
}
