import { z } from 'zod';

/** Event types Shoal's built-in journeys understand; any other snake_case type is kept as is. */
export const KnownEventType = z.enum([
  'page_viewed',
  'product_viewed',
  'added_to_cart',
  'checkout_started',
  'purchased',
  'support_contacted',
  'email_opened',
  'email_clicked',
]);
export type KnownEventType = z.infer<typeof KnownEventType>;

export const CustomerEvent = z.object({
  customerId: z.string(),
  /** snake_case, e.g. `added_to_cart`. */
  type: z.string(),
  /** ISO-8601 instant. */
  at: z.string(),
  /** The source's own id for the event, when it has one; part of the de-duplication key. */
  eventId: z.string().optional(),
  properties: z.record(z.string(), z.unknown()),
});
export type CustomerEvent = z.infer<typeof CustomerEvent>;
