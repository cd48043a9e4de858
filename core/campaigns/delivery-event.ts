/** What happened to a sent message, normalised from SES notifications and unsubscribe requests. */
export type DeliveryEventType =
  'delivery' | 'bounce' | 'soft_bounce' | 'complaint' | 'open' | 'click' | 'reject' | 'unsubscribe';

/** Counted once per (message, type): the store ignores a second record with the same key. */
export interface DeliveryEventRecord {
  messageId: string;
  type: DeliveryEventType;
  campaignId: string;
  customerId: string;
  /** When it happened according to the source, ISO-8601. */
  at: string;
}

/** Unique messages per event type for one campaign. */
export type DeliveryCounts = Record<DeliveryEventType, number>;

export const emptyDeliveryCounts = (): DeliveryCounts => ({
  delivery: 0,
  bounce: 0,
  soft_bounce: 0,
  complaint: 0,
  open: 0,
  click: 0,
  reject: 0,
  unsubscribe: 0,
});
