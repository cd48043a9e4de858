import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SqsSchema } from '@aws-lambda-powertools/parser/schemas';
import middy from '@middy/core';
import type { SQSBatchItemFailure, SQSBatchResponse } from 'aws-lambda';
import { z } from 'zod';
import { createAwsClients } from '../../adapters/aws/aws-clients';
import { DynamoDbCustomerStore } from '../../adapters/aws/dynamodb-customer-store';
import { DynamoDbImportStore } from '../../adapters/aws/dynamodb-import-store';
import { S3ObjectStore } from '../../adapters/aws/s3-object-store';
import { processUpload } from '../../core/ingest/process-upload';
import { logger } from '../shared/logger';
import { BaseEnv, clientConfigFromEnv, parseEnv } from '../shared/parse-env';
import { uploadsFromNotification } from '../shared/s3-upload-notification';

const env = parseEnv(
  BaseEnv.extend({
    UPLOADS_BUCKET: z.string().min(1),
    CUSTOMERS_TABLE: z.string().min(1),
    IMPORTS_TABLE: z.string().min(1),
    MAX_UPLOAD_BYTES: z.coerce.number().int().positive(),
  }),
);
const clients = createAwsClients(clientConfigFromEnv(env));
const objects = new S3ObjectStore(clients.s3, env.UPLOADS_BUCKET);
const imports = new DynamoDbImportStore(clients.documents, env.IMPORTS_TABLE);
const customers = new DynamoDbCustomerStore(clients.documents, env.CUSTOMERS_TABLE);

/**
 * S3 → SQS → here. Each message is handled on its own and only failed ones are returned, so SQS
 * retries them (and finally parks them in the dead-letter queue) without repeating the others.
 */
const ingestUploads = async (event: unknown): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const message of SqsSchema.parse(event).Records) {
    try {
      for (const upload of uploadsFromNotification(message.body)) {
        if (upload.bucket !== env.UPLOADS_BUCKET) continue;
        const result = await processUpload({
          upload,
          objects,
          imports,
          customers,
          clock: () => new Date(),
          limits: { maxBytes: env.MAX_UPLOAD_BYTES },
        });
        logger.info('upload processed', { key: upload.key, ...result });
      }
    } catch (error) {
      logger.error('upload failed; SQS will retry it', { messageId: message.messageId, error });
      batchItemFailures.push({ itemIdentifier: message.messageId });
    }
  }
  return { batchItemFailures };
};

export const handler = middy(ingestUploads).use(injectLambdaContext(logger));
