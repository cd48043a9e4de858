import { createHash } from 'node:crypto';

/** The form used for matching and suppression, the same the customer profile stores. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

// Deliberately narrower than RFC 5322: quoted local parts and IP literals are legal but in
// marketing lists they are almost always typos, and SES rejects several of them anyway.
const deliverable =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i;

export const isDeliverableEmail = (email: string): boolean => {
  const normalised = normaliseEmail(email);
  if (normalised.length > 254 || !deliverable.test(normalised)) return false;
  const local = normalised.slice(0, normalised.lastIndexOf('@'));
  return (
    local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..')
  );
};

/**
 * The suppression list is keyed by this hash rather than the address so a person who asked to be
 * erased stays suppressed without Shoal keeping their address.
 */
export const suppressionKey = (email: string): string =>
  createHash('sha256').update(normaliseEmail(email)).digest('hex');
