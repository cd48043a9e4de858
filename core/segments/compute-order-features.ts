import { parseInstant } from './parse-instant';
import type { AttributeValue } from '../customers/customer-profile';
import type { CustomerRecord } from '../ports/customer-store';
import type { CustomerFeatures } from './customer-features';
import type { LocalCalendar } from './local-calendar';
import {
  addToTally,
  createKeyTally,
  recordOfTally,
  topKeyOf,
  totalOfTally,
  type KeyTally,
} from './key-tally';
import { purchaseTraitsOf } from './purchase-traits';
import { NO_COUNTS, NO_VALUES } from './shared-empties';
import { sortSmallNumbers } from './sort-small-numbers';

/** The dataset's per-channel purchase counts, used when orders carry no channel. */
const CHANNEL_PROXIES: readonly (readonly [attribute: string, channel: string])[] = [
  ['NumWebPurchases', 'web'],
  ['NumStorePurchases', 'store'],
  ['NumCatalogPurchases', 'catalog'],
];

/** The order-derived features: all that pass 1 (RFM histograms, gaps, cluster sample) needs. */
export type OrderFeatures = Pick<
  CustomerFeatures,
  | 'frequency'
  | 'cancelledOrders'
  | 'refundedOrders'
  | 'monetary'
  | 'averageOrderValue'
  | 'recencyDays'
  | 'daysSinceFirstOrder'
  | 'tenureDays'
  | 'ordersLast30Days'
  | 'ordersLast90Days'
  | 'ordersLast365Days'
  | 'daysBetweenOrders'
  | 'meanDaysBetweenOrders'
  | 'medianDaysBetweenOrders'
  | 'categoryCounts'
  | 'topCategory'
  | 'channelCounts'
  | 'preferredChannel'
  | 'webShare'
  | 'storeShare'
  | 'catalogShare'
> & {
  firstOrderDay: number | undefined;
  lastOrderDay: number | undefined;
  lastOrderAtMs: number | undefined;
  purchaseSource: CustomerFeatures['purchaseSource'];
};

export const numberOf = (value: AttributeValue | undefined): number | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
};

/** The middle value of already sorted numbers; the mean of the two middle ones for an even count. */
const medianOfSorted = (sorted: readonly number[]): number | undefined => {
  if (sorted.length === 0) return undefined;
  const middle = sorted.length >> 1;
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
};

/** Counts each category once per order, however many of the order's lines carry it. */
const countOrderCategories = (
  lines: CustomerRecord['orders'][number]['lines'],
  tally: KeyTally,
): void => {
  for (let i = 0; i < lines.length; i += 1) {
    const category = lines[i]?.category;
    if (!category) continue;
    let seenInOrder = false;
    for (let j = 0; j < i && !seenInOrder; j += 1) seenInOrder = lines[j]?.category === category;
    if (!seenInOrder) addToTally(tally, category);
  }
};

/**
 * Summarises a customer's orders before the as-of instant.
 * 1. Every order's netRevenue adds to monetary; cancelled and refunded orders stop there.
 * 2. Counted orders (completed, pending) give frequency, dates, windows, categories, channels.
 * 3. Gaps between consecutive counted orders give the mean and median days between orders.
 * 4. Tenure runs from signup or the first order, whichever is earlier.
 * 5. A customer without any orders but with an export's purchase traits (`purchaseTraitsOf`) takes
 *    frequency, monetary and recency from those instead.
 */
