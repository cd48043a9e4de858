import { CreateBucketCommand, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { paginateScan } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClients } from '../../../adapters/aws/aws-clients';
import { DynamoDbCampaignStore } from '../../../adapters/aws/dynamodb-campaign-store';
import { DynamoDbCustomerStore } from '../../../adapters/aws/dynamodb-customer-store';
import { DynamoDbSegmentStore } from '../../../adapters/aws/dynamodb-segment-store';
import { S3ObjectStore } from '../../../adapters/aws/s3-object-store';
import { suppressionKey } from '../../../core/campaigns/email-address';
import { freezeCampaignAudience } from '../../../core/campaigns/freeze-campaign-audience';
import { sendCampaign } from '../../../core/campaigns/send-campaign';
import { eraseCustomer } from '../../../core/privacy/erase-customer';
import { exportCustomerData } from '../../../core/privacy/export-customer-data';
import type { SegmentationRun } from '../../../core/segmentation-runs/segmentation-run';
import type { TableKey } from '../../../infra/data-model';
import {
  campaign,
  candidate,
  FakeMailer,
  keys,
  manualClock,
  sender,
} from '../../core/campaigns/fixtures';
import { profileOf, summaryOf } from '../../core/privacy/fixtures';
import { createIsolatedTables } from '../../support/isolated-tables';

// Own tables and bucket: the assertions read everything in them, while other files write in parallel.
const local = inject('localAws');
const clients = createAwsClients(local.clients);
const bucket = `shoal-erasure-${randomUUID().slice(0, 8)}`;
let tables: Record<TableKey, string>;

const ADA = {
  customerId: 'shopper-ada-7',
  externalId: 'shopper-ada-7',
  email: 'ada.lovelace@example.org',
};
const GRACE = {
  customerId: 'shopper-grace-8',
  externalId: 'shopper-grace-8',
  email: 'grace.hopper@example.org',
};
const RUN_IDS = ['run-2026-03-01', 'run-2026-03-02'];

beforeAll(async () => {
  tables = await createIsolatedTables();
  await clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
});
afterAll(() => {
  clients.dynamodb.destroy();
  clients.s3.destroy();
});

const storesOf = () => ({
  customers: new DynamoDbCustomerStore(clients.documents, tables.customers),
  segments: new DynamoDbSegmentStore(clients.documents, tables.segments),
  campaigns: new DynamoDbCampaignStore(clients.documents, tables.campaigns),
  objects: new S3ObjectStore(clients.s3, bucket),
});

