import type { CampaignResults } from './campaign-results';
import { computeCampaignResults } from './campaign-results';
import type { Order } from '../customers/order';
import { mapWithConcurrency } from '../shared/map-with-concurrency';
import type { CampaignStore } from '../ports/campaign-store';
import type { CustomerStore } from '../ports/customer-store';
import { NotFoundError } from '../shared/errors';

/**
 * A campaign's funnel and uplift as of now.
 * 1. Load the campaign (NotFoundError), its outbox records and its delivery counts.
 * 2. Read the orders of everyone mailed or held out, the two groups conversions compare.
 * 3. Compute the results over the attribution window.
 */
export const readCampaignResults = async ({
  campaignId,
  campaigns,
  customers,
  attributionWindowDays = 7,
}: {
  campaignId: string;
  campaigns: CampaignStore;
  customers: CustomerStore;
  attributionWindowDays?: number;
}): Promise<CampaignResults> => {
  const campaign = await campaigns.getCampaign(campaignId);
  if (campaign === undefined) throw new NotFoundError(`no campaign ${campaignId}`, { campaignId });
  const [sends, counts] = await Promise.all([
    campaigns.listSends(campaignId),
    campaigns.getDeliveryCounts(campaignId),
  ]);
  // A triggered campaign has a record per entry, so one customer may be in several.
  const compared = [
    ...new Set(
      sends
        .filter((send) => send.status === 'sent' || send.status === 'held_out')
        .map((send) => send.customerId),
    ),
  ];
  const records = await mapWithConcurrency(compared, (id) => customers.getCustomer(id));
  const ordersByCustomer = new Map<string, readonly Order[]>(
    records.flatMap((record) => (record ? [[record.profile.customerId, record.orders]] : [])),
  );
  return computeCampaignResults({
    campaign,
    sends,
    counts,
    ordersByCustomer,
    attributionWindowDays,
  });
};
