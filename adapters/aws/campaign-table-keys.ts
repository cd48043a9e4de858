/**
 * Key layout of the campaigns table (see docs/data-model.md). A campaign, its delivery counters
 * and its outbox share the partition `CAMP#<campaignId>`, so one Query lists a campaign's sends;
 * everything looked up by another identity (a MessageId, a send id, an address hash) gets its own
 * partition keyed by that identity.
 */
export const campaignPartition = (campaignId: string): string => `CAMP#${campaignId}`;
export const campaignKey = (campaignId: string) => ({
  pk: campaignPartition(campaignId),
  sk: 'META',
});
/**
 * Delivery counters live beside the campaign, not on it: `putCampaign` replaces the campaign item
 * under a version check, and a busy event stream must neither be wiped by it nor make it conflict.
 */
export const deliveryCountsKey = (campaignId: string) => ({
  pk: campaignPartition(campaignId),
  sk: 'COUNTS',
});

export const SEND_SORT_PREFIX = 'SEND#';
/** One outbox record, named by its outbox id (outboxIdOf). */
export const sendKey = (campaignId: string, outboxId: string) => ({
  pk: campaignPartition(campaignId),
  sk: `${SEND_SORT_PREFIX}${outboxId}`,
});

/**
 * The `byCustomer` index of infra/data-model.ts holds every outbox record of a customer (the
 * customer page, erasure). A sent record sorts by its `sentAt`; any other sorts after every
 * instant under `UNSENT#`, so a time range never picks up a claim, a hold-out or a failure.
 */
export const BY_CUSTOMER_INDEX = 'byCustomer';
export const customerHistoryPartition = (customerId: string): string => `C#${customerId}`;
/** Above every ISO-8601 instant and below `UNSENT#`: the end of a send-time range. */
export const LATEST_INSTANT = '9999-12-31T23:59:59.999Z';
export const customerIndexKeys = ({
  campaignId,
  customerId,
  sentAt,
}: {
  campaignId: string;
  customerId: string;
  sentAt?: string;
}) => ({
  gsi1pk: customerHistoryPartition(customerId),
  ...customerIndexSortKey({ campaignId, sentAt }),
});
/** The index's sort key alone: what a status change moves (the customer never changes). */
export const customerIndexSortKey = ({
  campaignId,
  sentAt,
}: {
  campaignId: string;
  sentAt?: string;
}) => ({ gsi1sk: sentAt ?? `UNSENT#${campaignId}` });

/**
 * Campaign items also sit in one partition of the byCustomer index, newest last, so listing them
 * is one Query instead of a scan past every outbox record. No customer partition (`C#…`) can be
 * named `CAMPAIGNS`; campaigns are hundreds, far from a hot partition.
 */
export const CAMPAIGN_LISTING_PARTITION = 'CAMPAIGNS';
export const campaignListingKeys = ({
  campaignId,
  createdAt,
}: {
  campaignId: string;
  createdAt: string;
}) => ({ gsi1pk: CAMPAIGN_LISTING_PARTITION, gsi1sk: `${createdAt}#${campaignId}` });

export const messageKey = (messageId: string) => ({ pk: `MSG#${messageId}`, sk: 'MSG' });
/** One item per (message, event type): its existence is the de-duplication. */
export const deliveryEventKey = (messageId: string, type: string) => ({
  pk: `MSG#${messageId}`,
  sk: `EVT#${type}`,
});
/** The MessageId SES gave the message with this send id, for reconciling an interrupted send. */
export const acceptedSendKey = (sendId: string) => ({ pk: `SENDID#${sendId}`, sk: 'MSG' });

export const suppressionItemKey = (emailHash: string) => ({ pk: `SUPP#${emailHash}`, sk: 'SUPP' });

/** Attributes that belong to the table layout, never to the domain records stored in the items. */
export const LAYOUT_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk'] as const;
