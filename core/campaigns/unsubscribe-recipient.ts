import type { Clock } from '../shared/clock';
import { NotFoundError } from '../shared/errors';
import type { CampaignStore } from '../ports/campaign-store';
import { outboxIdOf } from './outbox-id';
import { type UnsubscribeKeys, verifyUnsubscribeToken } from './unsubscribe-token';

/**
 * Handles a one-click POST, a footer link or a mailto unsubscribe, any number of times.
 * 1. Verify the token (InvalidUnsubscribeTokenError for anything not genuine).
 * 2. Find the recipient's outbox record for the address hash (NotFoundError if there is none,
 *    e.g. a token from a preview).
 * 3. Suppress the hash and count the unsubscribe once for the campaign's results.
 */
export const unsubscribeRecipient = async ({
  token,
  keys,
  store,
  clock,
  maxAgeSeconds,
}: {
  token: string;
  keys: UnsubscribeKeys;
  store: CampaignStore;
  clock: Clock;
  maxAgeSeconds?: number;
}): Promise<{ campaignId: string; customerId: string }> => {
  const now = clock();
  const { campaignId, customerId, entry } = verifyUnsubscribeToken({
    token,
    keys,
    now,
    maxAgeSeconds,
  });
  const send = await store.getSend(campaignId, outboxIdOf({ customerId, entry }));
  if (!send?.emailHash) {
    throw new NotFoundError('no message of this campaign went to this customer', {
      campaignId,
      customerId,
    });
  }
  const at = now.toISOString();
  await store.addSuppression({ emailHash: send.emailHash, reason: 'unsubscribed', at, campaignId });
  await store.recordDeliveryEventOnce({
    messageId: send.messageId ?? `send:${send.sendId ?? customerId}`,
    type: 'unsubscribe',
    campaignId,
    customerId,
    at,
  });
  return { campaignId, customerId };
};
