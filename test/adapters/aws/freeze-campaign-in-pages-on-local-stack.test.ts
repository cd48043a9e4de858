import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClients } from '../../../adapters/aws/aws-clients';
import { DynamoDbCampaignStore } from '../../../adapters/aws/dynamodb-campaign-store';
import { DynamoDbCustomerStore } from '../../../adapters/aws/dynamodb-customer-store';
import { DynamoDbSegmentStore } from '../../../adapters/aws/dynamodb-segment-store';
import { SesCampaignMailer } from '../../../adapters/aws/ses-campaign-mailer';
import { InMemoryCampaignWorkQueue } from '../../../adapters/memory/in-memory-campaign-work-queue';
import { readCampaignResults } from '../../../core/campaigns/read-campaign-results';
import { checkCampaignCompletion } from '../../../core/campaigns/check-campaign-completion';
import { dispatchCampaign } from '../../../core/campaigns/dispatch-campaign';
import { suppressionKey } from '../../../core/campaigns/email-address';
import { freezeAudiencePage } from '../../../core/campaigns/freeze-audience-page';
import { sendCampaignBatch } from '../../../core/campaigns/send-campaign-batch';
import { type LocalSesServer, startLocalSesServer } from '../../../infra/local/local-ses-server';
import { createIsolatedTables } from '../../support/isolated-tables';
import { audienceOf, seedCampaignSegment } from '../../support/seed-campaign-segment';
import { campaign, keys, sender } from '../../core/campaigns/fixtures';

// Own tables: seeding moves the segment store's table-wide current-run pointer.
const local = inject('localAws');
const clients = createAwsClients(local.clients);
const clock = () => new Date();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const policy = { consent: 'opt-in' as const };
const PAGE_SIZE = 5;

let tables: Awaited<ReturnType<typeof createIsolatedTables>>;
let ses: LocalSesServer;

beforeAll(async () => {
  tables = await createIsolatedTables();
  ses = await startLocalSesServer({ limits: { maxSendRate: 200, max24HourSend: 10_000 } });
});

afterAll(async () => {
  await ses.stop();
  clients.dynamodb.destroy();
});

describe('a broadcast frozen in pages on DynamoDB Local and the local SES endpoint', () => {
  it('mails each eligible recipient once and counts the audience right, with every freeze item delivered twice', async () => {
    const campaignId = 'paged';
    const ids = await seedCampaignSegment({
      documents: clients.documents,
      tables,
      prefix: campaignId,
      count: 23,
    });
    const store = new DynamoDbCampaignStore(clients.documents, tables.campaigns);
    const segments = new DynamoDbSegmentStore(clients.documents, tables.segments);
    const customers = new DynamoDbCustomerStore(clients.documents, tables.customers);
    const queue = new InMemoryCampaignWorkQueue();
    const mailer = new SesCampaignMailer(
      createAwsClients({ region: 'us-east-1', endpoints: { ses: ses.endpoint } }).ses,
      { configurationSetName: sender.configurationSet },
    );
    await store.addSuppression({
      emailHash: suppressionKey(`${ids[7]}@example.com`),
      reason: 'unsubscribed',
      at: new Date().toISOString(),
    });
    await store.putCampaign(
      campaign({ campaignId, holdoutPercent: 20, audience: audienceOf(campaignId) }),
    );
    const deps = { segments, customers, policy, store, queue, clock, pageSize: PAGE_SIZE };

    await dispatchCampaign({ campaignId, ...deps });
    // The dispatcher and the senders, with each freeze item delivered twice at once (SQS's at
    // least once) and once more after it was handled (a retry after a lost acknowledgement).
    let freezes = 0;
    for (let work = queue.drain(); work.length > 0; work = queue.drain()) {
      for (const { item } of work) {
        if (item.kind === 'freeze') {
          freezes += 1;
          await Promise.all([
            freezeAudiencePage({ item, ...deps }),
            freezeAudiencePage({ item, ...deps }),
          ]);
          await freezeAudiencePage({ item, ...deps });
        } else if (item.kind === 'send') {
          await sendCampaignBatch({
            campaignId,
            outboxIds: item.outboxIds,
            last: item.last,
            store,
            mailer,
            clock,
            sleep,
            config: { sender, policy, unsubscribeKeys: keys },
            queue,
          });
        } else if (item.kind === 'complete') {
          await checkCampaignCompletion({ campaignId, store, queue, clock });
        }
      }
    }

    expect(freezes).toBeGreaterThanOrEqual(Math.ceil(ids.length / PAGE_SIZE) - 1);
    expect(await store.getCampaign(campaignId)).toMatchObject({
      status: 'sent',
      frozenPages: Math.ceil(ids.length / PAGE_SIZE),
    });
    const sends = await store.listSends(campaignId);
    expect(sends).toHaveLength(ids.length);
    const mailed = sends.filter((s) => s.status === 'sent').map((s) => s.recipient.profile.email);
    const perAddress = new Map<string, number>();
    for (const message of ses.outbox()) {
      for (const to of message.destinations) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    }
    expect([...perAddress.keys()].sort()).toEqual(mailed.sort());
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);

    const heldOut = sends.filter((s) => s.status === 'held_out').length;
    expect(heldOut).toBeGreaterThan(0);
    expect(await readCampaignResults({ campaignId, campaigns: store, customers })).toMatchObject({
      audience: ids.length,
      eligible: ids.length - 1,
      heldOut,
      sent: ids.length - 1 - heldOut,
    });
  });
});
