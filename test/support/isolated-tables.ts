import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createAwsClients } from '../../adapters/aws/aws-clients';
import { TABLES, type TableKey } from '../../infra/data-model';
import { createLocalTables } from '../../infra/local/create-local-tables';

/**
 * A fresh set of Shoal's tables on the shared DynamoDB Local, for a test file whose assertions
 * depend on everything in a table (scans, counts) while other files write in parallel.
 */
export const createIsolatedTables = async (): Promise<Record<TableKey, string>> => {
  const suffix = randomUUID().slice(0, 8);
  const nameOf = (key: TableKey) => `shoal-${TABLES[key].name}-${suffix}`;
  const { dynamodb } = createAwsClients(inject('localAws').clients);
  try {
    await createLocalTables(dynamodb, nameOf);
  } finally {
    dynamodb.destroy();
  }
  return Object.fromEntries(
    (Object.keys(TABLES) as TableKey[]).map((key) => [key, nameOf(key)]),
  ) as Record<TableKey, string>;
};
