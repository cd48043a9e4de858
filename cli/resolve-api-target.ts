import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readStackOutputs, STACK_OUTPUT_KEYS } from './stack-outputs';

/** Where the CLI sends its requests, and how to tell a person to fix it when nobody answers. */
export interface ApiTarget {
  baseUrl: string;
  token: string;
  local: boolean;
  /** What a person can do when the API cannot be reached, or refuses the token. */
  hints: { unreachable: string; refused: string };
}

/** The folder `shoal dev` keeps its data and keys in (see cli/commands/dev.ts). */
export const LOCAL_DATA_DIR = resolve(import.meta.dirname, '..', '.local', 'data');
const DEFAULT_LOCAL_PORT = 4600;
const START_HINT = 'start it with `npx shoal dev`';

const readLocalAdminKey = async (dataDir: string): Promise<string | undefined> => {
  try {
    const secrets = JSON.parse(await readFile(join(dataDir, 'secrets.json'), 'utf8')) as {
      adminKey?: unknown;
    };
    return typeof secrets.adminKey === 'string' ? secrets.adminKey : undefined;
  } catch {
    return undefined;
  }
};

const localTarget = async ({
  env,
  dataDir,
}: {
  env: Record<string, string | undefined>;
  dataDir: string;
}): Promise<ApiTarget> => {
  // Read but never create the secrets file: making a key here would not match a stack already running.
  const token = env.SHOAL_ADMIN_KEY || (await readLocalAdminKey(dataDir));
  if (token === undefined) {
    throw new Error(
      `no local stack found (no admin key in SHOAL_ADMIN_KEY or ${join(dataDir, 'secrets.json')}): ${START_HINT}`,
    );
  }
  const baseUrl = `http://127.0.0.1:${env.SHOAL_API_PORT || DEFAULT_LOCAL_PORT}`;
  return {
    baseUrl,
    token,
    local: true,
    hints: {
      unreachable: `the local stack is not running at ${baseUrl}: ${START_HINT}`,
      refused: 'use the admin key `shoal dev` printed (SHOAL_ADMIN_KEY), or unset it',
    },
  };
};

const deployedTarget = async ({
  stackName,
  env,
  readOutputs,
}: {
  stackName: string;
  env: Record<string, string | undefined>;
  readOutputs: typeof readStackOutputs;
}): Promise<ApiTarget> => {
  const token = env.SHOAL_ADMIN_TOKEN;
  if (!token) {
    throw new Error(
      `--stack ${stackName} needs a Cognito access token in SHOAL_ADMIN_TOKEN (the admin routes sit behind a JWT authorizer)`,
    );
  }
  const outputs = await readOutputs({ stackName });
  const apiUrl = outputs[STACK_OUTPUT_KEYS.apiUrl];
  if (!apiUrl) {
    throw new Error(`stack ${stackName} has no output ${STACK_OUTPUT_KEYS.apiUrl}`);
  }
  const baseUrl = apiUrl.replace(/\/+$/, '');
  return {
    baseUrl,
    token,
    local: false,
    hints: {
      unreachable: `the API of stack ${stackName} (${baseUrl}) did not answer`,
      refused: 'SHOAL_ADMIN_TOKEN may have expired: sign in again for a fresh Cognito token',
    },
  };
};

/**
 * The local stack unless `--stack NAME` names a deployed one.
 * - local: `http://127.0.0.1:${SHOAL_API_PORT ?? 4600}`, the key from SHOAL_ADMIN_KEY or the one
 *   `shoal dev` saved in .local/data/secrets.json.
 * - deployed: the stack's `ApiUrl` output, the token from SHOAL_ADMIN_TOKEN.
 */
export const resolveApiTarget = ({
  stackName,
  env = process.env,
  dataDir = LOCAL_DATA_DIR,
  readOutputs = readStackOutputs,
}: {
  stackName?: string;
  env?: Record<string, string | undefined>;
  dataDir?: string;
  readOutputs?: typeof readStackOutputs;
}): Promise<ApiTarget> =>
  stackName === undefined
    ? localTarget({ env, dataDir })
    : deployedTarget({ stackName, env, readOutputs });
