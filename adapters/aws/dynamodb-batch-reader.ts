import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DependencyFailedError } from '../../core/shared/errors';
import { mapWithConcurrency } from './map-with-concurrency';
import {
  backoffDelay,
  defaultRetryPolicy,
  isRetryableAwsError,
  type RetryPolicy,
} from './retry-policy';

const BATCH_SIZE = 100;
const REQUESTS_IN_FLIGHT = 8;

type Key = { pk: string; sk: string };

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
  keys: Key[];
  retry?: RetryPolicy;
}): Promise<Record<string, unknown>[]> => {
  const unique = [...new Map(keys.map((key) => [`${key.pk}\u0000${key.sk}`, key])).values()];
  const chunks: Key[][] = [];
  for (let i = 0; i < unique.length; i += BATCH_SIZE) chunks.push(unique.slice(i, i + BATCH_SIZE));

  const readChunk = async (chunk: Key[]): Promise<Record<string, unknown>[]> => {
    const items: Record<string, unknown>[] = [];
    let pending: Key[] = chunk;
    for (let attempt = 0; attempt < retry.maxAttempts && pending.length > 0; attempt++) {
      if (attempt > 0) await retry.sleep(backoffDelay(retry, attempt));
      try {
        const result = await documents.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }),
        );
        items.push(...(result.Responses?.[tableName] ?? []));
        pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
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

  const results = await mapWithConcurrency(chunks, REQUESTS_IN_FLIGHT, readChunk);
  return results.flat();
};
