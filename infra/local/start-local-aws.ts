import { join } from 'node:path';
import { createAwsClients, type AwsClientConfig } from '../../adapters/aws/aws-clients';
import { LOCAL_BUCKET, localTableName, TABLES, type TableKey } from '../data-model';
import { createLocalTables } from './create-local-tables';
import { startDynamoDbLocal } from './start-dynamodb-local';
import { type LocalSesServer, startLocalSesServer } from './local-ses-server';
import { type RunningS3Server, startS3Server } from './start-s3-server';

/** What code needs to talk to a running local stack: serialisable, so tests can receive it. */
export interface LocalAwsConfig {
  clients: AwsClientConfig & { endpoints: { dynamodb: string; s3: string; ses: string } };
  tables: Record<TableKey, string>;
  bucket: string;
}

export interface LocalAws {
  config: LocalAwsConfig;
  s3: RunningS3Server;
  ses: LocalSesServer;
  stop(): Promise<void>;
}

export const LOCAL_REGION = 'us-east-1';

/**
 * Starts DynamoDB Local, the S3 server and the local SES endpoint on loopback ports, then creates
 * Shoal's tables and bucket. With `dataDir` everything persists there across restarts; without it
 * the stack is throw-away (tests).
 */
export const startLocalAws = async ({
  dataDir,
  ports = {},
}: {
  dataDir?: string;
  ports?: { dynamodb?: number; s3?: number; ses?: number };
} = {}): Promise<LocalAws> => {
  const [dynamodb, s3, ses] = await Promise.all([
    startDynamoDbLocal({
      port: ports.dynamodb,
      dataDir: dataDir && join(dataDir, 'dynamodb'),
    }),
    startS3Server({
      buckets: [LOCAL_BUCKET],
      dataDir: dataDir && join(dataDir, 's3'),
      port: ports.s3,
    }),
    startLocalSesServer({
      port: ports.ses,
      outboxFile: dataDir && join(dataDir, 'ses-outbox.jsonl'),
    }),
  ]);
  const config: LocalAwsConfig = {
    clients: {
      region: LOCAL_REGION,
      endpoints: { dynamodb: dynamodb.endpoint, s3: s3.endpoint, ses: ses.endpoint },
    },
    tables: Object.fromEntries(
      (Object.keys(TABLES) as TableKey[]).map((key) => [key, localTableName(key)]),
    ) as Record<TableKey, string>,
    bucket: LOCAL_BUCKET,
  };
  const stop = async (): Promise<void> => {
    await Promise.all([dynamodb.stop(), s3.stop(), ses.stop()]);
  };
  const clients = createAwsClients(config.clients);
  try {
    await createLocalTables(clients.dynamodb);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clients.dynamodb.destroy();
  }
  return { config, s3, ses, stop };
};
