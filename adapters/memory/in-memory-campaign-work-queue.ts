import type { QueuedCampaignWork } from '../../core/campaigns/campaign-work-item';
import type { CampaignWorkQueue } from '../../core/ports/campaign-work-queue';

/** The work queue as a list, for unit tests of the use cases and handlers that enqueue. */
export class InMemoryCampaignWorkQueue implements CampaignWorkQueue {
  readonly queued: QueuedCampaignWork[] = [];

  async enqueue(work: QueuedCampaignWork[]): Promise<void> {
    this.queued.push(...structuredClone(work));
  }

  /** Removes and returns everything queued so far. */
  drain(): QueuedCampaignWork[] {
    return this.queued.splice(0);
  }
}
