import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  ScanCommand,
  paginateQuery,
  paginateScan,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { CustomerEvent } from '../../core/customers/customer-event';
import { eventKey } from '../../core/ingest/event-key';
import type { CustomerProfile } from '../../core/customers/customer-profile';
import type { Order } from '../../core/customers/order';
import type {
  CustomerDeletion,
  CustomerRecord,
  CustomerStore,
  IdentityMatches,
  ProfileCard,
  WriteOutcome,
} from '../../core/ports/customer-store';
import {
  customerPartition,
  emailAlias,
  eventSortKey,
  externalIdAlias,
  orderSortKey,
  PROFILE_SORT_KEY,
} from './customer-table-keys';
import { batchDeleteAll } from './dynamodb-batch-deleter';
import { batchGetAll } from './dynamodb-batch-reader';
import { batchPutAll, type KeyedPut } from './dynamodb-batch-writer';
import type { RetryPolicy } from './retry-policy';
import { ValidationError } from '../../core/shared/errors';

type StoredItem = { pk: string; sk: string; data?: unknown; customerId?: string };

const customerIdOf = (pk: string): string => pk.slice(2);

const encodeScanCursor = (key: Record<string, unknown>): string =>
  Buffer.from(JSON.stringify([key.pk, key.sk])).toString('base64url');

/** A cursor is only ever a key this store handed out; anything else is a 400, not a 500. */
const decodeScanCursor = (cursor: string): { pk: string; sk: string } => {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const [pk, sk] = Array.isArray(key) ? (key as unknown[]) : [];
  if (typeof pk !== 'string' || typeof sk !== 'string') {
    throw new ValidationError('cursor is not valid', ['cursor']);
  }
  return { pk, sk };
};

const emptyRecord = (): Omit<CustomerRecord, 'profile'> & { profile?: CustomerProfile } => ({
  orders: [],
  events: [],
});

