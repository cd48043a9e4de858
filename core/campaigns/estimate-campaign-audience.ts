import type { CampaignStore } from '../ports/campaign-store';
import type { CustomerStore } from '../ports/customer-store';
import type { SegmentStore } from '../ports/segment-store';
import type { Clock } from '../shared/clock';
import { ConflictError } from '../shared/errors';
import type { CampaignAudience } from './campaign';
import { classifyRecipient, type IneligibleReason } from './classify-recipient';
import { suppressionKey } from './email-address';
import type { EligibilityPolicy } from './eligibility-policy';
import { loadCandidatesOf } from './load-recipient-candidates';
import type { RecipientCandidate } from './recipient-candidate';
import { resolveAudience } from './resolve-audience';
import type { SuppressionReason } from './suppression';

export interface AudienceEstimate {
  /** Customers of the current run in the audience, each once. */
  audience: number;
  /** Of them, those a send would mail or hold out: an address, consent and not suppressed. */
  eligible: number;
  /** Why the others would not be mailed; `suppressed` is split by reason below. */
  ineligible: {
    missingEmail: number;
    invalidEmail: number;
    noConsent: number;
    suppressed: number;
  };
  suppressedByReason: Partial<Record<SuppressionReason, number>>;
  /** The holdout's expected share of the eligible; the real split is decided per customer. */
  heldOut: number;
  /** Eligible customers the frequency cap would postpone if the campaign were sent now. */
  postponed: number;
}

const ineligibleKey = {
  'missing-email': 'missingEmail',
  'invalid-email': 'invalidEmail',
  'no-consent': 'noConsent',
} as const satisfies Record<IneligibleReason, keyof AudienceEstimate['ineligible']>;

/**
 * Counts who a campaign to this audience would reach if it were sent now, without creating
 * anything, for the dashboard's live count.
 * 1. Load the audience's candidates from the current run and resolve inclusions and exclusions.
 * 2. Classify each as a send would on address, consent and suppression (quiet hours depend on
 *    the send time and are left out).
 * 3. Under a frequency cap, read the recent sends of the eligible only (one query per customer,
 *    the slow part) and count those the cap would postpone now.
 * 4. Estimate the holdout as its share of the eligible.
 */
export const estimateCampaignAudience = async ({
  audience,
  holdoutPercent,
  policy,
  segments,
  customers,
  campaigns,
  clock,
}: {
  audience: CampaignAudience;
  holdoutPercent: number;
  policy: EligibilityPolicy;
  segments: SegmentStore;
  customers: CustomerStore;
  campaigns: CampaignStore;
  clock: Clock;
}): Promise<AudienceEstimate> => {
  const now = clock();
  const runId = await segments.getCurrentRunId();
  if (!runId) throw new ConflictError('there is no complete segmentation run yet');
  const memberIds = new Set<string>();
  for (const segmentId of audience.segmentIds) {
    for (const id of await segments.listMemberIds(runId, segmentId)) memberIds.add(id);
  }
  const recipients = resolveAudience({
    audience,
    candidates: await loadCandidatesOf({
      runId,
      customerIds: [...memberIds],
      segments,
      customers,
    }),
  });
  const suppressions = await campaigns.getSuppressions(
    recipients.flatMap((r) => (r.profile.email ? [suppressionKey(r.profile.email)] : [])),
  );

  const estimate: AudienceEstimate = {
    audience: recipients.length,
    eligible: 0,
    ineligible: { missingEmail: 0, invalidEmail: 0, noConsent: 0, suppressed: 0 },
    suppressedByReason: {},
    heldOut: 0,
    postponed: 0,
  };
  const classify = (candidate: RecipientCandidate, recentSendTimes: string[]) =>
    classifyRecipient({
      candidate,
      policy,
      defaultTimeZone: 'UTC',
      suppressions,
      recentSendTimes,
      now,
    });
  const eligible: RecipientCandidate[] = [];
  for (const candidate of recipients) {
    const classification = classify(candidate, []);
    if (classification.outcome === 'ineligible') {
      estimate.ineligible[ineligibleKey[classification.reason]] += 1;
    } else if (classification.outcome === 'suppressed') {
      const { reason } = classification;
      estimate.ineligible.suppressed += 1;
      estimate.suppressedByReason[reason] = (estimate.suppressedByReason[reason] ?? 0) + 1;
    } else {
      eligible.push(candidate);
    }
  }
  estimate.eligible = eligible.length;
  const cap = policy.frequencyCap;
  if (cap && eligible.length > 0) {
    const recentSends = await campaigns.getRecentSendTimes(
      eligible.map((r) => r.customerId),
      new Date(now.getTime() - cap.windowDays * 86_400_000).toISOString(),
    );
    for (const candidate of eligible) {
      const sentAt = recentSends.get(candidate.customerId);
      if (sentAt && classify(candidate, sentAt).outcome === 'postponed') estimate.postponed += 1;
    }
  }
  estimate.heldOut = Math.round((estimate.eligible * holdoutPercent) / 100);
  return estimate;
};
