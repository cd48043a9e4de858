import { createAwsClients } from '../../adapters/aws/aws-clients';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbCampaignStore } from '../../adapters/aws/dynamodb-campaign-store';
import { DynamoDbCustomerStore } from '../../adapters/aws/dynamodb-customer-store';
import { DynamoDbSegmentStore } from '../../adapters/aws/dynamodb-segment-store';
import { InMemoryCampaignWorkQueue } from '../../adapters/memory/in-memory-campaign-work-queue';
import { ObjectStoreCampaignWorkQueue } from '../../adapters/aws/object-store-campaign-work-queue';
import { S3ObjectStore } from '../../adapters/aws/s3-object-store';
import { Campaign } from '../../core/campaigns/campaign';
import { compileCampaignContent } from '../../core/campaigns/campaign-template';
import { FREEZE_PAGE_SIZE } from '../../core/campaigns/campaign-work-item';
import { type FreezeItem, freezeAudiencePage } from '../../core/campaigns/freeze-audience-page';
import { composeCampaignMessage } from '../../core/campaigns/compose-campaign-message';
import type { RecipientCandidate } from '../../core/campaigns/recipient-candidate';
import { renderForRecipient } from '../../core/campaigns/render-for-recipient';
import { sendIdFor } from '../../core/campaigns/send-id';
import type { SenderConfig } from '../../core/campaigns/sender-config';
import { startCampaignSend } from '../../core/campaigns/start-campaign-send';
import { parseUnsubscribeKeys } from '../../functions/shared/unsubscribe-keys';
import type { OutboxMessage } from '../../infra/local/local-ses-server';
import { startLocalStack } from '../../infra/local/start-local-stack';
import { waitUntil } from '../../infra/local/wait-until';
import { audienceOf, seedCampaignSegment } from '../../test/support/seed-campaign-segment';
import type { BenchmarkGroup } from '../benchmark-group';
import { bestOf } from '../best-of';
import { timeIt } from '../time-it';

/** The figure: 20,000 recipients; `--size` below that sends fewer. */
const MAX_RECIPIENTS = 20_000;
/**
 * The local SES endpoint's maximum send rate. A production account starts at 14/s; 100/s keeps
 * 20,000 messages near three and a half minutes while still making pacing, not DynamoDB Local,
 * the limit.
 */
const MAX_SEND_RATE = 50;
const SENDERS = 2;
const COMPOSE_MESSAGES = 2_000;

const campaignRecord = (campaignId: string): Campaign =>
  Campaign.parse({
    campaignId,
    name: 'Benchmark',
    audience: audienceOf('bench'),
    content: {
      subject: 'Hi {{ first_name | default: "there" }}, a thank-you for our {{ rfm_segment }}',
      preheader: 'Twenty percent off until Sunday',
      html:
        '<html><body><h1>Hello {{ first_name }}</h1><p>You have ordered {{ frequency }} times.' +
        '</p><p><a href="https://shop.example/sale">Shop the sale</a></p></body></html>',
    },
    variables: { rfm_segment: 'string', frequency: 'number' },
    status: 'draft',
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    version: 0,
  });

/** Microseconds per message of rendering the templates and composing the MIME, as a send does. */
const composeMicros = async (sender: SenderConfig, unsubscribeKeys: string): Promise<number> => {
  const campaign = campaignRecord('compose');
  const compiled = compileCampaignContent(campaign.content);
  const keys = parseUnsubscribeKeys(unsubscribeKeys);
  const recipients: RecipientCandidate[] = Array.from({ length: COMPOSE_MESSAGES }, (_, i) => ({
    customerId: `c-${i}`,
    segmentIds: ['seg-bench'],
    profile: { email: `c-${i}@example.com`, firstName: 'Ada', consent: { state: 'granted' } },
    vars: { rfm_segment: 'Champions', frequency: i % 9 },
  }));
  const { seconds } = await bestOf(3, () =>
    timeIt(async () => {
      for (const recipient of recipients) {
        const now = new Date();
        const { rendered, links } = renderForRecipient({
          campaign,
          compiled,
          recipient,
          sender,
          keys,
          now,
        });
        await composeCampaignMessage({
          to: recipient.profile.email!,
          rendered,
          sender,
          links,
          campaignId: campaign.campaignId,
          sendId: sendIdFor({ campaignId: campaign.campaignId, customerId: recipient.customerId }),
          date: now,
        });
      }
    }),
  );
  return (seconds / COMPOSE_MESSAGES) * 1e6;
};

/**
 * Recipients frozen per second: the segment's members frozen page by page into a second
 * campaign's outbox on DynamoDB Local, as the dispatcher's chain of freeze items does (the slices
 * each page queues are discarded; the send figures measure sending).
 */
