import { ConflictError } from '../shared/errors';
import type { Campaign, CampaignStatus } from './campaign';

const allowed: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ['scheduled', 'cancelled'],
  scheduled: ['draft', 'sending', 'cancelled'],
  sending: ['sent', 'paused', 'cancelled'],
  paused: ['sending', 'cancelled'],
  sent: [],
  cancelled: [],
};

/**
 * Returns the campaign in its new status, stamped with the time of the change.
 * Throws ConflictError for a move the lifecycle forbids (e.g. resuming a sent campaign).
 */
export const transitionCampaignStatus = ({
  campaign,
  to,
  at,
  reason,
}: {
  campaign: Campaign;
  to: CampaignStatus;
  at: Date;
  reason?: string;
}): Campaign => {
  if (!allowed[campaign.status].includes(to)) {
    throw new ConflictError(
      `campaign ${campaign.campaignId} cannot go from ${campaign.status} to ${to}`,
      {
        campaignId: campaign.campaignId,
        from: campaign.status,
        to,
      },
    );
  }
  const iso = at.toISOString();
  return {
    ...campaign,
    status: to,
    pausedReason: to === 'paused' ? reason : undefined,
    startedAt: to === 'sending' ? (campaign.startedAt ?? iso) : campaign.startedAt,
    completedAt: to === 'sent' || to === 'cancelled' ? iso : campaign.completedAt,
    updatedAt: iso,
  };
};
