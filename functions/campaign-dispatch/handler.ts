import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { z } from 'zod';
import { createAwsClients } from '../../adapters/aws/aws-clients';
import { DynamoDbCampaignStore } from '../../adapters/aws/dynamodb-campaign-store';
import { DynamoDbCustomerStore } from '../../adapters/aws/dynamodb-customer-store';
import { DynamoDbSegmentStore } from '../../adapters/aws/dynamodb-segment-store';
import { ObjectStoreCampaignWorkQueue } from '../../adapters/aws/object-store-campaign-work-queue';
import { S3ObjectStore } from '../../adapters/aws/s3-object-store';
import { checkCampaignCompletion } from '../../core/campaigns/check-campaign-completion';
import { dispatchCampaign } from '../../core/campaigns/dispatch-campaign';
import { freezeAudiencePage } from '../../core/campaigns/freeze-audience-page';
import { triggerCampaignSends } from '../../core/campaigns/trigger-campaign-sends';
import { EligibilityEnv, policyFromEnv } from '../shared/campaign-env';
import { forEachCampaignWork } from '../shared/campaign-work-messages';
import { deferCampaignWork } from '../../core/campaigns/defer-campaign-work';
import { logger } from '../shared/logger';
import { BaseEnv, clientConfigFromEnv, parseEnv } from '../shared/parse-env';

const env = parseEnv(
  BaseEnv.extend(EligibilityEnv.shape).extend({
    CAMPAIGNS_TABLE: z.string().min(1),
    SEGMENTS_TABLE: z.string().min(1),
    CUSTOMERS_TABLE: z.string().min(1),
    CAMPAIGN_WORK_BUCKET: z.string().min(1),
  }),
);
const clients = createAwsClients(clientConfigFromEnv(env));
const clock = () => new Date();
const store = new DynamoDbCampaignStore(clients.documents, env.CAMPAIGNS_TABLE);
const segments = new DynamoDbSegmentStore(clients.documents, env.SEGMENTS_TABLE);
const customers = new DynamoDbCustomerStore(clients.documents, env.CUSTOMERS_TABLE);
const queue = new ObjectStoreCampaignWorkQueue(
  new S3ObjectStore(clients.s3, env.CAMPAIGN_WORK_BUCKET),
  clock,
);
const policy = policyFromEnv(env);

/**
 * Dispatch, complete, watch and deferred items, from S3 through SQS. An item not due yet is
 * queued again (one more hop through the delayed queue) unless its campaign is over; a due send item is passed on to the
 * senders; a complete item marks its campaign sent or checks again later; a watch item queues a
 * triggered campaign's new entrants; a dispatch item starts a campaign, freezing the first page of
 * its audience; a freeze item freezes the next page and queues its slices.
 */
const dispatch = (event: unknown) =>
  forEachCampaignWork(event, queue, async (entry) => {
    const { item } = entry;
    if (entry.notBefore && Date.parse(entry.notBefore) > clock().getTime()) {
      await deferCampaignWork({ entry, store, queue });
      return;
    }
    if (item.kind === 'send') {
      await queue.enqueue([{ item }]);
      return;
    }
    if (item.kind === 'complete') {
      const outcome = await checkCampaignCompletion({ ...item, store, queue, clock });
      logger.info('campaign completion checked', { campaignId: item.campaignId, outcome });
      return;
    }
    if (item.kind === 'watch') {
      const result = await triggerCampaignSends({
        campaignId: item.campaignId,
        lastRunId: item.runId,
        segments,
        customers,
        policy,
        store,
        queue,
        clock,
      });
      logger.info('triggered campaign watched', { campaignId: item.campaignId, ...result });
      return;
    }
    if (item.kind === 'freeze') {
      const result = await freezeAudiencePage({
        item,
        segments,
        customers,
        policy,
        store,
        queue,
        clock,
      });
      logger.info('campaign audience page frozen', { ...item, ...result });
      return;
    }
    const result = await dispatchCampaign({
      campaignId: item.campaignId,
      segments,
      customers,
      policy,
      store,
      queue,
      clock,
    });
    logger.info('campaign dispatched', { campaignId: item.campaignId, ...result });
  });

export const handler = middy(dispatch).use(injectLambdaContext(logger));
