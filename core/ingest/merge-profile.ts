import type {
  AttributeValue,
  CustomerProfile,
  MarketingConsent,
  ProfileFields,
} from '../customers/customer-profile';
import { isDeepEqual } from './is-deep-equal';

/** One row's contribution to a profile, with the time its values are true as of. */
export interface IncomingProfile {
  customerId: string;
  fields: ProfileFields;
  attributes: Record<string, AttributeValue>;
  /** ISO instant: the row's updated-at column, else the upload's time. */
  sourceTime: string;
}

export type MergeOutcome = 'inserted' | 'updated' | 'unchanged';

const sourceTimesOf = (incoming: IncomingProfile): Record<string, string> => {
  const times: Record<string, string> = {};
  for (const key of Object.keys(incoming.fields)) times[key] = incoming.sourceTime;
  if (incoming.fields.consent?.at) times.consent = incoming.fields.consent.at;
  for (const name of Object.keys(incoming.attributes))
    times[`attributes.${name}`] = incoming.sourceTime;
  return times;
};

/**
 * Merges one row into a profile, field by field.
 * - A value replaces another only when its source time is strictly newer; ties keep the stored
 *   value, which makes re-importing a file a no-op and, within one file without an updated-at
 *   column, lets the first non-empty value for a customer win.
 * - A missing value never erases one: empty cells do not reach this function.
 * - Consent changes only when the state changes, and keeps the time of that change.
 * - `updatedAt` and `version` move only when something changed, so "unchanged" means no write.
 */
export const mergeProfile = ({
  existing,
  incoming,
  now,
}: {
  existing: CustomerProfile | undefined;
  incoming: IncomingProfile;
  now: string;
}): { profile: CustomerProfile; outcome: MergeOutcome } => {
  if (!existing) {
    const profile: CustomerProfile = {
      ...incoming.fields,
      customerId: incoming.customerId,
      attributes: { ...incoming.attributes },
      sourceTimes: sourceTimesOf(incoming),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    return { profile, outcome: 'inserted' };
  }

  const time = incoming.sourceTime;
  // Copy on first change only: re-imports leave almost every profile untouched.
  let profile: CustomerProfile | undefined;
  const draft = (): CustomerProfile =>
    (profile ??= {
      ...existing,
      attributes: { ...existing.attributes },
      sourceTimes: { ...existing.sourceTimes },
    });
  const current = existing as Record<string, unknown>;
  for (const key in incoming.fields) {
    const name = key as keyof ProfileFields;
    const value = incoming.fields[name];
    if (name === 'consent' || value === undefined) continue;
    const stored = current[name];
    if (stored === value || isDeepEqual(stored, value)) continue;
    if (stored !== undefined && (existing.sourceTimes[name] ?? '') >= time) continue;
    const next = draft();
    (next as Record<string, unknown>)[name] = value;
    next.sourceTimes[name] = time;
  }
  const consent = incoming.fields.consent;
  if (consent && consent.state !== existing.consent?.state) {
    const consentTime = consent.at ?? time;
    if (!existing.consent || (existing.sourceTimes.consent ?? '') < consentTime) {
      const next = draft();
      next.consent = { state: consent.state, at: consentTime } satisfies MarketingConsent;
      next.sourceTimes.consent = consentTime;
    }
  }
  for (const name in incoming.attributes) {
    const value = incoming.attributes[name];
    const stored = existing.attributes[name];
    if (value === undefined || stored === value) continue;
    const key = `attributes.${name}`;
    if (stored !== undefined && (existing.sourceTimes[key] ?? '') >= time) continue;
    const next = draft();
    next.attributes[name] = value;
    next.sourceTimes[key] = time;
  }
  if (!profile) return { profile: existing, outcome: 'unchanged' };
  profile.updatedAt = now;
  profile.version = existing.version + 1;
  return { profile, outcome: 'updated' };
};
