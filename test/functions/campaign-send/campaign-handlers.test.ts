import type { SQSBatchResponse, SQSEvent, Context } from 'aws-lambda';
import { type HeaderLines, simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClients } from '../../../adapters/aws/aws-clients';
import { DynamoDbCampaignStore } from '../../../adapters/aws/dynamodb-campaign-store';
import { DynamoDbCustomerStore } from '../../../adapters/aws/dynamodb-customer-store';
import { DynamoDbSegmentStore } from '../../../adapters/aws/dynamodb-segment-store';
import { ObjectStoreCampaignWorkQueue } from '../../../adapters/aws/object-store-campaign-work-queue';
import { S3ObjectStore } from '../../../adapters/aws/s3-object-store';
import { SesCampaignMailer } from '../../../adapters/aws/ses-campaign-mailer';
import { suppressionKey } from '../../../core/campaigns/email-address';
import { freezeCampaignAudience } from '../../../core/campaigns/freeze-campaign-audience';
import { loadCandidatesOf } from '../../../core/campaigns/load-recipient-candidates';
import { sendCampaign } from '../../../core/campaigns/send-campaign';
import { startCampaignSend } from '../../../core/campaigns/start-campaign-send';
import { verifyUnsubscribeToken } from '../../../core/campaigns/unsubscribe-token';
import {
  createLocalCampaignWorkTrigger,
  type LocalCampaignWorkTrigger,
} from '../../../infra/local/local-campaign-work-trigger';
import { type LocalSesServer, startLocalSesServer } from '../../../infra/local/local-ses-server';
import { type RunningS3Server, startS3Server } from '../../../infra/local/start-s3-server';
import { waitUntil } from '../../../infra/local/wait-until';
import { createIsolatedTables } from '../../support/isolated-tables';
import { audienceOf, seedCampaignSegment } from '../../support/seed-campaign-segment';
import { campaign, keys, sender } from '../../core/campaigns/fixtures';

const BUCKET = 'shoal-campaign-work-test';
const local = inject('localAws');
const clients = createAwsClients(local.clients);

type WorkHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

let tables: Awaited<ReturnType<typeof createIsolatedTables>>;
let s3Server: RunningS3Server;
let ses: LocalSesServer;
let store: DynamoDbCampaignStore;
let queue: ObjectStoreCampaignWorkQueue;
let trigger: LocalCampaignWorkTrigger;

const seedSegment = (prefix: string, count: number) =>
  seedCampaignSegment({ documents: clients.documents, tables, prefix, count });

const startAndWait = async (campaignId: string) => {
  await startCampaignSend({ campaignId, store, queue, clock: () => new Date() });
  await waitUntil(async () => (await store.getCampaign(campaignId))?.status === 'sent', {
    timeoutMs: 45_000,
    what: `campaign ${campaignId} sent`,
  });
  await trigger.idle();
};

const perRecipient = (campaignId: string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const message of ses.outbox()) {
    if (!message.raw.includes(campaignId)) continue;
    for (const to of message.destinations) counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
};

const emailsWith = async (campaignId: string, status: string) =>
  (await store.listSends(campaignId))
    .filter((s) => s.status === status)
    .map((s) => s.recipient.profile.email!)
    .sort();

const headerValue = (lines: HeaderLines, key: string): string =>
  (lines.find((l) => l.key === key)?.line ?? '')
    .replace(/^[^:]*:/, '')
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();

beforeAll(async () => {
  tables = await createIsolatedTables();
  [s3Server, ses] = await Promise.all([
    startS3Server({ buckets: [BUCKET] }),
    startLocalSesServer({ limits: { maxSendRate: 100, max24HourSend: 100_000 } }),
  ]);
  Object.assign(process.env, {
    AWS_REGION: local.clients.region,
    SHOAL_DYNAMODB_ENDPOINT: local.clients.endpoints.dynamodb,
    SHOAL_S3_ENDPOINT: s3Server.endpoint,
    SHOAL_SES_ENDPOINT: ses.endpoint,
    CAMPAIGNS_TABLE: tables.campaigns,
    SEGMENTS_TABLE: tables.segments,
    CUSTOMERS_TABLE: tables.customers,
    CAMPAIGN_WORK_BUCKET: BUCKET,
    CONSENT_MODEL: 'opt-in',
    SENDER_FROM: sender.from,
    SES_CONFIGURATION_SET: sender.configurationSet,
    UNSUBSCRIBE_BASE_URL: sender.unsubscribeBaseUrl,
    UNSUBSCRIBE_MAILBOX: sender.unsubscribeMailbox,
    POSTAL_ADDRESS: sender.postalAddress,
    MESSAGE_ID_DOMAIN: sender.messageIdDomain,
    UNSUBSCRIBE_KEYS: JSON.stringify({
      current: keys.current.keyId,
      previous: keys.previous!.keyId,
      [keys.current.keyId]: keys.current.secret,
      [keys.previous!.keyId]: keys.previous!.secret,
    }),
    SENDER_CONCURRENCY: '2',
    POWERTOOLS_LOG_LEVEL: 'WARN',
  });
  const s3 = createAwsClients({ region: 'us-east-1', endpoints: { s3: s3Server.endpoint } }).s3;
  store = new DynamoDbCampaignStore(clients.documents, tables.campaigns);
  queue = new ObjectStoreCampaignWorkQueue(new S3ObjectStore(s3, BUCKET), () => new Date());
  const dispatch = (await import('../../../functions/campaign-dispatch/handler'))
    .handler as unknown as WorkHandler;
  const send = (await import('../../../functions/campaign-send/handler'))
    .handler as unknown as WorkHandler;
  trigger = createLocalCampaignWorkTrigger({
    dispatch,
    send,
    senderConcurrency: 2,
    deferredDelayMs: 200,
  });
  s3Server.onObjectEvent((record) => trigger.deliver(record));
});