const freezeRate = async ({
  documents,
  tables,
  recipients,
}: {
  documents: DynamoDBDocumentClient;
  tables: { campaigns: string; segments: string; customers: string };
  recipients: number;
}): Promise<{ rate: number; pages: number }> => {
  const store = new DynamoDbCampaignStore(documents, tables.campaigns);
  const segments = new DynamoDbSegmentStore(documents, tables.segments);
  const customers = new DynamoDbCustomerStore(documents, tables.customers);
  await store.putCampaign({ ...campaignRecord('bench-freeze'), status: 'sending' });
  const queue = new InMemoryCampaignWorkQueue();
  const runId = await segments.getCurrentRunId();
  if (!runId) throw new Error('the benchmark segment has no current run');
  let pages = 0;
  const { seconds } = await timeIt(async () => {
    let item: FreezeItem | undefined = {
      kind: 'freeze',
      campaignId: 'bench-freeze',
      runId,
      page: 0,
      segment: 0,
    };
    while (item) {
      const deps = { segments, customers, store, queue, clock: () => new Date() };
      await freezeAudiencePage({ item, policy: { consent: 'opt-in' }, ...deps });
      pages += 1;
      item = queue
        .drain()
        .map((entry) => entry.item)
        .find((next): next is FreezeItem => next.kind === 'freeze');
    }
  });
  return { rate: recipients / seconds, pages };
};

/** Messages per second between the first and the last one SES accepted. */
const achievedRate = (messages: OutboxMessage[]): number => {
  const times = messages.map((m) => Date.parse(m.receivedAt)).sort((a, b) => a - b);
  const span = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
  return span > 0 ? (messages.length - 1) / span : 0;
};

const duplicatesIn = (messages: OutboxMessage[]): number =>
  messages.length - new Set(messages.map((m) => m.destinations.join(','))).size;

export const sendBenchmark: BenchmarkGroup = {
  name: 'send',
  description: `a campaign through the dispatcher and ${SENDERS} senders into the local SES endpoint at ${MAX_SEND_RATE}/s`,
  run: async ({ size, workDir, log, record }) => {
    const recipients = Math.min(size, MAX_RECIPIENTS);
    process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
    const stack = await startLocalStack({
      dataDir: `${workDir}/send`,
      fresh: true,
      senderConcurrency: SENDERS,
    });
    const clients = createAwsClients(stack.aws.config.clients);
    try {
      const { tables, bucket } = stack.aws.config;
      // The limits the way a developer sets them on a running stack.
      const limits = await fetch(`${stack.aws.ses.endpoint}/_shoal/limits`, {
        method: 'PUT',
        body: JSON.stringify({ maxSendRate: MAX_SEND_RATE, max24HourSend: 1_000_000 }),
      });
      if (!limits.ok) throw new Error(`setting the SES limits failed: ${limits.status}`);

      log(`  seeding ${recipients.toLocaleString('en')} customers in one segment`);
      await seedCampaignSegment({
        documents: clients.documents,
        tables,
        prefix: 'bench',
        count: recipients,
      });
      const store = new DynamoDbCampaignStore(clients.documents, tables.campaigns);
      await store.putCampaign(campaignRecord('bench-send'));
      const queue = new ObjectStoreCampaignWorkQueue(
        new S3ObjectStore(clients.s3, bucket),
        () => new Date(),
      );
      log('  dispatching and sending');
      const { seconds } = await timeIt(async () => {
        await startCampaignSend({
          campaignId: 'bench-send',
          store,
          queue,
          clock: () => new Date(),
        });
        await waitUntil(async () => (await store.getCampaign('bench-send'))?.status === 'sent', {
          timeoutMs: (recipients / MAX_SEND_RATE) * 4_000 + 300_000,
          what: 'the benchmark campaign sent',
        });
      });
      const outbox = stack.aws.ses.outbox();
      const rate = achievedRate(outbox);
      log(
        `  ${outbox.length} messages, ${rate.toFixed(1)}/s while sending; ${seconds.toFixed(0)} s with freezing and dispatch`,
      );
      record({
        name: 'send.rate',
        value: rate / MAX_SEND_RATE,
        unit: 'of configured',
        note: `${rate.toFixed(1)}/s of ${MAX_SEND_RATE}/s, ${outbox.length} messages, ${SENDERS} senders`,
      });
      record({
        name: 'send.duplicates',
        value: duplicatesIn(outbox),
        unit: 'messages',
        note: `${recipients} recipients`,
      });
      record({
        name: 'send.compose',
        value: await composeMicros(
          {
            from: process.env.SENDER_FROM!,
            configurationSet: 'bench',
            unsubscribeBaseUrl: 'https://api.shop.example',
            unsubscribeMailbox: 'unsubscribe@shop.example',
            postalAddress: 'Shoal Shop Ltd, 1 Harbour Road, Bristol',
            messageIdDomain: 'shop.example',
          },
          process.env.UNSUBSCRIBE_KEYS!,
        ),
        unit: 'µs/message',
        note: 'Liquid render, token signing and MIME composition',
      });
      log('  freezing the audience again, page by page');
      const freeze = await freezeRate({ documents: clients.documents, tables, recipients });
      record({
        name: 'send.freeze',
        value: freeze.rate,
        unit: 'recipients/s',
        note: `${recipients} recipients in ${freeze.pages} pages of ${FREEZE_PAGE_SIZE} against DynamoDB Local`,
      });
    } finally {
      clients.dynamodb.destroy();
      clients.s3.destroy();
      await stack.stop();
    }
  },
};
