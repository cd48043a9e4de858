import type { CustomerEvent } from '../customers/customer-event';
import type { CustomerProfile } from '../customers/customer-profile';
import type { Order } from '../customers/order';
import { resolveCustomerId } from '../customers/resolve-customer-id';
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
}

/**
 * Everything the customer page shows.
 * 1. Resolve the shop's id (or Shoal's) to the stored customer.
 * 2. Read the profile with orders and events, and the customer's summary in the current run.
 */
export const getCustomerDetail = async ({
  customerId,
  customers,
  segments,
  recentEvents = 100,
}: {
  customerId: string;
  customers: CustomerStore;
  segments: SegmentStore;
  recentEvents?: number;
}): Promise<CustomerDetail> => {
  const id = await resolveCustomerId({ lookup: { customerId }, customers });
  const [record, runId] = await Promise.all([
    customers.getCustomer(id),
    segments.getCurrentRunId(),
  ]);
  if (record === undefined) throw new NotFoundError(`no customer ${customerId}`, { customerId });
  const summary =
    runId === undefined ? undefined : (await segments.getCustomerSegments(runId, [id])).get(id);
  return {
    profile: record.profile,
    ...(summary !== undefined && { segments: summary }),
    orders: [...record.orders].sort((a, b) => b.orderedAt.localeCompare(a.orderedAt)),
    events: [...record.events].sort((a, b) => b.at.localeCompare(a.at)).slice(0, recentEvents),
  };
};