/** Ada and Grace in every table and in an import report, as ingest, a run and a send leave them. */
const seed = async (stores: ReturnType<typeof storesOf>, time: ReturnType<typeof manualClock>) => {
  const { customers, segments, campaigns, objects } = stores;
  for (const person of [ADA, GRACE]) {
    await customers.saveProfiles([profileOf(person)]);
    await customers.saveOrders([
      {
        orderId: `order-of-${person.customerId}`,
        customerId: person.customerId,
        orderedAt: '2026-02-01T10:00:00.000Z',
        total: 40,
        netRevenue: 40,
        status: 'completed',
        lines: [],
      },
    ]);
    await customers.saveEvents([
      {
        customerId: person.customerId,
        type: 'added_to_cart',
        at: '2026-02-02T10:00:00.000Z',
        properties: { note: `cart of ${person.email}` },
      },
    ]);
  }
  for (const runId of RUN_IDS) {
    await segments.saveRun({
      runId,
      asOf: runId.slice(4),
      timeZone: 'UTC',
      status: 'complete',
      startedAt: '2026-03-02T00:00:00.000Z',
      customers: 2,
      segments: [],
      rfmTransitions: {},
    } satisfies SegmentationRun);
    await segments.saveCustomerSegments(
      runId,
      [ADA, GRACE].map((person) => summaryOf(person, runId)),
      2_000_000_000,
    );
  }
  await segments.setCurrentRunId(RUN_IDS[1]!);

  await campaigns.putCampaign(campaign());
  await freezeCampaignAudience({
    campaignId: 'cmp-1',
    candidates: [ADA, GRACE].map((person) =>
      candidate(person.customerId, { profile: profileOf(person) }),
    ),
    policy: { consent: 'opt-in' },
    store: campaigns,
    clock: time.clock,
  });
  await sendCampaign({
    campaignId: 'cmp-1',
    store: campaigns,
    mailer: new FakeMailer(),
    clock: time.clock,
    sleep: time.sleep,
    config: { sender, policy: { consent: 'opt-in' }, unsubscribeKeys: keys },
  });
  for (const send of await campaigns.listSends('cmp-1')) {
    await campaigns.recordDeliveryEventOnce({
      messageId: send.messageId!,
      type: 'delivery',
      campaignId: 'cmp-1',
      customerId: send.customerId,
      at: '2026-03-10T12:05:00.000Z',
    });
  }

  await objects.write(
    'reports/imports/imp-1/summary.json',
    '{"counts":{"rejected":2}}\n',
    'application/json',
  );
  await objects.write(
    'reports/imports/imp-1/rejected.csv',
    [
      'file,line,reason,column,value',
      `imports/orders/o.csv,4,unknown status,customer,${ADA.email}`,
      `imports/orders/o.csv,5,unknown status,customer,${GRACE.email}`,
      '',
    ].join('\r\n'),
    'text/csv',
  );
  await objects.write(
    'reports/imports/imp-1/warnings.csv',
    `file,line,column,value,reason\r\nimports/customers/c.csv,2,customer_id,${ADA.externalId},duplicate\r\n`,
    'text/csv',
  );
};

/** Every item of every table and every object of the bucket, as text. */
const everythingStored = async (): Promise<string[]> => {
  const stored: string[] = [];
  for (const tableName of Object.values(tables)) {
    for await (const page of paginateScan(
      { client: clients.documents },
      { TableName: tableName },
    )) {
      for (const item of page.Items ?? []) stored.push(`${tableName}: ${JSON.stringify(item)}`);
    }
  }
  const { objects } = storesOf();
  for await (const page of paginateListObjectsV2({ client: clients.s3 }, { Bucket: bucket })) {
    for (const { Key } of page.Contents ?? []) {
      stored.push(`s3://${Key}: ${Key}\n${(await objects.readText(Key!)) ?? ''}`);
    }
  }
  return stored;
};

const naming = (stored: string[], person: typeof ADA) =>
  stored.filter((text) =>
    [person.customerId, person.externalId, person.email].some((id) => text.includes(id)),
  );

describe('eraseCustomer on the local stack', () => {
  it('leaves nothing about the person but the hashed suppression entry', async () => {
    const stores = storesOf();
    const time = manualClock('2026-03-10T12:00:00Z');
    await seed(stores, time);
    const before = await everythingStored();
    expect(naming(before, ADA).length).toBeGreaterThanOrEqual(12);
    const exported = await exportCustomerData({
      customerId: ADA.customerId,
      ...stores,
      clock: time.clock,
    });
    expect(exported.campaigns.deliveryEvents).toHaveLength(1);
    expect(exported.importReportRows).toHaveLength(2);

    const summary = await eraseCustomer({
      customerId: ADA.customerId,
      ...stores,
      clock: time.clock,
    });

    const after = await everythingStored();
    expect(naming(after, ADA)).toEqual([]);
    expect(after.filter((text) => text.includes(suppressionKey(ADA.email)))).toEqual([
      expect.stringMatching(/"reason":"erased"/),
    ]);
    // Grace is untouched, so the scan above really looked at the places Ada was.
    expect(naming(after, GRACE)).toHaveLength(naming(before, GRACE).length);
    expect(summary).toEqual({
      customerId: ADA.customerId,
      customers: { profiles: 1, orders: 1, events: 1, aliases: 2 },
      segments: { runs: 2, memberships: 2 },
      campaigns: { sends: 1, messages: 1, deliveryEvents: 1 },
      importReports: { files: 2, rows: 2 },
      suppressedAddresses: 1,
    });
  });
});
