import type { Mailer } from '../ports/mailer';

/**
 * The mailer as one of `share` concurrent senders sees it: each paces at its part of the
 * account's maximum send rate, so together they keep to the rate instead of tripping SES's
 * throttling and backing off.
 */
export const shareSendRate = (mailer: Mailer, share: number): Mailer => ({
  sendRaw: (message) => mailer.sendRaw(message),
  getSendQuota: async () => {
    const quota = await mailer.getSendQuota();
    return { ...quota, maxSendRatePerSecond: quota.maxSendRatePerSecond / Math.max(share, 1) };
  },
});
