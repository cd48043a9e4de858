import type { Clock } from '../shared/clock';
import type { CampaignStore } from '../ports/campaign-store';
import type { CampaignWorkQueue } from '../ports/campaign-work-queue';
import { COMPLETION_CHECK_INTERVAL_MS } from './campaign-work-item';
import { completeCampaignIfDone } from './complete-campaign';

/**
 * Marks a sending broadcast `sent` when nobody is open any more; otherwise, while it is still
 * sending, queues another check for later. Started by the last slice dispatched, so a campaign
 * of N slices reads its whole outbox a few times, not N times.
 */
export const checkCampaignCompletion = async ({
  campaignId,
  store,
  queue,
  clock,
}: {
  campaignId: string;
  store: CampaignStore;
  queue: CampaignWorkQueue;
  clock: Clock;
}): Promise<'sent' | 'checking-later' | 'not-sending'> => {
  if (await completeCampaignIfDone({ campaignId, store, clock })) return 'sent';
  const campaign = await store.getCampaign(campaignId);
  if (campaign?.status !== 'sending' || campaign.kind === 'triggered') return 'not-sending';
  await queue.enqueue([
    {
      item: { kind: 'complete', campaignId },
      notBefore: new Date(clock().getTime() + COMPLETION_CHECK_INTERVAL_MS).toISOString(),
    },
  ]);
  return 'checking-later';
};
