import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FailedWrite, WriteOutcome } from '../../core/ports/customer-store';
import { mapWithConcurrency } from '../../core/shared/map-with-concurrency';
import {
  backoffDelay,
  defaultRetryPolicy,
  isRetryableAwsError,
  type RetryPolicy,
} from './retry-policy';

/** An item to put, with the key the import report uses if it cannot be written. */
export interface KeyedPut {
  key: string;
  item: Record<string, unknown>;
}

const BATCH_SIZE = 25;
const REQUESTS_IN_FLIGHT = 8;

type PutRequest = { PutRequest: { Item: Record<string, unknown> } };

/**
 * Writes items with BatchWriteItem, 25 a request and several requests in flight. Unprocessed items
 * and throttling are retried with capped exponential backoff and jitter; whatever is still not
 * written after the last attempt is returned as failed, by key, never dropped.
 */
export const batchPutAll = async ({
  documents,
  tableName,
  puts,
  retry = defaultRetryPolicy,
}: {
  documents: DynamoDBDocumentClient;
  tableName: string;
  puts: KeyedPut[];
  retry?: RetryPolicy;
}): Promise<WriteOutcome> => {
  const failed: FailedWrite[] = [];
  // BatchWriteItem rejects a request that names one key twice; the last put of a key wins.
  const unique = [
    ...new Map(puts.map((put) => [`${put.item.pk}\u0000${put.item.sk}`, put])).values(),
  ];
  const batches: KeyedPut[][] = [];
  for (let i = 0; i < unique.length; i += BATCH_SIZE) batches.push(unique.slice(i, i + BATCH_SIZE));

  const writeBatch = async (batch: KeyedPut[]): Promise<void> => {
    const keyOf = new Map(batch.map((put) => [put.item, put.key]));
    let pending: PutRequest[] = batch.map((put) => ({ PutRequest: { Item: put.item } }));
    let lastProblem = 'unprocessed by DynamoDB';
    for (let attempt = 0; attempt < retry.maxAttempts && pending.length > 0; attempt++) {
      if (attempt > 0) await retry.sleep(backoffDelay(retry, attempt));
      try {
        const result = await documents.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: pending } }),
        );
        pending = (result.UnprocessedItems?.[tableName] ?? []) as PutRequest[];
        lastProblem = 'unprocessed by DynamoDB';
      } catch (error) {
        if (!isRetryableAwsError(error)) throw error;
        lastProblem = (error as Error).name;
      }
    }
    for (const request of pending) {
      failed.push({
        key: keyOf.get(request.PutRequest.Item) ?? '(unknown)',
        reason: `not written after ${retry.maxAttempts} attempts: ${lastProblem}`,
      });
    }
  };

  await mapWithConcurrency(batches, writeBatch, REQUESTS_IN_FLIGHT);
  // Several items can stand for one row (a profile and its aliases): report the row once.
  return { failed: [...new Map(failed.map((f) => [f.key, f])).values()] };
};
