import type { Clock } from '../shared/clock';
import { ConflictError } from '../shared/errors';
import type { CampaignStore } from '../ports/campaign-store';
import { transitionCampaignStatus } from './campaign-status-transition';
import type { DeliveryEventType } from './delivery-event';
import {
  defaultReputationThresholds,
  type ReputationThresholds,
  reputationBreach,
} from './reputation-thresholds';
import { outboxIdOf } from './outbox-id';
import { parseSesNotification } from './ses-notification';
import type { SuppressionReason } from './suppression';

export type RecordDeliveryEventResult =
  | { outcome: 'ignored'; messageId: string }
  | { outcome: 'unknown-message'; messageId: string }
  | {
      outcome: 'recorded' | 'duplicate';
      messageId: string;
      type: DeliveryEventType;
      campaignId: string;
      customerId: string;
      /** Set when this event made the campaign pause. */
      pausedReason?: string;
    };

const suppressing: Partial<Record<DeliveryEventType, SuppressionReason>> = {
  bounce: 'hard-bounce',
  complaint: 'complaint',
};

/**
 * Records one SES notification (delivered through SNS) against the campaign that sent it.
 * 1. Parse and normalise; event types Shoal does not count are ignored.
 * 2. Resolve the MessageId to (campaign, customer) through the message map, never through the
 *    address, which complaints may redact.
 * 3. Hard bounces and complaints suppress the recipient's address hash, before the event is
 *    recorded so a crash in between cannot lose the suppression (suppressing is idempotent).
 * 4. Record the event once per (MessageId, type): duplicates and out-of-order arrivals count once.
 * 5. After a first-time bounce or complaint, pause the campaign if its rates break the thresholds.
 */
export const recordDeliveryEvent = async ({
  notification,
  store,
  clock,
  thresholds = defaultReputationThresholds,
}: {
  notification: unknown;
  store: CampaignStore;
  clock: Clock;
  thresholds?: ReputationThresholds;
}): Promise<RecordDeliveryEventResult> => {
  const event = parseSesNotification(notification);
  const { messageId, type } = event;
  if (!type) return { outcome: 'ignored', messageId };
  const ref = await store.findMessage(messageId);
  if (!ref) return { outcome: 'unknown-message', messageId };
  const { campaignId, customerId } = ref;

  const reason = suppressing[type];
  if (reason) {
    const send = await store.getSend(campaignId, outboxIdOf(ref));
    if (send?.emailHash) {
      await store.addSuppression({ emailHash: send.emailHash, reason, at: event.at, campaignId });
    }
  }
  const first = await store.recordDeliveryEventOnce({
    messageId,
    type,
    campaignId,
    customerId,
    at: event.at,
  });
  if (!first) return { outcome: 'duplicate', messageId, type, campaignId, customerId };
  const pausedReason = reason
    ? await pauseOnBreach({ campaignId, store, clock, thresholds })
    : undefined;
  return { outcome: 'recorded', messageId, type, campaignId, customerId, pausedReason };
};

const pauseOnBreach = async ({
  campaignId,
  store,
  clock,
  thresholds,
}: {
  campaignId: string;
  store: CampaignStore;
  clock: Clock;
  thresholds: ReputationThresholds;
}): Promise<string | undefined> => {
  const [counts, sends] = await Promise.all([
    store.getDeliveryCounts(campaignId),
    store.countSends(campaignId),
  ]);
  const breach = reputationBreach({
    sent: sends.sent ?? 0,
    bounced: counts.bounce,
    complained: counts.complaint,
    thresholds,
  });
  if (!breach) return undefined;
  // A lost race re-reads: another event may have paused the campaign already, which is fine.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const campaign = await store.getCampaign(campaignId);
    if (campaign?.status !== 'sending') return undefined;
    const paused = transitionCampaignStatus({
      campaign,
      to: 'paused',
      at: clock(),
      reason: breach,
    });
    try {
      await store.putCampaign(paused, campaign.version);
      return breach;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return undefined;
};
