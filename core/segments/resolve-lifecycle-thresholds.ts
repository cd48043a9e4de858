import type { LifecycleConfig } from './lifecycle-config';

export interface LifecycleThresholds {
  abandonedCartHours: number;
  abandonedCartWindowDays: number;
  newCustomerDays: number;
  loyalMinOrders: number;
  lapsingAfterDays: number;
  churnedAfterDays: number;
  /** The shop-wide median days between consecutive orders the defaults came from, if any. */
  medianDaysBetweenOrders: number | undefined;
  /** Where each threshold came from, in words, for explanations. */
  lapsingBasis: string;
  churnedBasis: string;
}

/**
 * Fixes the journey thresholds for a run.
 * 1. Explicit `lapsingAfterDays` / `churnedAfterDays` win.
 * 2. Otherwise multiples of the shop's median days between orders, raised to the floors.
 * 3. Without repeat purchases (no median), the fallbacks.
 * Churned is kept strictly beyond lapsing so both stages stay reachable.
 */
export const resolveLifecycleThresholds = ({
  config,
  medianDaysBetweenOrders,
}: {
  config: LifecycleConfig;
  medianDaysBetweenOrders: number | undefined;
}): LifecycleThresholds => {
  const resolve = (
    configured: number | undefined,
    multiple: number,
    floor: number,
    fallback: number,
  ): [days: number, basis: string] => {
    if (configured !== undefined) return [configured, 'configured'];
    if (medianDaysBetweenOrders === undefined) {
      return [fallback, 'default: no repeat purchases yet'];
    }
    const days = Math.max(floor, Math.round(multiple * medianDaysBetweenOrders));
    return [days, `${multiple}× the median ${medianDaysBetweenOrders} days between orders`];
  };
  const [lapsing, lapsingBasis] = resolve(
    config.lapsingAfterDays,
    config.lapsingMedianMultiple,
    config.minLapsingDays,
    config.fallbackLapsingDays,
  );
  const [churned, churnedBasis] = resolve(
    config.churnedAfterDays,
    config.churnedMedianMultiple,
    config.minChurnedDays,
    config.fallbackChurnedDays,
  );
  return {
    abandonedCartHours: config.abandonedCartHours,
    abandonedCartWindowDays: config.abandonedCartWindowDays,
    newCustomerDays: config.newCustomerDays,
    loyalMinOrders: config.loyalMinOrders,
    lapsingAfterDays: lapsing,
    churnedAfterDays: Math.max(churned, lapsing + 1),
    medianDaysBetweenOrders,
    lapsingBasis,
    churnedBasis,
  };
};
