import type { CustomerProfile } from '../customers/customer-profile';
import type { CustomerSegments } from '../segmentation-runs/segmentation-run';
import type { CustomerStore } from '../ports/customer-store';
import type { SegmentStore } from '../ports/segment-store';
import type { RecipientCandidate, TemplateValue } from './recipient-candidate';

/** Customers read per round trip: DynamoDB's BatchGetItem limit. */
const CHUNK = 100;

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
  const candidates: RecipientCandidate[] = [];
  for (let i = 0; i < customerIds.length; i += CHUNK) {
    const chunk = customerIds.slice(i, i + CHUNK);
    const [summaries, profiles] = await Promise.all([
      segments.getCustomerSegments(runId, chunk),
      customers.getProfiles(chunk),
    ]);
    for (const customerId of chunk) {
      const summary = summaries.get(customerId);
      if (summary) candidates.push(toCandidate(summary, profiles.get(customerId)));
    }
  }
  return candidates;
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
