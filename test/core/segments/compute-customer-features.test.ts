import { describe, expect, it } from 'vitest';
import { computeCustomerFeatures } from '../../../core/segments/compute-customer-features';
import { createLocalCalendar } from '../../../core/segments/local-calendar';
import { customer } from './customer-fixtures';

const berlin = createLocalCalendar({ asOf: '2026-11-01', timeZone: 'Europe/Berlin' });

describe('computeCustomerFeatures', () => {
  it('returns recency 1 for an order at 23:30 local time on the day before the as-of date', () => {
    // 22:30 UTC on 31 October is 23:30 in Berlin (CET, after the clocks went back on 25 October).
    const record = customer({ id: 'c1', orders: [{ at: '2026-10-31T22:30:00Z' }] });

    const features = computeCustomerFeatures({ record, calendar: berlin });

    expect(features.recencyDays).toBe(1);
    expect(features.lastOrderDate).toBe('2026-10-31');
  });

  it('ignores an order placed after local midnight of the as-of date', () => {
    // 23:30 UTC on 31 October is already 00:30 on 1 November in Berlin.
    const record = customer({ id: 'c1', orders: [{ at: '2026-10-31T23:30:00Z' }] });

    const features = computeCustomerFeatures({ record, calendar: berlin });

    expect(features.frequency).toBe(0);
    expect(features.recencyDays).toBeUndefined();
  });

  it('returns monetary without cancelled orders and does not count them as orders', () => {
    const record = customer({
      id: 'c1',
      orders: [
        { at: '2026-10-01T10:00:00Z', revenue: 40 },
        { at: '2026-10-20T10:00:00Z', revenue: 500, status: 'cancelled' },
      ],
    });

    const features = computeCustomerFeatures({ record, calendar: berlin });

    expect(features.monetary).toBe(40);
    expect(features.frequency).toBe(1);
    expect(features.cancelledOrders).toBe(1);
    expect(features.recencyDays).toBe(31);
  });

  it('returns frequency, averages, windows and gaps from counted orders', () => {
    const record = customer({
      id: 'c1',
      profile: { signupAt: '2025-01-01T12:00:00Z' },
      orders: [
        { at: '2025-11-05T10:00:00Z', revenue: 30 },
        { at: '2026-08-03T10:00:00Z', revenue: 20.5 },
        { at: '2026-10-02T10:00:00Z', revenue: 10 },
        { at: '2026-10-22T10:00:00Z', revenue: 19.5 },
      ],
    });

    const features = computeCustomerFeatures({ record, calendar: berlin });

    expect(features).toMatchObject({
      frequency: 4,
      monetary: 80,
      averageOrderValue: 20,
      recencyDays: 10,
      firstOrderDate: '2025-11-05',
      daysSinceFirstOrder: 361,
      tenureDays: 669,
      ordersLast30Days: 2,
      ordersLast90Days: 3,
      ordersLast365Days: 4,
      daysBetweenOrders: [271, 60, 20],
      meanDaysBetweenOrders: 117,
      medianDaysBetweenOrders: 60,
    });
  });

  it('returns category and channel counts and the preferred channel', () => {
    const record = customer({
      id: 'c1',
      orders: [
        { at: '2026-10-01T10:00:00Z', channel: 'Web', categories: ['wine', 'wine', 'cheese'] },
        { at: '2026-10-02T10:00:00Z', channel: 'web', categories: ['wine'] },
        { at: '2026-10-03T10:00:00Z', channel: 'store' },
      ],
    });

    const features = computeCustomerFeatures({ record, calendar: berlin });

    expect(features.categoryCounts).toEqual({ wine: 2, cheese: 1 });
    expect(features.topCategory).toBe('wine');
    expect(features.channelCounts).toEqual({ web: 2, store: 1 });
    expect(features.preferredChannel).toBe('web');
    expect(features.webShare).toBeCloseTo(2 / 3);
  });

  it("returns the preferred channel from the dataset's purchase counts when orders have none", () => {
    const record = customer({
      id: 'c1',
      profile: { attributes: { NumWebPurchases: 2, NumStorePurchases: 9, NumCatalogPurchases: 1 } },
    });

    const features = computeCustomerFeatures({ record, calendar: berlin });

    expect(features.preferredChannel).toBe('store');
    expect(features.storeShare).toBeCloseTo(0.75);
  });

  it('returns event counts per type and window', () => {
    const record = customer({
      id: 'c1',
      events: [
        { type: 'added_to_cart', at: '2026-10-30T10:00:00Z' },
        { type: 'added_to_cart', at: '2026-10-10T10:00:00Z' },
        { type: 'page_viewed', at: '2026-06-01T10:00:00Z' },
      ],
    });

    const features = computeCustomerFeatures({ record, calendar: berlin });

    expect(features.eventCounts).toEqual({
      added_to_cart: { total: 2, last7Days: 1, last30Days: 2, last90Days: 2 },
      page_viewed: { total: 1, last7Days: 0, last30Days: 0, last90Days: 0 },
    });
    expect(features.lastEventDate).toBe('2026-10-30');
  });

  it('returns age, bands, household, climate and season from the profile', () => {
    const record = customer({
      id: 'c1',
      profile: {
        birthYear: 1990,
        income: 82_000,
        country: 'US',
        region: 'US-MN',
        consent: { state: 'granted' },
        attributes: { Kidhome: 1, Teenhome: 1 },
      },
    });

    const features = computeCustomerFeatures({ record, calendar: berlin });

    expect(features).toMatchObject({
      age: 36,
      ageBand: '35-44',
      incomeBand: '75k-100k',
      children: 2,
      hemisphere: 'northern',
      climateZone: 'cold',
      season: 'autumn',
      consentState: 'granted',
    });
  });

  it('returns summer in the southern hemisphere in January', () => {
    const calendar = createLocalCalendar({ asOf: '2027-01-15', timeZone: 'Australia/Sydney' });
    const record = customer({
      id: 'c1',
      profile: { country: 'AU', region: 'QLD', birthDate: '2000-01-16' },
    });

    const features = computeCustomerFeatures({ record, calendar });

    expect(features).toMatchObject({
      season: 'summer',
      climateZone: 'tropical',
      age: 26,
      ageBand: '25-34',
    });
  });

  it('returns no age for an implausible birth year', () => {
    const record = customer({ id: 'c1', profile: { birthYear: 1893 } });

    expect(computeCustomerFeatures({ record, calendar: berlin }).age).toBeUndefined();
  });
});

