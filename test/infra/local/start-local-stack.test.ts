import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients, type AwsClients } from '../../../adapters/aws/aws-clients';
import { DynamoDbImportStore } from '../../../adapters/aws/dynamodb-import-store';
import { DynamoDbSegmentStore } from '../../../adapters/aws/dynamodb-segment-store';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack';
import { waitUntil } from '../../../infra/local/wait-until';
import { DynamoDbCampaignStore } from '../../../adapters/aws/dynamodb-campaign-store';
import { ObjectStoreCampaignWorkQueue } from '../../../adapters/aws/object-store-campaign-work-queue';
import { S3ObjectStore } from '../../../adapters/aws/s3-object-store';
import { startCampaignSend } from '../../../core/campaigns/start-campaign-send';
import { campaign } from '../../core/campaigns/fixtures';
import { audienceOf, seedCampaignSegment } from '../../support/seed-campaign-segment';

const DATASET = new URL('../../../../shared/datasets/marketing_campaign.csv', import.meta.url);

describe('the local stack', () => {
  let dataDir: string;
  let stack: LocalStack;
  let clients: AwsClients;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shoal-local-stack-'));
    process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
    stack = await startLocalStack({ dataDir, timeZone: 'Europe/Lisbon' });
    clients = createAwsClients(stack.aws.config.clients);
  });

  afterAll(async () => {
    clients.dynamodb.destroy();
    clients.s3.destroy();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'imports an upload, re-segments on demand and serves the memberships',
    { timeout: 180_000 },
    async () => {
      const { bucket, tables } = stack.aws.config;
      const imports = new DynamoDbImportStore(clients.documents, tables.imports);
      const segments = new DynamoDbSegmentStore(clients.documents, tables.segments);

      await clients.s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: 'imports/customers/marketing_campaign.csv',
          Body: readFileSync(DATASET),
        }),
      );
      await waitUntil(
        async () => (await imports.listImports({ limit: 1 })).imports[0]?.status === 'succeeded',
        { timeoutMs: 120_000, what: 'the import' },
      );
      const result = await stack.resegment('2014-12-01');

      expect(result.outcome).toBe('completed');
      const runId = await segments.getCurrentRunId();
      expect(runId).toBe('run-2014-12-01');
      const customer = (await segments.getCustomerSegments(runId!, ['5524'])).get('5524');
      expect(customer?.memberships.length).toBeGreaterThan(0);
      expect(customer?.memberships.every((m) => m.reason.length > 0)).toBe(true);
      expect((await segments.getRun(runId!))?.customers).toBe(2240);
    },
  );

  it('sends a campaign started the way the API starts it, once per recipient', async () => {
    const { bucket, tables } = stack.aws.config;
    const store = new DynamoDbCampaignStore(clients.documents, tables.campaigns);
    const queue = new ObjectStoreCampaignWorkQueue(
      new S3ObjectStore(clients.s3, bucket),
      () => new Date(),
    );
    await seedCampaignSegment({ documents: clients.documents, tables, prefix: 'local', count: 12 });
    await store.putCampaign(
      campaign({ campaignId: 'local-1', status: 'draft', audience: audienceOf('local') }),
    );

    await startCampaignSend({ campaignId: 'local-1', store, queue, clock: () => new Date() });
    await waitUntil(async () => (await store.getCampaign('local-1'))?.status === 'sent', {
      timeoutMs: 60_000,
      what: 'the campaign sent',
    });

    const mailed = stack.aws.ses
      .outbox()
      .filter((m) => m.destinations[0]?.startsWith('local-'))
      .map((m) => m.destinations[0]);
    expect(mailed).toHaveLength(12);
    expect(new Set(mailed).size).toBe(12);
  });
});
