import { describe, expect, it } from 'vitest';
import { InMemoryCampaignWorkQueue } from '../../../adapters/memory/in-memory-campaign-work-queue';
import { SEND_BATCH_SIZE } from '../../../core/campaigns/campaign-work-item';
import { dispatchCampaign } from '../../../core/campaigns/dispatch-campaign';
import type { RecipientCandidate } from '../../../core/campaigns/recipient-candidate';
import { campaign, candidate, manualClock, storeWith } from './fixtures';

const now = '2026-03-10T12:00:00.000Z';
const people = (count: number) =>
  Array.from({ length: count }, (_, i) => candidate(`c-${String(i).padStart(4, '0')}`));

const dispatch = async ({
  store,
  candidates,
}: {
  store: Awaited<ReturnType<typeof storeWith>>;
  candidates: RecipientCandidate[];
}) => {
  const queue = new InMemoryCampaignWorkQueue();
  const result = await dispatchCampaign({
    campaignId: 'cmp-1',
    loadCandidates: async () => candidates,
    policy: { consent: 'opt-in' },
    store,
    queue,
    clock: manualClock(now).clock,
  });
  return { result, queued: queue.drain() };
};

describe('dispatchCampaign', () => {
  it('freezes the audience and queues its eligible recipients in send batches', async () => {
    const store = await storeWith(campaign());
    const candidates = [
      ...people(SEND_BATCH_SIZE + 20),
      candidate('no-consent', { profile: { email: 'x@example.com' } }),
    ];

    const { result, queued } = await dispatch({ store, candidates });

    expect(result).toMatchObject({
      outcome: 'dispatched',
      batches: 2,
      frozen: { audience: SEND_BATCH_SIZE + 21, pending: SEND_BATCH_SIZE + 20, ineligible: 1 },
    });
    const customerIds = queued.flatMap((w) => (w.item.kind === 'send' ? w.item.outboxIds : []));
    expect(queued.map((w) => w.item.kind === 'send' && w.item.outboxIds.length)).toEqual([
      SEND_BATCH_SIZE,
      20,
    ]);
    expect(new Set(customerIds).size).toBe(SEND_BATCH_SIZE + 20);
    expect(customerIds).not.toContain('no-consent');
    // Only the last slice starts the checks that read the whole outbox.
    expect(queued.map((w) => w.item.kind === 'send' && w.item.last)).toEqual([undefined, true]);
  });

  it('completes at once a campaign with nobody to mail', async () => {
    const store = await storeWith(campaign());

    const { result, queued } = await dispatch({
      store,
      candidates: [candidate('no-consent', { profile: { email: 'x@example.com' } })],
    });

    expect(result).toMatchObject({ outcome: 'dispatched', batches: 0 });
    expect(queued).toEqual([]);
    expect((await store.getCampaign('cmp-1'))?.status).toBe('sent');
  });

  it('queues only the open recipients when dispatched again, and never refreezes', async () => {
    const store = await storeWith(campaign());
    await dispatch({ store, candidates: people(5) });
    await store.transition('cmp-1', 'c-0000', 'pending', 'sending', {});
    await store.transition('cmp-1', 'c-0000', 'sending', 'sent', { messageId: 'm-1' });

    const { result, queued } = await dispatch({ store, candidates: people(50) });

    expect(result).toMatchObject({ outcome: 'dispatched', frozen: { audience: 5 }, batches: 1 });
    expect(queued[0]?.item).toEqual({
      kind: 'send',
      campaignId: 'cmp-1',
      outboxIds: ['c-0001', 'c-0002', 'c-0003', 'c-0004'],
      last: true,
    });
  });

  it('queues the dispatch again for its time when the campaign is not due yet', async () => {
    const later = '2026-03-11T09:00:00.000Z';
    const store = await storeWith(campaign({ scheduledAt: later }));

    const { result, queued } = await dispatch({ store, candidates: people(3) });

    expect(result).toEqual({ outcome: 'not-due', notBefore: later });
    expect(queued).toEqual([{ item: { kind: 'dispatch', campaignId: 'cmp-1' }, notBefore: later }]);
    expect((await store.getCampaign('cmp-1'))?.audienceFrozenAt).toBeUndefined();
  });

  it('makes a triggered campaign live with an empty audience and starts its one watch', async () => {
    const store = await storeWith(campaign({ kind: 'triggered' }));

    const { result, queued } = await dispatch({ store, candidates: people(3) });
    const again = await dispatch({ store, candidates: people(3) });

    expect(result).toMatchObject({ outcome: 'dispatched', batches: 0, frozen: { audience: 0 } });
    expect(queued).toEqual([{ item: { kind: 'watch', campaignId: 'cmp-1' } }]);
    expect((await store.getCampaign('cmp-1'))?.status).toBe('sending');
    expect(again.queued).toEqual([]);
  });

  it('skips a cancelled campaign', async () => {
    const store = await storeWith(campaign({ status: 'cancelled' }));

    const { result, queued } = await dispatch({ store, candidates: people(3) });

    expect(result).toEqual({ outcome: 'skipped', status: 'cancelled' });
    expect(queued).toEqual([]);
  });
});
