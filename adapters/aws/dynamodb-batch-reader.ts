import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DependencyFailedError } from '../../core/shared/errors';
import { mapWithConcurrency } from '../../core/shared/map-with-concurrency';
import { type TableKey, uniqueKeyBatches } from './table-key';
import {
  backoffDelay,
  defaultRetryPolicy,
  isRetryableAwsError,
  type RetryPolicy,
} from './retry-policy';

const BATCH_SIZE = 100;
const REQUESTS_IN_FLIGHT = 8;

/**
 * Gets items by key with BatchGetItem, 100 a request, retrying unprocessed keys. Reads cannot be
 * "recorded as failed" the way writes can, so running out of retries throws.
 */
export const batchGetAll = async ({
  documents,
  tableName,
  keys,
  retry = defaultRetryPolicy,
}: {
  documents: DynamoDBDocumentClient;
  tableName: string;
  keys: TableKey[];
  retry?: RetryPolicy;
}): Promise<Record<string, unknown>[]> => {
  const chunks = uniqueKeyBatches(keys, BATCH_SIZE);

  const readChunk = async (chunk: TableKey[]): Promise<Record<string, unknown>[]> => {
    const items: Record<string, unknown>[] = [];
    let pending: TableKey[] = chunk;
    for (let attempt = 0; attempt < retry.maxAttempts && pending.length > 0; attempt++) {
      if (attempt > 0) await retry.sleep(backoffDelay(retry, attempt));
      try {
        const result = await documents.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }),
        );
        items.push(...(result.Responses?.[tableName] ?? []));
        pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as TableKey[];
      } catch (error) {
        if (!isRetryableAwsError(error)) throw error;
      }
    }
    if (pending.length > 0) {
      throw new DependencyFailedError(
        `DynamoDB did not return ${pending.length} items from ${tableName}`,
      );
    }
    return items;
  };

  const results = await mapWithConcurrency(chunks, readChunk, REQUESTS_IN_FLIGHT);
  return results.flat();
};
