import { z } from 'zod';
import { InvalidSegmentationConfigError } from './segment-errors';

/** Listed in precedence order: a customer takes the first stage that applies. */
export const LifecycleStage = z.enum([
  'prospect',
  'abandoned_cart',
  'browsed',
  'churned',
  'lapsing',
  'new',
  'loyal',
  'repeat',
  'one_time',
]);
export type LifecycleStage = z.infer<typeof LifecycleStage>;

/** Distinct from the RFM names ("Loyal", "New Customers") so a CSV `segments` cell is unambiguous. */
export const lifecycleStageNames: Readonly<Record<LifecycleStage, string>> = {
  prospect: 'Prospect',
  abandoned_cart: 'Cart abandoner',
  browsed: 'Browsed, never bought',
  churned: 'Churned',
  lapsing: 'Lapsing',
  new: 'New buyer',
  loyal: 'Loyal buyer',
  repeat: 'Repeat buyer',
  one_time: 'One-time buyer',
};

/**
 * Thresholds for the journey stages. `lapsingAfterDays` and `churnedAfterDays` default to multiples
 * of the shop's own median days between orders, because "lapsed" means something very different for
 * a grocer and for a furniture shop.
 */
export const LifecycleConfig = z.object({
  abandonedCartHours: z.number().positive().default(24),
  /** Only a cart left within this many days counts as abandoned; older carts are history. */
  abandonedCartWindowDays: z.number().int().positive().default(14),
  newCustomerDays: z.number().int().positive().default(30),
  loyalMinOrders: z.number().int().min(2).default(4),
  lapsingAfterDays: z.number().int().positive().optional(),
  churnedAfterDays: z.number().int().positive().optional(),
  lapsingMedianMultiple: z.number().positive().default(2),
  churnedMedianMultiple: z.number().positive().default(4),
  /** Used when the shop has no repeat purchases to take a median from. */
  fallbackLapsingDays: z.number().int().positive().default(90),
  fallbackChurnedDays: z.number().int().positive().default(180),
  /** Floors keep same-day repeat buyers from making everybody "lapsing" after a day or two. */
  minLapsingDays: z.number().int().positive().default(14),
  minChurnedDays: z.number().int().positive().default(28),
});
export type LifecycleConfig = z.infer<typeof LifecycleConfig>;

export const parseLifecycleConfig = (input: unknown = {}): LifecycleConfig => {
  const parsed = LifecycleConfig.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidSegmentationConfigError(issue?.message ?? 'invalid', [
      'lifecycleConfig',
      ...((issue?.path ?? []) as (string | number)[]),
    ]);
  }
  return parsed.data;
};
