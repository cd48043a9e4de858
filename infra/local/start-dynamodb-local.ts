import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { findFreePort } from './find-free-port';
import { waitUntil } from './wait-until';

export interface RunningServer {
  endpoint: string;
  stop(): Promise<void>;
}

const JAR_DIR = resolve(import.meta.dirname, '..', '..', '.local', 'dynamodb');

const assertJavaAvailable = (): void => {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'DynamoDB Local needs Java 17 or newer and `java` was not found. Install it with ' +
        '`apt-get install -y openjdk-17-jre-headless` (Debian/Ubuntu) or `brew install openjdk@17` (macOS).',
    );
  }
  const major = /version "(\d+)/.exec(probe.stderr)?.[1];
  if (major && Number(major) < 17) {
    throw new Error(`DynamoDB Local needs Java 17 or newer; found Java ${major}.`);
  }
};

const portAccepts = (port: number): Promise<boolean> =>
  new Promise((resolvePromise) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolvePromise(true);
    });
    socket.on('error', () => resolvePromise(false));
  });

/**
 * DynamoDB Local syncs its SQLite file on every write: about 100 items/s on an ordinary disk,
 * against 1,800/s in memory. So a persisted stack works on a copy in RAM (`/dev/shm`, where the
 * OS has one) and copies it back to `dataDir` when it stops.
 */
const workingCopyOf = (dataDir: string): { dir: string; saveBack: () => void } => {
  if (!existsSync('/dev/shm')) return { dir: dataDir, saveBack: () => undefined };
  const dir = mkdtempSync(join('/dev/shm', 'shoal-dynamodb-'));
  cpSync(dataDir, dir, { recursive: true });
  return {
    dir,
    saveBack: () => {
      cpSync(dir, dataDir, { recursive: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/**
 * Starts AWS's official DynamoDB Local jar on a loopback port: in memory for tests, or persisted in
 * `dataDir` for the local stack. The jar is installed by `npm install` (scripts/install-dynamodb-local.mjs).
 */
export const startDynamoDbLocal = async ({
  port,
  dataDir,
}: { port?: number; dataDir?: string } = {}): Promise<RunningServer> => {
  if (!existsSync(join(JAR_DIR, 'DynamoDBLocal.jar'))) {
    throw new Error(
      `DynamoDB Local is not installed in ${JAR_DIR}; run \`npm install\` (or node scripts/install-dynamodb-local.mjs).`,
    );
  }
  assertJavaAvailable();
  const chosenPort = port ?? (await findFreePort());
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const workingCopy = dataDir ? workingCopyOf(dataDir) : undefined;
  const storage = workingCopy ? ['-sharedDb', '-dbPath', workingCopy.dir] : ['-inMemory'];
  const child = spawn(
    'java',
    [
      '-Xms64m',
      '-Xmx1g',
      `-Djava.library.path=${join(JAR_DIR, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(JAR_DIR, 'DynamoDBLocal.jar'),
      ...storage,
      '-disableTelemetry',
      '-port',
      String(chosenPort),
    ],
    // DynamoDB Local writes a metadata file into its working directory; keep it out of the repo root.
    { stdio: ['ignore', 'ignore', 'pipe'], cwd: JAR_DIR },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  try {
    await waitUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`DynamoDB Local exited: ${stderr}`);
        return portAccepts(chosenPort);
      },
      { timeoutMs: 30_000, what: 'DynamoDB Local' },
    );
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    workingCopy?.saveBack();
    throw error;
  }
  return {
    endpoint: `http://127.0.0.1:${chosenPort}`,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      workingCopy?.saveBack();
    },
  };
};
