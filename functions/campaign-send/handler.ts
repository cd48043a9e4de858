import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { z } from 'zod';
import { createAwsClients } from '../../adapters/aws/aws-clients';
import { DynamoDbCampaignStore } from '../../adapters/aws/dynamodb-campaign-store';
import { ObjectStoreCampaignWorkQueue } from '../../adapters/aws/object-store-campaign-work-queue';
import { S3ObjectStore } from '../../adapters/aws/s3-object-store';
import { SesCampaignMailer } from '../../adapters/aws/ses-campaign-mailer';
import { sendCampaignBatch } from '../../core/campaigns/send-campaign-batch';
import { shareSendRate } from '../../core/campaigns/share-send-rate';
import {
  EligibilityEnv,
  policyFromEnv,
  SenderEnv,
  senderConfigFromEnv,
} from '../shared/campaign-env';
import { forEachCampaignWork } from '../shared/campaign-work-messages';
import { logger } from '../shared/logger';
import { BaseEnv, clientConfigFromEnv, parseEnv } from '../shared/parse-env';
import { loadUnsubscribeKeys, UnsubscribeKeysEnv } from '../shared/unsubscribe-keys';

const env = parseEnv(
  BaseEnv.extend(EligibilityEnv.shape)
    .extend(SenderEnv.shape)
    .extend({
      CAMPAIGNS_TABLE: z.string().min(1),
      CAMPAIGN_WORK_BUCKET: z.string().min(1),
      /** The event source's maximum concurrency: the senders share SES's send rate this many ways. */
      SENDER_CONCURRENCY: z.coerce.number().int().min(1),
    }),
);
const keysEnv = parseEnv(UnsubscribeKeysEnv);
const clients = createAwsClients(clientConfigFromEnv(env));
const clock = () => new Date();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const store = new DynamoDbCampaignStore(clients.documents, env.CAMPAIGNS_TABLE);
const queue = new ObjectStoreCampaignWorkQueue(
  new S3ObjectStore(clients.s3, env.CAMPAIGN_WORK_BUCKET),
  clock,
);
const mailer = shareSendRate(
  new SesCampaignMailer(clients.ses, { configurationSetName: env.SES_CONFIGURATION_SET }),
  env.SENDER_CONCURRENCY,
);
const config = {
  sender: senderConfigFromEnv(env),
  policy: policyFromEnv(env),
  unsubscribeKeys: await loadUnsubscribeKeys(keysEnv),
};

/**
 * One send item per message: mails its slice exactly once per recipient and queues what is left
 * of it for later. A throw (DynamoDB or SES unreachable) fails the message, and SQS retries it
 * after the visibility timeout, when stale claims are reconciled rather than resent.
 */
const send = (event: unknown) =>
  forEachCampaignWork(event, queue, async ({ item }) => {
    if (item.kind !== 'send') throw new Error(`a ${item.kind} item reached the sender`);
    const { failed, unknown, postponed, ...result } = await sendCampaignBatch({
      campaignId: item.campaignId,
      outboxIds: item.outboxIds,
      last: item.last,
      store,
      mailer,
      clock,
      sleep,
      config,
      queue,
    });
    logger.info('campaign slice sent', {
      campaignId: item.campaignId,
      records: item.outboxIds.length,
      ...result,
      postponed: postponed.length,
      failed,
      unknown,
    });
  });

export const handler = middy(send).use(injectLambdaContext(logger));
