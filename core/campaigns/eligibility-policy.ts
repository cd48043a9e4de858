import { z } from 'zod';
import { FrequencyCap } from './frequency-cap';

/**
 * Workspace-wide rules for marketing mail. `opt-in` mails only people who granted consent (GDPR
 * style); `opt-out` mails everyone who has not denied it (CAN-SPAM style).
 */
export const EligibilityPolicy = z.object({
  consent: z.enum(['opt-in', 'opt-out']),
  frequencyCap: FrequencyCap.optional(),
});
export type EligibilityPolicy = z.infer<typeof EligibilityPolicy>;
