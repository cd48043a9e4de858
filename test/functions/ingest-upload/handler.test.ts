import { readFileSync } from 'node:fs';
import type { S3Client } from '@aws-sdk/client-s3';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClients } from '../../../adapters/aws/aws-clients';
import { DynamoDbImportStore } from '../../../adapters/aws/dynamodb-import-store';
import { DynamoDbCustomerStore } from '../../../adapters/aws/dynamodb-customer-store';
import type { ImportRecord } from '../../../core/ingest/import-record';
import {
  createLocalIngestTrigger,
  type LocalIngestTrigger,
} from '../../../infra/local/local-ingest-trigger';
import { localLambdaContext } from '../../../infra/local/local-lambda-context';
import { sqsEventForS3Record } from '../../../infra/local/local-upload-queue';
import { type RunningS3Server, startS3Server } from '../../../infra/local/start-s3-server';
import { waitUntil } from '../../../infra/local/wait-until';

const BUCKET = 'shoal-ingest-handler-test';
const DATASET = new URL('../../../../shared/datasets/marketing_campaign.csv', import.meta.url);

const local = inject('localAws');
const clients = createAwsClients(local.clients);
const imports = new DynamoDbImportStore(clients.documents, local.tables.imports);
const customers = new DynamoDbCustomerStore(clients.documents, local.tables.customers);

let s3Server: RunningS3Server;
let s3: S3Client;
let trigger: LocalIngestTrigger;
let handler: (
  event: SQSEvent,
  context: ReturnType<typeof localLambdaContext>,
) => Promise<SQSBatchResponse>;

const importOf = async (key: string): Promise<ImportRecord | undefined> =>
  (await imports.listImports({ limit: 100 })).imports.find(
    (record) => record.key === key && record.status !== 'running',
  );

const uploadAndWait = async (key: string, body: string | Uint8Array): Promise<ImportRecord> => {
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
  let record: ImportRecord | undefined;
  await waitUntil(async () => Boolean((record = await importOf(key))), {
    timeoutMs: 30_000,
    what: `the import of ${key}`,
  });
  await trigger.idle();
  return record!;
};

