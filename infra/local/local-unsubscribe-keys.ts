import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The local stack's unsubscribe key ring, in the format of the secret CDK creates. Generated once
 * and kept in the data directory, so links in mail already in the local outbox keep verifying
 * after a restart.
 */
export const localUnsubscribeKeys = (file: string): string => {
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const ring = JSON.stringify({ current: 'local1', local1: randomBytes(32).toString('base64url') });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, ring, { mode: 0o600 });
  return ring;
};
