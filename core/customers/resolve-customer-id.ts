import { normaliseEmail } from '../ingest/normalise-email';
import type { CustomerStore } from '../ports/customer-store';
import { NotFoundError, ValidationError } from '../shared/errors';

/** How callers name a customer: the shop's own id (or Shoal's), or an e-mail address. */
export type CustomerLookup = { customerId: string } | { email: string };

/**
 * Finds Shoal's id for a customer named by the shop.
 * 1. An id is the shop's external id when an alias says so, else Shoal's own id if a profile has it.
 * 2. An e-mail is normalised (trimmed, lower-cased) and looked up through its alias.
 * Throws NotFoundError when nobody matches, ValidationError for an address that is not one.
 */
export const resolveCustomerId = async ({
  lookup,
  customers,
}: {
  lookup: CustomerLookup;
  customers: CustomerStore;
}): Promise<string> => {
  if ('email' in lookup) {
    const normalised = normaliseEmail(lookup.email);
    if (normalised === undefined) {
      throw new ValidationError(`"${lookup.email}" is not an e-mail address`, ['email']);
    }
    const found = await customers.findIdentities({ externalIds: [], emails: [normalised.email] });
    const customerId = found.byEmail.get(normalised.email);
    if (customerId === undefined) throw new NotFoundError('no customer has this e-mail address');
    return customerId;
  }
  const found = await customers.findIdentities({ externalIds: [lookup.customerId], emails: [] });
  const aliased = found.byExternalId.get(lookup.customerId);
  if (aliased !== undefined) return aliased;
  const profiles = await customers.getProfiles([lookup.customerId]);
  if (profiles.has(lookup.customerId)) return lookup.customerId;
  throw new NotFoundError(`no customer ${lookup.customerId}`, { customerId: lookup.customerId });
};
