import { parseInstant } from './parse-instant';
import type { CustomerRecord } from '../ports/customer-store';
import { lookUpClimate, seasonOf } from './climate-table';
import { computeOrderFeatures, numberOf } from './compute-order-features';
import type { CustomerFeatures, EventWindowCounts } from './customer-features';
import { ageBandOf, ageFrom, incomeBandOf } from './demographic-bands';
import { formatDay, type LocalCalendar } from './local-calendar';
import { NO_COUNTS, NO_VALUES } from './shared-empties';

const childrenFrom = (record: CustomerRecord): number | undefined => {
  const { children, attributes } = record.profile;
  if (children !== undefined) return children;
  const kids = numberOf(attributes.Kidhome);
  const teens = numberOf(attributes.Teenhome);
  return kids === undefined && teens === undefined ? undefined : (kids ?? 0) + (teens ?? 0);
};

/**
 * Derives one customer's features as of the calendar's date.
 * 1. Orders, through `computeOrderFeatures`.
 * 2. Events before the as-of instant: counts by type and window, latest cart and purchase.
 * 3. Profile: age and income bands, household, geography with climate and season, consent.
 */
export const computeCustomerFeatures = ({
  record,
  calendar,
}: {
  record: CustomerRecord;
  calendar: LocalCalendar;
}): CustomerFeatures => {
  const { profile } = record;
  const { asOfDay, asOfMs } = calendar;
  const orders = computeOrderFeatures({ record, calendar });

  let eventCounts: Record<string, EventWindowCounts> | undefined;
  let lastEventMs: number | undefined;
  let lastCartAtMs: number | undefined;
  let lastPurchaseAtMs = orders.lastOrderAtMs;
  for (const event of record.events) {
    const ms = parseInstant(event.at);
    if (!(ms < asOfMs)) continue;
    const age = asOfDay - calendar.dayOfInstant(ms);
    eventCounts ??= {};
    const counts = (eventCounts[event.type] ??= {
      total: 0,
      last7Days: 0,
      last30Days: 0,
      last90Days: 0,
    });
    counts.total += 1;
    if (age <= 7) counts.last7Days += 1;
    if (age <= 30) counts.last30Days += 1;
    if (age <= 90) counts.last90Days += 1;
    if (lastEventMs === undefined || ms > lastEventMs) lastEventMs = ms;
    if (event.type === 'added_to_cart' && (lastCartAtMs === undefined || ms > lastCartAtMs)) {
      lastCartAtMs = ms;
    }
    if (event.type === 'purchased' && (lastPurchaseAtMs === undefined || ms > lastPurchaseAtMs)) {
      lastPurchaseAtMs = ms;
    }
  }

  const age = ageFrom({
    birthDate: profile.birthDate,
    birthYear: profile.birthYear,
    asOf: calendar.asOf,
  });
  const income = profile.income ?? numberOf(profile.attributes.Income);
  const climate = lookUpClimate({ country: profile.country, region: profile.region });

  return {
    customerId: profile.customerId,
    purchaseSource: orders.purchaseSource,
    frequency: orders.frequency,
    cancelledOrders: orders.cancelledOrders,
    refundedOrders: orders.refundedOrders,
    monetary: orders.monetary,
    averageOrderValue: orders.averageOrderValue,
    recencyDays: orders.recencyDays,
    firstOrderDate:
      orders.firstOrderDay === undefined ? undefined : formatDay(orders.firstOrderDay),
    lastOrderDate: orders.lastOrderDay === undefined ? undefined : formatDay(orders.lastOrderDay),
    daysSinceFirstOrder: orders.daysSinceFirstOrder,
    tenureDays: orders.tenureDays,
    ordersLast30Days: orders.ordersLast30Days,
    ordersLast90Days: orders.ordersLast90Days,
    ordersLast365Days: orders.ordersLast365Days,
    daysBetweenOrders: orders.daysBetweenOrders,
    meanDaysBetweenOrders: orders.meanDaysBetweenOrders,
    medianDaysBetweenOrders: orders.medianDaysBetweenOrders,
    categoryCounts: orders.categoryCounts,
    topCategory: orders.topCategory,
    channelCounts: orders.channelCounts,
    preferredChannel: orders.preferredChannel,
    webShare: orders.webShare,
    storeShare: orders.storeShare,
    catalogShare: orders.catalogShare,
    eventCounts: eventCounts ?? NO_COUNTS,
    lastEventDate:
      lastEventMs === undefined ? undefined : formatDay(calendar.dayOfInstant(lastEventMs)),
    lastCartAtMs,
    lastPurchaseAtMs,
    age,
    ageBand: ageBandOf(age),
    income,
    incomeBand: incomeBandOf(income),
    householdSize: profile.householdSize,
    children: childrenFrom(record),
    country: profile.country,
    region: profile.region,
    city: profile.city,
    hemisphere: climate?.hemisphere,
    climateZone: climate?.climateZone,
    season: climate
      ? seasonOf({ hemisphere: climate.hemisphere, month: calendar.asOfMonth })
      : undefined,
    consentState: profile.consent?.state ?? 'unknown',
    tags: profile.tags ?? NO_VALUES,
    attributes: profile.attributes,
  };
};
