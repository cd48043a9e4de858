import { randomUUID } from 'node:crypto';
import { QueuedCampaignWork } from '../../core/campaigns/campaign-work-item';
import type { CampaignWorkQueue } from '../../core/ports/campaign-work-queue';
import type { ObjectStore } from '../../core/ports/object-store';
import type { Clock } from '../../core/shared/clock';
import { mapWithConcurrency } from '../../core/shared/map-with-concurrency';

/** Writes in flight while queuing a dispatch's slices: a million recipients are 10,000 objects. */
const WRITES_IN_FLIGHT = 16;

/**
 * Key prefixes of campaign work in the bucket. S3 notifies one SQS queue per prefix: dispatch,
 * complete and watch items go to the dispatcher, send items to the senders, and items not due yet to a
 * queue with a delivery delay, whose consumer queues them again (another hop) until they are due.
 */
export const CAMPAIGN_WORK_PREFIX = {
  dispatch: 'campaign-work/dispatch/',
  send: 'campaign-work/send/',
  deferred: 'campaign-work/deferred/',
} as const;

/**
 * The campaign work queue as objects in S3 that S3 announces to SQS (the claim-check pattern):
 * Shoal already ships S3 and its emulator, an item is kept durably where it can be inspected, and
 * a slice of customer ids never meets SQS's message size limit. Keys are unique per write, so a
 * duplicate item is a second object, which the idempotent workers shrug off.
 */
export class ObjectStoreCampaignWorkQueue implements CampaignWorkQueue {
  constructor(
    private readonly objects: ObjectStore,
    private readonly clock: Clock,
  ) {}

  async enqueue(work: QueuedCampaignWork[]): Promise<void> {
    const now = this.clock();
    await mapWithConcurrency(
      work,
      async (entry) => {
        const due = !entry.notBefore || Date.parse(entry.notBefore) <= now.getTime();
        const prefix = !due
          ? CAMPAIGN_WORK_PREFIX.deferred
          : entry.item.kind === 'send'
            ? CAMPAIGN_WORK_PREFIX.send
            : CAMPAIGN_WORK_PREFIX.dispatch;
        // The instant first keeps a listing in time order, for whoever inspects the bucket.
        const key = `${prefix}${entry.item.campaignId}/${now.toISOString()}-${randomUUID()}.json`;
        await this.objects.write(key, JSON.stringify(entry), 'application/json');
      },
      WRITES_IN_FLIGHT,
    );
  }

  /** The item stored under `key`, or undefined when it is gone (expired, or never written). */
  async read(key: string): Promise<QueuedCampaignWork | undefined> {
    const text = await this.objects.readText(key);
    return text === undefined ? undefined : QueuedCampaignWork.parse(JSON.parse(text));
  }
}
