import { describe, expect, it } from 'vitest';
import { InMemoryCampaignWorkQueue } from '../../../adapters/memory/in-memory-campaign-work-queue';
import { freezeCampaignAudience } from '../../../core/campaigns/freeze-campaign-audience';
import type { SendCampaignConfig } from '../../../core/campaigns/send-campaign';
import { sendCampaignBatch } from '../../../core/campaigns/send-campaign-batch';
import { shareSendRate } from '../../../core/campaigns/share-send-rate';
import { campaign, candidate, FakeMailer, keys, manualClock, sender, storeWith } from './fixtures';

const config: SendCampaignConfig = { sender, policy: { consent: 'opt-in' }, unsubscribeKeys: keys };
const ids = ['c-1', 'c-2', 'c-3', 'c-4'];

const setUp = async (mailer: FakeMailer) => {
  const time = manualClock('2026-03-10T12:00:00.000Z');
  const store = await storeWith(campaign());
  await freezeCampaignAudience({
    campaignId: 'cmp-1',
    candidates: ids.map((id) => candidate(id)),
    policy: config.policy,
    store,
    clock: time.clock,
  });
  const queue = new InMemoryCampaignWorkQueue();
  const send = (outboxIds: string[], last?: true) =>
    sendCampaignBatch({
      campaignId: 'cmp-1',
      outboxIds,
      last,
      store,
      mailer,
      clock: time.clock,
      sleep: time.sleep,
      config,
      queue,
    });
  return { store, queue, send };
};

describe('sendCampaignBatch', () => {
  it('mails only its slice and queues nothing when the slice is done', async () => {
    const mailer = new FakeMailer();
    const { queue, send } = await setUp(mailer);

    const result = await send(['c-1', 'c-2']);

    expect(result).toMatchObject({ status: 'completed', sent: 2 });
    expect(mailer.accepted.map((a) => a.to)).toEqual(['c-1@example.com', 'c-2@example.com']);
    expect(queue.drain()).toEqual([]);
  });

  it('leaves the campaign sending after a slice that is not the last', async () => {
    const { store, send } = await setUp(new FakeMailer());

    await send(ids);

    expect((await store.getCampaign('cmp-1'))?.status).toBe('sending');
  });

  it('completes the campaign after the last slice when nobody else is open', async () => {
    const { store, queue, send } = await setUp(new FakeMailer());

    await send(ids, true);

    expect((await store.getCampaign('cmp-1'))?.status).toBe('sent');
    expect(queue.drain()).toEqual([]);
  });

  it('starts the completion checks when a duplicate delivery holds some of the last slice', async () => {
    const { store, queue, send } = await setUp(new FakeMailer());
    await store.transition('cmp-1', 'c-4', 'pending', 'sending', {
      claimedAt: '2026-03-10T12:00:00.000Z',
    });

    const result = await send(ids, true);

    expect(result).toMatchObject({ status: 'in-progress', sent: 3 });
    expect(
      queue
        .drain()
        .map((work) => work.item.kind)
        .sort(),
    ).toEqual(['complete', 'send']);
  });

  it('checks again later when the last slice finishes before another one', async () => {
    const { store, queue, send } = await setUp(new FakeMailer());

    await send(['c-3', 'c-4'], true);

    expect((await store.getCampaign('cmp-1'))?.status).toBe('sending');
    expect(queue.drain()).toEqual([
      { item: { kind: 'complete', campaignId: 'cmp-1' }, notBefore: expect.any(String) },
    ]);
  });

  it('queues the slice again for later when the daily quota runs out in the middle', async () => {
    // Used up after two messages, for every message in flight, as SES does.
    const mailer: FakeMailer = new FakeMailer(() =>
      mailer.accepted.length >= 2
        ? { ok: false, failure: { kind: 'daily-quota-exceeded' } }
        : undefined,
    );
    const { store, queue, send } = await setUp(mailer);

    const result = await send(ids);

    expect(result).toMatchObject({ status: 'quota-exhausted', sent: 2 });
    expect(result.requeuedFor).toBeDefined();
    expect(queue.drain()).toEqual([
      {
        item: { kind: 'send', campaignId: 'cmp-1', outboxIds: ids },
        notBefore: result.requeuedFor,
      },
    ]);
    expect(await store.countSends('cmp-1')).toEqual({ sent: 2, pending: 2 });
  });
});

describe('shareSendRate', () => {
  it('gives each of the concurrent senders its part of the send rate', async () => {
    const quota = await shareSendRate(new FakeMailer(), 4).getSendQuota();

    expect(quota.maxSendRatePerSecond).toBe(3.5);
  });
});
