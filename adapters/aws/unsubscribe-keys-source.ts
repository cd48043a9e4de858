import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import type { UnsubscribeKeys } from '../../core/campaigns/unsubscribe-token';

const SigningKeyJson = z.object({ keyId: z.string().min(1), secret: z.string().min(32) });

/**
 * The secret's JSON: `{"current":{"keyId","secret"},"previous":{…}}`. Rotation writes a new
 * `current` and moves the old one to `previous`, so links already in inboxes keep working.
 */
export const UnsubscribeKeysJson = z.object({
  current: SigningKeyJson,
  previous: SigningKeyJson.optional(),
});

export const parseUnsubscribeKeys = (json: string): UnsubscribeKeys =>
  UnsubscribeKeysJson.parse(JSON.parse(json));

// Long enough to spare Secrets Manager a call per request, short enough that a rotation reaches
// every warm function within minutes.
const CACHE_MS = 5 * 60_000;

/** Reads the keys from Secrets Manager, cached per container. */
export const secretsManagerUnsubscribeKeys = ({
  client,
  secretId,
}: {
  client: SecretsManagerClient;
  secretId: string;
}): (() => Promise<UnsubscribeKeys>) => {
  let cached: { keys: Promise<UnsubscribeKeys>; until: number } | undefined;
  return () => {
    const now = Date.now();
    if (cached === undefined || cached.until <= now) {
      const keys = client
        .send(new GetSecretValueCommand({ SecretId: secretId }))
        .then((output) => parseUnsubscribeKeys(output.SecretString ?? ''));
      cached = { keys, until: now + CACHE_MS };
      keys.catch(() => {
        cached = undefined;
      });
    }
    return cached.keys;
  };
};
