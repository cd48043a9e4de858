import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { createAwsClients } from '../../adapters/aws/aws-clients';
import { DynamoDbCustomerStore } from '../../adapters/aws/dynamodb-customer-store';
import { DynamoDbSegmentStore } from '../../adapters/aws/dynamodb-segment-store';
import { runResegmentation } from '../../core/segmentation-runs/run-resegmentation';
import { localDateOf } from '../../core/shared/local-date';
import { logger } from '../shared/logger';
import { BaseEnv, clientConfigFromEnv, parseEnv } from '../shared/parse-env';

const env = parseEnv(
  BaseEnv.extend({
    CUSTOMERS_TABLE: z.string().min(1),
    SEGMENTS_TABLE: z.string().min(1),
    SHOP_TIME_ZONE: z.string().min(1).default('UTC'),
    RESEGMENT_SHARDS: z.coerce.number().int().min(1).max(64).default(4),
  }),
);
const clients = createAwsClients(clientConfigFromEnv(env));
const customers = new DynamoDbCustomerStore(clients.documents, env.CUSTOMERS_TABLE);
const segments = new DynamoDbSegmentStore(clients.documents, env.SEGMENTS_TABLE);

/** The schedule sends `{}`; "run now" (API or CLI) may name the as-of date. */
const ResegmentRequest = z.object({
  asOf: z.iso.date().optional(),
});

const resegment = async (event: unknown, context: Context) => {
  const request = ResegmentRequest.parse(event ?? {});
  const now = new Date();
  const asOf = request.asOf ?? localDateOf(now, env.SHOP_TIME_ZONE);
  const result = await runResegmentation({
    asOf,
    timeZone: env.SHOP_TIME_ZONE,
    customers,
    segments,
    clock: () => new Date(),
    invocationId: context.awsRequestId,
    shardCount: env.RESEGMENT_SHARDS,
  });
  logger.info('resegmentation finished', {
    asOf,
    outcome: result.outcome,
    ...('run' in result && { runId: result.run.runId, customers: result.run.customers }),
  });
  return {
    outcome: result.outcome,
    ...('run' in result && { run: result.run }),
  };
};

export const handler = middy(resegment).use(injectLambdaContext(logger));
