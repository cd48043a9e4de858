import type { CustomerFeatures } from './customer-features';
import type { LifecycleStage } from './lifecycle-config';
import type { LocalCalendar } from './local-calendar';
import type { LifecycleThresholds } from './resolve-lifecycle-thresholds';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface LifecycleAssignment {
  stage: LifecycleStage;
  reason: string[];
}

const isCartAbandoned = (
  features: CustomerFeatures,
  thresholds: LifecycleThresholds,
  calendar: LocalCalendar,
): boolean => {
  const { lastCartAtMs, lastPurchaseAtMs } = features;
  if (lastCartAtMs === undefined) return false;
  const boughtSince = lastPurchaseAtMs !== undefined && lastPurchaseAtMs >= lastCartAtMs;
  const waitedLongEnough =
    lastCartAtMs + thresholds.abandonedCartHours * HOUR_MS <= calendar.asOfMs;
  const recentEnough =
    calendar.asOfMs - lastCartAtMs <= thresholds.abandonedCartWindowDays * DAY_MS;
  return !boughtSince && waitedLongEnough && recentEnough;
};

/**
 * Puts the customer in exactly one journey stage; the first that applies wins:
 * prospect (no orders, no events) → abandoned cart (latest cart, within the window, not followed by
 * a purchase after the allowed hours; even for past buyers, because it is the most actionable) →
 * browsed (events, never bought) → churned → lapsing → new (first order within `newCustomerDays`)
 * → loyal (≥ `loyalMinOrders`) → repeat (≥ 2 orders) → one-time buyer.
 */
export const assignLifecycleStage = ({
  features,
  thresholds,
  calendar,
}: {
  features: CustomerFeatures;
  thresholds: LifecycleThresholds;
  calendar: LocalCalendar;
}): LifecycleAssignment => {
  const { frequency, recencyDays, daysSinceFirstOrder } = features;
  let hasEvents = false;
  for (const _type in features.eventCounts) {
    hasEvents = true;
    break;
  }
  if (frequency === 0 && !hasEvents) {
    return { stage: 'prospect', reason: ['no orders and no events yet'] };
  }
  if (isCartAbandoned(features, thresholds, calendar)) {
    const hours = Math.floor((calendar.asOfMs - (features.lastCartAtMs ?? 0)) / HOUR_MS);
    return {
      stage: 'abandoned_cart',
      reason: [
        `added to cart ${hours} hours ago with no purchase since (≥ ${thresholds.abandonedCartHours} hours)`,
      ],
    };
  }
  if (frequency === 0 || recencyDays === undefined) {
    return { stage: 'browsed', reason: ['has events but no orders'] };
  }
  if (recencyDays > thresholds.churnedAfterDays) {
    return {
      stage: 'churned',
      reason: [
        `recency ${recencyDays} days > ${thresholds.churnedAfterDays} (${thresholds.churnedBasis})`,
      ],
    };
  }
  if (recencyDays > thresholds.lapsingAfterDays) {
    return {
      stage: 'lapsing',
      reason: [
        `recency ${recencyDays} days > ${thresholds.lapsingAfterDays} (${thresholds.lapsingBasis})`,
      ],
    };
  }
  if (daysSinceFirstOrder !== undefined && daysSinceFirstOrder <= thresholds.newCustomerDays) {
    return {
      stage: 'new',
      reason: [`first order ${daysSinceFirstOrder} days ago ≤ ${thresholds.newCustomerDays}`],
    };
  }
  if (frequency >= thresholds.loyalMinOrders) {
    return { stage: 'loyal', reason: [`${frequency} orders ≥ ${thresholds.loyalMinOrders}`] };
  }
  if (frequency >= 2) return { stage: 'repeat', reason: [`${frequency} orders`] };
  return { stage: 'one_time', reason: [`1 order, ${recencyDays} days ago`] };
};
