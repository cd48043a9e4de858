import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DependencyFailedError } from '../../core/shared/errors';
import { mapWithConcurrency } from '../../core/shared/map-with-concurrency';
import { type TableKey, uniqueKeyBatches } from './table-key';
import {
  backoffDelay,
  defaultRetryPolicy,
  isRetryableAwsError,
  type RetryPolicy,
} from './retry-policy';

const BATCH_SIZE = 25;
const REQUESTS_IN_FLIGHT = 8;

type DeleteRequest = { DeleteRequest: { Key: TableKey } };

/**
 * Deletes items by key with BatchWriteItem, 25 a request, retrying unprocessed keys with backoff.
 * Deletions serve erasure, where a silently kept item is a broken promise, so running out of
 * retries throws; deleting again is harmless, so the caller can simply retry.
 */
export const batchDeleteAll = async ({
  documents,
  tableName,
  keys,
  retry = defaultRetryPolicy,
}: {
  documents: DynamoDBDocumentClient;
  tableName: string;
  keys: TableKey[];
  retry?: RetryPolicy;
}): Promise<void> => {
  const batches = uniqueKeyBatches(keys, BATCH_SIZE);

  const deleteBatch = async (batch: TableKey[]): Promise<void> => {
    let pending: DeleteRequest[] = batch.map((key) => ({
      DeleteRequest: { Key: { pk: key.pk, sk: key.sk } },
    }));
    for (let attempt = 0; attempt < retry.maxAttempts && pending.length > 0; attempt++) {
      if (attempt > 0) await retry.sleep(backoffDelay(retry, attempt));
      try {
        const result = await documents.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: pending } }),
        );
        pending = (result.UnprocessedItems?.[tableName] ?? []) as DeleteRequest[];
      } catch (error) {
        if (!isRetryableAwsError(error)) throw error;
      }
    }
    if (pending.length > 0) {
      throw new DependencyFailedError(
        `DynamoDB did not delete ${pending.length} items from ${tableName}`,
      );
    }
  };

  await mapWithConcurrency(batches, deleteBatch, REQUESTS_IN_FLIGHT);
};
