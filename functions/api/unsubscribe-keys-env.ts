import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import {
  parseUnsubscribeKeys,
  secretsManagerUnsubscribeKeys,
} from '../../adapters/aws/unsubscribe-keys-source';
import type { UnsubscribeKeys } from '../../core/campaigns/unsubscribe-token';

/**
 * In AWS the keys live in Secrets Manager and only the secret's ARN is in the environment; the
 * local stack, which has no Secrets Manager, passes the same JSON inline.
 */
export const UnsubscribeKeysEnv = z
  .object({
    UNSUBSCRIBE_KEYS_SECRET_ARN: z.string().min(1).optional(),
    SHOAL_UNSUBSCRIBE_KEYS: z.string().min(1).optional(),
  })
  .refine((env) => env.UNSUBSCRIBE_KEYS_SECRET_ARN ?? env.SHOAL_UNSUBSCRIBE_KEYS, {
    message: 'set UNSUBSCRIBE_KEYS_SECRET_ARN (or SHOAL_UNSUBSCRIBE_KEYS locally)',
    path: ['UNSUBSCRIBE_KEYS_SECRET_ARN'],
  });

export const unsubscribeKeysFromEnv = ({
  env,
  region,
}: {
  env: z.infer<typeof UnsubscribeKeysEnv>;
  region: string;
}): (() => Promise<UnsubscribeKeys>) => {
  if (env.SHOAL_UNSUBSCRIBE_KEYS !== undefined) {
    const keys = Promise.resolve(parseUnsubscribeKeys(env.SHOAL_UNSUBSCRIBE_KEYS));
    return () => keys;
  }
  return secretsManagerUnsubscribeKeys({
    client: new SecretsManagerClient({ region }),
    secretId: env.UNSUBSCRIBE_KEYS_SECRET_ARN ?? '',
  });
};
