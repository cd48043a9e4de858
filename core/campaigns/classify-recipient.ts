import type { QuietHours } from './campaign';
import type { EligibilityPolicy } from './eligibility-policy';
import { isDeliverableEmail, suppressionKey } from './email-address';
import { frequencyCapReleaseTime } from './frequency-cap';
import { isValidTimeZone } from './local-time';
import { quietHoursEnd } from './quiet-hours';
import type { RecipientCandidate } from './recipient-candidate';
import type { SuppressionReason } from './suppression';

export type IneligibleReason = 'missing-email' | 'invalid-email' | 'no-consent';
export type PostponeReason = 'frequency-cap' | 'quiet-hours';

export type RecipientClassification =
  | { outcome: 'eligible' }
  | { outcome: 'ineligible'; reason: IneligibleReason }
  | { outcome: 'suppressed'; reason: SuppressionReason }
  | { outcome: 'postponed'; reason: PostponeReason; until: string };

/**
 * Decides whether one recipient may be mailed now.
 * 1. A deliverable address, then consent under the policy: otherwise ineligible.
 * 2. The address's hash on the suppression list: suppressed.
 * 3. Over the frequency cap: postponed until the oldest counted send leaves the window.
 * 4. Inside quiet hours in their zone (the campaign's default zone when theirs is unknown), at
 *    now or at the cap release time: postponed until the quiet hours end.
 */
export const classifyRecipient = ({
  candidate,
  policy,
  quietHours,
  defaultTimeZone,
  suppressions,
  recentSendTimes,
  now,
}: {
  candidate: RecipientCandidate;
  policy: EligibilityPolicy;
  quietHours?: QuietHours;
  defaultTimeZone: string;
  /** Suppression reasons by e-mail hash, for at least this candidate's address. */
  suppressions: ReadonlyMap<string, SuppressionReason>;
  /** When this customer was last sent marketing e-mail, ISO instants. */
  recentSendTimes: readonly string[];
  now: Date;
}): RecipientClassification => {
  const { email, consent, timeZone } = candidate.profile;
  if (!email) return { outcome: 'ineligible', reason: 'missing-email' };
  if (!isDeliverableEmail(email)) return { outcome: 'ineligible', reason: 'invalid-email' };
  const consented =
    policy.consent === 'opt-in' ? consent?.state === 'granted' : consent?.state !== 'denied';
  if (!consented) return { outcome: 'ineligible', reason: 'no-consent' };
  const suppressed = suppressions.get(suppressionKey(email));
  if (suppressed) return { outcome: 'suppressed', reason: suppressed };

  const capRelease = policy.frequencyCap
    ? frequencyCapReleaseTime({ now, cap: policy.frequencyCap, recentSendTimes })
    : undefined;
  const earliest = capRelease ?? now;
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : defaultTimeZone;
  const quietEnd = quietHours
    ? quietHoursEnd({ now: earliest, quietHours, timeZone: zone })
    : undefined;
  if (capRelease) {
    return {
      outcome: 'postponed',
      reason: 'frequency-cap',
      until: (quietEnd ?? capRelease).toISOString(),
    };
  }
  if (quietEnd)
    return { outcome: 'postponed', reason: 'quiet-hours', until: quietEnd.toISOString() };
  return { outcome: 'eligible' };
};
