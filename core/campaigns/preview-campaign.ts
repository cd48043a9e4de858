import type { Clock } from '../shared/clock';
import type { Campaign } from './campaign';
import { compileCampaignContent } from './campaign-template';
import { composeCampaignMessage } from './compose-campaign-message';
import type { RecipientCandidate } from './recipient-candidate';
import { renderForRecipient } from './render-for-recipient';
import type { SenderConfig } from './sender-config';
import { sendIdFor } from './send-id';
import type { UnsubscribeKeys } from './unsubscribe-token';

export interface CampaignPreview {
  subject: string;
  preheader?: string;
  html: string;
  text: string;
  /** The full MIME message exactly as the send would build it. */
  raw: Uint8Array;
}

/**
 * Shows a marketer what one customer would receive.
 * 1. Render the templates with the customer's profile and features; the unsubscribe link is
 *    real but inert, so pressing it in a preview unsubscribes nobody.
 * 2. Compose the message the send would produce, footer and headers included.
 */
export const previewCampaign = async ({
  campaign,
  recipient,
  sender,
  keys,
  clock,
}: {
  campaign: Campaign;
  recipient: RecipientCandidate;
  sender: SenderConfig;
  keys: UnsubscribeKeys;
  clock: Clock;
}): Promise<CampaignPreview> => {
  const now = clock();
  const { rendered, links } = renderForRecipient({
    campaign,
    compiled: compileCampaignContent(campaign.content),
    recipient,
    inert: true,
    sender,
    keys,
    now,
  });
  const raw = await composeCampaignMessage({
    to: recipient.profile.email ?? 'preview@example.invalid',
    rendered,
    sender,
    links,
    campaignId: campaign.campaignId,
    sendId: sendIdFor({ campaignId: campaign.campaignId, customerId: recipient.customerId }),
    date: now,
  });
  return { ...rendered, raw };
};
