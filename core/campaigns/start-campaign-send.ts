import type { Clock } from '../shared/clock';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { CampaignStore } from '../ports/campaign-store';
import type { CampaignWorkQueue } from '../ports/campaign-work-queue';
import type { Campaign } from './campaign';
import { transitionCampaignStatus } from './campaign-status-transition';

/**
 * Starts a campaign's send now, or schedules it for `at`: what the API's send and schedule routes
 * call. It returns at once; the dispatcher freezes the audience and fans out the sending.
 * 1. Load the campaign (NotFoundError). A draft or scheduled one is (re)scheduled for `at`, or
 *    for now; a paused one resumes; one already sending is only dispatched again, which re-queues
 *    its open recipients. Sent and cancelled campaigns are a ConflictError.
 * 2. Save conditionally on the version read.
 * 3. Queue a dispatch item not before the scheduled time. Dispatch is idempotent, so calling this
 *    twice queues harmless duplicates; a failure after step 2 is repaired by calling it again.
 */
export const startCampaignSend = async ({
  campaignId,
  at,
  store,
  queue,
  clock,
}: {
  campaignId: string;
  /** ISO-8601 instant; now when absent. */
  at?: string;
  store: CampaignStore;
  queue: CampaignWorkQueue;
  clock: Clock;
}): Promise<Campaign> => {
  const campaign = await store.getCampaign(campaignId);
  if (!campaign) throw new NotFoundError(`campaign ${campaignId} not found`, { campaignId });
  const now = clock();
  const scheduledAt = new Date(at ?? now).toISOString();
  const next = nextState({ campaign, scheduledAt, now });
  const stored = next === campaign ? campaign : await store.putCampaign(next, campaign.version);
  await queue.enqueue([
    {
      item: { kind: 'dispatch', campaignId },
      ...(stored.status === 'scheduled' && { notBefore: scheduledAt }),
    },
  ]);
  return stored;
};

const nextState = ({
  campaign,
  scheduledAt,
  now,
}: {
  campaign: Campaign;
  scheduledAt: string;
  now: Date;
}): Campaign => {
  switch (campaign.status) {
    case 'draft':
      return {
        ...transitionCampaignStatus({ campaign, to: 'scheduled', at: now }),
        scheduledAt,
      };
    case 'scheduled':
      return { ...campaign, scheduledAt, updatedAt: now.toISOString() };
    case 'paused':
      return transitionCampaignStatus({ campaign, to: 'sending', at: now });
    case 'sending':
      return campaign;
    case 'sent':
    case 'cancelled':
      throw new ConflictError(`campaign ${campaign.campaignId} is ${campaign.status}`, {
        campaignId: campaign.campaignId,
      });
  }
};