afterAll(async () => {
  trigger?.stop();
  clients.dynamodb.destroy();
  await Promise.all([s3Server.stop(), ses.stop()]);
});

describe('campaign dispatch and send handlers on the local stack', () => {
  it('mails each eligible member of the segment once, with one-click unsubscribe headers', async () => {
    const campaignId = 'h-spring';
    const ids = await seedSegment(campaignId, 60);
    await store.addSuppression({
      emailHash: suppressionKey(`${ids[7]}@example.com`),
      reason: 'unsubscribed',
      at: new Date().toISOString(),
    });
    await store.putCampaign(
      campaign({
        campaignId,
        status: 'draft',
        holdoutPercent: 20,
        audience: audienceOf(campaignId),
      }),
    );

    await startAndWait(campaignId);

    const sent = await emailsWith(campaignId, 'sent');
    const heldOut = await emailsWith(campaignId, 'held_out');
    expect(heldOut.length).toBeGreaterThan(0);
    expect(await emailsWith(campaignId, 'suppressed')).toEqual([`${ids[7]}@example.com`]);
    expect(sent).toHaveLength(59 - heldOut.length);
    const counts = perRecipient(campaignId);
    expect([...counts.keys()].sort()).toEqual(sent);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    for (const message of ses.outbox().filter((m) => m.raw.includes(campaignId))) {
      const parsed = await simpleParser(message.raw);
      const [, url] = /^<(https:[^>]+)>, <mailto:[^>]+>$/.exec(
        headerValue(parsed.headerLines, 'list-unsubscribe'),
      ) ?? [''];
      const token = new URL(url!).searchParams.get('token') ?? '';
      expect(verifyUnsubscribeToken({ token, keys, now: new Date() })).toMatchObject({
        campaignId,
        customerId: message.destinations[0]!.replace(/@example\.com$/, ''),
      });
      expect(headerValue(parsed.headerLines, 'list-unsubscribe-post')).toBe(
        'List-Unsubscribe=One-Click',
      );
    }
    expect(trigger.deadLetters()).toEqual([]);
  });

  it('sends one e-mail per recipient when the same campaign is dispatched twice at once', async () => {
    const campaignId = 'h-twice';
    await seedSegment(campaignId, 40);
    await store.putCampaign(
      campaign({ campaignId, status: 'scheduled', audience: audienceOf(campaignId) }),
    );

    await queue.enqueue([
      { item: { kind: 'dispatch', campaignId } },
      { item: { kind: 'dispatch', campaignId } },
    ]);
    await waitUntil(async () => (await store.getCampaign(campaignId))?.status === 'sent', {
      timeoutMs: 45_000,
      what: `campaign ${campaignId} sent`,
    });
    await trigger.idle();

    const counts = perRecipient(campaignId);
    expect(counts.size).toBe(40);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('never mails twice a recipient whose send crashed after SES accepted it', async () => {
    const campaignId = 'h-crash';
    const ids = await seedSegment(campaignId, 10);
    const victim = ids[3]!;
    await store.putCampaign(
      campaign({ campaignId, status: 'scheduled', audience: audienceOf(campaignId) }),
    );
    // A Lambda dying between two writes is not a fault DynamoDB Local or the SES endpoint can
    // produce: this store double throws, once, where `sent` would be recorded for the victim,
    // after SES (the real local endpoint) accepted its message. It runs 20 minutes in the past
    // so its claim is stale, as after a Lambda timeout, when the handlers take over.
    class CrashBeforeSentStore extends DynamoDbCampaignStore {
      override async transition(...args: Parameters<DynamoDbCampaignStore['transition']>) {
        if (args[1] === victim && args[3] === 'sent') throw new Error('Lambda timed out');
        return super.transition(...args);
      }
    }
    const crashing = new CrashBeforeSentStore(clients.documents, tables.campaigns);
    const segmentStore = new DynamoDbSegmentStore(clients.documents, tables.segments);
    const past = () => new Date(Date.now() - 20 * 60_000);
    await freezeCampaignAudience({
      campaignId,
      candidates: await loadCandidatesOf({
        runId: (await segmentStore.getCurrentRunId())!,
        customerIds: ids,
        segments: segmentStore,
        customers: new DynamoDbCustomerStore(clients.documents, tables.customers),
      }),
      policy: { consent: 'opt-in' },
      store,
      clock: past,
    });
    const sesClient = createAwsClients({
      region: 'us-east-1',
      endpoints: { ses: ses.endpoint },
    }).ses;
    await expect(
      sendCampaign({
        campaignId,
        outboxIds: [victim],
        store: crashing,
        mailer: new SesCampaignMailer(sesClient),
        clock: past,
        sleep: async () => undefined,
        config: {
          sender,
          policy: { consent: 'opt-in' },
          unsubscribeKeys: keys,
        },
      }),
    ).rejects.toThrow('Lambda timed out');
    sesClient.destroy();
    expect(perRecipient(campaignId).get(`${victim}@example.com`)).toBe(1);

    await startCampaignSend({ campaignId, store, queue, clock: () => new Date() });

    await waitUntil(async () => (await store.getCampaign(campaignId))?.status === 'sent', {
      timeoutMs: 45_000,
      what: `campaign ${campaignId} sent`,
    });
    await trigger.idle();

    const counts = perRecipient(campaignId);
    expect(counts.size).toBe(10);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(await store.getSend(campaignId, victim)).toMatchObject({ status: 'sent' });
  });
});
