import { z } from 'zod';
import { AttributeValue } from '../customers/customer-profile';

/** One event as a storefront sends it; the customer is named by the shop's id or by e-mail. */
export const TrackedEvent = z
  .object({
    customerId: z.string().trim().min(1).max(256).optional(),
    email: z.string().trim().min(3).max(320).optional(),
    /** Any name; `Add to cart`, `addToCart` and `added_to_cart` are the same event. */
    type: z.string().trim().min(1).max(64),
    at: z.iso.datetime({ offset: true }),
    /** The storefront's own id for the event: sending it again is then harmless. */
    eventId: z.string().min(1).max(256).optional(),
    properties: z.record(z.string(), AttributeValue).default({}),
  })
  .refine((event) => event.customerId !== undefined || event.email !== undefined, {
    message: 'give customerId or email',
    path: ['customerId'],
  });
export type TrackedEvent = z.infer<typeof TrackedEvent>;

export const MAX_TRACKED_EVENTS = 100;
