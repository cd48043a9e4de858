import type { Campaign } from '../campaigns/campaign';
import type { CampaignSend, CampaignSendPatch, SendStatus } from '../campaigns/campaign-send';
import type { DeliveryCounts, DeliveryEventRecord } from '../campaigns/delivery-event';
import type { Suppression, SuppressionReason } from '../campaigns/suppression';

/** Which outbox record (campaign, customer and, for a triggered send, entry) a SES MessageId belongs to. */
export interface MessageRef {
  campaignId: string;
  customerId: string;
  entry?: string;
}

/**
 * What is known about a send left in `sending` by a crashed invocation: the mailer accepted it
 * (`sent`, with the SES MessageId), it provably never reached the mailer (`not-sent`), or nobody
 * can tell (`unknown`, which is never resent).
 */
export type ReconcileOutcome =
  | { outcome: 'sent'; messageId: string; sentAt?: string }
  | { outcome: 'not-sent' }
  | { outcome: 'unknown' };

/** How many items one customer's sends took with them when deleted. */
export interface SendDeletion {
  sends: number;
  messages: number;
  deliveryEvents: number;
}

export interface SendFilter {
  statuses?: SendStatus[];
  /** Restricts the listing to a slice of the outbox (see outboxIdOf), e.g. one send item's. */
  outboxIds?: string[];
}

/**
 * Campaigns, their per-recipient outbox, the suppression list, the MessageId map, delivery
 * events and the send history that frequency caps read. Every write that decides something is
 * conditional, so concurrent Lambdas cannot both win: a lost race throws ConflictError.
 */
export interface CampaignStore {
  getCampaign(campaignId: string): Promise<Campaign | undefined>;
  /** Every campaign, newest first; campaigns are few (hundreds), so there is no paging. */
  listCampaigns(): Promise<Campaign[]>;
  /**
   * Creates the campaign when `expectedVersion` is undefined (ConflictError if it exists), else
   * replaces it only if the stored version equals `expectedVersion`, storing `expectedVersion + 1`.
   * Returns the campaign as stored.
   */
  putCampaign(campaign: Campaign, expectedVersion?: number): Promise<Campaign>;

  /** Writes the record unless its campaign has one of its outbox id; true when this call created it. */
  createSendIfAbsent(send: CampaignSend): Promise<boolean>;
  getSend(campaignId: string, outboxId: string): Promise<CampaignSend | undefined>;
  listSends(campaignId: string, filter?: SendFilter): Promise<CampaignSend[]>;
  /**
   * Moves a record from `from` to `to`, applying `patch`, only if its current status is `from`;
   * otherwise (or when it does not exist) throws ConflictError. Returns the updated record.
   */
  transition(
    campaignId: string,
    outboxId: string,
    from: SendStatus,
    to: SendStatus,
    patch: CampaignSendPatch,
  ): Promise<CampaignSend>;
  countSends(campaignId: string): Promise<Partial<Record<SendStatus, number>>>;

  /** Suppression reasons for those of the given e-mail hashes that are suppressed. */
  getSuppressions(emailHashes: string[]): Promise<Map<string, SuppressionReason>>;
  /** Idempotent: suppressing an already suppressed hash keeps the first record. */
  addSuppression(suppression: Suppression): Promise<void>;

  recordMessage(messageId: string, ref: MessageRef): Promise<void>;
  findMessage(messageId: string): Promise<MessageRef | undefined>;

  /**
   * Stores the event unless one with the same (messageId, type) exists, counting it in the
   * campaign's delivery counts in the same write; true when this call stored it.
   */
  recordDeliveryEventOnce(event: DeliveryEventRecord): Promise<boolean>;
  getDeliveryCounts(campaignId: string): Promise<DeliveryCounts>;

  /** Marketing sends (any campaign) to each customer at or after `since`, as ISO instants. */
  getRecentSendTimes(customerIds: string[], since: string): Promise<Map<string, string[]>>;

  /**
   * Finds out whether a send left in `sending` was accepted, by its `sendId` (the Message-ID and
   * X-Shoal-Send-Id of the message): e.g. in a log of accepted sends or the SES event stream.
   */
  reconcile(send: CampaignSend): Promise<ReconcileOutcome>;

  /** Every outbox record of the customer, in any campaign and status (export, erasure). */
  listCustomerSends(customerId: string): Promise<CampaignSend[]>;
  /** The delivery events recorded for these messages. */
  listDeliveryEvents(messageIds: string[]): Promise<DeliveryEventRecord[]>;
  /**
   * Deletes these outbox records with everything keyed by their messages: the MessageId map
   * entry, the send-id entry and the delivery events. Campaign delivery counters are aggregates
   * and stay as they are.
   */
  deleteSends(sends: CampaignSend[]): Promise<SendDeletion>;
}
