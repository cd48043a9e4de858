import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClients } from '../../../adapters/aws/aws-clients';
import { DynamoDbCampaignStore } from '../../../adapters/aws/dynamodb-campaign-store';
import { DynamoDbCustomerStore } from '../../../adapters/aws/dynamodb-customer-store';
import { DynamoDbSegmentStore } from '../../../adapters/aws/dynamodb-segment-store';
import { SesCampaignMailer } from '../../../adapters/aws/ses-campaign-mailer';
import { InMemoryCampaignWorkQueue } from '../../../adapters/memory/in-memory-campaign-work-queue';
import { sendCampaignBatch } from '../../../core/campaigns/send-campaign-batch';
import { triggerCampaignSends } from '../../../core/campaigns/trigger-campaign-sends';
import { unsubscribeRecipient } from '../../../core/campaigns/unsubscribe-recipient';
import type { CustomerSegments } from '../../../core/segmentation-runs/segmentation-run';
import type { CustomerFeatures } from '../../../core/segments';
import { type LocalSesServer, startLocalSesServer } from '../../../infra/local/local-ses-server';
import { createIsolatedTables } from '../../support/isolated-tables';
import { campaign, keys, sender } from '../../core/campaigns/fixtures';

// Own tables: the segment store's current-run pointer is table-wide, and each run moves it.
const local = inject('localAws');
const clients = createAwsClients(local.clients);
const clock = () => new Date();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const policy = { consent: 'opt-in' as const };
const CAMPAIGN_ID = 'win-back';

let tables: Awaited<ReturnType<typeof createIsolatedTables>>;
let ses: LocalSesServer;
let store: DynamoDbCampaignStore;
let segments: DynamoDbSegmentStore;
let customers: DynamoDbCustomerStore;
const queue = new InMemoryCampaignWorkQueue();

/** A completed run on `asOf` in which each listed customer is in `seg-at-risk` since that date. */
const completeRun = async (asOf: string, members: Record<string, string>) => {
  const runId = `run-${asOf}`;
  const summaries: CustomerSegments[] = Object.entries(members).map(([customerId, since]) => ({
    customerId,
    runId,
    asOf,
    email: `${customerId}@example.com`,
    lifecycleStage: 'at_risk',
    memberships: [
      { segmentId: 'seg-at-risk', segmentName: 'At Risk', kind: 'rule', reason: [], since },
    ],
    features: { customerId } as CustomerFeatures,
  }));
  await segments.saveCustomerSegments(runId, summaries, Math.floor(Date.now() / 1000) + 86_400);
  await segments.saveRun({
    runId,
    asOf,
    timeZone: 'UTC',
    status: 'complete',
    startedAt: `${asOf}T01:00:00.000Z`,
    finishedAt: `${asOf}T01:05:00.000Z`,
    customers: summaries.length,
    segments: [],
    rfmTransitions: {},
  });
  await segments.setCurrentRunId(runId);
  return runId;
};

/** One look of the watch, as a duplicated or concurrent watch item would make it. */
const watch = (lastRunId: string | undefined) =>
  triggerCampaignSends({
    campaignId: CAMPAIGN_ID,
    lastRunId,
    segments,
    customers,
    policy,
    store,
    queue,
    clock,
  });

/** Works off the send items the watches queued, like the senders would. */
const sendQueued = async () => {
  const mailer = new SesCampaignMailer(
    createAwsClients({ region: 'us-east-1', endpoints: { ses: ses.endpoint } }).ses,
    { configurationSetName: sender.configurationSet },
  );
  for (const { item } of queue.drain()) {
    if (item.kind !== 'send') continue;
    await sendCampaignBatch({
      campaignId: item.campaignId,
      outboxIds: item.outboxIds,
      store,
      mailer,
      clock,
      sleep,
      config: { sender, policy, unsubscribeKeys: keys },
      queue,
    });
  }
};

const messagesTo = (customerId: string) =>
  ses.outbox().filter((m) => m.destinations.includes(`${customerId}@example.com`));

