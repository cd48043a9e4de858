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
import type { Suppression, SuppressionReason } from '../../core/campaigns/suppression';
import type {
  CampaignStore,
  MessageRef,
  ReconcileOutcome,
  SendDeletion,
  SendFilter,
} from '../../core/ports/campaign-store';
import type { Clock } from '../../core/shared/clock';
import { ConflictError } from '../../core/shared/errors';

export type ReconcileStrategy = (send: CampaignSend) => Promise<ReconcileOutcome>;

/**
 * The campaign store in process memory, for unit tests of the send use case and for the CLI.
 * Every method yields to the event loop before its check-and-write, which it then does without
 * awaiting: concurrent callers interleave like Lambdas against DynamoDB, and each conditional
 * write stays atomic like a DynamoDB condition expression.
 */
export class InMemoryCampaignStore implements CampaignStore {
  readonly campaigns = new Map<string, Campaign>();
  readonly sends = new Map<string, CampaignSend>();
  readonly suppressions = new Map<string, Suppression>();
  readonly messages = new Map<string, MessageRef>();
  readonly events = new Map<string, DeliveryEventRecord>();
  private readonly counts = new Map<string, DeliveryCounts>();

  private readonly reconcileStrategy: ReconcileStrategy;
  private readonly clock: Clock;

  /** Without a reconcile strategy nothing can be proven about an interrupted send, so it ends `unknown`. */
  constructor(options: { reconcile?: ReconcileStrategy; clock?: Clock } = {}) {
    this.reconcileStrategy = options.reconcile ?? (async () => ({ outcome: 'unknown' }));
    this.clock = options.clock ?? (() => new Date());
  }

