import type { CustomerProfile } from '../customers/customer-profile';
import type { CustomerSegments } from '../segmentation-runs/segmentation-run';
import type { CustomerStore } from '../ports/customer-store';
import { mapWithConcurrency } from '../shared/map-with-concurrency';
import type { SegmentStore } from '../ports/segment-store';
import type { RecipientCandidate, TemplateValue } from './recipient-candidate';

/** Customers read per round trip: DynamoDB's BatchGetItem limit. */
const CHUNK = 100;
/** A page of 5,000 members is 50 chunks: read a few at once rather than one after another. */
const CHUNKS_IN_FLIGHT = 4;

/** The named customers of one run as candidates; customers the run does not know are left out. */
export const loadCandidatesOf = async ({
  runId,
  customerIds,
  segments,
  customers,
}: {
  runId: string;
  customerIds: string[];
  segments: SegmentStore;
  customers: CustomerStore;
}): Promise<RecipientCandidate[]> => {
  const chunks: string[][] = [];
  for (let i = 0; i < customerIds.length; i += CHUNK) chunks.push(customerIds.slice(i, i + CHUNK));
  const loaded = await mapWithConcurrency(
    chunks,
    async (chunk) => {
      const [summaries, profiles] = await Promise.all([
        segments.getCustomerSegments(runId, chunk),
        customers.getProfiles(chunk),
      ]);
      return chunk.flatMap((customerId) => {
        const summary = summaries.get(customerId);
        return summary ? [toCandidate(summary, profiles.get(customerId))] : [];
      });
    },
    CHUNKS_IN_FLIGHT,
  );
  return loaded.flat();
};

const toCandidate = (
  summary: CustomerSegments,
  profile: CustomerProfile | undefined,
): RecipientCandidate => {
  const { features } = summary;
  const vars: Record<string, TemplateValue | undefined> = {
    rfm_segment: summary.rfm?.segmentName,
    lifecycle_stage: summary.lifecycleStage,
    recency_days: features.recencyDays,
    frequency: features.frequency,
    monetary: features.monetary,
    first_order_date: features.firstOrderDate,
    last_order_date: features.lastOrderDate,
    top_category: features.topCategory,
  };
  return {
    customerId: summary.customerId,
    segmentIds: summary.memberships.map((m) => m.segmentId),
    profile: {
      email: profile?.email ?? summary.email,
      firstName: profile?.firstName,
      lastName: profile?.lastName,
      timeZone: profile?.timeZone,
      consent: profile?.consent,
    },
    vars: Object.fromEntries(
      Object.entries(vars).filter(
        (entry): entry is [string, TemplateValue] => entry[1] !== undefined,
      ),
    ),
  };
};