const readObject = async (key: string): Promise<string> =>
  (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString();

beforeAll(async () => {
  s3Server = await startS3Server({ buckets: [BUCKET] });
  s3 = createAwsClients({ region: 'us-east-1', endpoints: { s3: s3Server.endpoint } }).s3;
  Object.assign(process.env, {
    AWS_REGION: local.clients.region,
    SHOAL_DYNAMODB_ENDPOINT: local.clients.endpoints.dynamodb,
    SHOAL_S3_ENDPOINT: s3Server.endpoint,
    UPLOADS_BUCKET: BUCKET,
    CUSTOMERS_TABLE: local.tables.customers,
    IMPORTS_TABLE: local.tables.imports,
    MAX_UPLOAD_BYTES: String(5 * 1024 * 1024),
    POWERTOOLS_LOG_LEVEL: 'WARN',
  });
  ({ handler } = await import('../../../functions/ingest-upload/handler'));
  trigger = createLocalIngestTrigger(handler);
  s3Server.onObjectEvent((record) => trigger.deliver(record));
});

afterAll(async () => {
  s3.destroy();
  clients.dynamodb.destroy();
  await s3Server.stop();
});

describe('ingest-upload handler on the local stack', () => {
  it('imports the real CRM export from an S3 upload: 2,240 customers, no rejections, a report', async () => {
    const key = 'imports/customers/marketing campaign.csv';

    const record = await uploadAndWait(key, readFileSync(DATASET));

    expect(record).toMatchObject({
      status: 'succeeded',
      kind: 'customers',
      counts: { read: 2240, inserted: 2240, rejected: 0 },
      detection: { delimiter: ';', format: 'csv' },
    });
    expect(record.counts.warnings).toBeGreaterThan(0);
    const stored = await customers.getCustomer('5524');
    expect(stored?.profile).toMatchObject({ externalId: '5524', birthYear: 1957 });
    const summary = JSON.parse(await readObject(`reports/imports/${record.id}/summary.json`));
    expect(summary.counts.read).toBe(2240);
    expect(trigger.deadLetters()).toEqual([]);
  });

  it('changes nothing when the same file is uploaded again', async () => {
    const body =
      'customer_id,email,first_name\r\nr-1,Ada@Example.org ,Ada\r\nr-2,grace@example.org,Grace\r\n';
    await uploadAndWait('imports/customers/first.csv', body);

    const again = await uploadAndWait('imports/customers/again.csv', body);

    expect(again.counts).toMatchObject({ read: 2, inserted: 0, updated: 0, unchanged: 2 });
  });

  it('reports every rejected row with its line and reason, escaped against formulas', async () => {
    const body = [
      'customer_id,email,first_name',
      ',,=HYPERLINK("http://evil.example")',
      'ok-1,ok@example.org,Fine',
    ].join('\n');

    const record = await uploadAndWait('imports/customers/dirty.csv', body);

    expect(record).toMatchObject({ status: 'partially-failed', counts: { read: 2, rejected: 1 } });
    const rejected = await readObject(`reports/imports/${record.id}/rejected.csv`);
    expect(rejected.split('\r\n')[0]).toBe('file,line,reason,column,value');
    expect(rejected).toContain('imports/customers/dirty.csv,2,');
    expect(rejected).not.toMatch(/,=HYPERLINK/);
  });

  it('applies the column mapping uploaded next to the file, which wins over detection', async () => {
    const key = 'imports/customers/crm-de.csv';
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: `${key}.mapping.json`,
        Body: JSON.stringify({
          columns: { Kundennummer: 'externalId', Kontakt: 'email', Name: 'lastName' },
        }),
      }),
    );

    const record = await uploadAndWait(
      key,
      'Kundennummer;Kontakt;Name\nde-1;Anna@Example.DE;Schmidt\n',
    );

    expect(record).toMatchObject({ status: 'succeeded', counts: { read: 1, inserted: 1 } });
    expect(record.detection?.columns).toMatchObject({
      Kundennummer: 'externalId',
      Kontakt: 'email',
    });
    const stored = await customers.getCustomer('de-1');
    expect(stored?.profile).toMatchObject({ email: 'anna@example.de', lastName: 'Schmidt' });
  });

  it('fails the import, naming the file, when the mapping next to it is not valid JSON', async () => {
    const key = 'imports/customers/broken-mapping.csv';
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: `${key}.mapping.json`, Body: '{ columns: ' }),
    );

    const record = await uploadAndWait(key, 'customer_id\nb-1\n');

    expect(record.status).toBe('failed');
    expect(record.error).toContain(`${key}.mapping.json is not valid JSON`);
  });

  it('imports an object once when S3 delivers its event twice at the same time', async () => {
    const key = 'imports/customers/twice.csv';
    const body = 'customer_id,email\nt-1,t1@example.org\nt-2,t2@example.org\nt-3,t3@example.org\n';
    const put = await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'staging/twice.csv', Body: body }),
    );
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
    await waitUntil(async () => Boolean(await importOf(key)), {
      timeoutMs: 30_000,
      what: 'first import',
    });
    await trigger.idle();
    const duplicate = sqsEventForS3Record({
      eventName: 'ObjectCreated:Put',
      s3: {
        bucket: { name: BUCKET },
        object: { key, eTag: put.ETag!.replaceAll('"', ''), size: body.length },
      },
    });

    const responses = await Promise.all([
      handler(duplicate, localLambdaContext('ingest')),
      handler(duplicate, localLambdaContext('ingest')),
    ]);

    expect(responses).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
    const all = (await imports.listImports({ limit: 100 })).imports.filter((r) => r.key === key);
    expect(all).toHaveLength(1);
    expect(all[0]!.counts).toMatchObject({ read: 3, inserted: 3 });
  });

  it('fails a file larger than one invocation handles with a record that says how to split it', async () => {
    const header = 'customer_id,email\n';
    const rows = Array.from({ length: 200_000 }, (_, i) => `big-${i},big${i}@example.org`).join(
      '\n',
    );

    const record = await uploadAndWait('imports/customers/too-big.csv', header + rows);

    expect(record.status).toBe('failed');
    expect(record.error).toMatch(/one import handles up to 5\.0 MB\. Split it into parts/);
  });
});
