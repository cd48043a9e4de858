import { createHash } from 'node:crypto';

/**
 * The deterministic identity of the one message an outbox record stands for: a broadcast's to one
 * customer, a triggered campaign's to one customer for one segment entry. Written to the
 * outbox before the mailer is called and carried in the message headers, so a send whose outcome
 * was lost in a crash can be looked up afterwards instead of being sent again.
 */
export const sendIdFor = ({
  campaignId,
  customerId,
  entry,
}: {
  campaignId: string;
  customerId: string;
  entry?: string;
}): string =>
  createHash('sha256')
    // Without an entry the input is what it was before triggered sends had entries, so the send
    // ids of records written then still reconcile.
    .update(
      `send\u0000${campaignId}\u0000${customerId}${entry === undefined ? '' : `\u0000${entry}`}`,
    )
    .digest('hex')
    .slice(0, 32);
