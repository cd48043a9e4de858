import type { Campaign } from './campaign';
import {
  type CompiledContent,
  type RenderedContent,
  renderCampaignContent,
} from './campaign-template';
import { type UnsubscribeLinks, unsubscribeLinks } from './compose-campaign-message';
import type { RecipientCandidate } from './recipient-candidate';
import type { SenderConfig } from './sender-config';
import { recipientTemplateContext } from './template-variables';
import { type UnsubscribeKeys, signUnsubscribeToken } from './unsubscribe-token';

/**
 * The prefix of the customer id an inert token carries. No outbox record, profile or message map
 * entry has such an id, so the link in a preview or test message opens the real confirmation page
 * but unsubscribes nobody, least of all the customer whose data it shows: a colleague clicking it
 * must not opt a real customer out.
 */
export const INERT_TOKEN_CUSTOMER_PREFIX = 'test-send:';

/** Signs the recipient's unsubscribe token and renders the templates with it in the context. */
export const renderForRecipient = ({
  campaign,
  compiled,
  recipient,
  entry,
  inert = false,
  sender,
  keys,
  now,
}: {
  campaign: Campaign;
  compiled: CompiledContent;
  recipient: RecipientCandidate;
  /** The segment entry a triggered send answers, so its unsubscribe finds that very record. */
  entry?: string;
  /** A preview or test message: its unsubscribe link must unsubscribe nobody. */
  inert?: boolean;
  sender: SenderConfig;
  keys: UnsubscribeKeys;
  now: Date;
}): { rendered: RenderedContent; links: UnsubscribeLinks } => {
  const token = signUnsubscribeToken({
    payload: {
      campaignId: campaign.campaignId,
      customerId: inert
        ? `${INERT_TOKEN_CUSTOMER_PREFIX}${recipient.customerId}`
        : recipient.customerId,
      entry,
      issuedAt: Math.floor(now.getTime() / 1000),
    },
    keys,
  });
  const links = unsubscribeLinks({ sender, token });
  const context = recipientTemplateContext({
    candidate: recipient,
    known: campaign.variables,
    unsubscribeUrl: links.url,
  });
  return { rendered: renderCampaignContent({ compiled, context }), links };
};