  async listCampaigns(): Promise<Campaign[]> {
    return [...this.campaigns.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async getCampaign(campaignId: string): Promise<Campaign | undefined> {
    await yieldTurn();
    return copy(this.campaigns.get(campaignId));
  }

  async putCampaign(campaign: Campaign, expectedVersion?: number): Promise<Campaign> {
    await yieldTurn();
    const stored = this.campaigns.get(campaign.campaignId);
    if (
      expectedVersion === undefined ? stored !== undefined : stored?.version !== expectedVersion
    ) {
      throw new ConflictError(`campaign ${campaign.campaignId} changed concurrently`, {
        campaignId: campaign.campaignId,
      });
    }
    const version = expectedVersion === undefined ? campaign.version : expectedVersion + 1;
    const next = { ...copy(campaign), version };
    this.campaigns.set(campaign.campaignId, next);
    return copy(next);
  }

  async createSendIfAbsent(send: CampaignSend): Promise<boolean> {
    await yieldTurn();
    const key = sendKey(send.campaignId, outboxIdOf(send));
    if (this.sends.has(key)) return false;
    this.sends.set(key, copy(send));
    return true;
  }

  async getSend(campaignId: string, outboxId: string): Promise<CampaignSend | undefined> {
    await yieldTurn();
    return copy(this.sends.get(sendKey(campaignId, outboxId)));
  }

  async listSends(campaignId: string, filter: SendFilter = {}): Promise<CampaignSend[]> {
    await yieldTurn();
    const slice = filter.outboxIds ? new Set(filter.outboxIds) : undefined;
    return [...this.sends.values()]
      .filter(
        (s) =>
          s.campaignId === campaignId &&
          (!filter.statuses || filter.statuses.includes(s.status)) &&
          (!slice || slice.has(outboxIdOf(s))),
      )
      .map((s) => copy(s));
  }

  async transition(
    campaignId: string,
    outboxId: string,
    from: SendStatus,
    to: SendStatus,
    patch: CampaignSendPatch,
  ): Promise<CampaignSend> {
    await yieldTurn();
    const key = sendKey(campaignId, outboxId);
    const current = this.sends.get(key);
    if (current?.status !== from) {
      throw new ConflictError(`send ${key} is ${current?.status ?? 'missing'}, not ${from}`, {
        campaignId,
        outboxId,
        from,
        to,
      });
    }
    const next: CampaignSend = {
      ...current,
      ...copy(patch),
      status: to,
      updatedAt: this.clock().toISOString(),
    };
    this.sends.set(key, next);
    return copy(next);
  }

  async countSends(campaignId: string): Promise<Partial<Record<SendStatus, number>>> {
    await yieldTurn();
    const counts: Partial<Record<SendStatus, number>> = {};
    for (const send of this.sends.values()) {
      if (send.campaignId === campaignId) counts[send.status] = (counts[send.status] ?? 0) + 1;
    }
    return counts;
  }

  async getSuppressions(emailHashes: string[]): Promise<Map<string, SuppressionReason>> {
    await yieldTurn();
    return new Map(
      emailHashes.flatMap((hash) => {
        const found = this.suppressions.get(hash);
        return found ? [[hash, found.reason] as const] : [];
      }),
    );
  }

  async addSuppression(suppression: Suppression): Promise<void> {
    await yieldTurn();
    if (!this.suppressions.has(suppression.emailHash)) {
      this.suppressions.set(suppression.emailHash, copy(suppression));
    }
  }

  async recordMessage(messageId: string, ref: MessageRef): Promise<void> {
    await yieldTurn();
    this.messages.set(messageId, copy(ref));
  }

  async findMessage(messageId: string): Promise<MessageRef | undefined> {
    await yieldTurn();
    return copy(this.messages.get(messageId));
  }

  async recordDeliveryEventOnce(event: DeliveryEventRecord): Promise<boolean> {
    await yieldTurn();
    const key = `${event.messageId}\u0000${event.type}`;
    if (this.events.has(key)) return false;
    this.events.set(key, copy(event));
    const counts = this.counts.get(event.campaignId) ?? emptyDeliveryCounts();
    counts[event.type] += 1;
    this.counts.set(event.campaignId, counts);
    return true;
  }

  async getDeliveryCounts(campaignId: string): Promise<DeliveryCounts> {
    await yieldTurn();
    return { ...(this.counts.get(campaignId) ?? emptyDeliveryCounts()) };
  }

  async getRecentSendTimes(customerIds: string[], since: string): Promise<Map<string, string[]>> {
    await yieldTurn();
    const wanted = new Set(customerIds);
    const times = new Map<string, string[]>();
    for (const send of this.sends.values()) {
      if (
        send.status !== 'sent' ||
        !send.sentAt ||
        !wanted.has(send.customerId) ||
        send.sentAt < since
      )
        continue;
      times.set(send.customerId, [...(times.get(send.customerId) ?? []), send.sentAt]);
    }
    return times;
  }

  async reconcile(send: CampaignSend): Promise<ReconcileOutcome> {
    return this.reconcileStrategy(copy(send));
  }

  async listCustomerSends(customerId: string): Promise<CampaignSend[]> {
    await yieldTurn();
    return [...this.sends.values()].filter((s) => s.customerId === customerId).map(copy);
  }

  async listDeliveryEvents(messageIds: string[]): Promise<DeliveryEventRecord[]> {
    await yieldTurn();
    const wanted = new Set(messageIds);
    return [...this.events.values()].filter((e) => wanted.has(e.messageId)).map(copy);
  }

  /**
   * Messages are found by their outbox record, which is what the DynamoDB send-id entry encodes;
   * delivery events name only (campaign, customer), so they go with any of the customer's records.
   */
  async deleteSends(sends: CampaignSend[]): Promise<SendDeletion> {
    await yieldTurn();
    const deleted = new Set(sends.map((s) => sendKey(s.campaignId, outboxIdOf(s))));
    const customers = new Set(sends.map((s) => sendKey(s.campaignId, s.customerId)));
    const result: SendDeletion = { sends: 0, messages: 0, deliveryEvents: 0 };
    for (const [messageId, ref] of this.messages) {
      const named = deleted.has(sendKey(ref.campaignId, outboxIdOf(ref)));
      if (named && this.messages.delete(messageId)) result.messages += 1;
    }
    for (const [key, event] of this.events) {
      const named = customers.has(sendKey(event.campaignId, event.customerId));
      if (named && this.events.delete(key)) result.deliveryEvents += 1;
    }
    for (const key of deleted) if (this.sends.delete(key)) result.sends += 1;
    return result;
  }
}

const sendKey = (campaignId: string, outboxId: string): string => `${campaignId}\u0000${outboxId}`;

const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));
