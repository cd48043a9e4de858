import { Readable } from 'node:stream';
import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createAwsClients } from '../../../adapters/aws/aws-clients';
import { DynamoDbCustomerStore } from '../../../adapters/aws/dynamodb-customer-store';
import type { RetryPolicy } from '../../../adapters/aws/retry-policy';
import { ingestCustomerExport } from '../../../core/ingest/ingest-customer-export';

const instantRetry: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1,
  maxDelayMs: 1,
  sleep: async () => {},
  random: () => 0.5,
};

type PutRequest = { PutRequest: { Item: { pk: string } } };

// Fault injection: DynamoDB Local never answers with UnprocessedItems or throughput errors, so
// the document client is replaced by aws-sdk-client-mock for this test.
describe('ingest when DynamoDB keeps refusing some writes', () => {
  it('accounts for every row: written rows counted, the rest reported as failed with a reason', async () => {
    const documents = createAwsClients({ region: 'us-east-1' }).documents;
    const mock = mockClient(documents as DynamoDBDocumentClient);
    mock.on(BatchGetCommand).resolves({ Responses: {} });
    const stuck = new Set(['C#c-7', 'C#c-8']);
    let call = 0;
    mock
      .on(BatchWriteCommand)
      .callsFake((input: { RequestItems: Record<string, PutRequest[]> }) => {
        call++;
        const requests = input.RequestItems.customers!;
        // Three answers with unprocessed items, then a throughput error, and so on: two profiles
        // never get through.
        if (call % 4 === 0) {
          throw Object.assign(new Error('Throughput exceeds the current capacity'), {
            name: 'ProvisionedThroughputExceededException',
          });
        }
        return {
          UnprocessedItems: { customers: requests.filter((r) => stuck.has(r.PutRequest.Item.pk)) },
        };
      });
    const csv = [
      'customer_id,email',
      ...Array.from({ length: 10 }, (_, i) => `c-${i},c${i}@example.org`),
    ].join('\n');

    const { record, rejected } = await ingestCustomerExport({
      source: Readable.from([Buffer.from(csv)]),
      key: 'imports/customers/faults.csv',
      sourceTime: new Date('2026-11-01T00:00:00Z'),
      store: new DynamoDbCustomerStore(documents, 'customers', instantRetry),
      clock: () => new Date('2026-11-01T00:00:00Z'),
      importId: 'faults',
    });

    const { read, inserted, updated, unchanged, rejected: rejectedCount, failed } = record.counts;
    expect(read).toBe(10);
    expect(inserted + updated + unchanged + rejectedCount + failed).toBe(read);
    expect(failed).toBe(2);
    expect(record.status).toBe('partially-failed');
    expect(rejected.map((row) => row.line).sort((a, b) => a - b)).toEqual([9, 10]);
    expect(rejected[0]!.reason).toMatch(/write failed: .*not written after 5 attempts/);
  });
});
