import type { CampaignSend, SendStatus } from '../campaigns/campaign-send';
import type { CustomerEvent } from './customer-event';
import type { CustomerProfile } from './customer-profile';
import type { Order } from './order';
import { resolveCustomerId } from './resolve-customer-id';
import type { CampaignStore } from '../ports/campaign-store';
import type { CustomerStore } from '../ports/customer-store';
import type { SegmentStore } from '../ports/segment-store';
import type { CustomerSegments } from '../segmentation-runs/segmentation-run';
import { NotFoundError } from '../shared/errors';

export interface CustomerDetail {
  profile: CustomerProfile;
  /** Features, scores and memberships with reasons, from the current run; absent before one. */
  segments?: CustomerSegments;
  orders: Order[];
  /** Newest first, at most `recentEvents`. */
  events: CustomerEvent[];
  /** Campaign outbox records, newest first, at most `recentSends`. */
  sends: CustomerSendSummary[];
}

export interface CustomerSendSummary {
  campaignId: string;
  /** Absent when the campaign itself is gone. */
  campaignName?: string;
  status: SendStatus;
  sentAt?: string;
  /** Why it was not (yet) sent: an eligibility, suppression, postponement or failure reason. */
  reason?: string;
}

/**
 * Everything the customer page shows.
 * 1. Resolve the shop's id (or Shoal's) to the stored customer.
 * 2. Read the profile with orders and events, the customer's summary in the current run and
 *    their campaign outbox records.
 * 3. Name the campaigns of the newest sends.
 */
export const getCustomerDetail = async ({
  customerId,
  customers,
  segments,
  campaigns,
  recentEvents = 100,
  recentSends = 20,
}: {
  customerId: string;
  customers: CustomerStore;
  segments: SegmentStore;
  campaigns: CampaignStore;
  recentEvents?: number;
  recentSends?: number;
}): Promise<CustomerDetail> => {
  const id = await resolveCustomerId({ lookup: { customerId }, customers });
  const [record, runId, sends] = await Promise.all([
    customers.getCustomer(id),
    segments.getCurrentRunId(),
    campaigns.listCustomerSends(id),
  ]);
  if (record === undefined) throw new NotFoundError(`no customer ${customerId}`, { customerId });
  const summary =
    runId === undefined ? undefined : (await segments.getCustomerSegments(runId, [id])).get(id);
  return {
    profile: record.profile,
    ...(summary !== undefined && { segments: summary }),
    orders: [...record.orders].sort((a, b) => b.orderedAt.localeCompare(a.orderedAt)),
    events: [...record.events].sort((a, b) => b.at.localeCompare(a.at)).slice(0, recentEvents),
    sends: await summariseSends({ sends, campaigns, limit: recentSends }),
  };
};

/** A send that never went out sorts by when its record last changed. */
const summariseSends = async ({
  sends,
  campaigns,
  limit,
}: {
  sends: CampaignSend[];
  campaigns: CampaignStore;
  limit: number;
}): Promise<CustomerSendSummary[]> => {
  const newest = sends
    .map((send) => ({ send, at: send.sentAt ?? send.updatedAt }))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, limit)
    .map(({ send }) => send);
  const ids = [...new Set(newest.map((send) => send.campaignId))];
  const named = await Promise.all(ids.map((campaignId) => campaigns.getCampaign(campaignId)));
  const names = new Map(ids.map((campaignId, i) => [campaignId, named[i]?.name]));
  return newest.map((send) => ({
    campaignId: send.campaignId,
    campaignName: names.get(send.campaignId),
    status: send.status,
    sentAt: send.sentAt,
    reason: send.reason,
  }));
};
