import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  paginateQuery,
  PutCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Campaign } from '../../core/campaigns/campaign';
import type {
  CampaignSend,
  CampaignSendPatch,
  SendStatus,
} from '../../core/campaigns/campaign-send';
import {
  type DeliveryCounts,
  type DeliveryEventRecord,
  emptyDeliveryCounts,
} from '../../core/campaigns/delivery-event';
import { outboxIdOf } from '../../core/campaigns/outbox-id';
import { sendIdFor } from '../../core/campaigns/send-id';
import type { Suppression, SuppressionReason } from '../../core/campaigns/suppression';
import type {
  CampaignStore,
  MessageRef,
  ReconcileOutcome,
  SendDeletion,
  SendFilter,
} from '../../core/ports/campaign-store';
import type { Clock } from '../../core/shared/clock';
import { ConflictError, DependencyFailedError } from '../../core/shared/errors';
import {
  acceptedSendKey,
  BY_CUSTOMER_INDEX,
  CAMPAIGN_LISTING_PARTITION,
  campaignKey,
  campaignListingKeys,
  campaignPartition,
  customerHistoryPartition,
  customerIndexKeys,
  customerIndexSortKey,
  deliveryCountsKey,
  deliveryEventKey,
  LATEST_INSTANT,
  LAYOUT_ATTRIBUTES,
  messageKey,
  SEND_SORT_PREFIX,
  sendKey,
  suppressionItemKey,
} from './campaign-table-keys';
import { batchDeleteAll } from './dynamodb-batch-deleter';
import { batchGetAll } from './dynamodb-batch-reader';
import { batchPutAll } from './dynamodb-batch-writer';
import { mapWithConcurrency } from '../../core/shared/map-with-concurrency';
import { backoffDelay, defaultRetryPolicy, type RetryPolicy } from './retry-policy';

export interface DynamoDbCampaignStoreOptions {
  /**
   * How to tell whether a send left in `sending` was accepted. The default reads the MessageId
   * recorded under the send id (by `recordMessage`, or by a consumer of SES send events) and
   * answers `unknown` when there is none: absence never proves that SES did not accept it.
   */
  reconcile?: CampaignStore['reconcile'];
  clock?: Clock;
  retry?: RetryPolicy;
}

type Item = Record<string, unknown>;

const HISTORY_QUERIES_IN_FLIGHT = 8;

/**
 * CampaignStore over the campaigns table with the document client. Every deciding write is a
 * condition expression (a lost race throws ConflictError); a delivery event and its counter move
 * in one transaction, so a duplicate notification is stored and counted zero times.
 * `documents` must drop undefined values when marshalling (aws-clients.ts builds it so): domain
 * records leave optional fields undefined.
 */
