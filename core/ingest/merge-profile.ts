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
  let changed = false;
  const profile: CustomerProfile = {
    ...existing,
    attributes: { ...existing.attributes },
    sourceTimes: { ...existing.sourceTimes },
  };
  const target = profile as Record<string, unknown>;
  for (const [key, value] of Object.entries(incoming.fields) as [keyof ProfileFields, unknown][]) {
    if (key === 'consent' || value === undefined) continue;
    const current = target[key];
    if (isDeepEqual(current, value)) continue;
    if (current !== undefined && (profile.sourceTimes[key] ?? '') >= time) continue;
    target[key] = value;
    profile.sourceTimes[key] = time;
    changed = true;
  }
  const consent = incoming.fields.consent;
  if (consent && consent.state !== existing.consent?.state) {
    const consentTime = consent.at ?? time;
    if (!existing.consent || (profile.sourceTimes.consent ?? '') < consentTime) {
      profile.consent = { state: consent.state, at: consentTime } satisfies MarketingConsent;
      profile.sourceTimes.consent = consentTime;
      changed = true;
    }
  }
  for (const [name, value] of Object.entries(incoming.attributes)) {
    const key = `attributes.${name}`;
    const current = profile.attributes[name];
    if (current === value) continue;
    if (current !== undefined && (profile.sourceTimes[key] ?? '') >= time) continue;
    profile.attributes[name] = value;
    profile.sourceTimes[key] = time;
    changed = true;
  }
  if (!changed) return { profile: existing, outcome: 'unchanged' };
  profile.updatedAt = now;
  profile.version = existing.version + 1;
  return { profile, outcome: 'updated' };
};
