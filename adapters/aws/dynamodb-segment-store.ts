import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  paginateQuery,
  PutCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { WriteOutcome } from '../../core/ports/customer-store';
import type { Page, SegmentStore } from '../../core/ports/segment-store';
import type {
  CustomerSegments,
  SegmentationRun,
} from '../../core/segmentation-runs/segmentation-run';
import type { SegmentDefinition } from '../../core/segments';
import { DependencyFailedError } from '../../core/shared/errors';
import { batchDeleteAll } from './dynamodb-batch-deleter';
import { batchGetAll } from './dynamodb-batch-reader';
import { batchPutAll } from './dynamodb-batch-writer';
import {
  customerSegmentsKey,
  definitionKey,
  DEFINITIONS_PARTITION,
  LOCK_KEY,
  memberKey,
  POINTER_KEY,
  runKey,
  runListingKey,
} from './segment-table-keys';

/** SegmentStore over the segments table. */
export class DynamoDbSegmentStore implements SegmentStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listDefinitions(): Promise<SegmentDefinition[]> {
    const definitions: SegmentDefinition[] = [];
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': DEFINITIONS_PARTITION },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) definitions.push(item.data as SegmentDefinition);
    }
    return definitions.sort((a, b) => a.id.localeCompare(b.id));
  }

  async saveDefinition(definition: SegmentDefinition): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...definitionKey(definition.id), data: definition },
      }),
    );
  }

  async deleteDefinition(segmentId: string): Promise<boolean> {
    const { Attributes } = await this.documents.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: definitionKey(segmentId),
        ReturnValues: 'ALL_OLD',
      }),
    );
    return Attributes !== undefined;
  }

  async acquireLock(owner: string, until: string, now: string): Promise<boolean> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...LOCK_KEY, owner, until },
          ConditionExpression: 'attribute_not_exists(pk) OR #until < :now OR #owner = :owner',
          ExpressionAttributeNames: { '#until': 'until', '#owner': 'owner' },
          ExpressionAttributeValues: { ':now': now, ':owner': owner },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async releaseLock(owner: string): Promise<void> {
    try {
      await this.documents.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: LOCK_KEY,
          ConditionExpression: '#owner = :owner',
          ExpressionAttributeNames: { '#owner': 'owner' },
          ExpressionAttributeValues: { ':owner': owner },
        }),
      );
    } catch (error) {
      // Someone else holds it now (ours expired): theirs to release.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async getRun(runId: string): Promise<SegmentationRun | undefined> {
    const result = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: runKey(runId) }),
    );
    return result.Item?.data as SegmentationRun | undefined;
  }

  async saveRun(run: SegmentationRun): Promise<void> {
    const { failed } = await batchPutAll({
      documents: this.documents,
      tableName: this.tableName,
      puts: [
        { key: run.runId, item: { ...runKey(run.runId), data: run } },
        { key: run.runId, item: { ...runListingKey(run.runId), data: run } },
      ],
    });
    if (failed.length > 0) {
      throw new DependencyFailedError(`run ${run.runId} could not be saved: ${failed[0]!.reason}`);
    }
  }

  async listRuns({ limit }: { limit: number }): Promise<SegmentationRun[]> {
    const result = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'RUNS' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => item.data as SegmentationRun);
  }

  async getCurrentRunId(): Promise<string | undefined> {
    const result = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: POINTER_KEY }),
    );
    return result.Item?.runId as string | undefined;
  }

  async setCurrentRunId(runId: string): Promise<void> {
    await this.documents.send(
      new PutCommand({ TableName: this.tableName, Item: { ...POINTER_KEY, runId } }),
    );
  }

  saveCustomerSegments(
    runId: string,
    customers: CustomerSegments[],
    expiresAt: number,
  ): Promise<WriteOutcome> {
    return batchPutAll({
      documents: this.documents,
      tableName: this.tableName,
      puts: customers.flatMap((customer) => {
        const key = `customer ${customer.customerId}`;
        return [
          {
            key,
            item: { ...customerSegmentsKey(runId, customer.customerId), data: customer, expiresAt },
          },
          ...customer.memberships.map((membership) => ({
            key,
            item: {
              ...memberKey(runId, membership.segmentId, customer.customerId),
              customerId: customer.customerId,
              reason: membership.reason,
              since: membership.since,
              expiresAt,
            },
          })),
        ];
      }),
    });
  }

  async getCustomerSegments(
    runId: string,
    customerIds: string[],
  ): Promise<Map<string, CustomerSegments>> {
    const items = await batchGetAll({
      documents: this.documents,
      tableName: this.tableName,
      keys: customerIds.map((id) => customerSegmentsKey(runId, id)),
    });
    return new Map(
      items.map((item) => {
        const customer = item.data as CustomerSegments;
        return [customer.customerId, customer];
      }),
    );
  }

  async listMemberIds(runId: string, segmentId: string): Promise<string[]> {
    const ids: string[] = [];
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': memberKey(runId, segmentId, '').pk },
        ProjectionExpression: 'customerId',
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) ids.push(item.customerId as string);
    }
    return ids;
  }

  /** The cursor is the sort key of the last member read, where DynamoDB's next Query starts. */
  async listMemberIdsPage(
    runId: string,
    segmentId: string,
    { cursor, limit }: { cursor?: string; limit: number },
  ): Promise<Page<string>> {
    const { pk } = memberKey(runId, segmentId, '');
    const result = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ProjectionExpression: 'customerId',
        Limit: limit,
        ...(cursor && { ExclusiveStartKey: { pk, sk: cursor } }),
      }),
    );
    const next = result.LastEvaluatedKey?.sk as string | undefined;
    return {
      items: (result.Items ?? []).map((item) => item.customerId as string),
      ...(next && { cursor: next }),
    };
  }

  /**
   * Reads the run listing's keys only (a run item carries its whole summary), then the customer's
   * summary in each run with BatchGetItem: a handful of requests even after years of nightly runs.
   */
  async listCustomerSegmentHistory(customerId: string): Promise<CustomerSegments[]> {
    const runIds: string[] = [];
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': runListingKey('').pk },
        ProjectionExpression: 'sk',
        ScanIndexForward: false,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) runIds.push(item.sk as string);
    }
    const items = await batchGetAll({
      documents: this.documents,
      tableName: this.tableName,
      keys: runIds.map((runId) => customerSegmentsKey(runId, customerId)),
    });
    const byRun = new Map(
      items.map((item) => {
        const summary = item.data as CustomerSegments;
        return [summary.runId, summary];
      }),
    );
    return runIds.flatMap((runId) => {
      const summary = byRun.get(runId);
      return summary ? [summary] : [];
    });
  }

  async deleteCustomerSegments(summaries: CustomerSegments[]): Promise<void> {
    await batchDeleteAll({
      documents: this.documents,
      tableName: this.tableName,
      keys: summaries.flatMap((summary) => [
        customerSegmentsKey(summary.runId, summary.customerId),
        ...summary.memberships.map((membership) =>
          memberKey(summary.runId, membership.segmentId, summary.customerId),
        ),
      ]),
    });
  }
}
