import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { z } from 'zod';
import { createAwsClients } from '../../adapters/aws/aws-clients';
import { DynamoDbCampaignStore } from '../../adapters/aws/dynamodb-campaign-store';
import { DynamoDbCustomerStore } from '../../adapters/aws/dynamodb-customer-store';
import { DynamoDbSegmentStore } from '../../adapters/aws/dynamodb-segment-store';
import { createHttpHandler } from '../api/create-http-handler';
import { storefrontRoutes } from '../api/routes/storefront-routes';
import { checkStorefrontKey } from '../api/storefront-key';
import type { UnsubscribeKeys } from '../../core/campaigns/unsubscribe-token';
import { logger } from '../shared/logger';
import { BaseEnv, clientConfigFromEnv, parseEnv } from '../shared/parse-env';
import { loadUnsubscribeKeys, UnsubscribeKeysEnv } from '../shared/unsubscribe-keys';

const env = parseEnv(
  BaseEnv.extend({
    CUSTOMERS_TABLE: z.string().min(1),
    SEGMENTS_TABLE: z.string().min(1),
    CAMPAIGNS_TABLE: z.string().min(1),
    STOREFRONT_KEY_HASHES: z
      .string()
      .transform((list) =>
        list
          .split(',')
          .map((hash) => hash.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest')).min(1)),
  }).and(UnsubscribeKeysEnv),
);
const clients = createAwsClients(clientConfigFromEnv(env));
// Read on the first unsubscribe, not at cold start: segment lookups never need the keys.
let unsubscribeKeys: Promise<UnsubscribeKeys> | undefined;

export const handler = middy(
  createHttpHandler({
    routes: storefrontRoutes,
    deps: {
      customers: new DynamoDbCustomerStore(clients.documents, env.CUSTOMERS_TABLE),
      segments: new DynamoDbSegmentStore(clients.documents, env.SEGMENTS_TABLE),
      campaigns: new DynamoDbCampaignStore(clients.documents, env.CAMPAIGNS_TABLE),
      unsubscribeKeys: () => (unsubscribeKeys ??= loadUnsubscribeKeys(env)),
      clock: () => new Date(),
    },
    authorize: (route, headers) => {
      if (route.auth === 'storefront')
        checkStorefrontKey({ headers, keyHashes: env.STOREFRONT_KEY_HASHES });
    },
  }),
).use(injectLambdaContext(logger));
