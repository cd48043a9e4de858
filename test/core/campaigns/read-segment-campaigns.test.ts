import { describe, expect, it, vi } from 'vitest';
import { InMemoryCampaignStore } from '../../../adapters/memory/in-memory-campaign-store';
import { InMemoryCustomerStore } from '../../../adapters/memory/in-memory-customer-store';
import { readSegmentCampaigns } from '../../../core/campaigns/read-segment-campaigns';
import type { Campaign } from '../../../core/campaigns/campaign';
import type { CampaignSend } from '../../../core/campaigns/campaign-send';
import type { SegmentStore } from '../../../core/ports/segment-store';
import type { SegmentDefinition } from '../../../core/segments';
import { NotFoundError } from '../../../core/shared/errors';
import { campaign, candidate } from './fixtures';

const AT = '2026-03-10T12:00:00.000Z';

/** No run yet; only stored rule definitions make up the catalog. */
const segmentsWith = (definitions: SegmentDefinition[]): SegmentStore =>
  ({
    getCurrentRunId: async () => undefined,
    listDefinitions: async () => definitions,
  }) as unknown as SegmentStore;

const send = (
  campaignId: string,
  customerId: string,
  status: CampaignSend['status'],
): CampaignSend => ({
  campaignId,
  customerId,
  status,
  recipient: candidate(customerId),
  attempts: 1,
  createdAt: AT,
  updatedAt: AT,
  ...(status === 'sent' && { sentAt: AT, messageId: `m-${campaignId}-${customerId}` }),
});

const setUp = async (
  entries: { record: Campaign; sends: CampaignSend[] }[],
): Promise<{ campaigns: InMemoryCampaignStore; customers: InMemoryCustomerStore }> => {
  const campaigns = new InMemoryCampaignStore();
  const customers = new InMemoryCustomerStore();
  for (const { record, sends } of entries) {
    await campaigns.putCampaign(record);
    for (const one of sends) await campaigns.createSendIfAbsent(one);
  }
  const ids = [...new Set(entries.flatMap((e) => e.sends.map((s) => s.customerId)))];
  await customers.saveProfiles(
    ids.map((customerId) => ({
      customerId,
      email: `${customerId}@example.com`,
      consent: { state: 'granted' },
      attributes: {},
      sourceTimes: {},
      createdAt: AT,
      updatedAt: AT,
      version: 1,
    })),
  );
  await customers.saveOrders([
    {
      orderId: 'o-1',
      customerId: 'c1',
      orderedAt: '2026-03-11T09:00:00Z',
      total: 40.1,
      netRevenue: 40.1,
      status: 'completed',
      lines: [],
    },
  ]);
  return { campaigns, customers };
};

const vip = { segmentIds: ['seg-vip'], excludedSegmentIds: [] };

describe('readSegmentCampaigns', () => {
  it('lists the campaigns that included or excluded the segment, newest first, with results and totals', async () => {
    const { campaigns, customers } = await setUp([
      {
        record: campaign({ campaignId: 'older', status: 'sent', startedAt: AT, audience: vip }),
        sends: [send('older', 'c2', 'sent'), send('older', 'c5', 'sent')],
      },
      {
        record: campaign({
          campaignId: 'newer',
          status: 'sent',
          holdoutPercent: 10,
          startedAt: '2026-03-10T13:00:00.000Z',
          audience: { segmentIds: ['seg-vip', 'seg-new'], excludedSegmentIds: [] },
        }),
        sends: [send('newer', 'c1', 'sent'), send('newer', 'c3', 'held_out')],
      },
      {
        record: campaign({
          campaignId: 'excluding',
          status: 'sent',
          startedAt: '2026-03-09T00:00:00.000Z',
          audience: { segmentIds: ['seg-other'], excludedSegmentIds: ['seg-vip'] },
        }),
        sends: [send('excluding', 'c4', 'sent')],
      },
      {
        record: campaign({ campaignId: 'draft', status: 'draft', audience: vip }),
        sends: [],
      },
      {
        record: campaign({
          campaignId: 'elsewhere',
          status: 'sent',
          startedAt: AT,
          audience: { segmentIds: ['seg-other'], excludedSegmentIds: [] },
        }),
        sends: [send('elsewhere', 'c9', 'sent')],
      },
    ]);

    const read = await readSegmentCampaigns({
      segmentId: 'seg-vip',
      segments: segmentsWith([]),
      campaigns,
      customers,
    });

    expect(read.campaigns.map((c) => [c.campaignId, c.role])).toEqual([
      ['newer', 'included'],
      ['older', 'included'],
      ['excluding', 'excluded'],
      ['draft', 'included'],
    ]);
    const [newer, older, , draft] = read.campaigns;
    expect(older?.results).toMatchObject({ audience: 2, sent: 2, conversions: 0, revenue: 0 });
    expect(older?.results?.uplift).toBeUndefined();
    expect(newer?.results).toMatchObject({ sent: 1, conversions: 1, orders: 1, revenue: 40.1 });
    expect(newer?.results?.uplift?.conversionRatePoints).toBe(100);
    expect(draft?.results).toBeUndefined();
    expect(read.totals).toEqual({
      campaignsSent: 2,
      messagesSent: 3,
      conversions: 1,
      revenue: 40.1,
    });
  });

  it('reads each recipient once however many campaigns mailed them', async () => {
    const { campaigns, customers } = await setUp(
      ['a', 'b', 'c'].map((id) => ({
        record: campaign({ campaignId: id, status: 'sent', startedAt: AT, audience: vip }),
        sends: [send(id, 'c1', 'sent'), send(id, 'c2', 'sent')],
      })),
    );
    const reads = vi.spyOn(customers, 'getCustomer');

    const read = await readSegmentCampaigns({
      segmentId: 'seg-vip',
      segments: segmentsWith([]),
      campaigns,
      customers,
    });

    expect(read.totals.messagesSent).toBe(6);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('answers a known segment without campaigns with empty totals', async () => {
    const { campaigns, customers } = await setUp([]);
    const read = await readSegmentCampaigns({
      segmentId: 'seg-fresh',
      segments: segmentsWith([
        { id: 'seg-fresh', name: 'Fresh', rule: { type: 'segment', segmentId: 'rfm:champions' } },
      ]),
      campaigns,
      customers,
    });
    expect(read).toMatchObject({
      campaigns: [],
      totals: { campaignsSent: 0, messagesSent: 0, conversions: 0, revenue: 0 },
    });
  });

  it('throws NotFoundError for a segment neither the catalog nor any campaign names', async () => {
    const { campaigns, customers } = await setUp([]);
    await expect(
      readSegmentCampaigns({
        segmentId: 'seg-nope',
        segments: segmentsWith([]),
        campaigns,
        customers,
      }),
    ).rejects.toThrow(NotFoundError);
  });
});
