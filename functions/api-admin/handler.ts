import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { z } from 'zod';
import { createAwsClients } from '../../adapters/aws/aws-clients';
import { createLambdaClient } from '../../adapters/aws/create-lambda-client';
import { DynamoDbCampaignStore } from '../../adapters/aws/dynamodb-campaign-store';
import { DynamoDbCustomerStore } from '../../adapters/aws/dynamodb-customer-store';
import { DynamoDbImportStore } from '../../adapters/aws/dynamodb-import-store';
import { DynamoDbSegmentStore } from '../../adapters/aws/dynamodb-segment-store';
import { LambdaRunTrigger } from '../../adapters/aws/lambda-run-trigger';
import { ObjectStoreCampaignWorkQueue } from '../../adapters/aws/object-store-campaign-work-queue';
import { S3ObjectStore } from '../../adapters/aws/s3-object-store';
import { S3UploadUrlSigner } from '../../adapters/aws/s3-upload-url-signer';
import { SesCampaignMailer } from '../../adapters/aws/ses-campaign-mailer';
import type { UnsubscribeKeys } from '../../core/campaigns/unsubscribe-token';
import { createDashboardAssets } from '../../dashboard/dashboard-assets';
import { adminRoutes } from '../api/api-routes';
import { createHttpHandler } from '../api/create-http-handler';
import {
  EligibilityEnv,
  policyFromEnv,
  SenderEnv,
  senderConfigFromEnv,
} from '../shared/campaign-env';
import { logger } from '../shared/logger';
import { BaseEnv, clientConfigFromEnv, parseEnv } from '../shared/parse-env';
import { loadUnsubscribeKeys, UnsubscribeKeysEnv } from '../shared/unsubscribe-keys';

const env = parseEnv(
  BaseEnv.extend(EligibilityEnv.shape)
    .extend(SenderEnv.shape)
    .extend({
      CUSTOMERS_TABLE: z.string().min(1),
      SEGMENTS_TABLE: z.string().min(1),
      CAMPAIGNS_TABLE: z.string().min(1),
      IMPORTS_TABLE: z.string().min(1),
      UPLOADS_BUCKET: z.string().min(1),
      CAMPAIGN_WORK_BUCKET: z.string().min(1),
      RESEGMENT_FUNCTION: z.string().min(1),
      SHOAL_LAMBDA_ENDPOINT: z.url().optional(),
      SHOP_TIME_ZONE: z.string().min(1).default('UTC'),
      SHOP_CURRENCY: z.string().length(3).default('USD'),
      SHOP_LOCALE: z.string().min(2).default('en-US'),
      /** Where the deploy copied the dashboard's files; beside the sources when unset. */
      DASHBOARD_DIR: z.string().min(1).optional(),
      /** Cognito's managed login for the dashboard; unset on the local stack. */
      DASHBOARD_LOGIN_DOMAIN_URL: z.url().optional(),
      DASHBOARD_LOGIN_CLIENT_ID: z.string().min(1).optional(),
    }),
);
const keysEnv = parseEnv(UnsubscribeKeysEnv);
const clients = createAwsClients(clientConfigFromEnv(env));
const lambda = createLambdaClient({ region: env.AWS_REGION, endpoint: env.SHOAL_LAMBDA_ENDPOINT });
// Read on the first preview or test send, not at cold start: most admin calls never need them.
let unsubscribeKeys: Promise<UnsubscribeKeys> | undefined;

export const handler = middy(
  createHttpHandler({
    routes: adminRoutes,
    deps: {
      customers: new DynamoDbCustomerStore(clients.documents, env.CUSTOMERS_TABLE),
      segments: new DynamoDbSegmentStore(clients.documents, env.SEGMENTS_TABLE),
      campaigns: new DynamoDbCampaignStore(clients.documents, env.CAMPAIGNS_TABLE),
      campaignWork: new ObjectStoreCampaignWorkQueue(
        new S3ObjectStore(clients.s3, env.CAMPAIGN_WORK_BUCKET),
        () => new Date(),
      ),
      sender: senderConfigFromEnv(env),
      mailer: new SesCampaignMailer(clients.ses, {
        configurationSetName: env.SES_CONFIGURATION_SET,
      }),
      unsubscribeKeys: () => (unsubscribeKeys ??= loadUnsubscribeKeys(keysEnv)),
      policy: policyFromEnv(env),
      imports: new DynamoDbImportStore(clients.documents, env.IMPORTS_TABLE),
      objects: new S3ObjectStore(clients.s3, env.UPLOADS_BUCKET),
      uploads: new S3UploadUrlSigner(clients.s3, env.UPLOADS_BUCKET),
      runs: new LambdaRunTrigger(lambda, env.RESEGMENT_FUNCTION),
      settings: {
        currency: env.SHOP_CURRENCY,
        locale: env.SHOP_LOCALE,
        timeZone: env.SHOP_TIME_ZONE,
        local: env.SHOAL_LAMBDA_ENDPOINT !== undefined,
      },
      dashboard: createDashboardAssets(
        env.DASHBOARD_DIR === undefined
          ? {}
          : {
              root: env.DASHBOARD_DIR,
              chartJsFile: `${env.DASHBOARD_DIR}/assets/chart.umd.min.js`,
            },
      ),
      ...(env.DASHBOARD_LOGIN_DOMAIN_URL !== undefined &&
        env.DASHBOARD_LOGIN_CLIENT_ID !== undefined && {
          login: {
            domainUrl: env.DASHBOARD_LOGIN_DOMAIN_URL,
            clientId: env.DASHBOARD_LOGIN_CLIENT_ID,
          },
        }),
      clock: () => new Date(),
    },
  }),
).use(injectLambdaContext(logger));
