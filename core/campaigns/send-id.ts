import { createHash } from 'node:crypto';

/**
 * The deterministic identity of the one message a campaign sends to one customer. Written to the
 * outbox before the mailer is called and carried in the message headers, so a send whose outcome
 * was lost in a crash can be looked up afterwards instead of being sent again.
 */
export const sendIdFor = ({
  campaignId,
  customerId,
}: {
  campaignId: string;
  customerId: string;
}): string =>
  createHash('sha256')
    .update(`send\u0000${campaignId}\u0000${customerId}`)
    .digest('hex')
    .slice(0, 32);
