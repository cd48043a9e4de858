import type { Mailer, SendFailure } from '../ports/mailer';
import type { Clock } from '../shared/clock';
import { RateLimitedError, ValidationError } from '../shared/errors';
import type { Campaign } from './campaign';
import { compileCampaignContent } from './campaign-template';
import { composeCampaignMessage } from './compose-campaign-message';
import type { RecipientCandidate } from './recipient-candidate';
import { INERT_TOKEN_CUSTOMER_PREFIX, renderForRecipient } from './render-for-recipient';
import type { SenderConfig } from './sender-config';
import { sendIdFor } from './send-id';
import { sampleTemplateContext, standardVariables } from './template-variables';
import type { UnsubscribeKeys } from './unsubscribe-token';

export const TEST_SUBJECT_PREFIX = '[Test] ';

/**
 * A made-up recipient for a test without a customer: obviously fake names and the sample value
 * of every campaign variable, so the templates render the way validation rendered them.
 */
export const sampleRecipient = (campaign: Campaign): RecipientCandidate => ({
  customerId: 'sample',
  segmentIds: campaign.audience.segmentIds,
  profile: { email: 'sample.customer@example.com', firstName: 'Sample', lastName: 'Customer' },
  vars: Object.fromEntries(
    Object.entries(sampleTemplateContext(campaign.variables)).filter(
      ([name]) => !(name in standardVariables),
    ),
  ),
});

/**
 * Mails a campaign as one customer would receive it to a few colleagues' addresses.
 * 1. Render once for the customer with an inert unsubscribe token (see
 *    INERT_TOKEN_CUSTOMER_PREFIX), and prefix the subject with "[Test] ".
 * 2. Compose one message per address with its own send id, so neither the real send's
 *    Message-ID nor its reconciliation can be confused with a test, and inboxes that drop
 *    repeated Message-IDs still show a second test.
 * 3. Send them through the campaign mailer one by one. Nothing is written to the campaign store:
 *    no outbox record, no message map entry (so SES events for a test are not counted) and no
 *    send history (so frequency caps ignore it).
 * A refusal names the address's index; throttling or a spent quota is a 429.
 */
export const testSendCampaign = async ({
  campaign,
  recipient,
  to,
  sender,
  keys,
  mailer,
  clock,
}: {
  campaign: Campaign;
  recipient: RecipientCandidate;
  to: string[];
  sender: SenderConfig;
  keys: UnsubscribeKeys;
  mailer: Mailer;
  clock: Clock;
}): Promise<{ sent: { to: string; messageId: string }[] }> => {
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
  const content = { ...rendered, subject: `${TEST_SUBJECT_PREFIX}${rendered.subject}` };
  const sent: { to: string; messageId: string }[] = [];
  for (const [index, address] of to.entries()) {
    const raw = await composeCampaignMessage({
      to: address,
      rendered: content,
      sender,
      links,
      campaignId: campaign.campaignId,
      sendId: sendIdFor({
        campaignId: campaign.campaignId,
        customerId: `${INERT_TOKEN_CUSTOMER_PREFIX}${recipient.customerId}\u0000${now.toISOString()}\u0000${index}`,
      }),
      date: now,
    });
    const result = await mailer.sendRaw({ from: sender.from, to: [address], raw });
    if (!result.ok) throw refusal({ failure: result.failure, index, sent });
    sent.push({ to: address, messageId: result.messageId });
  }
  return { sent };
};

const refusal = ({
  failure,
  index,
  sent,
}: {
  failure: SendFailure;
  index: number;
  sent: { to: string; messageId: string }[];
}) =>
  failure.kind === 'rejected'
    ? new ValidationError(`the mailer refused to: ${failure.message}`, ['to', index], { sent })
    : new RateLimitedError(
        failure.kind === 'throttled'
          ? 'the mailer is sending as fast as it may; try again in a moment'
          : 'the mailer’s daily quota is spent',
        failure.kind === 'throttled' ? 1 : 3600,
      );
