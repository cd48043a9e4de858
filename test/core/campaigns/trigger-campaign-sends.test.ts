import { describe, expect, it } from 'vitest';
import { InMemoryCampaignWorkQueue } from '../../../adapters/memory/in-memory-campaign-work-queue';
import { InMemoryCustomerStore } from '../../../adapters/memory/in-memory-customer-store';
import type { Campaign } from '../../../core/campaigns/campaign';
import { WATCH_INTERVAL_MS } from '../../../core/campaigns/campaign-work-item';
import { suppressionKey } from '../../../core/campaigns/email-address';
import { triggerCampaignSends } from '../../../core/campaigns/trigger-campaign-sends';
import type { SegmentStore } from '../../../core/ports/segment-store';
import type {
  CustomerSegments,
  SegmentationRun,
} from '../../../core/segmentation-runs/segmentation-run';
import type { CustomerFeatures } from '../../../core/segments';
import { campaign, manualClock, storeWith } from './fixtures';

const now = '2026-03-10T12:00:00.000Z';

/** Customer id → [segment id, since] of each membership, per run. */
type Runs = Record<string, Record<string, [string, string][]>>;

/** The four reads a watch makes, over runs named `run-<asOf>`. */
const segmentStore = (runs: Runs, current: string): SegmentStore => {
  const summary = (runId: string, customerId: string): CustomerSegments => ({
    customerId,
    runId,
    asOf: runId.slice(4),
    email: `${customerId}@example.com`,
    lifecycleStage: 'active',
    memberships: (runs[runId]?.[customerId] ?? []).map(([segmentId, since]) => ({
      segmentId,
      segmentName: segmentId,
      kind: 'rule',
      reason: [],
      since,
    })),
    features: { customerId } as CustomerFeatures,
  });
  return {
    getCurrentRunId: async () => current,
    getRun: async (runId: string) =>
      runs[runId] ? ({ runId, asOf: runId.slice(4) } as SegmentationRun) : undefined,
    listMemberIds: async (runId: string, segmentId: string) =>
      Object.entries(runs[runId] ?? {})
        .filter(([, memberships]) => memberships.some(([s]) => s === segmentId))
        .map(([id]) => id),
    getCustomerSegments: async (runId: string, ids: string[]) =>
      new Map(ids.map((id) => [id, summary(runId, id)])),
  } as unknown as SegmentStore;
};

const customersWithConsent = async (ids: string[]) => {
  const customers = new InMemoryCustomerStore();
  await customers.saveProfiles(
    ids.map((customerId) => ({
      customerId,
      email: `${customerId}@example.com`,
      consent: { state: 'granted' },
      attributes: {},
      sourceTimes: {},
      createdAt: now,
      updatedAt: now,
      version: 1,
    })),
  );
  return customers;
};

const runs: Runs = {
  'run-2026-03-09': { stays: [['seg-vip', '2026-03-01']] },
  'run-2026-03-10': {
    stays: [['seg-vip', '2026-03-01']],
    enters: [['seg-vip', '2026-03-10']],
    'enters-excluded': [
      ['seg-vip', '2026-03-10'],
      ['seg-staff', '2026-03-02'],
    ],
    unsubscribed: [['seg-vip', '2026-03-10']],
    'enters-elsewhere': [['seg-other', '2026-03-10']],
  },
};

const watch = async (lastRunId: string | undefined, status: Campaign['status'] = 'sending') => {
  const store = await storeWith(
    campaign({
      kind: 'triggered',
      status,
      audienceFrozenAt: now,
      audience: { segmentIds: ['seg-vip'], excludedSegmentIds: ['seg-staff'] },
    }),
  );
  await store.addSuppression({
    emailHash: suppressionKey('unsubscribed@example.com'),
    reason: 'unsubscribed',
    at: now,
  });
  const queue = new InMemoryCampaignWorkQueue();
  const result = await triggerCampaignSends({
    campaignId: 'cmp-1',
    lastRunId,
    segments: segmentStore(runs, 'run-2026-03-10'),
    customers: await customersWithConsent(Object.keys(runs['run-2026-03-10']!)),
    policy: { consent: 'opt-in' },
    store,
    queue,
    clock: manualClock(now).clock,
  });
  return { result, queued: queue.drain(), store };
};

const nextWatch = (runId?: string) => ({
  item: { kind: 'watch', campaignId: 'cmp-1', ...(runId && { runId }) },
  notBefore: new Date(Date.parse(now) + WATCH_INTERVAL_MS).toISOString(),
});

describe('triggerCampaignSends', () => {
  it('queues the customers who entered a triggering segment in the new run, once each', async () => {
    const { result, queued, store } = await watch('run-2026-03-09');

    expect(result).toEqual({ outcome: 'watching', runId: 'run-2026-03-10', queued: 1 });
    expect(queued).toEqual([
      {
        item: { kind: 'send', campaignId: 'cmp-1', outboxIds: ['enters#2026-03-10T00:00:00.000Z'] },
      },
      nextWatch('run-2026-03-10'),
    ]);
    expect(await store.countSends('cmp-1')).toEqual({ pending: 1, suppressed: 1 });
  });

  it('only notes the current run on its first look', async () => {
    const { result, queued } = await watch(undefined);

    expect(result).toEqual({ outcome: 'watching', runId: 'run-2026-03-10', queued: 0 });
    expect(queued).toEqual([nextWatch('run-2026-03-10')]);
  });

  it('keeps watching a paused campaign without mailing or handling the run', async () => {
    const { result, queued } = await watch('run-2026-03-09', 'paused');

    expect(result).toEqual({ outcome: 'watching', runId: 'run-2026-03-09', queued: 0 });
    expect(queued).toEqual([nextWatch('run-2026-03-09')]);
  });

  it('stops watching a cancelled campaign', async () => {
    const { result, queued } = await watch('run-2026-03-09', 'cancelled');

    expect(result).toEqual({ outcome: 'stopped', status: 'cancelled' });
    expect(queued).toEqual([]);
  });
});
