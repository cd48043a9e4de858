import type { CampaignStore } from '../ports/campaign-store';
import type { CampaignWorkQueue } from '../ports/campaign-work-queue';
import type { QueuedCampaignWork } from './campaign-work-item';

/**
 * Puts a not-yet-due item back for one more hop through the delayed queue, unless it is a slice
 * of a campaign that is over: a `sent` campaign has no open recipient and a cancelled one mails
 * nobody, so a slice waiting out a claim's lease or a retry time has nothing left to do. Dropping
 * it spares a quarter of an hour of empty hops (and lets the local stack go idle).
 */
export const deferCampaignWork = async ({
  entry,
  store,
  queue,
}: {
  entry: QueuedCampaignWork;
  store: CampaignStore;
  queue: CampaignWorkQueue;
}): Promise<'deferred' | 'dropped'> => {
  if (entry.item.kind === 'send') {
    const status = (await store.getCampaign(entry.item.campaignId))?.status;
    if (status === 'sent' || status === 'cancelled') return 'dropped';
  }
  await queue.enqueue([entry]);
  return 'deferred';
};
