import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SqsSchema } from '@aws-lambda-powertools/parser/schemas';
import middy from '@middy/core';
import type { SQSBatchItemFailure, SQSBatchResponse } from 'aws-lambda';
import { z } from 'zod';
import { createAwsClients } from '../../adapters/aws/aws-clients';
import { DynamoDbCampaignStore } from '../../adapters/aws/dynamodb-campaign-store';
import { recordDeliveryEvent } from '../../core/campaigns/record-delivery-event';
import { ValidationError } from '../../core/shared/errors';
import { logger } from '../shared/logger';
import { BaseEnv, clientConfigFromEnv, parseEnv } from '../shared/parse-env';

const env = parseEnv(BaseEnv.extend({ CAMPAIGNS_TABLE: z.string().min(1) }));
const clients = createAwsClients(clientConfigFromEnv(env));
const store = new DynamoDbCampaignStore(clients.documents, env.CAMPAIGNS_TABLE);

/**
 * SES configuration set → SNS → SQS → here: each message body is the SNS envelope of one SES
 * event. Core records each (MessageId, type) once, so SNS's at-least-once delivery and SQS's
 * retries are harmless. A body that is not a SES notification is logged and dropped, since
 * retrying cannot fix it; anything else fails the message for SQS to retry.
 */
const recordSesEvents = async (event: unknown): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const message of SqsSchema.parse(event).Records) {
    try {
      const result = await recordDeliveryEvent({
        notification: JSON.parse(message.body),
        store,
        clock: () => new Date(),
      });
      logger.info('SES event recorded', { ...result });
    } catch (error) {
      if (error instanceof ValidationError || error instanceof SyntaxError) {
        logger.warn('not a SES notification; dropped', { messageId: message.messageId, error });
        continue;
      }
      logger.error('SES event failed; SQS will retry it', { messageId: message.messageId, error });
      batchItemFailures.push({ itemIdentifier: message.messageId });
    }
  }
  return { batchItemFailures };
};

export const handler = middy(recordSesEvents).use(injectLambdaContext(logger));
