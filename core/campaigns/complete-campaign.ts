import type { Clock } from '../shared/clock';
import { ConflictError } from '../shared/errors';
import type { CampaignStore } from '../ports/campaign-store';
import type { SendStatus } from './campaign-send';
import { transitionCampaignStatus } from './campaign-status-transition';

/** Outbox statuses that still owe someone an e-mail. */
export const OPEN_SEND_STATUSES: readonly SendStatus[] = ['pending', 'sending', 'postponed'];

/**
 * Marks a sending broadcast `sent` once no recipient of it is open; true when it is sent (now or
 * before). Counting reads the whole outbox, so slices of a large campaign leave it to one caller
 * (the last slice, then a periodic check) instead of each paying for it. A triggered campaign is
 * never done: it stays live until cancelled.
 */
export const completeCampaignIfDone = async ({
  campaignId,
  store,
  clock,
}: {
  campaignId: string;
  store: CampaignStore;
  clock: Clock;
}): Promise<boolean> => {
  const campaign = await store.getCampaign(campaignId);
  if (campaign?.status === 'sent') return true;
  if (campaign?.status !== 'sending' || campaign.kind === 'triggered') return false;
  // Pages still freezing will add open records: nothing is done before the last one is frozen.
  if (!campaign.audienceFrozenAt) return false;
  const counts = await store.countSends(campaignId);
  if (OPEN_SEND_STATUSES.some((status) => (counts[status] ?? 0) > 0)) return false;
  try {
    await store.putCampaign(
      transitionCampaignStatus({ campaign, to: 'sent', at: clock() }),
      campaign.version,
    );
  } catch (error) {
    // Another slice or check completed it first.
    if (!(error instanceof ConflictError)) throw error;
  }
  return true;
};
