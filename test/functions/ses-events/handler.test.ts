import { randomUUID } from 'node:crypto';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClients } from '../../../adapters/aws/aws-clients';
import { DynamoDbCampaignStore } from '../../../adapters/aws/dynamodb-campaign-store';
import { suppressionKey } from '../../../core/campaigns/email-address';
import { localLambdaContext } from '../../../infra/local/local-lambda-context';
import { campaign, candidate } from '../../core/campaigns/fixtures';

const local = inject('localAws');
const clients = createAwsClients(local.clients);
const store = new DynamoDbCampaignStore(clients.documents, local.tables.campaigns);
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

beforeAll(async () => {
  Object.assign(process.env, {
    AWS_REGION: local.clients.region,
    SHOAL_DYNAMODB_ENDPOINT: local.clients.endpoints.dynamodb,
    CAMPAIGNS_TABLE: local.tables.campaigns,
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  });
  handler = (await import('../../../functions/ses-events/handler'))
    .handler as unknown as typeof handler;
});

afterAll(() => clients.dynamodb.destroy());

const mail = (messageId: string, to: string) => ({
  timestamp: '2026-03-10T12:00:00.000Z',
  source: 'Shoal Shop <news@shop.example>',
  sendingAccountId: '123456789012',
  messageId,
  destination: [to],
  headersTruncated: false,
  tags: { 'ses:configuration-set': ['shoal-campaigns'] },
});

/** A SES event as the configuration set publishes it to SNS. */
const sesEvent = (type: 'Bounce' | 'Complaint' | 'Delivery', messageId: string, to: string) => ({
  eventType: type,
  mail: mail(messageId, to),
  ...(type === 'Bounce' && {
    bounce: {
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [
        { emailAddress: to, action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1' },
      ],
      timestamp: '2026-03-10T12:00:02.000Z',
      feedbackId: randomUUID(),
      reportingMTA: 'dns; a8-70.smtp-out.amazonses.com',
    },
  }),
  ...(type === 'Complaint' && {
    complaint: {
      // Some mailbox providers redact the complainant: only the MessageId can be trusted.
      complainedRecipients: [{ emailAddress: 'redacted@example.org' }],
      timestamp: '2026-03-10T13:00:00.000Z',
      feedbackId: randomUUID(),
      complaintFeedbackType: 'abuse',
      userAgent: 'Yahoo!-Mail-Feedback/2.0',
    },
  }),
  ...(type === 'Delivery' && {
    delivery: {
      timestamp: '2026-03-10T12:00:01.000Z',
      processingTimeMillis: 812,
      recipients: [to],
      smtpResponse: '250 ok',
      reportingMTA: 'a8-70.smtp-out.amazonses.com',
    },
  }),
});

/** SNS → SQS without raw delivery: the body is the SNS envelope, the SES event a string in it. */
const sqsEvent = (events: ReturnType<typeof sesEvent>[]): SQSEvent => ({
  Records: events.map((ses) => {
    const body = JSON.stringify({
      Type: 'Notification',
      MessageId: randomUUID(),
      TopicArn: 'arn:aws:sns:us-east-1:123456789012:shoal-ses-events',
      Message: JSON.stringify(ses),
      Timestamp: new Date().toISOString(),
      SignatureVersion: '1',
      Signature: 'EXAMPLE',
      SigningCertURL: 'https://sns.us-east-1.amazonaws.com/cert.pem',
      UnsubscribeURL: 'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe',
    });
    return {
      messageId: randomUUID(),
      receiptHandle: randomUUID(),
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(Date.now()),
        SenderId: 'AIDAEXAMPLE',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: 'not-checked',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:shoal-ses-events',
      awsRegion: 'us-east-1',
    };
  }),
});

/** A sent campaign whose two recipients' MessageIds are on record, as the sender leaves them. */
const sentTo = async (campaignId: string) => {
  await store.putCampaign(
    campaign({ campaignId, status: 'sending', audienceFrozenAt: '2026-03-10T11:00:00.000Z' }),
  );
  const people = ['bounces', 'complains'].map((name) => candidate(`${campaignId}-${name}`));
  const messageIds: string[] = [];
  for (const person of people) {
    const messageId = `${randomUUID()}-000000`;
    await store.createSendIfAbsent({
      campaignId,
      customerId: person.customerId,
      status: 'sent',
      recipient: person,
      emailHash: suppressionKey(person.profile.email!),
      messageId,
      sentAt: '2026-03-10T12:00:00.000Z',
      attempts: 1,
      createdAt: '2026-03-10T11:00:00.000Z',
      updatedAt: '2026-03-10T12:00:00.000Z',
    });
    await store.recordMessage(messageId, { campaignId, customerId: person.customerId });
    messageIds.push(messageId);
  }
  return { people, messageIds };
};

describe('ses-events handler', () => {
  it('suppresses once per bounce and complaint however often and in whatever order SNS delivers them', async () => {
    const campaignId = `ses-events-${randomUUID().slice(0, 8)}`;
    const { people, messageIds } = await sentTo(campaignId);
    const [bouncer, complainer] = people.map((p) => p.profile.email!);
    const bounce = sesEvent('Bounce', messageIds[0]!, bouncer!);
    const delivery = sesEvent('Delivery', messageIds[1]!, complainer!);
    const complaint = sesEvent('Complaint', messageIds[1]!, complainer!);

    // The complaint arrives before the delivery it follows, and everything arrives twice.
    const first = await handler(sqsEvent([complaint, bounce, bounce]), localLambdaContext('t'));
    const second = await handler(
      sqsEvent([delivery, complaint, bounce, delivery]),
      localLambdaContext('t'),
    );

    expect(first.batchItemFailures).toEqual([]);
    expect(second.batchItemFailures).toEqual([]);
    const suppressions = await store.getSuppressions(
      [bouncer!, complainer!].map((email) => suppressionKey(email)),
    );
    expect([...suppressions.values()].sort()).toEqual(['complaint', 'hard-bounce']);
    expect(await store.getDeliveryCounts(campaignId)).toMatchObject({
      bounce: 1,
      complaint: 1,
      delivery: 1,
    });
  });

  it('drops a body that is no SES notification instead of retrying it forever', async () => {
    const event = sqsEvent([]);
    event.Records.push({ ...sqsEvent([sesEvent('Delivery', 'x', 'y')]).Records[0]!, body: '{}' });

    const response = await handler(event, localLambdaContext('t'));

    expect(response.batchItemFailures).toEqual([]);
  });
});
