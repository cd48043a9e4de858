import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const LocalSecrets = z.object({
  adminKey: z.string().min(16),
  storefrontKey: z.string().min(16),
});
export type LocalSecrets = z.infer<typeof LocalSecrets>;

const token = (): string => randomBytes(24).toString('base64url');

/**
 * The API keys of the local stack: made once and kept in the data folder (readable only by its owner)
 * so the admin key printed at start stays valid across restarts; `SHOAL_ADMIN_KEY`
 * and `SHOAL_STOREFRONT_KEY` override them.
 */
export const loadLocalSecrets = ({
  dataDir,
  env = process.env,
}: {
  dataDir: string;
  env?: Record<string, string | undefined>;
}): LocalSecrets => {
  const file = join(dataDir, 'secrets.json');
  let secrets: LocalSecrets;
  if (existsSync(file)) {
    secrets = LocalSecrets.parse(JSON.parse(readFileSync(file, 'utf8')));
  } else {
    secrets = {
      adminKey: token(),
      storefrontKey: token(),
    };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return {
    ...secrets,
    adminKey: env.SHOAL_ADMIN_KEY ?? secrets.adminKey,
    storefrontKey: env.SHOAL_STOREFRONT_KEY ?? secrets.storefrontKey,
  };
};
