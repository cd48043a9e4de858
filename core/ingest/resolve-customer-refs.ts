import type { CustomerProfile } from '../customers/customer-profile';
import type { CustomerStore } from '../ports/customer-store';
import { customerIdForEmail } from './customer-id';
import { mergeProfile } from './merge-profile';
import type { CustomerRef } from './parsed-row';

/** A stable text key for a reference, for maps. */
export const refKey = (ref: CustomerRef): string =>
  ref.externalId !== undefined ? `id:${ref.externalId}` : `email:${ref.email ?? ''}`;

export interface ResolvedRefs {
  /** refKey → customer id, for every reference whose customer exists (or was just created). */
  customerIds: Map<string, string>;
  /** refKey → why the minimal profile for it could not be written. */
  failed: Map<string, string>;
  created: number;
}

/**
 * Finds the customers that orders or events point to, creating a minimal profile for each one
 * not seen before rather than rejecting its rows: order and event exports often arrive before
 * the customer export.
 * 1. Looks the external ids and e-mails up in the store (external id first).
 * 2. Creates a profile with just the identifiers for each unknown reference and saves them.
 */
export const resolveCustomerRefs = async ({
  refs,
  store,
  sourceTime,
  now,
}: {
  refs: readonly CustomerRef[];
  store: CustomerStore;
  sourceTime: string;
  now: string;
}): Promise<ResolvedRefs> => {
  const unique = new Map(refs.map((ref) => [refKey(ref), ref]));
  const externalIds = [...unique.values()].flatMap((ref) =>
    ref.externalId !== undefined ? [ref.externalId] : [],
  );
  const emails = [...unique.values()].flatMap((ref) =>
    ref.email !== undefined ? [ref.email] : [],
  );
  const found = await store.findIdentities({ externalIds, emails });
  const customerIds = new Map<string, string>();
  const created = new Map<string, CustomerProfile>();
  for (const [key, ref] of unique) {
    const known =
      (ref.externalId !== undefined ? found.byExternalId.get(ref.externalId) : undefined) ??
      (ref.email !== undefined ? found.byEmail.get(ref.email) : undefined);
    if (known !== undefined) {
      customerIds.set(key, known);
      continue;
    }
    const customerId = ref.externalId ?? customerIdForEmail(ref.email ?? '');
    const fields = {
      ...(ref.externalId !== undefined ? { externalId: ref.externalId } : {}),
      ...(ref.email !== undefined ? { email: ref.email, emailDisplay: ref.email } : {}),
    };
    created.set(
      key,
      mergeProfile({
        existing: undefined,
        incoming: { customerId, fields, attributes: {}, sourceTime },
        now,
      }).profile,
    );
    customerIds.set(key, customerId);
  }
  const failed = new Map<string, string>();
  if (created.size > 0) {
    const keyByCustomer = new Map([...created].map(([key, profile]) => [profile.customerId, key]));
    const outcome = await store.saveProfiles([...created.values()]);
    for (const failure of outcome.failed) {
      const key = keyByCustomer.get(failure.key);
      if (key !== undefined) failed.set(key, failure.reason);
    }
  }
  return { customerIds, failed, created: created.size - failed.size };
};
