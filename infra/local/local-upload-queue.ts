import { createHash, randomUUID } from 'node:crypto';
import type { SQSEvent } from 'aws-lambda';
import type { LocalS3EventRecord } from './start-s3-server';

/**
 * S3 URL-encodes object keys in notifications and s3rver does not; encoding here lets the ingest
 * handler decode every key the same way, locally and in AWS.
 */
const encodeKeyLikeS3 = (key: string): string =>
  key
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/%20/g, '+'))
    .join('/');

/** The S3 notification as S3 would have written it into the SQS message body. */
const s3NotificationBody = (record: LocalS3EventRecord, at: Date, region: string): string =>
  JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: region,
        eventTime: at.toISOString(),
        eventName: record.eventName,
        userIdentity: { principalId: 'shoal-local' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': randomUUID(), 'x-amz-id-2': randomUUID() },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'shoal-local-uploads',
          bucket: {
            name: record.s3.bucket.name,
            ownerIdentity: { principalId: 'shoal-local' },
            arn: `arn:aws:s3:::${record.s3.bucket.name}`,
          },
          object: {
            key: encodeKeyLikeS3(record.s3.object.key),
            ...(record.s3.object.size !== undefined && { size: record.s3.object.size }),
            ...(record.s3.object.eTag && { eTag: record.s3.object.eTag }),
            sequencer: at.getTime().toString(16).toUpperCase(),
          },
        },
      },
    ],
  });

/** Wraps one S3 notification in the SQS event Lambda's SQS poller would deliver. */
export const sqsEventForS3Record = (
  record: LocalS3EventRecord,
  { at = new Date(), region = 'us-east-1' }: { at?: Date; region?: string } = {},
): SQSEvent => {
  const body = s3NotificationBody(record, at, region);
  return {
    Records: [
      {
        messageId: randomUUID(),
        receiptHandle: randomUUID(),
        body,
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(at.getTime()),
          SenderId: 'shoal-local',
          ApproximateFirstReceiveTimestamp: String(at.getTime()),
        },
        messageAttributes: {},
        md5OfBody: createHash('md5').update(body).digest('hex'),
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:${region}:000000000000:shoal-local-uploads`,
        awsRegion: region,
      },
    ],
  };
};
