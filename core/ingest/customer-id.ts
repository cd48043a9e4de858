import { createHash } from 'node:crypto';

/**
 * The id of a customer known only by e-mail: derived from the normalised address so the same
 * person gets the same id in every import, on every machine.
 */
export const customerIdForEmail = (email: string): string =>
  `e-${createHash('sha256').update(email).digest('hex').slice(0, 16)}`;
