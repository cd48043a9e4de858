import { z } from 'zod';
import { MarketingConsent } from '../customers/customer-profile';

/** A template value: profile facts, features and segment names arrive as plain scalars. */
export const TemplateValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type TemplateValue = z.infer<typeof TemplateValue>;

/**
 * One customer from the latest complete segmentation run, as the caller hands it to campaigns:
 * only what eligibility and personalisation need. The outbox keeps it frozen as the recipient.
 */
export const RecipientCandidate = z.object({
  customerId: z.string().min(1),
  /** Segments the customer is in, by id. */
  segmentIds: z.array(z.string()),
  profile: z.object({
    email: z.string().optional(),
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    /** IANA time zone name. */
    timeZone: z.string().optional(),
    consent: MarketingConsent.optional(),
  }),
  /** Features and segment attributes available to templates by name, e.g. `rfm_segment`. */
  vars: z.record(z.string(), TemplateValue).optional(),
});
export type RecipientCandidate = z.infer<typeof RecipientCandidate>;