describe('computeCustomerFeatures with purchase traits', () => {
  it("returns frequency, monetary and recency from the export's traits when there are no orders", () => {
    const record = customer({
      id: 'c1',
      profile: {
        attributes: {
          Recency: 58,
          NumWebPurchases: 8,
          NumCatalogPurchases: 10,
          NumStorePurchases: 4,
          NumDealsPurchases: 3,
          MntWines: 635,
          MntFruits: 88,
          MntMeatProducts: 546,
          MntFishProducts: 172,
          MntSweetProducts: 88,
          MntGoldProds: 88,
        },
      },
    });

    const features = computeCustomerFeatures({ record, calendar: berlin });

    expect(features).toMatchObject({
      purchaseSource: 'traits',
      frequency: 22,
      monetary: 1617,
      recencyDays: 58,
      averageOrderValue: 73.5,
      preferredChannel: 'catalog',
    });
  });

  it('returns features from orders, not traits, once the customer has orders', () => {
    const record = customer({
      id: 'c1',
      orders: [{ at: '2026-10-01T10:00:00Z', revenue: 5, status: 'cancelled' }],
      profile: { attributes: { Recency: 58, NumWebPurchases: 8 } },
    });

    expect(computeCustomerFeatures({ record, calendar: berlin })).toMatchObject({
      purchaseSource: 'none',
      frequency: 0,
      recencyDays: undefined,
    });
  });
});
