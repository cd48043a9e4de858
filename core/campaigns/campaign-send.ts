import { z } from 'zod';
import { RecipientCandidate } from './recipient-candidate';

/**
 * Where one recipient of a campaign stands. `pending → sending → sent` is the happy path;
 * `sending` is written before the mailer is called, so a crash leaves evidence instead of a gap.
 * `unknown` means a send may or may not have happened and Shoal refuses to risk a duplicate.
 */
export const SendStatus = z.enum([
  'pending',
  'sending',
  'sent',
  'held_out',
  'suppressed',
  'ineligible',
  'postponed',
  'failed',
  'unknown',
]);
export type SendStatus = z.infer<typeof SendStatus>;

/**
 * One record of the outbox: (campaign, customer) for a broadcast, (campaign, customer, entry) for
 * a triggered campaign (see outboxIdOf).
 */
export const CampaignSend = z.object({
  campaignId: z.string(),
  customerId: z.string(),
  /** A triggered send: the instant the customer entered the segment this message answers. */
  entry: z.string().optional(),
  status: SendStatus,
  /** The recipient as resolved when the audience was frozen. */
  recipient: RecipientCandidate,
  /** Hash of the normalised address, kept so bounces and complaints suppress without the address. */
  emailHash: z.string().optional(),
  /** Why the record is not (yet) sent: an eligibility, postponement or failure reason. */
  reason: z.string().optional(),
  /** A postponed record is due at this instant. */
  notBefore: z.string().optional(),
  /** Idempotency marker written with the claim; the message carries it as Message-ID and X-Shoal-Send-Id. */
  sendId: z.string().optional(),
  claimedAt: z.string().optional(),
  /** SES MessageId once the mailer accepted the message. */
  messageId: z.string().optional(),
  sentAt: z.string().optional(),
  attempts: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CampaignSend = z.infer<typeof CampaignSend>;

/** Fields a transition may change; the store sets `status` and `updatedAt` itself. */
export type CampaignSendPatch = Partial<
  Pick<
    CampaignSend,
    'reason' | 'notBefore' | 'sendId' | 'claimedAt' | 'messageId' | 'sentAt' | 'attempts'
  >
>;
