import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { SendRawEmailCommand } from '@aws-sdk/client-ses';
import { Upload } from '@aws-sdk/lib-storage';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createAwsClients } from '../../../adapters/aws/aws-clients';

const local = inject('localAws');
const clients = createAwsClients(local.clients);

afterAll(() => {
  clients.dynamodb.destroy();
  clients.s3.destroy();
  clients.ses.destroy();
});

/** Deterministic pseudo-random bytes, so a corrupted byte anywhere changes the digest. */
const patternedBytes = (size: number): Buffer => {
  const bytes = Buffer.alloc(size);
  let state = 0x9e3779b9;
  for (let i = 0; i < size; i++) {
    state = (state ^ (state << 13)) >>> 0;
    state = (state ^ (state >>> 17)) >>> 0;
    state = (state ^ (state << 5)) >>> 0;
    bytes[i] = state & 0xff;
  }
  return bytes;
};

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('createAwsClients against the local stack', () => {
  it('commits a DynamoDB transaction across two tables atomically', async () => {
    await clients.dynamodb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Put: {
              TableName: local.tables.customers,
              Item: { pk: { S: 'C#tx-1' }, sk: { S: 'PROFILE' } },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: local.tables.imports,
              Item: { pk: { S: 'IMPORT#tx-1' }, sk: { S: 'META' } },
            },
          },
        ],
      }),
    );
    const replay = clients.dynamodb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Put: {
              TableName: local.tables.customers,
              Item: { pk: { S: 'C#tx-1' }, sk: { S: 'PROFILE' } },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: local.tables.imports,
              Item: { pk: { S: 'IMPORT#tx-2' }, sk: { S: 'META' } },
            },
          },
        ],
      }),
    );
    await expect(replay).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    const secondImport = await clients.dynamodb.send(
      new GetItemCommand({
        TableName: local.tables.imports,
        Key: { pk: { S: 'IMPORT#tx-2' }, sk: { S: 'META' } },
      }),
    );
    expect(secondImport.Item).toBeUndefined();
  });

  it('reads back a streamed S3 PutObject byte for byte', async () => {
    // Without WHEN_REQUIRED checksums the SDK sends an aws-chunked body that s3rver stores with its
    // framing: the object comes back 45 bytes longer. This test failed before the fix.
    const body = patternedBytes(300_000);
    const key = 'imports/customers/streamed-put.bin';
    await clients.s3.send(
      new PutObjectCommand({
        Bucket: local.bucket,
        Key: key,
        Body: Readable.from([body.subarray(0, 100_000), body.subarray(100_000)]),
        ContentLength: body.length,
      }),
    );

    const object = await clients.s3.send(new GetObjectCommand({ Bucket: local.bucket, Key: key }));
    const readBack = await object.Body!.transformToByteArray();

    expect(readBack.length).toBe(body.length);
    expect(sha256(readBack)).toBe(sha256(body));
  });

  it('reads back a streamed multipart S3 upload byte for byte', async () => {
    const body = patternedBytes(11 * 1024 * 1024 + 123);
    const key = 'imports/customers/streamed.bin';
    await new Upload({
      client: clients.s3,
      params: {
        Bucket: local.bucket,
        Key: key,
        Body: Readable.from([body.subarray(0, 7_000_000), body.subarray(7_000_000)]),
      },
      partSize: 5 * 1024 * 1024,
    }).done();

    const object = await clients.s3.send(new GetObjectCommand({ Bucket: local.bucket, Key: key }));
    const readBack = await object.Body!.transformToByteArray();

    expect(readBack.length).toBe(body.length);
    expect(sha256(readBack)).toBe(sha256(body));
  });

  it('pages through an S3 listing', async () => {
    const keys = Array.from({ length: 5 }, (_, i) => `paging/object-${i}.txt`);
    await Promise.all(
      keys.map((Key) =>
        new Upload({ client: clients.s3, params: { Bucket: local.bucket, Key, Body: Key } }).done(),
      ),
    );
    const first = await clients.s3.send(
      new ListObjectsV2Command({ Bucket: local.bucket, Prefix: 'paging/', MaxKeys: 2 }),
    );
    const rest = await clients.s3.send(
      new ListObjectsV2Command({
        Bucket: local.bucket,
        Prefix: 'paging/',
        ContinuationToken: first.NextContinuationToken,
      }),
    );
    expect(first.IsTruncated).toBe(true);
    expect([...(first.Contents ?? []), ...(rest.Contents ?? [])].map((o) => o.Key)).toEqual(keys);
  });

  it('records a raw SES message verbatim, custom headers included', async () => {
    const raw = [
      'From: shop@example.com',
      'To: ada@example.org',
      'Subject: Hello',
      'List-Unsubscribe: <https://shop.example/v1/unsubscribe?token=abc>, <mailto:unsubscribe@shop.example>',
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hi Ada',
    ].join('\r\n');

    const sent = await clients.ses.send(
      new SendRawEmailCommand({
        RawMessage: { Data: Buffer.from(raw) },
        ConfigurationSetName: 'shoal',
      }),
    );
    const outbox = (await (await fetch(`${local.clients.endpoints.ses}/_shoal/outbox`)).json()) as {
      messages: {
        messageId: string;
        raw: string;
        destinations: string[];
        configurationSet: string;
      }[];
    };
    const recorded = outbox.messages.find((m) => m.messageId === sent.MessageId);

    expect(recorded?.raw).toBe(raw);
    expect(recorded?.destinations).toEqual(['ada@example.org']);
    expect(recorded?.configurationSet).toBe('shoal');
  });
});
