import type { CampaignStore } from '../ports/campaign-store';
import type { CustomerStore } from '../ports/customer-store';
import type { SegmentStore } from '../ports/segment-store';
import type { Clock } from '../shared/clock';
import type { CampaignAudience } from './campaign';
import { classifyRecipient, type IneligibleReason } from './classify-recipient';
import { suppressionKey } from './email-address';
import type { EligibilityPolicy } from './eligibility-policy';
import { loadRecipientCandidates } from './load-recipient-candidates';
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
 * 2. Read the suppressions of their addresses and, under a frequency cap, their recent sends.
 * 3. Classify each as a send would (address, consent, suppression, cap; quiet hours depend on
 *    the send time and are left out) and count the outcomes by reason.
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
  const recipients = resolveAudience({
    audience,
    candidates: await loadRecipientCandidates({ audience, segments, customers }),
  });
  const hashes = recipients.flatMap((r) =>
    r.profile.email ? [suppressionKey(r.profile.email)] : [],
  );
  const cap = policy.frequencyCap;
  const [suppressions, recentSends] = await Promise.all([
    campaigns.getSuppressions(hashes),
    cap
      ? campaigns.getRecentSendTimes(
          recipients.map((r) => r.customerId),
          new Date(now.getTime() - cap.windowDays * 86_400_000).toISOString(),
        )
      : new Map<string, string[]>(),
  ]);

  const estimate: AudienceEstimate = {
    audience: recipients.length,
    eligible: 0,
    ineligible: { missingEmail: 0, invalidEmail: 0, noConsent: 0, suppressed: 0 },
    suppressedByReason: {},
    heldOut: 0,
    postponed: 0,
  };
  for (const candidate of recipients) {
    const classification = classifyRecipient({
      candidate,
      policy,
      defaultTimeZone: 'UTC',
      suppressions,
      recentSendTimes: recentSends.get(candidate.customerId) ?? [],
      now,
    });
    if (classification.outcome === 'ineligible') {
      estimate.ineligible[ineligibleKey[classification.reason]] += 1;
    } else if (classification.outcome === 'suppressed') {
      const { reason } = classification;
      estimate.ineligible.suppressed += 1;
      estimate.suppressedByReason[reason] = (estimate.suppressedByReason[reason] ?? 0) + 1;
    } else {
      estimate.eligible += 1;
      if (classification.outcome === 'postponed') estimate.postponed += 1;
    }
  }
  estimate.heldOut = Math.round((estimate.eligible * holdoutPercent) / 100);
  return estimate;
};
