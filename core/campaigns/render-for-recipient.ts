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

/** Signs the recipient's unsubscribe token and renders the templates with it in the context. */
export const renderForRecipient = ({
  campaign,
  compiled,
  recipient,
  entry,
  sender,
  keys,
  now,
}: {
  campaign: Campaign;
  compiled: CompiledContent;
  recipient: RecipientCandidate;
  /** The segment entry a triggered send answers, so its unsubscribe finds that very record. */
  entry?: string;
  sender: SenderConfig;
  keys: UnsubscribeKeys;
  now: Date;
}): { rendered: RenderedContent; links: UnsubscribeLinks } => {
  const token = signUnsubscribeToken({
    payload: {
      campaignId: campaign.campaignId,
      customerId: recipient.customerId,
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
