import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../core/ports/customer-store';
import { assignLifecycleStage } from '../../../core/segments/assign-lifecycle-stage';
import { computeCustomerFeatures } from '../../../core/segments/compute-customer-features';
import { parseLifecycleConfig } from '../../../core/segments/lifecycle-config';
import { createLocalCalendar } from '../../../core/segments/local-calendar';
import { resolveLifecycleThresholds } from '../../../core/segments/resolve-lifecycle-thresholds';
import { InvalidSegmentationConfigError } from '../../../core/segments/segment-errors';
import { customer } from './customer-fixtures';

const calendar = createLocalCalendar({ asOf: '2026-11-01', timeZone: 'UTC' });
// A shop whose customers reorder every 20 days: lapsing after 40 days, churned after 80.
const thresholds = resolveLifecycleThresholds({
  config: parseLifecycleConfig(),
  medianDaysBetweenOrders: 20,
});

const stageOf = (record: CustomerRecord) =>
  assignLifecycleStage({
    features: computeCustomerFeatures({ record, calendar }),
    thresholds,
    calendar,
  });

const daysAgo = (days: number, hour = 12) =>
  new Date(Date.UTC(2026, 10, 1 - days, hour)).toISOString();

describe('resolveLifecycleThresholds', () => {
  it('returns lapsing at 2× and churned at 4× the median days between orders', () => {
    expect(thresholds).toMatchObject({
      lapsingAfterDays: 40,
      churnedAfterDays: 80,
      lapsingBasis: '2× the median 20 days between orders',
    });
  });

  it('returns the fallbacks when the shop has no repeat purchases', () => {
    const resolved = resolveLifecycleThresholds({
      config: parseLifecycleConfig(),
      medianDaysBetweenOrders: undefined,
    });

    expect(resolved).toMatchObject({ lapsingAfterDays: 90, churnedAfterDays: 180 });
  });

  it('returns the floors when customers reorder within days', () => {
    const resolved = resolveLifecycleThresholds({
      config: parseLifecycleConfig(),
      medianDaysBetweenOrders: 1,
    });

    expect(resolved).toMatchObject({ lapsingAfterDays: 14, churnedAfterDays: 28 });
  });

  it('returns configured thresholds over derived ones', () => {
    const config = parseLifecycleConfig({ lapsingAfterDays: 60, churnedAfterDays: 365 });

    expect(resolveLifecycleThresholds({ config, medianDaysBetweenOrders: 20 })).toMatchObject({
      lapsingAfterDays: 60,
      churnedAfterDays: 365,
      churnedBasis: 'configured',
    });
  });

  it('throws naming the bad setting', () => {
    expect(() => parseLifecycleConfig({ abandonedCartHours: -1 })).toThrow(
      InvalidSegmentationConfigError,
    );
    expect(() => parseLifecycleConfig({ abandonedCartHours: -1 })).toThrow(
      /lifecycleConfig\.abandonedCartHours/,
    );
  });
});

describe('assignLifecycleStage', () => {
  it('returns prospect for a customer with no orders and no events', () => {
    expect(stageOf(customer({ id: 'p' })).stage).toBe('prospect');
  });

  it('returns browsed for a customer with events but no orders', () => {
    expect(
      stageOf(customer({ id: 'b', events: [{ type: 'page_viewed', at: daysAgo(3) }] })).stage,
    ).toBe('browsed');
  });

  it('returns abandoned cart when a cart was left more than 24 hours ago without a purchase', () => {
    const assignment = stageOf(
      customer({ id: 'a', events: [{ type: 'added_to_cart', at: daysAgo(2, 10) }] }),
    );

    expect(assignment).toEqual({
      stage: 'abandoned_cart',
      reason: ['added to cart 38 hours ago with no purchase since (≥ 24 hours)'],
    });
  });

  it('returns browsed while the cart is younger than the allowed hours', () => {
    expect(
      stageOf(customer({ id: 'a', events: [{ type: 'added_to_cart', at: daysAgo(1, 12) }] })).stage,
    ).toBe('browsed');
  });

  it('returns not abandoned when an order followed the cart', () => {
    const record = customer({
      id: 'a',
      events: [{ type: 'added_to_cart', at: daysAgo(5, 10) }],
      orders: [{ at: daysAgo(5, 11) }],
    });

    expect(stageOf(record).stage).toBe('new');
  });

  it('returns new for a first order within 30 days', () => {
    expect(stageOf(customer({ id: 'n', orders: [{ at: daysAgo(10) }] })).reason).toEqual([
      'first order 10 days ago ≤ 30',
    ]);
  });

  it('returns one-time buyer for a single older order that has not lapsed', () => {
    expect(stageOf(customer({ id: 'o', orders: [{ at: daysAgo(35) }] })).stage).toBe('one_time');
  });

  it('returns repeat for two to three orders', () => {
    expect(
      stageOf(customer({ id: 'r', orders: [{ at: daysAgo(60) }, { at: daysAgo(20) }] })).stage,
    ).toBe('repeat');
  });

  it('returns loyal from four orders', () => {
    const orders = [90, 70, 50, 5].map((days) => ({ at: daysAgo(days) }));

    expect(stageOf(customer({ id: 'l', orders })).reason).toEqual(['4 orders ≥ 4']);
  });

  it('returns lapsing after 2× the median gap', () => {
    expect(
      stageOf(customer({ id: 'l', orders: [{ at: daysAgo(100) }, { at: daysAgo(41) }] })),
    ).toEqual({
      stage: 'lapsing',
      reason: ['recency 41 days > 40 (2× the median 20 days between orders)'],
    });
  });

  it('returns churned after 4× the median gap', () => {
    expect(stageOf(customer({ id: 'c', orders: [{ at: daysAgo(81) }] })).stage).toBe('churned');
  });
});
