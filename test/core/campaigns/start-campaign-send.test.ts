import { describe, expect, it } from 'vitest';
import { InMemoryCampaignWorkQueue } from '../../../adapters/memory/in-memory-campaign-work-queue';
import { startCampaignSend } from '../../../core/campaigns/start-campaign-send';
import { ConflictError } from '../../../core/shared/errors';
import { campaign, manualClock, storeWith } from './fixtures';

const now = '2026-03-10T12:00:00.000Z';

describe('startCampaignSend', () => {
  it('schedules a draft for now and queues its dispatch', async () => {
    // Prepare
    const store = await storeWith(campaign({ status: 'draft' }));
    const queue = new InMemoryCampaignWorkQueue();

    // Act
    const started = await startCampaignSend({
      campaignId: 'cmp-1',
      store,
      queue,
      clock: manualClock(now).clock,
    });

    // Assess
    expect(started).toMatchObject({ status: 'scheduled', scheduledAt: now });
    expect(queue.drain()).toEqual([
      { item: { kind: 'dispatch', campaignId: 'cmp-1' }, notBefore: now },
    ]);
  });

  it('queues the dispatch of a campaign scheduled for later not before its time', async () => {
    const store = await storeWith(campaign({ status: 'draft' }));
    const queue = new InMemoryCampaignWorkQueue();
    const at = '2026-03-12T08:00:00.000Z';

    const started = await startCampaignSend({
      campaignId: 'cmp-1',
      at,
      store,
      queue,
      clock: manualClock(now).clock,
    });

    expect(started).toMatchObject({ status: 'scheduled', scheduledAt: at });
    expect(queue.drain()).toEqual([
      { item: { kind: 'dispatch', campaignId: 'cmp-1' }, notBefore: at },
    ]);
  });

  it('resumes a paused campaign by dispatching its open recipients again', async () => {
    const store = await storeWith(
      campaign({ status: 'paused', audienceFrozenAt: now, pausedReason: 'bounce rate' }),
    );
    const queue = new InMemoryCampaignWorkQueue();

    const started = await startCampaignSend({
      campaignId: 'cmp-1',
      store,
      queue,
      clock: manualClock(now).clock,
    });

    expect(started.status).toBe('sending');
    expect(queue.drain()).toEqual([{ item: { kind: 'dispatch', campaignId: 'cmp-1' } }]);
  });

  it('refuses a campaign that was already sent', async () => {
    const store = await storeWith(campaign({ status: 'sent' }));

    await expect(
      startCampaignSend({
        campaignId: 'cmp-1',
        store,
        queue: new InMemoryCampaignWorkQueue(),
        clock: manualClock(now).clock,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
