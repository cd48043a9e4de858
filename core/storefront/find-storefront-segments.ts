import { type CustomerLookup, resolveCustomerId } from '../customers/resolve-customer-id';
import type { CustomerStore } from '../ports/customer-store';
import type { SegmentStore } from '../ports/segment-store';
import type { StorefrontSegments } from './storefront-segments';

/**
 * A customer's segments in the current run, for personalisation.
 * 1. Resolve the shop's id or e-mail to Shoal's customer (NotFoundError if unknown).
 * 2. Read the customer's memberships in the run the current-run pointer names; a customer added
 *    since that run is known but has no segments yet.
 */
export const findStorefrontSegments = async ({
  lookup,
  customers,
  segments,
}: {
  lookup: CustomerLookup;
  customers: CustomerStore;
  segments: SegmentStore;
}): Promise<StorefrontSegments> => {
  const customerId = await resolveCustomerId({ lookup, customers });
  const runId = await segments.getCurrentRunId();
  if (runId === undefined) return { customerId, segments: [] };
  const stored = (await segments.getCustomerSegments(runId, [customerId])).get(customerId);
  if (stored === undefined) return { customerId, runId, segments: [] };
  return {
    customerId,
    runId,
    asOf: stored.asOf,
    ...(stored.rfm !== undefined && { rfm: stored.rfm }),
    lifecycleStage: stored.lifecycleStage,
    segments: stored.memberships.map((membership) => ({
      segmentId: membership.segmentId,
      name: membership.segmentName,
      kind: membership.kind,
      since: membership.since,
    })),
  };
};
