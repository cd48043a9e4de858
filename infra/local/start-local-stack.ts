import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_UPLOAD_BYTES } from '../constructs/ingest';
import {
  createLocalCampaignWorkTrigger,
  type LocalCampaignWorkTrigger,
} from './local-campaign-work-trigger';
import { createLocalIngestTrigger, type LocalIngestTrigger } from './local-ingest-trigger';
import { localLambdaContext } from './local-lambda-context';
import { startLocalNightlySchedule } from './local-nightly-schedule';
import { localUnsubscribeKeys } from './local-unsubscribe-keys';
import { type LocalAws, startLocalAws } from './start-local-aws';

export interface LocalStack {
  aws: LocalAws;
  ingest: LocalIngestTrigger;
  /**
   * Campaign work (dispatch, send, deferred items) queued under campaign-work/ in the local
   * bucket, handed to the same dispatcher and sender handlers as in AWS. The API starts a send
   * with startCampaignSend and an ObjectStoreCampaignWorkQueue on CAMPAIGN_WORK_BUCKET, as there.
   */
  campaigns: LocalCampaignWorkTrigger;
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
  unsubscribeBaseUrl = 'https://localhost',
  senderConcurrency = 2,
}: {
  dataDir: string;
  fresh?: boolean;
  /** The shop's time zone: the nightly run fires at 02:00 there. */
  timeZone?: string;
  ports?: { dynamodb?: number; s3?: number; ses?: number };
  /** Origin of the API that serves /v1/unsubscribe; https, as RFC 8058 one-click requires. */
  unsubscribeBaseUrl?: string;
  senderConcurrency?: number;
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
    CAMPAIGN_WORK_BUCKET: bucket,
    CONSENT_MODEL: 'opt-in',
    SENDER_FROM: 'Shoal Local <news@shoal.localhost>',
    SES_CONFIGURATION_SET: 'shoal-local',
    UNSUBSCRIBE_BASE_URL: unsubscribeBaseUrl,
    UNSUBSCRIBE_MAILBOX: 'unsubscribe@shoal.localhost',
    POSTAL_ADDRESS: 'Shoal Local, 1 Example Street, Nowhere',
    MESSAGE_ID_DOMAIN: 'shoal.localhost',
    SENDER_CONCURRENCY: String(senderConcurrency),
    UNSUBSCRIBE_KEYS: localUnsubscribeKeys(join(dataDir, 'unsubscribe-keys.json')),
  });
  const { handler: ingestHandler } = await import('../../functions/ingest-upload/handler');
  const ingest = createLocalIngestTrigger(ingestHandler);
  aws.s3.onObjectEvent((record) => ingest.deliver(record));
  const { handler: resegmentHandler } = await import('../../functions/resegment/handler');
  const resegment = (asOf?: string) =>
    resegmentHandler(asOf ? { asOf } : {}, localLambdaContext('shoal-resegment'));
  // The local SES endpoint publishes no events: local campaigns show sends, never deliveries,
  // bounces or opens. Synthesising deliveries would make local results look better than proven.
  const campaigns = createLocalCampaignWorkTrigger({
    dispatch: (await import('../../functions/campaign-dispatch/handler')).handler,
    send: (await import('../../functions/campaign-send/handler')).handler,
    senderConcurrency,
    deferredDelayMs: 30_000,
  });
  aws.s3.onObjectEvent((record) => campaigns.deliver(record));
  const nightly = startLocalNightlySchedule({ hour: 2, timeZone, run: resegment });
  return {
    aws,
    ingest,
    campaigns,
    resegment,
    stop: async () => {
      nightly.stop();
      campaigns.stop();
      await Promise.all([ingest.idle(), campaigns.idle()]);
      await aws.stop();
    },
  };
};
