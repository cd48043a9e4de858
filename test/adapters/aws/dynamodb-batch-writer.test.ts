import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../../adapters/aws/aws-clients';
import { batchPutAll } from '../../../adapters/aws/dynamodb-batch-writer';
import type { RetryPolicy } from '../../../adapters/aws/retry-policy';

const instantRetry: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1,
  maxDelayMs: 1,
  sleep: async () => {},
  random: () => 0.5,
};

const throughputError = () =>
  Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
    name: 'ProvisionedThroughputExceededException',
  });

// Fault injection: DynamoDB Local never returns UnprocessedItems or throttles, so these cases use
// aws-sdk-client-mock on a client built by the project's own factory.
describe('batchPutAll under injected faults', () => {
  const documents = createAwsClients({ region: 'us-east-1' }).documents;
  const mock = mockClient(documents as DynamoDBDocumentClient);

  afterEach(() => mock.reset());

  const puts = Array.from({ length: 30 }, (_, i) => ({
    key: `row ${i + 2}`,
    item: { pk: `C#${i}`, sk: 'PROFILE' },
  }));

  it('retries unprocessed items and throttling until everything is written', async () => {
    const calls: number[] = [];
    mock.on(BatchWriteCommand).callsFake((input: { RequestItems: Record<string, unknown[]> }) => {
      const requests = input.RequestItems.customers!;
      calls.push(requests.length);
      if (calls.length === 2) throw throughputError();
      // Each of the first three answers leaves the last item unprocessed.
      return calls.length <= 4 && requests.length > 1
        ? { UnprocessedItems: { customers: requests.slice(-1) } }
        : {};
    });

    const outcome = await batchPutAll({
      documents,
      tableName: 'customers',
      puts,
      retry: instantRetry,
    });

    expect(outcome.failed).toEqual([]);
  });

  it('reports, by row, what is still unwritten after the last attempt', async () => {
    const stuck = new Set(['C#23', 'C#24']);
    let call = 0;
    mock.on(BatchWriteCommand).callsFake((input: { RequestItems: Record<string, unknown[]> }) => {
      if (++call % 4 === 0) throw throughputError();
      const requests = input.RequestItems.customers! as { PutRequest: { Item: { pk: string } } }[];
      return {
        UnprocessedItems: { customers: requests.filter((r) => stuck.has(r.PutRequest.Item.pk)) },
      };
    });

    const outcome = await batchPutAll({
      documents,
      tableName: 'customers',
      puts,
      retry: instantRetry,
    });

    expect(outcome.failed.map((f) => f.key).sort()).toEqual(['row 25', 'row 26']);
    expect(outcome.failed[0]!.reason).toMatch(/not written after 5 attempts/);
  });
});
