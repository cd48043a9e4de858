import { normaliseEmail } from '../ingest/normalise-email';
import type { CustomerStore, ProfileCard } from '../ports/customer-store';

/** Profile items one request reads at most; a search goes on from its cursor. */
export const SEARCH_SCAN_BUDGET = 5_000;

export interface CustomerSearchHit {
  customerId: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  /** What matched: the id or e-mail exactly, or a part of the name, e-mail or id. */
  matchedOn: 'id' | 'email' | 'text';
}

export interface CustomerSearchPage {
  items: CustomerSearchHit[];
  /** Profiles looked at by this request (the exact look-ups are not counted). */
  scanned: number;
  /** Where the next request goes on; absent once every customer has been looked at. */
  cursor?: string;
}

/** Lower case without accents, so `hernandez` finds Hernández. */
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

const hitOf = (profile: ProfileCard, matchedOn: CustomerSearchHit['matchedOn']) => ({
  customerId: profile.customerId,
  ...(profile.emailDisplay !== undefined || profile.email !== undefined
    ? { email: profile.emailDisplay ?? profile.email }
    : {}),
  ...(profile.firstName !== undefined && { firstName: profile.firstName }),
  ...(profile.lastName !== undefined && { lastName: profile.lastName }),
  matchedOn,
});

const matchesText = (profile: ProfileCard, needle: string): boolean =>
  fold(
    [
      profile.customerId,
      profile.externalId,
      profile.email,
      `${profile.firstName ?? ''} ${profile.lastName ?? ''}`,
    ].join('\u0000'),
  ).includes(needle);

/**
 * Finds customers by id, e-mail or a part of their name, for the dashboard's customer search.
 * 1. On the first request, looks the text up exactly: as a customer or external id, and as an
 *    e-mail address (one read each, whatever the shop's size).
 * 2. Then reads profiles from the cursor, at most SEARCH_SCAN_BUDGET, keeping those whose name,
 *    e-mail or id contains the text (case and accents ignored), until `limit` are found.
 * A shop of millions cannot be searched by name in one request without an index; the page says
 * how many profiles it looked at and returns a cursor to search further.
 */
export const searchCustomers = async ({
  customers,
  query,
  limit,
  cursor,
}: {
  customers: Pick<CustomerStore, 'findIdentities' | 'getProfiles' | 'scanProfiles'>;
  query: string;
  limit: number;
  cursor?: string;
}): Promise<CustomerSearchPage> => {
  const text = query.trim();
  const items: CustomerSearchHit[] = [];
  const seen = new Set<string>();
  const add = (profile: ProfileCard, matchedOn: CustomerSearchHit['matchedOn']) => {
    if (seen.has(profile.customerId) || items.length >= limit) return;
    seen.add(profile.customerId);
    items.push(hitOf(profile, matchedOn));
  };

  if (cursor === undefined) {
    const email = normaliseEmail(text)?.email;
    const identities = await customers.findIdentities({
      externalIds: [text],
      emails: email ? [email] : [],
    });
    const byId = identities.byExternalId.get(text);
    const byEmail = email ? identities.byEmail.get(email) : undefined;
    const ids = [...new Set([text, byId, byEmail].filter((id) => id !== undefined))];
    const profiles = await customers.getProfiles(ids);
    for (const id of [byEmail, byId, text]) {
      const profile = id === undefined ? undefined : profiles.get(id);
      if (profile) add(profile, id === byEmail ? 'email' : 'id');
    }
  }

  const needle = fold(text);
  let scanned = 0;
  let next = cursor;
  do {
    const page = await customers.scanProfiles({
      limit: SEARCH_SCAN_BUDGET - scanned,
      ...(next !== undefined && { cursor: next }),
    });
    scanned += page.scanned;
    next = page.cursor;
    for (const profile of page.profiles) if (matchesText(profile, needle)) add(profile, 'text');
  } while (next !== undefined && items.length < limit && scanned < SEARCH_SCAN_BUDGET);
  return { items, scanned, ...(next !== undefined && { cursor: next }) };
};
