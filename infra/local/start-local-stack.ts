import { rmSync } from 'node:fs';
import { MAX_UPLOAD_BYTES } from '../constructs/ingest';
import { createLocalIngestTrigger, type LocalIngestTrigger } from './local-ingest-trigger';
import { localLambdaContext } from './local-lambda-context';
import { startLocalNightlySchedule } from './local-nightly-schedule';
import { type LocalAws, startLocalAws } from './start-local-aws';

export interface LocalStack {
  aws: LocalAws;
  ingest: LocalIngestTrigger;
  /** "Run now": the same handler the nightly schedule invokes. */
  resegment(asOf?: string): Promise<{ outcome: string }>;
  stop(): Promise<void>;
}

/**
 * Shoal on one machine: the emulators, plus the same Lambda handlers wired to local triggers the
 * way CDK wires them in AWS. The handlers read their configuration from the environment, exactly
 * as in Lambda, so it is set before they are imported.
 */
export const startLocalStack = async ({
  dataDir,
  fresh = false,
  ports,
  timeZone = 'UTC',
}: {
  dataDir: string;
  fresh?: boolean;
  /** The shop's time zone: the nightly run fires at 02:00 there. */
  timeZone?: string;
  ports?: { dynamodb?: number; s3?: number; ses?: number };
}): Promise<LocalStack> => {
  if (fresh) rmSync(dataDir, { recursive: true, force: true });
  const aws = await startLocalAws({ dataDir, ports });
  const { clients, tables, bucket } = aws.config;
  Object.assign(process.env, {
    AWS_REGION: clients.region,
    SHOAL_DYNAMODB_ENDPOINT: clients.endpoints.dynamodb,
    SHOAL_S3_ENDPOINT: clients.endpoints.s3,
    SHOAL_SES_ENDPOINT: clients.endpoints.ses,
    UPLOADS_BUCKET: bucket,
    CUSTOMERS_TABLE: tables.customers,
    SEGMENTS_TABLE: tables.segments,
    CAMPAIGNS_TABLE: tables.campaigns,
    IMPORTS_TABLE: tables.imports,
    MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
    SHOP_TIME_ZONE: timeZone,
  });
  const { handler: ingestHandler } = await import('../../functions/ingest-upload/handler');
  const ingest = createLocalIngestTrigger(ingestHandler);
  aws.s3.onObjectEvent((record) => ingest.deliver(record));
  const { handler: resegmentHandler } = await import('../../functions/resegment/handler');
  const resegment = (asOf?: string) =>
    resegmentHandler(asOf ? { asOf } : {}, localLambdaContext('shoal-resegment'));
  const nightly = startLocalNightlySchedule({ hour: 2, timeZone, run: resegment });
  return {
    aws,
    ingest,
    resegment,
    stop: async () => {
      nightly.stop();
      await ingest.idle();
      await aws.stop();
    },
  };
};
