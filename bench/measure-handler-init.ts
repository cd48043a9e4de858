import { execFile } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO_NODE_MODULES = new URL('../node_modules', import.meta.url).pathname;

/**
 * Placeholder configuration satisfying every handler's env schema (`parseEnv` at module load).
 * Only names and shapes matter: initialising a handler builds clients but calls nothing in AWS.
 * A handler that gains a required variable fails here with `Invalid environment: NAME`.
 */
export const PLACEHOLDER_ENV: Readonly<Record<string, string>> = {
  AWS_REGION: 'eu-west-1',
  CUSTOMERS_TABLE: 'shoal-bench-customers',
  SEGMENTS_TABLE: 'shoal-bench-segments',
  CAMPAIGNS_TABLE: 'shoal-bench-campaigns',
  IMPORTS_TABLE: 'shoal-bench-imports',
  UPLOADS_BUCKET: 'shoal-bench-uploads',
  MAX_UPLOAD_BYTES: String(100 * 1024 * 1024),
  RESEGMENT_FUNCTION: 'shoal-bench-resegment',
  CAMPAIGN_WORK_BUCKET: 'shoal-bench-uploads',
  STOREFRONT_KEY_HASHES: '0'.repeat(64),
  UNSUBSCRIBE_KEYS_SECRET_ID:
    'arn:aws:secretsmanager:eu-west-1:000000000000:secret:shoal-bench-unsubscribe-keys',
  SENDER_FROM: 'Shop <news@shop.example>',
  SES_CONFIGURATION_SET: 'shoal-bench',
  UNSUBSCRIBE_BASE_URL: 'https://api.shop.example',
  UNSUBSCRIBE_MAILBOX: 'unsubscribe@shop.example',
  POSTAL_ADDRESS: '1 Harbour Road, Bristol',
  MESSAGE_ID_DOMAIN: 'shop.example',
  SENDER_CONCURRENCY: '2',
};

// Runs in the fresh process: only the import is timed, not Node's own start-up.
const IMPORT_TIMER = [
  'const started = performance.now();',
  'const module = await import(process.argv[1]);',
  "if (typeof module.handler !== 'function') throw new Error('no handler export');",
  'process.stdout.write(String(performance.now() - started));',
].join('\n');

export const median = (values: readonly number[]): number => {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/**
 * The bundle's dependencies left external (`@aws-sdk/*`, which Lambda's runtime provides) must
 * resolve from where the bundles sit: a `node_modules` link in their common parent does that.
 */
export const linkNodeModules = async (bundleFiles: readonly string[]): Promise<void> => {
  const parents = new Set(bundleFiles.map((file) => dirname(dirname(file))));
  for (const parent of parents) {
    await symlink(REPO_NODE_MODULES, join(parent, 'node_modules'), 'dir').catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      },
    );
  }
};

/**
 * Milliseconds to `import()` a bundled handler in a new `node` process each time (so nothing is
 * cached), with the function's own environment (ShoalFunction sets `--enable-source-maps`) plus
 * placeholders for its configuration. Returns every run; callers take the median.
 */
export const measureHandlerInit = async ({
  file,
  environment,
  runs,
}: {
  file: string;
  environment: Record<string, string>;
  runs: number;
}): Promise<number[]> => {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', IMPORT_TIMER, pathToFileURL(file).href],
      {
        cwd: dirname(file),
        env: { PATH: process.env.PATH ?? '', ...PLACEHOLDER_ENV, ...environment },
        timeout: 30_000,
      },
    );
    const ms = Number(stdout.trim());
    if (!Number.isFinite(ms)) throw new Error(`importing ${file} printed "${stdout.trim()}"`);
    times.push(ms);
  }
  return times;
};
