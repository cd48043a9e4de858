import { z } from 'zod';
import { UnsubscribeBaseUrl } from '../../core/campaigns/unsubscribe-base-url';
import type { EligibilityPolicy } from '../../core/campaigns/eligibility-policy';
import type { SenderConfig } from '../../core/campaigns/sender-config';

/** Workspace rules for marketing mail, read by the dispatcher (consent) and the senders (cap). */
export const EligibilityEnv = z.object({
  CONSENT_MODEL: z.enum(['opt-in', 'opt-out']).default('opt-in'),
  /** At most this many campaign e-mails per person in any rolling 7 days; no cap when absent. */
  MAX_EMAILS_PER_WEEK: z.coerce.number().int().positive().optional(),
});
export type EligibilityEnv = z.infer<typeof EligibilityEnv>;

export const policyFromEnv = (env: EligibilityEnv): EligibilityPolicy => ({
  consent: env.CONSENT_MODEL,
  ...(env.MAX_EMAILS_PER_WEEK && {
    frequencyCap: { maxMessages: env.MAX_EMAILS_PER_WEEK, windowDays: 7 },
  }),
});

/** Who campaign mail is from and what every message carries; CDK fills these from context. */
export const SenderEnv = z.object({
  SENDER_FROM: z.string().min(3),
  SENDER_REPLY_TO: z.string().optional(),
  SES_CONFIGURATION_SET: z.string().min(1),
  UNSUBSCRIBE_BASE_URL: UnsubscribeBaseUrl,
  UNSUBSCRIBE_MAILBOX: z.email(),
  POSTAL_ADDRESS: z.string().min(1),
  MESSAGE_ID_DOMAIN: z.string().min(1),
});
export type SenderEnv = z.infer<typeof SenderEnv>;

export const senderConfigFromEnv = (env: SenderEnv): SenderConfig => ({
  from: env.SENDER_FROM,
  replyTo: env.SENDER_REPLY_TO,
  configurationSet: env.SES_CONFIGURATION_SET,
  unsubscribeBaseUrl: env.UNSUBSCRIBE_BASE_URL,
  unsubscribeMailbox: env.UNSUBSCRIBE_MAILBOX,
  postalAddress: env.POSTAL_ADDRESS,
  messageIdDomain: env.MESSAGE_ID_DOMAIN,
});