export class DynamoDbCampaignStore implements CampaignStore {
  private readonly reconcileStrategy: CampaignStore['reconcile'];
  private readonly clock: Clock;
  private readonly retry: RetryPolicy;

  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: DynamoDbCampaignStoreOptions = {},
  ) {
    this.reconcileStrategy = options.reconcile ?? ((send) => this.findAcceptedSend(send));
    this.clock = options.clock ?? (() => new Date());
    this.retry = options.retry ?? defaultRetryPolicy;
  }

  async listCampaigns(): Promise<Campaign[]> {
    // The index is eventually consistent: a campaign created a moment ago may show a moment later.
    const items = await this.queryAll({
      IndexName: BY_CUSTOMER_INDEX,
      KeyConditionExpression: 'gsi1pk = :campaigns',
      ExpressionAttributeValues: { ':campaigns': CAMPAIGN_LISTING_PARTITION },
      ScanIndexForward: false,
    });
    return items.map((item) => withoutLayout(item) as Campaign);
  }

  async getCampaign(campaignId: string): Promise<Campaign | undefined> {
    return (await this.get(campaignKey(campaignId))) as Campaign | undefined;
  }

  async putCampaign(campaign: Campaign, expectedVersion?: number): Promise<Campaign> {
    const stored: Campaign = {
      ...campaign,
      version: expectedVersion === undefined ? campaign.version : expectedVersion + 1,
    };
    await conditionally(
      this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...stored,
            ...campaignKey(campaign.campaignId),
            ...campaignListingKeys(campaign),
          },
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }),
        }),
      ),
      `campaign ${campaign.campaignId} changed concurrently`,
      { campaignId: campaign.campaignId, expectedVersion },
    );
    return stored;
  }

  async createSendIfAbsent(send: CampaignSend): Promise<boolean> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: sendItem(send),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async getSend(campaignId: string, outboxId: string): Promise<CampaignSend | undefined> {
    return (await this.get(sendKey(campaignId, outboxId))) as CampaignSend | undefined;
  }

  async listSends(campaignId: string, filter: SendFilter = {}): Promise<CampaignSend[]> {
    const wanted = filter.statuses && new Set<SendStatus>(filter.statuses);
    const matches = (send: CampaignSend) => !wanted || wanted.has(send.status);
    if (filter.outboxIds) {
      // A slice names its records, so reading them by key beats querying the campaign.
      const items = await batchGetAll({
        documents: this.documents,
        tableName: this.tableName,
        keys: filter.outboxIds.map((outboxId) => sendKey(campaignId, outboxId)),
        retry: this.retry,
      });
      return items.map((item) => withoutLayout(item) as CampaignSend).filter(matches);
    }
    const statuses = filter.statuses ?? [];
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :send)',
      ...(statuses.length > 0 && {
        FilterExpression: `#status IN (${statuses.map((_, i) => `:s${i}`).join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status' },
      }),
      ExpressionAttributeValues: {
        ':pk': campaignPartition(campaignId),
        ':send': SEND_SORT_PREFIX,
        ...Object.fromEntries(statuses.map((status, i) => [`:s${i}`, status])),
      },
    });
    return items.map((item) => withoutLayout(item) as CampaignSend).filter(matches);
  }

  async transition(
    campaignId: string,
    outboxId: string,
    from: SendStatus,
    to: SendStatus,
    patch: CampaignSendPatch,
  ): Promise<CampaignSend> {
    const set: Item = { status: to, updatedAt: this.clock().toISOString() };
    const remove: string[] = [];
    for (const [field, value] of Object.entries(patch)) {
      // A field given as undefined is cleared, like the in-memory store's spread does.
      if (value === undefined) remove.push(field);
      else set[field] = value;
    }
    // Only a sent record sorts by time in the byCustomer index, so caps count real sends only.
    const sentAt = to === 'sent' ? patch.sentAt : undefined;
    Object.assign(set, customerIndexSortKey({ campaignId, sentAt }));

    const names: Record<string, string> = {};
    const values: Item = { ':from': from };
    const setClauses = Object.entries(set).map(([field, value], i) => {
      names[`#s${i}`] = field;
      values[`:s${i}`] = value;
      return `#s${i} = :s${i}`;
    });
    const removeClauses = remove.map((field, i) => {
      names[`#r${i}`] = field;
      return `#r${i}`;
    });
    names['#status'] = 'status';
    const result = await conditionally(
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: sendKey(campaignId, outboxId),
          UpdateExpression:
            `SET ${setClauses.join(', ')}` +
            (removeClauses.length > 0 ? ` REMOVE ${removeClauses.join(', ')}` : ''),
          ConditionExpression: 'attribute_exists(pk) AND #status = :from',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      ),
      `send ${campaignId}/${outboxId} is missing or not ${from}`,
      { campaignId, outboxId, from, to },
    );
    return withoutLayout(result.Attributes ?? {}) as CampaignSend;
  }

  async countSends(campaignId: string): Promise<Partial<Record<SendStatus, number>>> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :send)',
      ProjectionExpression: '#status',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':pk': campaignPartition(campaignId),
        ':send': SEND_SORT_PREFIX,
      },
    });
    const counts: Partial<Record<SendStatus, number>> = {};
    for (const { status } of items as { status: SendStatus }[]) {
      counts[status] = (counts[status] ?? 0) + 1;
    }
    return counts;
  }

  async getSuppressions(emailHashes: string[]): Promise<Map<string, SuppressionReason>> {
    const items = await batchGetAll({
      documents: this.documents,
      tableName: this.tableName,
      keys: emailHashes.map(suppressionItemKey),
      retry: this.retry,
    });
    return new Map(
      (items as unknown as Suppression[]).map((item) => [item.emailHash, item.reason]),
    );
  }

  async addSuppression(suppression: Suppression): Promise<void> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...suppression, ...suppressionItemKey(suppression.emailHash) },
          // The first reason and time are the record: a later bounce must not rewrite an unsubscribe.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async recordMessage(messageId: string, ref: MessageRef): Promise<void> {
    const outcome = await batchPutAll({
      documents: this.documents,
      tableName: this.tableName,
      puts: [
        { key: messageId, item: { ...ref, ...messageKey(messageId), messageId } },
        { key: messageId, item: { ...ref, ...acceptedSendKey(sendIdFor(ref)), messageId } },
      ],
      retry: this.retry,
    });
    if (outcome.failed.length > 0) {
      throw new DependencyFailedError(`could not record SES message ${messageId}`, {
        messageId,
        reason: outcome.failed[0]?.reason,
      });
    }
  }

  async findMessage(messageId: string): Promise<MessageRef | undefined> {
    const item = await this.get(messageKey(messageId));
    return (
      item && {
        campaignId: item.campaignId as string,
        customerId: item.customerId as string,
        ...(typeof item.entry === 'string' && { entry: item.entry }),
      }
    );
  }

  /**
   * One transaction: the event item, conditional on not existing, and an ADD to the counter. A
   * duplicate cancels the whole transaction, so it is neither stored nor counted. A cancellation
   * caused by a concurrent transaction on the same items (two copies of one notification arriving
   * at once) is retried, and then finds the event stored.
   */
  async recordDeliveryEventOnce(event: DeliveryEventRecord): Promise<boolean> {
    const write = new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: this.tableName,
            Item: { ...event, ...deliveryEventKey(event.messageId, event.type) },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Update: {
            TableName: this.tableName,
            Key: deliveryCountsKey(event.campaignId),
            UpdateExpression: 'ADD #type :one',
            ExpressionAttributeNames: { '#type': event.type },
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ],
    });
    for (let attempt = 0; attempt < this.retry.maxAttempts; attempt += 1) {
      if (attempt > 0) await this.retry.sleep(backoffDelay(this.retry, attempt));
      try {
        await this.documents.send(write);
        return true;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
        if (codes[0] === 'ConditionalCheckFailed') return false;
        if (!codes.includes('TransactionConflict')) throw error;
      }
    }
    throw new DependencyFailedError(
      `delivery event ${event.type} of ${event.messageId} kept conflicting with other writes`,
      { messageId: event.messageId, type: event.type },
    );
  }

  async getDeliveryCounts(campaignId: string): Promise<DeliveryCounts> {
    const item = await this.get(deliveryCountsKey(campaignId));
    const counts = emptyDeliveryCounts();
    for (const type of Object.keys(counts) as (keyof DeliveryCounts)[]) {
      if (typeof item?.[type] === 'number') counts[type] = item[type];
    }
    return counts;
  }

  /**
   * One Query of the byCustomer index per customer. The index is eventually consistent: a send
   * from the last second may be missing, which a frequency cap measured in days can afford.
   */
  async getRecentSendTimes(customerIds: string[], since: string): Promise<Map<string, string[]>> {
    const unique = [...new Set(customerIds)];
    const perCustomer = await mapWithConcurrency(
      unique,
      (customerId) =>
        this.queryAll({
          IndexName: BY_CUSTOMER_INDEX,
          KeyConditionExpression: 'gsi1pk = :customer AND gsi1sk BETWEEN :since AND :latest',
          FilterExpression: '#status = :sent',
          ProjectionExpression: 'gsi1sk',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':customer': customerHistoryPartition(customerId),
            ':since': since,
            ':latest': LATEST_INSTANT,
            ':sent': 'sent',
          },
        }),
      HISTORY_QUERIES_IN_FLIGHT,
    );
    const times = new Map<string, string[]>();
    unique.forEach((customerId, i) => {
      const sentAt = (perCustomer[i] ?? []).map((item) => item.gsi1sk as string);
      if (sentAt.length > 0) times.set(customerId, sentAt);
    });
    return times;
  }

  reconcile(send: CampaignSend): Promise<ReconcileOutcome> {
    return this.reconcileStrategy(send);
  }

  async listCustomerSends(customerId: string): Promise<CampaignSend[]> {
    const items = await this.queryAll({
      IndexName: BY_CUSTOMER_INDEX,
      KeyConditionExpression: 'gsi1pk = :customer',
      ExpressionAttributeValues: { ':customer': customerHistoryPartition(customerId) },
    });
    return items.map((item) => withoutLayout(item) as CampaignSend);
  }

  async listDeliveryEvents(messageIds: string[]): Promise<DeliveryEventRecord[]> {
    const items = await this.messageItems(messageIds);
    return items
      .filter((item) => (item.sk as string).startsWith(deliveryEventKey('', '').sk))
      .map((item) => withoutLayout(item) as unknown as DeliveryEventRecord);
  }

  /**
   * A record may have lost its MessageId to a crash while the send-id entry kept it, so both name
   * the messages to delete. The outbox records go last: if anything fails before, a retry still
   * finds them through the index and with them everything else.
   */
  async deleteSends(sends: CampaignSend[]): Promise<SendDeletion> {
    const acceptedKeys = sends.map((send) => acceptedSendKey(send.sendId ?? sendIdFor(send)));
    const accepted = await batchGetAll({
      documents: this.documents,
      tableName: this.tableName,
      keys: acceptedKeys,
      retry: this.retry,
    });
    const messageIds = [
      ...new Set([
        ...sends.flatMap((send) => (send.messageId ? [send.messageId] : [])),
        ...accepted.flatMap((item) => (typeof item.messageId === 'string' ? [item.messageId] : [])),
      ]),
    ];
    const messageItems = await this.messageItems(messageIds);
    await this.deleteAll([...messageItems.map(keyOf), ...accepted.map(keyOf)]);
    await this.deleteAll(sends.map((send) => sendKey(send.campaignId, outboxIdOf(send))));
    return {
      sends: sends.length,
      messages: messageItems.filter((item) => item.sk === messageKey('').sk).length,
      deliveryEvents: messageItems.filter((item) =>
        (item.sk as string).startsWith(deliveryEventKey('', '').sk),
      ).length,
    };
  }

  /** Every item of each message's partition: the MessageId map entry and its delivery events. */
  private async messageItems(messageIds: string[]): Promise<Item[]> {
    const perMessage = await mapWithConcurrency(
      [...new Set(messageIds)],
      (messageId) =>
        this.queryAll({
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': messageKey(messageId).pk },
        }),
      HISTORY_QUERIES_IN_FLIGHT,
    );
    return perMessage.flat();
  }

  private deleteAll(keys: { pk: string; sk: string }[]): Promise<void> {
    return batchDeleteAll({
      documents: this.documents,
      tableName: this.tableName,
      keys,
      retry: this.retry,
    });
  }

  private async findAcceptedSend(send: CampaignSend): Promise<ReconcileOutcome> {
    const item = await this.get(acceptedSendKey(send.sendId ?? sendIdFor(send)));
    return typeof item?.messageId === 'string'
      ? { outcome: 'sent', messageId: item.messageId }
      : { outcome: 'unknown' };
  }

  /** Strongly consistent: status checks and version reads must see the last conditional write. */
  private async get(key: { pk: string; sk: string }): Promise<Item | undefined> {
    const result = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return result.Item && withoutLayout(result.Item);
  }

  private async queryAll(
    input: Omit<QueryCommandInput, 'TableName' | 'ConsistentRead'>,
  ): Promise<Item[]> {
    const items: Item[] = [];
    // A global secondary index cannot be read consistently; the table can, and the outbox must be.
    const pages = paginateQuery(
      { client: this.documents },
      { ...input, TableName: this.tableName, ConsistentRead: !input.IndexName },
    );
    for await (const page of pages) items.push(...((page.Items ?? []) as Item[]));
    return items;
  }
}

/** Runs a conditional write; a failed condition means another writer won, a ConflictError. */
const conditionally = async <T>(
  write: Promise<T>,
  message: string,
  details: Record<string, unknown>,
): Promise<T> => {
  try {
    return await write;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new ConflictError(message, details);
    throw error;
  }
};

const sendItem = (send: CampaignSend): Item => ({
  ...send,
  ...sendKey(send.campaignId, outboxIdOf(send)),
  ...customerIndexKeys({ ...send, sentAt: send.status === 'sent' ? send.sentAt : undefined }),
});

const keyOf = (item: Item) => ({ pk: item.pk as string, sk: item.sk as string });

const withoutLayout = (item: Item): Item => {
  const rest = { ...item };
  for (const attribute of LAYOUT_ATTRIBUTES) delete rest[attribute];
  return rest;
};
