import { createHash } from 'node:crypto';

/**
 * Decides whether a customer is held back from a campaign. The hash of campaign and customer is
 * stable across retries and invocations, and independent between campaigns, so the same people
 * are not always the control group.
 */
export const isHeldOut = ({
  campaignId,
  customerId,
  holdoutPercent,
}: {
  campaignId: string;
  customerId: string;
  holdoutPercent: number;
}): boolean => {
  if (holdoutPercent <= 0) return false;
  const digest = createHash('sha256')
    .update(`holdout\u0000${campaignId}\u0000${customerId}`)
    .digest();
  const bucket = digest.readUInt32BE(0) / 0x1_0000_0000;
  return bucket * 100 < holdoutPercent;
};
