import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunningServer } from './start-dynamodb-local';

/** The subset of an S3 event notification record the local stack forwards to the ingest trigger. */
export interface LocalS3EventRecord {
  eventName: string;
  s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string } };
}

export interface RunningS3Server extends RunningServer {
  onObjectEvent(listener: (record: LocalS3EventRecord) => void): void;
}

interface ChildMessage {
  type: 'ready' | 'event';
  port?: number;
  record?: LocalS3EventRecord;
}

/**
 * Starts s3rver, an S3-compatible server, with the given buckets. Without `dataDir` it stores
 * objects in a temporary folder removed on stop.
 */
export const startS3Server = async ({
  buckets,
  dataDir,
  port = 0,
}: {
  buckets: string[];
  dataDir?: string;
  port?: number;
}): Promise<RunningS3Server> => {
  const directory = dataDir ?? mkdtempSync(join(tmpdir(), 'shoal-s3-'));
  mkdirSync(directory, { recursive: true });
  const child = fork(
    resolve(import.meta.dirname, 's3rver-child.cjs'),
    [JSON.stringify({ port, directory, buckets })],
    { execArgv: ['--openssl-legacy-provider'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  const listeners: ((record: LocalS3EventRecord) => void)[] = [];
  const readyPort = await new Promise<number>((resolvePort, reject) => {
    child.once('exit', (code) => reject(new Error(`S3 server exited with code ${code}`)));
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready' && message.port) resolvePort(message.port);
      if (message.type === 'event' && message.record) {
        for (const listener of listeners) listener(message.record);
      }
    });
  });
  child.removeAllListeners('exit');
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  return {
    endpoint: `http://127.0.0.1:${readyPort}`,
    onObjectEvent: (listener) => listeners.push(listener),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      if (!dataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
};