beforeAll(async () => {
  tables = await createIsolatedTables();
  ses = await startLocalSesServer({ limits: { maxSendRate: 100, max24HourSend: 10_000 } });
  store = new DynamoDbCampaignStore(clients.documents, tables.campaigns);
  segments = new DynamoDbSegmentStore(clients.documents, tables.segments);
  customers = new DynamoDbCustomerStore(clients.documents, tables.customers);
  const at = '2026-03-01T00:00:00.000Z';
  await customers.saveProfiles(
    ['returns', 'stays'].map((customerId) => ({
      customerId,
      email: `${customerId}@example.com`,
      consent: { state: 'granted' as const },
      attributes: {},
      sourceTimes: {},
      createdAt: at,
      updatedAt: at,
      version: 1,
    })),
  );
  await store.putCampaign(
    campaign({
      campaignId: CAMPAIGN_ID,
      kind: 'triggered',
      status: 'sending',
      audienceFrozenAt: at,
      audience: { segmentIds: ['seg-at-risk'], excludedSegmentIds: [] },
    }),
  );
});

afterAll(async () => {
  await ses.stop();
  clients.dynamodb.destroy();
});

describe('a triggered campaign on DynamoDB Local and the local SES endpoint', () => {
  it('mails once per entry: again after leaving and re-entering, never twice for one entry', async () => {
    const first = await completeRun('2026-03-01', {});
    expect(await watch(undefined)).toMatchObject({ runId: first, queued: 0 });

    const entered = await completeRun('2026-03-02', {
      returns: '2026-03-02',
      stays: '2026-03-02',
    });
    expect(await watch(first)).toMatchObject({ runId: entered, queued: 1 });
    // The same run seen again: a duplicated watch item, or a retried invocation.
    expect(await watch(first)).toMatchObject({ runId: entered, queued: 0 });
    await sendQueued();
    expect(messagesTo('returns')).toHaveLength(1);
    expect(messagesTo('stays')).toHaveLength(1);

    const left = await completeRun('2026-03-03', { stays: '2026-03-02' });
    expect(await watch(entered)).toMatchObject({ runId: left, queued: 0 });

    const reentered = await completeRun('2026-03-04', {
      returns: '2026-03-04',
      stays: '2026-03-02',
    });
    // Two watch invocations of the same look at once.
    const concurrent = await Promise.all([watch(left), watch(left)]);
    expect(concurrent.map((r) => r.outcome === 'watching' && r.queued).sort()).toEqual([0, 1]);
    expect(concurrent.every((r) => r.outcome === 'watching' && r.runId === reentered)).toBe(true);
    await sendQueued();

    expect(messagesTo('returns')).toHaveLength(2);
    expect(messagesTo('stays')).toHaveLength(1);
    const sends = await store.listCustomerSends('returns');
    expect(sends.map((s) => [s.status, s.entry]).sort()).toEqual([
      ['sent', '2026-03-02T00:00:00.000Z'],
      ['sent', '2026-03-04T00:00:00.000Z'],
    ]);
    // Each message answers its own entry: distinct send ids, and the MessageId map tells them apart.
    const mapped = await Promise.all(
      sends.map(async (s) => (await store.findMessage(s.messageId!))?.entry),
    );
    expect(mapped.sort()).toEqual(['2026-03-02T00:00:00.000Z', '2026-03-04T00:00:00.000Z']);
    expect(new Set(sends.map((s) => s.sendId)).size).toBe(2);
  });

  it('unsubscribes from the message of a later entry and erases every entry of the customer', async () => {
    const [, second] = messagesTo('returns');
    const { headerLines } = await simpleParser(Buffer.from(second!.raw));
    const header = (headerLines.find((l) => l.key === 'list-unsubscribe')?.line ?? '').replace(
      /\r?\n[ \t]+/g,
      ' ',
    );
    const token = /token=([^>\s]+)>/.exec(header)![1]!;
    await unsubscribeRecipient({ token, keys, store, clock });
    expect((await store.getDeliveryCounts(CAMPAIGN_ID)).unsubscribe).toBe(1);

    const sends = await store.listCustomerSends('returns');
    const deleted = await store.deleteSends(sends);
    expect(deleted).toMatchObject({ sends: 2, messages: 2 });
    expect(await store.listCustomerSends('returns')).toEqual([]);
    expect(await Promise.all(sends.map((s) => store.findMessage(s.messageId!)))).toEqual([
      undefined,
      undefined,
    ]);
  });
});
