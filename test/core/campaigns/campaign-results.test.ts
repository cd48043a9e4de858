import { describe, expect, it } from 'vitest';
import { computeCampaignResults } from '../../../core/campaigns/campaign-results';
import type { CampaignSend } from '../../../core/campaigns/campaign-send';
import { emptyDeliveryCounts } from '../../../core/campaigns/delivery-event';
import type { Order } from '../../../core/customers/order';
import { campaign, candidate } from './fixtures';

const sentAt = '2026-03-10T12:00:00.000Z';
const record = (
  customerId: string,
  status: CampaignSend['status'],
  extra: Partial<CampaignSend> = {},
): CampaignSend => ({
  campaignId: 'cmp-1',
  customerId,
  status,
  recipient: candidate(customerId),
  attempts: 0,
  createdAt: sentAt,
  updatedAt: sentAt,
  ...(status === 'sent' ? { sentAt, messageId: `m-${customerId}` } : {}),
  ...extra,
});

const order = (
  customerId: string,
  orderedAt: string,
  netRevenue: number,
  status: Order['status'] = 'completed',
): Order => ({
  orderId: `${customerId}-${orderedAt}`,
  customerId,
  orderedAt,
  total: netRevenue,
  netRevenue,
  status,
  lines: [],
});

describe('computeCampaignResults', () => {
  const sends = [
    ...Array.from({ length: 10 }, (_, i) => record(`t-${i}`, 'sent')),
    ...Array.from({ length: 5 }, (_, i) => record(`h-${i}`, 'held_out')),
    record('p-1', 'postponed', { reason: 'frequency-cap' }),
    record('p-2', 'postponed', { reason: 'quiet-hours' }),
    record('s-1', 'suppressed', { reason: 'unsubscribed' }),
    record('i-1', 'ineligible', { reason: 'no-consent' }),
  ];
  const orders = new Map<string, Order[]>([
    ['t-0', [order('t-0', '2026-03-11T10:00:00Z', 50), order('t-0', '2026-03-12T10:00:00Z', 30)]],
    ['t-1', [order('t-1', '2026-03-16T11:59:59Z', 20)]],
    ['t-2', [order('t-2', '2026-03-17T12:00:00Z', 999)]], // just outside 7 days
    ['t-3', [order('t-3', '2026-03-09T12:00:00Z', 999)]], // before the send
    ['t-4', [order('t-4', '2026-03-11T12:00:00Z', 999, 'cancelled')]],
    ['h-0', [order('h-0', '2026-03-11T12:00:00Z', 40)]],
  ]);
  const results = computeCampaignResults({
    campaign: campaign({ startedAt: sentAt }),
    sends,
    counts: { ...emptyDeliveryCounts(), delivery: 9, bounce: 1, open: 6, click: 3, unsubscribe: 1 },
    ordersByCustomer: orders,
  });

  it('returns the funnel from audience to clicks', () => {
    expect(results).toMatchObject({
      audience: 19,
      eligible: 17,
      heldOut: 5,
      postponed: { total: 2, frequencyCap: 1, quietHours: 1 },
      sent: 10,
      delivered: 9,
      bounced: 1,
      opened: 6,
      clicked: 3,
      unsubscribed: 1,
    });
  });

  it('attributes completed orders within the window after the send', () => {
    expect(results.treatment).toMatchObject({
      recipients: 10,
      converted: 2,
      orders: 3,
      revenue: 100,
      conversionRate: 0.2,
    });
    expect(results.holdout).toMatchObject({
      recipients: 5,
      converted: 1,
      orders: 1,
      revenue: 40,
      conversionRate: 0.2,
    });
  });

  it('returns uplift against the holdout', () => {
    expect(results.uplift.conversionRatePoints).toBeCloseTo(0);
    expect(results.uplift.revenuePerRecipient).toBeCloseTo(10 - 8);
    expect(results.uplift.incrementalRevenue).toBeCloseTo(20);
  });

  it('widens attribution with a longer window', () => {
    const longer = computeCampaignResults({
      campaign: campaign({ startedAt: sentAt }),
      sends,
      counts: emptyDeliveryCounts(),
      ordersByCustomer: orders,
      attributionWindowDays: 8,
    });
    expect(longer.treatment.converted).toBe(3);
    expect(longer.uplift.relativeConversion).toBeCloseTo(0.5);
  });
});
