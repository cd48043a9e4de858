import { SqsSchema } from '@aws-lambda-powertools/parser/schemas';
import type { SQSBatchItemFailure, SQSBatchResponse } from 'aws-lambda';
import type { ObjectStoreCampaignWorkQueue } from '../../adapters/aws/object-store-campaign-work-queue';
import type { QueuedCampaignWork } from '../../core/campaigns/campaign-work-item';
import { uploadsFromNotification } from './s3-upload-notification';
import { logger } from './logger';

/**
 * Runs `work` for every campaign work item the SQS messages announce (S3 → SQS) and reports the
 * messages whose work threw, so SQS retries only those and dead-letters them in the end. An item
 * whose object is gone was already handled and expired: there is nothing left to do.
 */
export const forEachCampaignWork = async (
  event: unknown,
  queue: ObjectStoreCampaignWorkQueue,
  work: (entry: QueuedCampaignWork) => Promise<void>,
): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const message of SqsSchema.parse(event).Records) {
    try {
      for (const { key } of uploadsFromNotification(message.body)) {
        const entry = await queue.read(key);
        if (entry) await work(entry);
        else logger.warn('campaign work item is gone', { key });
      }
    } catch (error) {
      logger.error('campaign work failed; SQS will retry it', {
        messageId: message.messageId,
        error,
      });
      batchItemFailures.push({ itemIdentifier: message.messageId });
    }
  }
  return { batchItemFailures };
};
