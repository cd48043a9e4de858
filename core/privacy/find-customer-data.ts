import type { CampaignSend } from '../campaigns/campaign-send';
import { normaliseEmail } from '../campaigns/email-address';
import type { CampaignStore } from '../ports/campaign-store';
import type { CustomerRecord, CustomerStore } from '../ports/customer-store';
import type { SegmentStore } from '../ports/segment-store';
import type { CustomerSegments } from '../segmentation-runs/segmentation-run';
import { NotFoundError } from '../shared/errors';

/** What Shoal's stores hold under one customer id, and the identifiers found in it. */
export interface CustomerData {
  customerId: string;
  record?: CustomerRecord;
  sends: CampaignSend[];
  /** The customer's summary in every kept run, newest first. */
  segmentHistory: CustomerSegments[];
  /** Every normalised address the person was known by: profile, outbox records, runs. */
  emails: string[];
  externalIds: string[];
}

/**
 * Gathers everything stored under a customer id. The profile alone does not decide whether the
 * person exists: an erasure cut short, or a segmentation run that was writing while one ran, can
 * leave sends or memberships behind it, and those must still be found and erased.
 * NotFoundError only when no store knows the id.
 */
export const findCustomerData = async ({
  customerId,
  customers,
  segments,
  campaigns,
}: {
  customerId: string;
  customers: Pick<CustomerStore, 'getCustomer'>;
  segments: Pick<SegmentStore, 'listCustomerSegmentHistory'>;
  campaigns: Pick<CampaignStore, 'listCustomerSends'>;
}): Promise<CustomerData> => {
  const [record, sends, segmentHistory] = await Promise.all([
    customers.getCustomer(customerId),
    campaigns.listCustomerSends(customerId),
    segments.listCustomerSegmentHistory(customerId),
  ]);
  if (!record && sends.length === 0 && segmentHistory.length === 0) {
    throw new NotFoundError(`no customer ${customerId}`, { customerId });
  }
  const emails = [
    record?.profile.email,
    ...sends.map((send) => send.recipient.profile.email),
    ...segmentHistory.map((summary) => summary.email),
  ].flatMap((email) => (email ? [normaliseEmail(email)] : []));
  const externalId = record?.profile.externalId;
  return {
    customerId,
    ...(record ? { record } : {}),
    sends,
    segmentHistory,
    emails: [...new Set(emails)],
    externalIds: externalId !== undefined ? [externalId] : [],
  };
};
