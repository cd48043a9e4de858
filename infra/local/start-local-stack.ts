import { rmSync } from 'node:fs';
import { apiRoutes } from '../../functions/api/api-routes';
import { hashStorefrontKey } from '../../functions/api/storefront-key';
import { MAX_UPLOAD_BYTES } from '../constructs/ingest';
import { type LocalHttpApi, type LambdaHttpHandler, startLocalHttpApi } from './local-http-api';
import { startLocalLambdaEndpoint } from './local-lambda-endpoint';
import { localOutboxResponse } from './local-outbox-route';
import { loadLocalSecrets, type LocalSecrets } from './local-secrets';
import { createLocalIngestTrigger, type LocalIngestTrigger } from './local-ingest-trigger';
import { localLambdaContext } from './local-lambda-context';
import { startLocalNightlySchedule } from './local-nightly-schedule';
import { type LocalAws, startLocalAws } from './start-local-aws';
import type { LocalFunction } from './local-lambda-endpoint';

export interface LocalStack {
  aws: LocalAws;
  ingest: LocalIngestTrigger;
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
 * way CDK wires them in AWS. The handlers read their configuration from the environment, exactly
 * as in Lambda, so it is set before they are imported.
 */
export const startLocalStack = async ({
  dataDir,
  fresh = false,
  ports,
  timeZone = 'UTC',
  currency = 'USD',
  locale = 'en-US',
  corsOrigins = [],
}: {
  dataDir: string;
  fresh?: boolean;
  /** The shop's time zone: the nightly run fires at 02:00 there. */
  timeZone?: string;
  currency?: string;
  locale?: string;
  corsOrigins?: string[];
  ports?: { dynamodb?: number; s3?: number; ses?: number; api?: number };
}): Promise<LocalStack> => {
  if (fresh) rmSync(dataDir, { recursive: true, force: true });
  const secrets = loadLocalSecrets({ dataDir });
  const aws = await startLocalAws({ dataDir, ports });
  const { clients, tables, bucket } = aws.config;
  const late: { resegment?: LocalFunction } = {};
  const lambdas = await startLocalLambdaEndpoint({
    functions: {
      'shoal-resegment': (event, context) => (late.resegment as LocalFunction)(event, context),
    },
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
    UPLOADS_BUCKET: bucket,
    CUSTOMERS_TABLE: tables.customers,
    SEGMENTS_TABLE: tables.segments,
    CAMPAIGNS_TABLE: tables.campaigns,
    IMPORTS_TABLE: tables.imports,
    MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
    SHOP_TIME_ZONE: timeZone,
    SHOP_CURRENCY: currency,
    SHOP_LOCALE: locale,
    SHOAL_LAMBDA_ENDPOINT: lambdas.endpoint,
    RESEGMENT_FUNCTION: 'shoal-resegment',
    STOREFRONT_KEY_HASHES: hashStorefrontKey(secrets.storefrontKey),
    SHOAL_UNSUBSCRIBE_KEYS: JSON.stringify(secrets.unsubscribeKeys),
  });
  const { handler: ingestHandler } = await import('../../functions/ingest-upload/handler');
  const ingest = createLocalIngestTrigger(ingestHandler);
  aws.s3.onObjectEvent((record) => ingest.deliver(record));
  const resegmentModule = await import('../../functions/resegment/handler');
  late.resegment = resegmentModule.handler as LocalFunction;
  const resegment = (asOf?: string) =>
    resegmentModule.handler(asOf ? { asOf } : {}, localLambdaContext('shoal-resegment'));
  const { handler: adminHandler } = await import('../../functions/api-admin/handler');
  const { handler: storefrontHandler } = await import('../../functions/api-storefront/handler');
  const api = await startLocalHttpApi({
    routes: apiRoutes,
    functions: {
      admin: adminHandler as unknown as LambdaHttpHandler,
      storefront: storefrontHandler as unknown as LambdaHttpHandler,
    },
    adminKey: secrets.adminKey,
    port: ports?.api,
    corsOrigins,
    extra: async ({ method, url, authorised }) => {
      if (method === 'GET' && url.pathname === '/v1/outbox') {
        return authorised
          ? localOutboxResponse(aws.ses)
          : {
              status: 401,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                error: {
                  code: 'unauthorized',
                  message: 'send the admin key as "Authorization: Bearer <key>"',
                  details: {},
                },
              }),
            };
      }
      return undefined;
    },
  });
  const nightly = startLocalNightlySchedule({ hour: 2, timeZone, run: resegment });
  return {
    aws,
    ingest,
    api,
    secrets,
    runsIdle: () => lambdas.idle(),
    resegment,
    stop: async () => {
      nightly.stop();
      await api.stop();
      await ingest.idle();
      await lambdas.idle();
      await lambdas.stop();
      await aws.stop();
    },
  };
};
