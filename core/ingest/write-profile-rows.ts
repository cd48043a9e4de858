import type { CustomerProfile } from '../customers/customer-profile';
import type { CustomerStore, IdentityMatches } from '../ports/customer-store';
import { customerIdForEmail } from './customer-id';
import type { ImportTally } from './import-tally';
import { mergeProfile, type MergeOutcome } from './merge-profile';
import type { ProfileRow } from './parsed-row';

/** Matches already decided in this batch, so duplicates within it merge before anything is saved. */
interface BatchIdentities {
  byExternalId: Map<string, string>;
  byEmail: Map<string, string>;
}

/**
 * Which customer a row is: its external id when known; else the customer its e-mail already
 * belongs to, unless that customer has a different external id (same address, different
 * people: they stay apart); else the external id itself, or an id derived from the e-mail.
 */
const customerIdOf = (
  row: ProfileRow,
  found: IdentityMatches,
  batch: BatchIdentities,
  profiles: Map<string, CustomerProfile>,
): string => {
  const { externalId, email } = row.fields;
  const byId =
    externalId !== undefined
      ? (batch.byExternalId.get(externalId) ?? found.byExternalId.get(externalId))
      : undefined;
  if (byId !== undefined) return byId;
  const byEmail =
    email !== undefined ? (batch.byEmail.get(email) ?? found.byEmail.get(email)) : undefined;
  if (byEmail !== undefined) {
    const owner = profiles.get(byEmail)?.externalId;
    if (externalId === undefined || owner === undefined || owner === externalId) return byEmail;
  }
  return externalId ?? customerIdForEmail(email ?? '');
};

/**
 * Merges a batch of profile rows into the store.
 * 1. Looks up every external id and e-mail of the batch in one call, then loads the matched profiles.
 * 2. Merges rows one by one in file order, counting each as inserted, updated or unchanged.
 * 3. Saves only the profiles that changed; rows of a profile the store could not write are failed.
 */
export const writeProfileRows = async ({
  rows,
  store,
  sourceTime,
  now,
  tally,
}: {
  rows: readonly ProfileRow[];
  store: CustomerStore;
  sourceTime: string;
  now: string;
  tally: ImportTally;
}): Promise<void> => {
  const found = await store.findIdentities({
    externalIds: [
      ...new Set(
        rows.flatMap((row) => (row.fields.externalId !== undefined ? [row.fields.externalId] : [])),
      ),
    ],
    emails: [
      ...new Set(rows.flatMap((row) => (row.fields.email !== undefined ? [row.fields.email] : []))),
    ],
  });
  const profiles = await store.getProfiles([
    ...new Set([...found.byExternalId.values(), ...found.byEmail.values()]),
  ]);
  const batch: BatchIdentities = { byExternalId: new Map(), byEmail: new Map() };
  const changed = new Set<string>();
  const outcomesByCustomer = new Map<string, { line: number; outcome: MergeOutcome }[]>();

  for (const row of rows) {
    const customerId = customerIdOf(row, found, batch, profiles);
    const { profile, outcome } = mergeProfile({
      existing: profiles.get(customerId),
      incoming: {
        customerId,
        fields: row.fields,
        attributes: row.attributes,
        sourceTime: row.sourceTime ?? sourceTime,
      },
      now,
    });
    profiles.set(customerId, profile);
    if (profile.externalId !== undefined) batch.byExternalId.set(profile.externalId, customerId);
    if (profile.email !== undefined) batch.byEmail.set(profile.email, customerId);
    if (outcome !== 'unchanged') changed.add(customerId);
    let outcomes = outcomesByCustomer.get(customerId);
    if (!outcomes) outcomesByCustomer.set(customerId, (outcomes = []));
    outcomes.push({ line: row.line, outcome });
  }

  const toSave = [...changed].flatMap((customerId) => {
    const profile = profiles.get(customerId);
    return profile ? [profile] : [];
  });
  const failures = toSave.length > 0 ? (await store.saveProfiles(toSave)).failed : [];
  const failedReasons = new Map(failures.map((failure) => [failure.key, failure.reason]));
  for (const [customerId, outcomes] of outcomesByCustomer) {
    const reason = failedReasons.get(customerId);
    if (reason !== undefined)
      tally.fail(
        outcomes.map((entry) => entry.line),
        reason,
      );
    else for (const entry of outcomes) tally.count(entry.outcome);
  }
};
