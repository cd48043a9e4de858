import { z } from 'zod';

export const SuppressionReason = z.enum(['unsubscribed', 'hard-bounce', 'complaint', 'erased']);
export type SuppressionReason = z.infer<typeof SuppressionReason>;

/** One address Shoal must never mail again, known only by the hash of its normalised form. */
export const Suppression = z.object({
  /** `suppressionKey(email)`: sha256 hex of the normalised address. */
  emailHash: z.string().regex(/^[0-9a-f]{64}$/),
  reason: SuppressionReason,
  at: z.string(),
  /** What caused it, e.g. the campaign whose message bounced. */
  campaignId: z.string().optional(),
});
export type Suppression = z.infer<typeof Suppression>;
