import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { ImportRecord } from '../../core/ingest/import-record';
import type { ImportStore, UploadClaim } from '../../core/ports/import-store';

const recordKey = (importId: string) => ({ pk: `IMPORT#${importId}`, sk: 'META' });
// Imports are few (one per upload), so one partition ordered by start time serves the listing.
const LIST_PARTITION = 'IMPORTS';
const listKey = (record: ImportRecord) => ({
  pk: LIST_PARTITION,
  sk: `${record.startedAt}#${record.id}`,
});

/** ImportStore over the imports table: a record item per import plus a time-ordered listing item. */
export class DynamoDbImportStore implements ImportStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claimImport(record: ImportRecord, leaseUntil: string, now: string): Promise<UploadClaim> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...recordKey(record.id), data: record, status: record.status, leaseUntil },
          ConditionExpression:
            'attribute_not_exists(pk) OR #status = :failed OR (#status = :running AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':running': 'running', ':failed': 'failed', ':now': now },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const existing = await this.getImport(record.id);
      return { claimed: false, status: existing?.status ?? 'running' };
    }
    await this.documents.send(
      new PutCommand({ TableName: this.tableName, Item: { ...listKey(record), data: record } }),
    );
    return { claimed: true };
  }

  async saveImport(record: ImportRecord): Promise<void> {
    await this.documents.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...recordKey(record.id), data: record, status: record.status },
            },
          },
          { Put: { TableName: this.tableName, Item: { ...listKey(record), data: record } } },
        ],
      }),
    );
  }

  async getImport(importId: string): Promise<ImportRecord | undefined> {
    const result = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: recordKey(importId) }),
    );
    return result.Item?.data as ImportRecord | undefined;
  }

  async listImports({ limit, cursor }: { limit: number; cursor?: string }) {
    const result = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': LIST_PARTITION },
        ScanIndexForward: false,
        Limit: limit,
        ...(cursor && { ExclusiveStartKey: { pk: LIST_PARTITION, sk: cursor } }),
      }),
    );
    const next = result.LastEvaluatedKey?.sk as string | undefined;
    return {
      imports: (result.Items ?? []).map((item) => item.data as ImportRecord),
      ...(next && { cursor: next }),
    };
  }
}
