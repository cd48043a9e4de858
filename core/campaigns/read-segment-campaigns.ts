import type { Campaign } from './campaign';
import type { CampaignResults } from './campaign-results';
import { mapWithConcurrency } from '../shared/map-with-concurrency';
import type { CampaignStore } from '../ports/campaign-store';
import type { CustomerRecord, CustomerStore } from '../ports/customer-store';
import type { SegmentStore } from '../ports/segment-store';
import { NotFoundError } from '../shared/errors';
import { readCampaignResults } from './read-campaign-results';
import { listSegmentCatalog } from '../segments/segment-catalog';

/**
 * Campaigns whose results are read at once. Each reads its recipients' orders 16 at a time
 * (readCampaignResults), so at most 64 customer reads are in flight.
 */
const CAMPAIGN_CONCURRENCY = 4;

/** How a campaign's audience used the segment; a segment both included and excluded mails nobody. */
export type SegmentAudienceRole = 'included' | 'excluded';

/** A campaign's funnel and effect, taken from its results read model. */
export interface SegmentCampaignResults extends Pick<
  CampaignResults,
  | 'audience'
  | 'sent'
  | 'delivered'
  | 'bounced'
  | 'complained'
  | 'opened'
  | 'clicked'
  | 'unsubscribed'
> {
  /** Recipients with a completed order inside the attribution window. */
  conversions: number;
  orders: number;
  revenue: number;
  /** Against the holdout; only for a campaign that held anyone out. */
  uplift?: CampaignResults['uplift'];
}

export interface SegmentCampaign {
  campaignId: string;
  name: string;
  kind: Campaign['kind'];
  status: Campaign['status'];
  role: SegmentAudienceRole;
  createdAt: string;
  scheduledAt?: string;
  startedAt?: string;
  completedAt?: string;
  /** Absent until the campaign starts sending. Campaign-wide: the audience may span segments. */
  results?: SegmentCampaignResults;
}

export interface SegmentCampaigns {
  segmentId: string;
  attributionWindowDays: number;
  /** Newest first by when each started sending, else was scheduled, else created. */
  campaigns: SegmentCampaign[];
  /** Over the campaigns that included the segment and have started sending. */
  totals: { campaignsSent: number; messagesSent: number; conversions: number; revenue: number };
}

const roleOf = (campaign: Campaign, segmentId: string): SegmentAudienceRole | undefined => {
  if (campaign.audience.excludedSegmentIds.includes(segmentId)) return 'excluded';
  return campaign.audience.segmentIds.includes(segmentId) ? 'included' : undefined;
};

const newestFirst = (campaign: Campaign): string =>
  campaign.startedAt ?? campaign.scheduledAt ?? campaign.createdAt;

/**
 * Campaigns of one segment mostly mail the same people: each customer is read once per call
 * instead of once per campaign. Results read only profiles and orders, so events are not kept.
 */
const readingEachCustomerOnce = (customers: CustomerStore): CustomerStore => {
  const records = new Map<string, Promise<CustomerRecord | undefined>>();
  const shared: CustomerStore = Object.create(customers);
  shared.getCustomer = (customerId) => {
    let record = records.get(customerId);
    if (record === undefined) {
      record = customers
        .getCustomer(customerId)
        .then((found) => found && { profile: found.profile, orders: found.orders, events: [] });
      records.set(customerId, record);
    }
    return record;
  };
  return shared;
};

const summarise = (results: CampaignResults): SegmentCampaignResults => ({
  audience: results.audience,
  sent: results.sent,
  delivered: results.delivered,
  bounced: results.bounced,
  complained: results.complained,
  opened: results.opened,
  clicked: results.clicked,
  unsubscribed: results.unsubscribed,
  conversions: results.treatment.converted,
  orders: results.treatment.orders,
  revenue: results.treatment.revenue,
  ...(results.heldOut > 0 && { uplift: results.uplift }),
});

const cents = (amount: number): number => Math.round(amount * 100) / 100;

/**
 * Every campaign that targeted or excluded a segment, with its results, and the segment's totals.
 * 1. Read the segment catalog and the campaigns together. A segment is known when the catalog has
 *    it (the current run's built-in, rule and cluster segments, and rule segments defined since)
 *    or a campaign names it, so a segment gone since keeps its history; else NotFoundError.
 * 2. Keep the campaigns naming the segment, newest first.
 * 3. Read the results of those that started sending, a few at a time, through the campaign
 *    results read model.
 * 4. Sum the totals over the campaigns that included the segment.
 */
export const readSegmentCampaigns = async ({
  segmentId,
  segments,
  campaigns,
  customers,
  attributionWindowDays = 7,
}: {
  segmentId: string;
  segments: SegmentStore;
  campaigns: CampaignStore;
  customers: CustomerStore;
  attributionWindowDays?: number;
}): Promise<SegmentCampaigns> => {
  const [catalog, all] = await Promise.all([
    listSegmentCatalog({ segments }),
    campaigns.listCampaigns(),
  ]);
  const named = all.flatMap((campaign) => {
    const role = roleOf(campaign, segmentId);
    return role === undefined ? [] : [{ campaign, role }];
  });
  if (named.length === 0 && !catalog.segments.some((s) => s.segmentId === segmentId)) {
    throw new NotFoundError(`no segment ${segmentId}`, { segmentId });
  }
  named.sort((a, b) => newestFirst(b.campaign).localeCompare(newestFirst(a.campaign)));
  const shared = readingEachCustomerOnce(customers);
  const listed = await mapWithConcurrency(
    named,
    async ({ campaign, role }): Promise<SegmentCampaign> => ({
      campaignId: campaign.campaignId,
      name: campaign.name,
      kind: campaign.kind,
      status: campaign.status,
      role,
      createdAt: campaign.createdAt,
      ...(campaign.scheduledAt !== undefined && { scheduledAt: campaign.scheduledAt }),
      ...(campaign.startedAt !== undefined && { startedAt: campaign.startedAt }),
      ...(campaign.completedAt !== undefined && { completedAt: campaign.completedAt }),
      ...(campaign.startedAt !== undefined && {
        results: summarise(
          await readCampaignResults({
            campaignId: campaign.campaignId,
            campaigns,
            customers: shared,
            attributionWindowDays,
          }),
        ),
      }),
    }),
    CAMPAIGN_CONCURRENCY,
  );
  const sent = listed.flatMap((c) => (c.role === 'included' && c.results ? [c.results] : []));
  return {
    segmentId,
    attributionWindowDays,
    campaigns: listed,
    totals: {
      campaignsSent: sent.length,
      messagesSent: sent.reduce((sum, r) => sum + r.sent, 0),
      conversions: sent.reduce((sum, r) => sum + r.conversions, 0),
      revenue: cents(sent.reduce((sum, r) => sum + r.revenue, 0)),
    },
  };
};
