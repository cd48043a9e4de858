import type { Clock } from '../shared/clock';
import { NotFoundError } from '../shared/errors';
import type { CampaignStore } from '../ports/campaign-store';
import type { Campaign, CampaignStatus } from './campaign';
import { transitionCampaignStatus } from './campaign-status-transition';

/**
 * Schedules, pauses, resumes or cancels a campaign.
 * 1. Load it (NotFoundError when missing).
 * 2. Apply the lifecycle rule (ConflictError for an illegal move).
 * 3. Save conditionally on the version read, so a concurrent change makes this one fail rather
 *    than silently overwrite it.
 */
export const changeCampaignStatus = async ({
  campaignId,
  to,
  reason,
  store,
  clock,
}: {
  campaignId: string;
  to: CampaignStatus;
  reason?: string;
  store: CampaignStore;
  clock: Clock;
}): Promise<Campaign> => {
  const campaign = await store.getCampaign(campaignId);
  if (!campaign) throw new NotFoundError(`campaign ${campaignId} not found`, { campaignId });
  const next = transitionCampaignStatus({ campaign, to, at: clock(), reason });
  return store.putCampaign(next, campaign.version);
};
