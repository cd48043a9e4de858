import { describe, expect, it } from 'vitest';
import { InMemoryCampaignWorkQueue } from '../../../adapters/memory/in-memory-campaign-work-queue';
import type { CampaignStatus } from '../../../core/campaigns/campaign';
import type { QueuedCampaignWork } from '../../../core/campaigns/campaign-work-item';
import { deferCampaignWork } from '../../../core/campaigns/defer-campaign-work';
import { campaign, storeWith } from './fixtures';

const later = '2026-03-10T12:16:00.000Z';
const slice = {
  item: { kind: 'send' as const, campaignId: 'cmp-1', outboxIds: ['c-1'] },
  notBefore: later,
};

const deferWhen = async (status: CampaignStatus, entry: QueuedCampaignWork = slice) => {
  const store = await storeWith(campaign({ status }));
  const queue = new InMemoryCampaignWorkQueue();
  const outcome = await deferCampaignWork({ entry, store, queue });
  return { outcome, queued: queue.drain() };
};

describe('deferCampaignWork', () => {
  it('puts a waiting slice of a campaign still sending back on the queue', async () => {
    expect(await deferWhen('sending')).toEqual({ outcome: 'deferred', queued: [slice] });
  });

  it('drops a waiting slice of a campaign already sent or cancelled', async () => {
    expect(await deferWhen('sent')).toEqual({ outcome: 'dropped', queued: [] });
    expect(await deferWhen('cancelled')).toEqual({ outcome: 'dropped', queued: [] });
  });

  it('keeps other waiting work whatever the status, such as a scheduled dispatch', async () => {
    const dispatch = { item: { kind: 'dispatch' as const, campaignId: 'cmp-1' }, notBefore: later };
    expect(await deferWhen('sent', dispatch)).toEqual({ outcome: 'deferred', queued: [dispatch] });
  });
});
