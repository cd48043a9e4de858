import { z } from 'zod';
import type { UnsubscribeKeys } from '../../core/campaigns/unsubscribe-token';

/**
 * The unsubscribe signing keys as the secret holds them: `current` and optionally `previous`
 * name two of the other fields, each a key id mapped to its secret. Rotating is: add a key, set
 * `previous` to the old `current` and `current` to the new id; drop the old key weeks later.
 */
const KeyRing = z
  .object({ current: z.string().min(1), previous: z.string().min(1).optional() })
  .catchall(z.string());

export const parseUnsubscribeKeys = (json: string): UnsubscribeKeys => {
  const ring = KeyRing.parse(JSON.parse(json));
  const key = (keyId: string) => {
    const secret = ring[keyId];
    if (!secret || secret.length < 16) {
      throw new Error(`unsubscribe key ${keyId} is missing or shorter than 16 characters`);
    }
    return { keyId, secret };
  };
  return {
    current: key(ring.current),
    ...(ring.previous && { previous: key(ring.previous) }),
  };
};

export const UnsubscribeKeysEnv = z
  .object({
    /** The key ring itself: set by the local stack. */
    UNSUBSCRIBE_KEYS: z.string().min(1).optional(),
    /** The Secrets Manager secret holding the key ring: set by CDK. */
    UNSUBSCRIBE_KEYS_SECRET_ID: z.string().min(1).optional(),
    AWS_SESSION_TOKEN: z.string().optional(),
    PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: z.coerce.number().int().default(2773),
  })
  .refine((env) => env.UNSUBSCRIBE_KEYS ?? env.UNSUBSCRIBE_KEYS_SECRET_ID, {
    message: 'set UNSUBSCRIBE_KEYS or UNSUBSCRIBE_KEYS_SECRET_ID',
  });
export type UnsubscribeKeysEnv = z.infer<typeof UnsubscribeKeysEnv>;

/**
 * Reads the key ring once per cold start. In Lambda it comes through the AWS Parameters and
 * Secrets extension's local HTTP endpoint, which caches it and needs no SDK client.
 */
export const loadUnsubscribeKeys = async (env: UnsubscribeKeysEnv): Promise<UnsubscribeKeys> => {
  if (env.UNSUBSCRIBE_KEYS) return parseUnsubscribeKeys(env.UNSUBSCRIBE_KEYS);
  const url = `http://localhost:${env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT}/secretsmanager/get?secretId=${encodeURIComponent(env.UNSUBSCRIBE_KEYS_SECRET_ID ?? '')}`;
  const response = await fetch(url, {
    headers: { 'X-Aws-Parameters-Secrets-Token': env.AWS_SESSION_TOKEN ?? '' },
  });
  if (!response.ok) throw new Error(`reading the unsubscribe keys failed: ${response.status}`);
  const { SecretString } = z.object({ SecretString: z.string() }).parse(await response.json());
  return parseUnsubscribeKeys(SecretString);
};
