import { createHash, timingSafeEqual } from 'node:crypto';
import { UnauthorizedError } from '../../core/shared/errors';

export const STOREFRONT_KEY_HEADER = 'x-shoal-storefront-key';

export const hashStorefrontKey = (key: string): string =>
  createHash('sha256').update(key).digest('hex');

/**
 * Storefront keys are configured as SHA-256 hashes, so neither the template nor the function's
 * environment holds a usable key; several may be live at once for rotation. Compared in constant
 * time.
 */
export const checkStorefrontKey = ({
  headers,
  keyHashes,
}: {
  headers: Record<string, string | undefined>;
  keyHashes: readonly string[];
}): void => {
  const key = headers[STOREFRONT_KEY_HEADER];
  if (key === undefined || key === '') {
    throw new UnauthorizedError(`send the storefront key in the ${STOREFRONT_KEY_HEADER} header`);
  }
  const given = Buffer.from(hashStorefrontKey(key), 'hex');
  const known = keyHashes.some((hash) => {
    const expected = Buffer.from(hash, 'hex');
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!known) throw new UnauthorizedError('the storefront key is not valid');
};
