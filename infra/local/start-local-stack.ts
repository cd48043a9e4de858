import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { apiRoutes } from '../../functions/api/api-routes';
import { hashStorefrontKey } from '../../functions/api/storefront-key';
import { MAX_UPLOAD_BYTES } from '../constructs/ingest';
import { findFreePort } from './find-free-port';
import {
  createLocalCampaignWorkTrigger,
  type LocalCampaignWorkTrigger,
} from './local-campaign-work-trigger';
import {
  type LambdaHttpHandler,
  type LocalHttpApi,
  startLocalHttpApi,
  type ThrottleSettings,
} from './local-http-api';
import { createLocalIngestTrigger, type LocalIngestTrigger } from './local-ingest-trigger';
import { localLambdaContext } from './local-lambda-context';
import { type LocalFunction, startLocalLambdaEndpoint } from './local-lambda-endpoint';
import { startLocalNightlySchedule } from './local-nightly-schedule';
import { localOutboxResponse } from './local-outbox-route';
import { loadLocalSecrets, type LocalSecrets } from './local-secrets';
import { localUnsubscribeKeys } from './local-unsubscribe-keys';
import { type LocalAws, startLocalAws } from './start-local-aws';

export interface LocalStack {
  aws: LocalAws;
  ingest: LocalIngestTrigger;
  /**
   * Campaign work (dispatch, send, deferred items) queued under campaign-work/ in the local
   * bucket, handed to the same dispatcher and sender handlers as in AWS.
   */
  campaigns: LocalCampaignWorkTrigger;
  api: LocalHttpApi;
  secrets: LocalSecrets;
  /** Resolves when no run started through the API is still going. */
  runsIdle(): Promise<void>;
  /** "Run now": the same handler the nightly schedule invokes. */
  resegment(asOf?: string): Promise<{ outcome: string }>;
  stop(): Promise<void>;
}

/**
 * Shoal on one machine: the emulators, plus the same Lambda handlers wired to local triggers the
 * way CDK wires them in AWS, and the API behind a local API Gateway. The handlers read their
 * configuration from the environment, exactly as in Lambda, so it is set before they are imported.
 */
export const startLocalStack = async ({
  dataDir,
  fresh = false,
  ports,
  timeZone = 'UTC',
  currency = 'USD',
  locale = 'en-US',
  corsOrigins = [],
  senderConcurrency = 2,
  throttle,
}: {
  dataDir: string;
  fresh?: boolean;
  /** The shop's time zone: the nightly run fires at 02:00 there. */
  timeZone?: string;
  currency?: string;
  locale?: string;
  corsOrigins?: string[];
  ports?: { dynamodb?: number; s3?: number; ses?: number; api?: number };
  senderConcurrency?: number;
  /** Per-caller API throttle; the adapter's default (200/s, burst 400) when absent. */
  throttle?: ThrottleSettings;
}): Promise<LocalStack> => {
  if (fresh) rmSync(dataDir, { recursive: true, force: true });
  const secrets = loadLocalSecrets({ dataDir });
  const aws = await startLocalAws({ dataDir, ports });
  const { clients, tables, bucket } = aws.config;
  // The port is chosen before the handlers load because mail links carry the API's address.
  const apiPort = ports?.api ?? (await findFreePort());
  // Filled once the handlers are imported: they can only load after the environment below, which
  // carries this endpoint's address.
  const lambdaFunctions: Record<string, LocalFunction> = {};
  const lambdas = await startLocalLambdaEndpoint({
    functions: lambdaFunctions,
    onError: (name, error) =>
      console.error(
        JSON.stringify({ level: 'ERROR', message: `${name} failed`, error: String(error) }),
      ),
  });
  Object.assign(process.env, {
    AWS_REGION: clients.region,
    SHOAL_DYNAMODB_ENDPOINT: clients.endpoints.dynamodb,
    SHOAL_S3_ENDPOINT: clients.endpoints.s3,
    SHOAL_SES_ENDPOINT: clients.endpoints.ses,
    SHOAL_LAMBDA_ENDPOINT: lambdas.endpoint,
    UPLOADS_BUCKET: bucket,
    CUSTOMERS_TABLE: tables.customers,
    SEGMENTS_TABLE: tables.segments,
    CAMPAIGNS_TABLE: tables.campaigns,
    IMPORTS_TABLE: tables.imports,
    MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
    SHOP_TIME_ZONE: timeZone,
    SHOP_CURRENCY: currency,
    SHOP_LOCALE: locale,
    RESEGMENT_FUNCTION: 'shoal-resegment',
    STOREFRONT_KEY_HASHES: hashStorefrontKey(secrets.storefrontKey),
    CAMPAIGN_WORK_BUCKET: bucket,
    CONSENT_MODEL: 'opt-in',
    SENDER_FROM: 'Shoal Local <news@shoal.localhost>',
    SES_CONFIGURATION_SET: 'shoal-local',
    UNSUBSCRIBE_BASE_URL: `http://127.0.0.1:${apiPort}`,
    UNSUBSCRIBE_MAILBOX: 'unsubscribe@shoal.localhost',
    POSTAL_ADDRESS: 'Shoal Local, 1 Example Street, Nowhere',
    MESSAGE_ID_DOMAIN: 'shoal.localhost',
    SENDER_CONCURRENCY: String(senderConcurrency),
    UNSUBSCRIBE_KEYS: localUnsubscribeKeys(join(dataDir, 'unsubscribe-keys.json')),
  });
  const { handler: ingestHandler } = await import('../../functions/ingest-upload/handler');
  const ingest = createLocalIngestTrigger(ingestHandler);
  aws.s3.onObjectEvent((record) => ingest.deliver(record));
  const resegmentModule = await import('../../functions/resegment/handler');
  lambdaFunctions['shoal-resegment'] = resegmentModule.handler as LocalFunction;
  const resegment = (asOf?: string) =>
    resegmentModule.handler(asOf ? { asOf } : {}, localLambdaContext('shoal-resegment'));
  // The local SES endpoint publishes no events: local campaigns show sends, never deliveries,
  // bounces or opens. Synthesising deliveries would make local results look better than proven.
  const campaigns = createLocalCampaignWorkTrigger({
    dispatch: (await import('../../functions/campaign-dispatch/handler')).handler,
    send: (await import('../../functions/campaign-send/handler')).handler,
    senderConcurrency,
    deferredDelayMs: 30_000,
  });
  aws.s3.onObjectEvent((record) => campaigns.deliver(record));
  const { handler: adminHandler } = await import('../../functions/api-admin/handler');
  const { handler: storefrontHandler } = await import('../../functions/api-storefront/handler');
  const api = await startLocalHttpApi({
    routes: apiRoutes,
    functions: {
      admin: adminHandler as unknown as LambdaHttpHandler,
      storefront: storefrontHandler as unknown as LambdaHttpHandler,
    },
    adminKey: secrets.adminKey,
    port: apiPort,
    corsOrigins,
    ...(throttle && { throttle }),
    localRoutes: [
      { method: 'GET', path: '/v1/outbox', handle: () => localOutboxResponse(aws.ses) },
    ],
  });
  const nightly = startLocalNightlySchedule({ hour: 2, timeZone, run: resegment });
  return {
    aws,
    ingest,
    campaigns,
    api,
    secrets,
    runsIdle: () => lambdas.idle(),
    resegment,
    stop: async () => {
      nightly.stop();
      campaigns.stop();
      await api.stop();
      await Promise.all([ingest.idle(), campaigns.idle(), lambdas.idle()]);
      await lambdas.stop();
      await aws.stop();
    },
  };
};
