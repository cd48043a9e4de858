import { describe, expect, it } from 'vitest';
import { InMemoryCampaignWorkQueue } from '../../../adapters/memory/in-memory-campaign-work-queue';
import { dispatchCampaign } from '../../../core/campaigns/dispatch-campaign';
import { freezeAudiencePage } from '../../../core/campaigns/freeze-audience-page';
import type { RecipientCandidate } from '../../../core/campaigns/recipient-candidate';
import type { CustomerStore } from '../../../core/ports/customer-store';
import type { SegmentStore } from '../../../core/ports/segment-store';
import type { CustomerFeatures } from '../../../core/segments';
import { campaign, candidate, manualClock, storeWith } from './fixtures';

const now = '2026-03-10T12:00:00.000Z';
const people = (count: number) =>
  Array.from({ length: count }, (_, i) => candidate(`c-${String(i).padStart(4, '0')}`));

/**
 * The reads a paged freeze makes, over one run whose members are the candidates, in the order
 * given: member pages by position, summaries and profiles from the candidates.
 */
const runOf = (candidates: RecipientCandidate[]) => {
  const byId = new Map(candidates.map((c) => [c.customerId, c]));
  const segments = {
    getCurrentRunId: async () => 'run-2026-03-10',
    listMemberIdsPage: async (
      _runId: string,
      segmentId: string,
      { cursor, limit }: { cursor?: string; limit: number },
    ) => {
      const ids = candidates
        .filter((c) => c.segmentIds.includes(segmentId))
        .map((c) => c.customerId);
      const start = cursor ? ids.indexOf(cursor) + 1 : 0;
      const items = ids.slice(start, start + limit);
      return { items, ...(start + limit < ids.length && { cursor: items.at(-1) }) };
    },
    getCustomerSegments: async (runId: string, ids: string[]) =>
      new Map(
        ids.flatMap((customerId) => {
          const c = byId.get(customerId);
          if (!c) return [];
          const memberships = c.segmentIds.map((segmentId) => ({
            segmentId,
            segmentName: segmentId,
            kind: 'rule',
            reason: [],
            since: '2026-03-01',
          }));
          const features = { customerId } as CustomerFeatures;
          return [[customerId, { customerId, runId, asOf: '2026-03-10', memberships, features }]];
        }),
      ),
  } as unknown as SegmentStore;
  const customers = {
    getProfiles: async (ids: string[]) =>
      new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!.profile]] : []))),
  } as unknown as CustomerStore;
  return { segments, customers };
};

const dispatch = async ({
  store,
  candidates,
  pageSize,
}: {
  store: Awaited<ReturnType<typeof storeWith>>;
  candidates: RecipientCandidate[];
  pageSize?: number;
}) => {
  const queue = new InMemoryCampaignWorkQueue();
  const run = runOf(candidates);
  const deps = { ...run, policy: { consent: 'opt-in' as const }, store, queue, clock };
  const result = await dispatchCampaign({ campaignId: 'cmp-1', ...deps, pageSize });
  return { result, queued: queue.drain(), deps };
};

const clock = manualClock(now).clock;

describe('dispatchCampaign', () => {
  it('freezes the audience page by page, each page queuing its slices and the next page', async () => {
    const store = await storeWith(campaign());
    const candidates = [
      ...people(120),
      candidate('no-consent', { profile: { email: 'x@example.com' } }),
    ];

    const { result, queued, deps } = await dispatch({ store, candidates, pageSize: 50 });
    expect(result).toMatchObject({
      outcome: 'freezing',
      firstPage: { outcome: 'frozen', frozen: { audience: 50, pending: 50 }, last: false },
    });
    const sends = queued.filter((w) => w.item.kind === 'send');
    let pending = queued.filter((w) => w.item.kind === 'freeze');
    const pages = [];
    while (pending.length > 0) {
      const [entry] = pending;
      if (entry?.item.kind !== 'freeze') break;
      // Every page is delivered twice: the copy finds it frozen and adds nothing.
      pages.push(await freezeAudiencePage({ item: entry.item, ...deps, pageSize: 50 }));
      pages.push(await freezeAudiencePage({ item: entry.item, ...deps, pageSize: 50 }));
      const next = deps.queue.drain();
      sends.push(...next.filter((w) => w.item.kind === 'send'));
      pending = next.filter((w) => w.item.kind === 'freeze');
    }

    expect(pages.map((p) => p.outcome)).toEqual([
      'frozen',
      'already-frozen',
      'frozen',
      'already-frozen',
    ]);
    const outboxIds = sends.flatMap((w) => (w.item.kind === 'send' ? w.item.outboxIds : []));
    expect(outboxIds).toHaveLength(120);
    expect(new Set(outboxIds).size).toBe(120);
    expect(outboxIds).not.toContain('no-consent');
    // Only the last slice of the last page starts the checks that read the whole outbox.
    expect(sends.map((w) => w.item.kind === 'send' && w.item.last).filter(Boolean)).toEqual([true]);
    expect(sends.at(-1)?.item).toMatchObject({ last: true });
    expect(await store.countSends('cmp-1')).toEqual({ pending: 120, ineligible: 1 });
    expect(await store.getCampaign('cmp-1')).toMatchObject({
      status: 'sending',
      frozenPages: 3,
      audienceFrozenAt: now,
    });
  });

  it('queues the records frozen so far again when dispatched while later pages freeze', async () => {
    const store = await storeWith(campaign());
    await dispatch({ store, candidates: people(120), pageSize: 50 });

    // A resume after a pause: its senders dropped the slices of the pages frozen so far.
    const { result, queued } = await dispatch({ store, candidates: people(120), pageSize: 50 });

    expect(result).toEqual({
      outcome: 'freezing',
      firstPage: { outcome: 'already-frozen' },
      requeued: 1,
    });
    expect(queued).toHaveLength(1);
    expect(queued[0]?.item).toMatchObject({ kind: 'send' });
    expect(queued[0]?.item).not.toHaveProperty('last');
    expect(queued[0]?.item.kind === 'send' && queued[0].item.outboxIds).toHaveLength(50);
  });

  it('completes at once a campaign with nobody to mail', async () => {
    const store = await storeWith(campaign());

    const { result, queued } = await dispatch({
      store,
      candidates: [candidate('no-consent', { profile: { email: 'x@example.com' } })],
    });

    expect(result).toMatchObject({ outcome: 'freezing', firstPage: { batches: 0, last: true } });
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