export const computeOrderFeatures = ({
  record,
  calendar,
  countCategories = true,
}: {
  record: CustomerRecord;
  calendar: LocalCalendar;
  /** Pass 1 has no use for categories and skips them. */
  countCategories?: boolean;
}): OrderFeatures => {
  const { profile } = record;
  const { asOfDay, asOfMs } = calendar;
  let monetaryCents = 0;
  let cancelledOrders = 0;
  let refundedOrders = 0;
  let lastOrderAtMs: number | undefined;
  let categories: KeyTally | undefined;
  let channels: KeyTally | undefined;
  const orderDays: number[] = [];

  for (const order of record.orders) {
    const ms = parseInstant(order.orderedAt);
    if (!(ms < asOfMs)) continue;
    monetaryCents += Math.round(order.netRevenue * 100);
    if (order.status === 'cancelled' || order.status === 'refunded') {
      if (order.status === 'cancelled') cancelledOrders += 1;
      else refundedOrders += 1;
      continue;
    }
    orderDays.push(calendar.dayOfInstant(ms));
    if (lastOrderAtMs === undefined || ms > lastOrderAtMs) lastOrderAtMs = ms;
    if (order.channel) {
      channels ??= createKeyTally();
      addToTally(channels, order.channel.trim().toLowerCase());
    }
    if (countCategories && order.lines.length > 0) {
      categories ??= createKeyTally();
      countOrderCategories(order.lines, categories);
    }
  }

  if (!channels) {
    for (const [attribute, channel] of CHANNEL_PROXIES) {
      const count = numberOf(profile.attributes[attribute]);
      if (count === undefined || count <= 0) continue;
      channels ??= createKeyTally();
      addToTally(channels, channel, count);
    }
  }

  sortSmallNumbers(orderDays);
  const frequency = orderDays.length;
  const firstOrderDay = orderDays[0];
  const lastOrderDay = orderDays[frequency - 1];
  let ordersLast30Days = 0;
  let ordersLast90Days = 0;
  let ordersLast365Days = 0;
  const daysBetweenOrders: number[] = frequency > 1 ? [] : NO_VALUES;
  let gapSum = 0;
  for (let i = 0; i < frequency; i += 1) {
    const day = orderDays[i] ?? 0;
    const age = asOfDay - day;
    if (age <= 30) ordersLast30Days += 1;
    if (age <= 90) ordersLast90Days += 1;
    if (age <= 365) ordersLast365Days += 1;
    if (i > 0) {
      const gap = day - (orderDays[i - 1] ?? day);
      daysBetweenOrders.push(gap);
      gapSum += gap;
    }
  }
  const sortedGaps =
    daysBetweenOrders.length > 1 ? sortSmallNumbers([...daysBetweenOrders]) : daysBetweenOrders;

  const signupDay = profile.signupAt ? calendar.dayOfValue(profile.signupAt) : Number.NaN;
  const knownSignupDay = signupDay < asOfDay ? signupDay : undefined;
  const startDay =
    knownSignupDay === undefined
      ? firstOrderDay
      : firstOrderDay === undefined
        ? knownSignupDay
        : Math.min(knownSignupDay, firstOrderDay);
  const channelTotal = channels ? totalOfTally(channels) : 0;
  const channelCounts = channels && recordOfTally(channels);
  const traits = record.orders.length === 0 ? purchaseTraitsOf(profile.attributes) : undefined;
  const counted = traits?.frequency ?? frequency;
  const monetary = traits?.monetary ?? monetaryCents / 100;
  const recencyDays =
    traits?.recencyDays ?? (lastOrderDay === undefined ? undefined : asOfDay - lastOrderDay);

  return {
    frequency: counted,
    cancelledOrders,
    refundedOrders,
    monetary,
    averageOrderValue: counted > 0 ? Math.round((monetary / counted) * 100) / 100 : undefined,
    recencyDays,
    daysSinceFirstOrder: firstOrderDay === undefined ? undefined : asOfDay - firstOrderDay,
    tenureDays: startDay === undefined ? undefined : asOfDay - startDay,
    ordersLast30Days,
    ordersLast90Days,
    ordersLast365Days,
    daysBetweenOrders,
    meanDaysBetweenOrders:
      daysBetweenOrders.length > 0 ? gapSum / daysBetweenOrders.length : undefined,
    medianDaysBetweenOrders: medianOfSorted(sortedGaps),
    categoryCounts:
      categories && categories.keys.length > 0 ? recordOfTally(categories) : NO_COUNTS,
    topCategory: categories && topKeyOf(categories),
    channelCounts: channelCounts ?? NO_COUNTS,
    preferredChannel: channels && topKeyOf(channels),
    webShare: channelTotal > 0 ? (channelCounts?.web ?? 0) / channelTotal : 0,
    storeShare: channelTotal > 0 ? (channelCounts?.store ?? 0) / channelTotal : 0,
    catalogShare: channelTotal > 0 ? (channelCounts?.catalog ?? 0) / channelTotal : 0,
    firstOrderDay,
    lastOrderDay,
    lastOrderAtMs,
    purchaseSource: traits ? 'traits' : frequency > 0 ? 'orders' : 'none',
  };
};
