import {
  CreateTableCommand,
  type DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { localTableName, TABLES, type TableKey } from '../data-model';

/**
 * Creates any of Shoal's tables that do not exist yet, from the same definitions CDK deploys.
 * `nameOf` lets a test create its own isolated set.
 */
export const createLocalTables = async (
  dynamodb: DynamoDBClient,
  nameOf: (table: TableKey) => string = localTableName,
): Promise<void> => {
  const existing = new Set((await dynamodb.send(new ListTablesCommand({}))).TableNames ?? []);
  for (const key of Object.keys(TABLES) as TableKey[]) {
    const table = TABLES[key];
    const TableName = nameOf(key);
    if (existing.has(TableName)) continue;
    const indexKeys = table.globalSecondaryIndexes.flatMap((gsi) => [
      gsi.partitionKey,
      gsi.sortKey,
    ]);
    await dynamodb.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [table.partitionKey, table.sortKey, ...indexKeys].map((name) => ({
          AttributeName: name,
          AttributeType: 'S',
        })),
        KeySchema: [
          { AttributeName: table.partitionKey, KeyType: 'HASH' },
          { AttributeName: table.sortKey, KeyType: 'RANGE' },
        ],
        ...(table.globalSecondaryIndexes.length > 0 && {
          GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((gsi) => ({
            IndexName: gsi.indexName,
            KeySchema: [
              { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
              { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          })),
        }),
      }),
    );
    await dynamodb.send(
      new UpdateTimeToLiveCommand({
        TableName,
        TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
      }),
    );
  }
};