/** CustomerStore over the customers table, through BatchGet/BatchWrite and parallel scans. */
export class DynamoDbCustomerStore implements CustomerStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retry?: RetryPolicy,
  ) {}

  async findIdentities({
    externalIds,
    emails,
  }: {
    externalIds: string[];
    emails: string[];
  }): Promise<IdentityMatches> {
    const items = (await batchGetAll({
      documents: this.documents,
      tableName: this.tableName,
      keys: [...externalIds.map(externalIdAlias), ...emails.map(emailAlias)],
      retry: this.retry,
    })) as StoredItem[];
    const matches: IdentityMatches = { byExternalId: new Map(), byEmail: new Map() };
    for (const item of items) {
      if (!item.customerId) continue;
      if (item.pk.startsWith('EXT#')) matches.byExternalId.set(item.pk.slice(4), item.customerId);
      else matches.byEmail.set(item.pk.slice(6), item.customerId);
    }
    return matches;
  }

  async getProfiles(customerIds: string[]): Promise<Map<string, CustomerProfile>> {
    const items = (await batchGetAll({
      documents: this.documents,
      tableName: this.tableName,
      keys: customerIds.map((id) => ({ pk: customerPartition(id), sk: PROFILE_SORT_KEY })),
      retry: this.retry,
    })) as StoredItem[];
    return new Map(items.map((item) => [customerIdOf(item.pk), item.data as CustomerProfile]));
  }

  saveProfiles(profiles: CustomerProfile[]): Promise<WriteOutcome> {
    const puts: KeyedPut[] = profiles.flatMap((profile) => {
      const key = profile.customerId;
      const { customerId } = profile;
      return [
        { key, item: { pk: customerPartition(customerId), sk: PROFILE_SORT_KEY, data: profile } },
        ...(profile.externalId
          ? [{ key, item: { ...externalIdAlias(profile.externalId), customerId } }]
          : []),
        ...(profile.email ? [{ key, item: { ...emailAlias(profile.email), customerId } }] : []),
      ];
    });
    return this.put(puts);
  }

  saveOrders(orders: Order[]): Promise<WriteOutcome> {
    return this.put(
      orders.map((order) => ({
        key: order.orderId,
        item: {
          pk: customerPartition(order.customerId),
          sk: orderSortKey(order.orderId),
          data: order,
        },
      })),
    );
  }

  saveEvents(events: CustomerEvent[]): Promise<WriteOutcome> {
    return this.put(
      events.map((event) => ({
        key: eventKey(event),
        item: {
          pk: customerPartition(event.customerId),
          sk: eventSortKey(event.at, event.type, event.eventId),
          data: event,
        },
      })),
    );
  }

  /**
   * A parallel-scan segment contains whole partitions, so every customer's items arrive in the
   * same shard; they are gathered per customer before being handed out.
   */
  async *scanCustomers({
    index,
    count,
  }: {
    index: number;
    count: number;
  }): AsyncIterable<CustomerRecord> {
    const byCustomer = new Map<string, ReturnType<typeof emptyRecord>>();
    const pages = paginateScan(
      { client: this.documents, pageSize: 1000 },
      {
        TableName: this.tableName,
        Segment: index,
        TotalSegments: count,
        FilterExpression: 'begins_with(pk, :customer)',
        ExpressionAttributeValues: { ':customer': 'C#' },
      },
    );
    for await (const page of pages) {
      for (const item of (page.Items ?? []) as StoredItem[]) {
        const id = customerIdOf(item.pk);
        let record = byCustomer.get(id);
        if (!record) byCustomer.set(id, (record = emptyRecord()));
        addItem(record, item);
      }
    }
    for (const record of byCustomer.values()) {
      if (record.profile) yield record as CustomerRecord;
    }
  }

  /**
   * One Scan page: DynamoDB reads `limit` items of any kind (orders and events too) and returns
   * the profiles among them, only the fields a search shows. The cursor is the page's
   * LastEvaluatedKey, which is a (pk, sk) pair of strings.
   */
  async scanProfiles({
    limit,
    cursor,
  }: {
    limit: number;
    cursor?: string;
  }): Promise<{ profiles: ProfileCard[]; scanned: number; cursor?: string }> {
    const result = await this.documents.send(
      new ScanCommand({
        TableName: this.tableName,
        Limit: limit,
        FilterExpression: 'sk = :profile',
        ProjectionExpression:
          '#data.customerId, #data.externalId, #data.email, #data.emailDisplay, #data.firstName, #data.lastName',
        ExpressionAttributeNames: { '#data': 'data' },
        ExpressionAttributeValues: { ':profile': PROFILE_SORT_KEY },
        ...(cursor !== undefined && { ExclusiveStartKey: decodeScanCursor(cursor) }),
      }),
    );
    const next = result.LastEvaluatedKey;
    return {
      profiles: (result.Items ?? []).map((item) => item.data as ProfileCard),
      scanned: result.ScannedCount ?? 0,
      ...(next !== undefined && { cursor: encodeScanCursor(next) }),
    };
  }

  async getCustomer(customerId: string): Promise<CustomerRecord | undefined> {
    const record = emptyRecord();
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': customerPartition(customerId) },
      },
    );
    for await (const page of pages) {
      for (const item of (page.Items ?? []) as StoredItem[]) addItem(record, item);
    }
    return record.profile ? (record as CustomerRecord) : undefined;
  }

  async deleteCustomer(
    customerId: string,
    aliases: { externalIds: string[]; emails: string[] },
  ): Promise<CustomerDeletion> {
    const items = await this.partitionForDeletion(customerId);
    const others = items.filter((item) => item.sk !== PROFILE_SORT_KEY);
    await batchDeleteAll({
      documents: this.documents,
      tableName: this.tableName,
      keys: others.map(({ pk, sk }) => ({ pk, sk })),
      retry: this.retry,
    });
    const aliasKeys = [
      ...[...new Set(aliases.externalIds)].map(externalIdAlias),
      ...[...new Set(aliases.emails)].map(emailAlias),
    ];
    const deletedAliases = await Promise.all(
      aliasKeys.map((key) => this.deleteAliasOf(customerId, key)),
    );
    const profiles = items.filter((item) => item.sk === PROFILE_SORT_KEY);
    await batchDeleteAll({
      documents: this.documents,
      tableName: this.tableName,
      keys: profiles.map(({ pk, sk }) => ({ pk, sk })),
      retry: this.retry,
    });
    return {
      profiles: profiles.length,
      orders: others.filter((item) => item.sk.startsWith('ORDER#')).length,
      events: others.filter((item) => item.sk.startsWith('EVENT#')).length,
      aliases: deletedAliases.filter(Boolean).length,
    };
  }

  /** Keys only, strongly consistent: a deletion must see every item written before it started. */
  private async partitionForDeletion(customerId: string): Promise<StoredItem[]> {
    const items: StoredItem[] = [];
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': customerPartition(customerId) },
        ProjectionExpression: 'pk, sk',
        ConsistentRead: true,
      },
    );
    for await (const page of pages) items.push(...((page.Items ?? []) as StoredItem[]));
    return items;
  }

  /** Deletes the alias only while it points to this customer; true when it did. */
  private async deleteAliasOf(
    customerId: string,
    key: { pk: string; sk: string },
  ): Promise<boolean> {
    try {
      await this.documents.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: key,
          ConditionExpression: 'customerId = :customerId',
          ExpressionAttributeValues: { ':customerId': customerId },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private put(puts: KeyedPut[]): Promise<WriteOutcome> {
    return batchPutAll({
      documents: this.documents,
      tableName: this.tableName,
      puts,
      retry: this.retry,
    });
  }
}

const addItem = (record: ReturnType<typeof emptyRecord>, item: StoredItem): void => {
  if (item.sk === PROFILE_SORT_KEY) record.profile = item.data as CustomerProfile;
  else if (item.sk.startsWith('ORDER#')) record.orders.push(item.data as Order);
  else if (item.sk.startsWith('EVENT#')) record.events.push(item.data as CustomerEvent);
};
